/**
 * Reads tunnel state from one firewall with bulk op commands, never one request per tunnel (docs/status.md):
 * `show vpn tunnel` (configured tunnels: gateway, mode, proposal), `show vpn flow` (each tunnel's peer, local address
 * and whether its child SA is installed) and `show vpn ike-sa` (IKE SAs: created time, chosen proposal), in parallel;
 * then, only when a tunnel is down, `show log system` for VPN events, newest first. At most 4 requests per device.
 */
import type { PanosClient } from '../../panos/client';
import { childrenNamed, textAt, type XmlElement } from '../../panos/xml';
import type { DeviceStatus, NegotiationFailure, TunnelStatus } from './status-model';

/** The op commands, exported so tests and docs name the same ones. */
export const STATUS_COMMANDS = {
  tunnels: '<show><vpn><tunnel></tunnel></vpn></show>',
  flow: '<show><vpn><flow></flow></vpn></show>',
  ikeSa: '<show><vpn><ike-sa></ike-sa></vpn></show>',
  log: '<show><log><system><subtype><equal>vpn</equal></subtype><direction><equal>backward</equal></direction></system></log></show>',
} as const;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `Sep.10 09:29:53` (no year, device local time) as a Date: this year, or last year when that would lie more than a
 * day in the future (a December SA read in January).
 */
export function parseVpnTime(text: string, now: Date = new Date()): Date | undefined {
  const m = /^([A-Z][a-z]{2})\.(\d{1,2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  const month = m ? MONTHS.indexOf(m[1]) : -1;
  if (!m || month < 0) return undefined;
  const at = (year: number): Date => new Date(year, month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
  const d = at(now.getFullYear());
  return d.getTime() - now.getTime() > 86_400_000 ? at(now.getFullYear() - 1) : d;
}

/** `2025/09/10 09:29:53` (system log times) as a Date. */
export function parseLogTime(text: string): Date | undefined {
  const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) : undefined;
}

const text = (e: XmlElement | undefined, name: string): string => (textAt(e, name) ?? '').trim();

interface IkeSa {
  readonly since?: Date;
  readonly proposal: string;
  readonly role: string;
  readonly exchange: string;
}

interface LogEntry {
  readonly time?: Date;
  readonly eventid: string;
  readonly object: string;
  readonly message: string;
}

/** `<entry>` elements of `show vpn ike-sa`, which sit directly under `<result>`, by gateway name. */
function ikeSas(result: XmlElement, now: Date): Map<string, IkeSa> {
  const out = new Map<string, IkeSa>();
  for (const e of childrenNamed(result, 'entry')) {
    const since = parseVpnTime(text(e, 'created'), now);
    out.set(text(e, 'name'), { ...(since ? { since } : {}), proposal: text(e, 'algo').replace(/\s+/g, ''), role: text(e, 'role'), exchange: text(e, 'mode') });
  }
  return out;
}

function logEntries(result: XmlElement): LogEntry[] {
  const logs = childrenNamed(childrenNamed(result, 'log')[0], 'logs')[0];
  return childrenNamed(logs, 'entry').map((e) => {
    const time = parseLogTime(text(e, 'time_generated') || text(e, 'receive_time'));
    return { ...(time ? { time } : {}), eventid: text(e, 'eventid'), object: text(e, 'object'), message: text(e, 'opaque') };
  });
}

/**
 * The newest failure logged for a tunnel (its child SA name, its tunnel name, or its gateway), unless the tunnel's
 * child SA came up after it. `entries` are newest first.
 */
export function latestFailure(entries: readonly LogEntry[], tunnel: string, gateway: string): NegotiationFailure | undefined {
  const base = tunnel.split(':')[0];
  for (const e of entries) {
    const mine = e.object === tunnel || e.object === base || e.object === gateway;
    if (!mine) continue;
    if (/succ/.test(e.eventid) && e.object !== gateway) return undefined;
    if (/fail/.test(e.eventid)) return { time: (e.time ?? new Date(0)).toISOString(), eventid: e.eventid, message: e.message };
  }
  return undefined;
}

function modeOf(value: string): TunnelStatus['mode'] {
  if (value === 'tunl' || value === 'tunnel') return 'tunnel';
  // `tran` is what the simulator prints (inferred); accept any spelling that starts the same.
  if (value.startsWith('tran')) return 'transport';
  return 'unknown';
}

/** Reads one device; `name` and `address` label it in reports. Throws the client's error when the device fails. */
export async function readDeviceStatus(client: PanosClient, name: string, address: string, now: () => Date = () => new Date()): Promise<DeviceStatus> {
  const [tunnels, flow, ike] = await Promise.all([client.op(STATUS_COMMANDS.tunnels), client.op(STATUS_COMMANDS.flow), client.op(STATUS_COMMANDS.ikeSa)]);
  const at = now();
  const sas = ikeSas(ike, at);
  const flows = new Map(childrenNamed(childrenNamed(flow, 'IPSec')[0], 'entry').map((e) => [text(e, 'name'), e]));
  const configured = childrenNamed(childrenNamed(tunnels, 'entries')[0], 'entry');
  const names = [...new Set([...configured.map((e) => text(e, 'name')), ...flows.keys()])];
  const rows = names.map((tunnel) => {
    const t = configured.find((e) => text(e, 'name') === tunnel);
    const f = flows.get(tunnel);
    const gateway = text(t, 'gw');
    const sa = sas.get(gateway);
    const up = text(f, 'state') === 'active';
    const proposal = t ? `${text(t, 'proto') || 'ESP'} ${[text(t, 'enc'), text(t, 'hash'), text(t, 'dh')].filter((x) => x !== '').join('/')}` : undefined;
    return {
      tunnel,
      gateway,
      local: text(f, 'localip'),
      peer: text(f, 'peerip'),
      mode: modeOf(text(t, 'mode')),
      ike: sa
        ? { state: 'up' as const, ...(sa.since ? { since: sa.since.toISOString() } : {}), proposal: sa.proposal, role: sa.role, exchange: sa.exchange }
        : { state: 'down' as const },
      child: { state: up ? ('up' as const) : ('down' as const), ...(proposal ? { proposal } : {}) },
      up,
      ...(up && sa?.since ? { since: sa.since.toISOString() } : {}),
    };
  });
  if (rows.every((r) => r.up)) return { name, address, tunnels: rows };
  const entries = logEntries(await client.op(STATUS_COMMANDS.log));
  return {
    name,
    address,
    tunnels: rows.map((r): TunnelStatus => {
      if (r.up) return r;
      const failure = latestFailure(entries, r.tunnel, r.gateway);
      return failure ? { ...r, since: failure.time, failure } : r;
    }),
  };
}
