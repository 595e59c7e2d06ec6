/** What `panos-ipsec status` reports: per device, per tunnel (or proxy-ID child SA), its SA state and why it is down. */

/** State of an IKE SA or child SA. */
export type SaState = 'up' | 'down';

/** The latest negotiation failure the device logged for a tunnel or its gateway. */
export interface NegotiationFailure {
  /** ISO 8601 time the device logged it. */
  readonly time: string;
  readonly eventid: string;
  /** The log entry's description, as the device wrote it. */
  readonly message: string;
}

/** One tunnel (a tunnel, or `tunnel:proxy-id` for each proxy ID) as the device reports it. */
export interface TunnelStatus {
  readonly tunnel: string;
  readonly gateway: string;
  readonly local: string;
  readonly peer: string;
  readonly mode: 'tunnel' | 'transport' | 'unknown';
  readonly ike: {
    readonly state: SaState;
    /** ISO time the current IKE SA was created. */
    readonly since?: string;
    /** The proposal the IKE SA runs, e.g. `PSK/DH20/AES256-GCM16/SHA384`. */
    readonly proposal?: string;
    /** `Init` or `Resp`. */
    readonly role?: string;
    /** `IKEv2`, `Main` or `Aggressive`. */
    readonly exchange?: string;
  };
  readonly child: {
    readonly state: SaState;
    /** The tunnel's IPSec proposal as the device lists it, e.g. `ESP AES256-GCM16/NONE/DH20`. */
    readonly proposal?: string;
  };
  readonly up: boolean;
  /** ISO time: when the IKE SA came up (up), or of the latest failure (down). */
  readonly since?: string;
  /** Only for a tunnel that is down: the latest negotiation failure, if the device logged one. */
  readonly failure?: NegotiationFailure;
}

/** One device's answer, or why there is none. */
export interface DeviceStatus {
  readonly name: string;
  /** Management address the status was read from (`host:port`). */
  readonly address: string;
  /** Address other devices use to reach this one, when it sits behind NAT (from the inventory). */
  readonly natAddress?: string;
  readonly tunnels: readonly TunnelStatus[];
  /** Set when the device could not be read; the message names the cause and the fix. */
  readonly error?: string;
}

/** Totals of a report. */
export interface StatusCounts {
  readonly devices: number;
  readonly tunnels: number;
  readonly up: number;
  readonly down: number;
  readonly errors: number;
}

/** Everything one `status` run found. */
export interface StatusReport {
  readonly devices: readonly DeviceStatus[];
  readonly counts: StatusCounts;
}

/** Exit codes of `status`: 0 all up, 4 some down, 1 a device could not be read (or another error). */
export const STATUS_EXIT = { up: 0, error: 1, down: 4 } as const;

/** Builds a report with its counts. */
export function makeReport(devices: readonly DeviceStatus[]): StatusReport {
  const tunnels = devices.flatMap((d) => d.tunnels);
  const up = tunnels.filter((t) => t.up).length;
  return {
    devices,
    counts: { devices: devices.length, tunnels: tunnels.length, up, down: tunnels.length - up, errors: devices.filter((d) => d.error !== undefined).length },
  };
}

/** The exit code a report deserves. */
export function statusExitCode(r: StatusReport): number {
  if (r.counts.errors > 0) return STATUS_EXIT.error;
  return r.counts.down > 0 ? STATUS_EXIT.down : STATUS_EXIT.up;
}

/**
 * A short name for why a tunnel is down, taken from the failure text: the lab's `(… mismatch)` phrase, an RFC 7296
 * notify name, or `timeout`; `down` when none is recognisable.
 */
export function shortReason(failure: NegotiationFailure | undefined): string {
  if (!failure) return 'down';
  const m = failure.message;
  const phrase = /\(([^()]*mismatch)\)/.exec(m)?.[1];
  if (phrase) return phrase;
  const notify = /\b(NO_PROPOSAL_CHOSEN|AUTHENTICATION_FAILED|TS_UNACCEPTABLE|INVALID_KE_PAYLOAD|INVALID_ID_INFORMATION)\b/.exec(m)?.[1];
  if (notify) return notify;
  if (/timeout/i.test(m)) return 'timeout';
  if (/proxy id/i.test(m)) return 'proxy ID mismatch';
  if (/pfs|KE payload/i.test(m)) return 'PFS mismatch';
  return 'down';
}
