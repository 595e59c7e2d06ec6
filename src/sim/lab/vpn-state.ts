/**
 * One device's runtime VPN state: its IKE SAs, child SAs, the ids PAN-OS shows for gateways and tunnels, and its
 * system log. The fabric (fabric.ts) writes it after each negotiation; the op commands (vpn-ops.ts) read it.
 */
import { randomBytes, randomInt } from 'node:crypto';

/** An IKE SA as `show vpn ike-sa` lists it. */
export interface IkeSaRecord {
  readonly gateway: string;
  readonly role: 'Init' | 'Resp';
  readonly exchange: 'Main' | 'Aggressive' | 'IKEv2';
  /** `AUTH/DH/ENC/HASH`, e.g. `PSK/DH20/AES256-GCM16/SHA384`. */
  readonly algo: string;
  readonly created: Date;
  readonly lifetimeSec: number;
  readonly local: string;
  readonly peer: string;
  readonly natt: boolean;
  readonly spiI: string;
  readonly spiR: string;
}

/** A child SA as `show vpn ipsec-sa` lists it. */
export interface ChildSaRecord {
  /** Tunnel, or `tunnel:proxy-id`. */
  readonly name: string;
  readonly tunnel: string;
  readonly gateway: string;
  readonly remote: string;
  readonly protocol: 'ESP' | 'AH';
  /** Configuration values (`aes-256-gcm`, `none`, `group20`). */
  readonly enc: string;
  readonly auth: string;
  readonly dh: string;
  readonly spiIn: number;
  readonly spiOut: number;
  readonly lifetimeSec: number;
  readonly installed: Date;
  readonly mode: 'tunnel' | 'transport';
}

/** One system-log entry (field names of the vendor's system-log field list). */
export interface SystemLogEntry {
  readonly seqno: number;
  readonly time: Date;
  readonly subtype: 'vpn';
  readonly eventid: string;
  readonly severity: 'informational' | 'low' | 'medium' | 'high' | 'critical';
  readonly object: string;
  readonly message: string;
}

/** Entries kept per device; older ones are dropped like a full log database. */
export const LOG_CAPACITY = 10_000;

/** Allocates stable numeric ids per name (PAN-OS keeps a gateway's id while it exists). */
export class Ids {
  private readonly ids = new Map<string, number>();
  private next = 1;

  of(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.next++;
      this.ids.set(name, id);
    }
    return id;
  }
}

/** A fresh IKE SPI (16 hex digits, as the logs print it). */
export function ikeSpi(): string {
  return randomBytes(8).toString('hex');
}

/** A fresh child SPI (printed decimal in `show vpn ipsec-sa`); values below 256 are reserved (RFC 4303 §2.1). */
export function childSpi(): number {
  return randomInt(256, 0xffffffff);
}

/** The per-device state. */
export class VpnState {
  readonly ikeSas = new Map<string, IkeSaRecord>();
  readonly childSas = new Map<string, ChildSaRecord>();
  readonly gatewayIds = new Ids();
  readonly tunnelIds = new Ids();
  private readonly log: SystemLogEntry[] = [];
  private seq = 0;

  /** Drops the IKE SA of a gateway and every child SA under it. */
  clearGateway(gateway: string): void {
    this.ikeSas.delete(gateway);
    for (const [name, c] of this.childSas) if (c.gateway === gateway) this.childSas.delete(name);
  }

  /** Appends a system-log entry. */
  record(e: Omit<SystemLogEntry, 'seqno' | 'time' | 'subtype'>, time = new Date()): void {
    this.seq += 1;
    this.log.push({ ...e, seqno: this.seq, time, subtype: 'vpn' });
    if (this.log.length > LOG_CAPACITY) this.log.splice(0, this.log.length - LOG_CAPACITY);
  }

  /** Log entries, oldest first. */
  logEntries(): readonly SystemLogEntry[] {
    return this.log;
  }
}
