/**
 * Traffic selectors (proxy IDs) for the child SA: what each end offers from its configuration, IKEv2 narrowing by
 * the responder (RFC 7296 §2.9: it may narrow, never widen; nothing left is TS_UNACCEPTABLE) and the IKEv1 rule that
 * proxy IDs mirror exactly (vendor KB on proxy IDs). IPv4 only, like transport mode and the lab's underlay.
 */
import type { ProxyIdView, ProxyProtocol } from './vpn-config';

/** An inclusive IPv4 range. */
export interface Range {
  readonly from: number;
  readonly to: number;
}

/** Protocol and port ranges (0..65535 = any port). */
export interface ProtoSel {
  /** 0 = any protocol. */
  readonly proto: number;
  readonly localPort: number;
  readonly remotePort: number;
}

/** One side's selectors, from its own point of view. */
export interface Selectors {
  /** Child SA name on this side: the tunnel, or `tunnel:proxy-id`. */
  readonly name: string;
  readonly local: Range;
  readonly remote: Range;
  readonly protocol: ProtoSel;
  /** As configured, for messages. */
  readonly text: string;
}

const ANY: Range = { from: 0, to: 0xffffffff };
const ANY_PROTO: ProtoSel = { proto: 0, localPort: 0, remotePort: 0 };

function ipv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

/** `A.B.C.D[/len]` as a range; undefined for what the lab cannot read (an address object name, IPv6). */
export function parseRange(text: string): Range | undefined {
  const [addr, lenText] = text.trim().split('/');
  const base = ipv4(addr);
  const len = lenText === undefined ? 32 : Number(lenText);
  if (base === undefined || !Number.isInteger(len) || len < 0 || len > 32) return undefined;
  const size = 2 ** (32 - len);
  const from = base - (base % size);
  return { from, to: from + size - 1 };
}

/** A range as `A.B.C.D/len`, or `first-last` when it is no prefix. */
export function rangeText(r: Range): string {
  const ip = (n: number): string => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
  const size = r.to - r.from + 1;
  const len = 32 - Math.log2(size);
  return Number.isInteger(len) && r.from % size === 0 ? `${ip(r.from)}/${len}` : `${ip(r.from)}-${ip(r.to)}`;
}

function protoSel(p: ProxyProtocol): ProtoSel {
  switch (p.kind) {
    case 'any':
      return ANY_PROTO;
    case 'number':
      return { proto: p.number, localPort: 0, remotePort: 0 };
    default:
      return { proto: p.kind === 'tcp' ? 6 : 17, localPort: p.localPort, remotePort: p.remotePort };
  }
}

/** The selectors a tunnel offers: one per proxy ID, else the whole space (PAN-OS default 0.0.0.0/0 both ways). */
export function tunnelSelectors(tunnel: string, proxyIds: readonly ProxyIdView[]): Selectors[] {
  if (proxyIds.length === 0) return [{ name: tunnel, local: ANY, remote: ANY, protocol: ANY_PROTO, text: 'local 0.0.0.0/0 remote 0.0.0.0/0' }];
  return proxyIds.map((p) => {
    const local = parseRange(p.local);
    const remote = parseRange(p.remote);
    // An unreadable proxy ID matches nothing: an empty range.
    return {
      name: `${tunnel}:${p.name}`,
      local: local ?? { from: 1, to: 0 },
      remote: remote ?? { from: 1, to: 0 },
      protocol: protoSel(p.protocol),
      text: `local ${p.local} remote ${p.remote}`,
    };
  });
}

/** Transport mode negotiates the host pair; proxy IDs are not used (vendor transport-mode guide). */
export function transportSelectors(tunnel: string, local: string, peer: string): Selectors {
  const l = parseRange(local) ?? ANY;
  const r = parseRange(peer) ?? ANY;
  return { name: tunnel, local: l, remote: r, protocol: ANY_PROTO, text: `local ${local} remote ${peer}` };
}

function intersect(a: Range, b: Range): Range | undefined {
  const from = Math.max(a.from, b.from);
  const to = Math.min(a.to, b.to);
  return from <= to ? { from, to } : undefined;
}

function portIntersect(a: number, b: number): number | undefined {
  if (a === 0) return b;
  if (b === 0 || a === b) return a;
  return undefined;
}

/** Intersection of the initiator's protocol with the responder's seen from the initiator's side (ports swap). */
function protoIntersect(init: ProtoSel, resp: ProtoSel): ProtoSel | undefined {
  const proto = init.proto === 0 ? resp.proto : resp.proto === 0 || resp.proto === init.proto ? init.proto : undefined;
  if (proto === undefined) return undefined;
  const localPort = portIntersect(init.localPort, resp.remotePort);
  const remotePort = portIntersect(init.remotePort, resp.localPort);
  if (localPort === undefined || remotePort === undefined) return undefined;
  return { proto, localPort, remotePort };
}

/** IKEv2: the responder narrows the initiator's TSi/TSr to its own configuration; undefined = TS_UNACCEPTABLE. */
export function narrow(init: Selectors, resp: Selectors): { local: Range; remote: Range } | undefined {
  const local = intersect(init.local, resp.remote);
  const remote = intersect(init.remote, resp.local);
  const proto = protoIntersect(init.protocol, resp.protocol);
  return local && remote && proto ? { local, remote } : undefined;
}

/** IKEv1: proxy IDs must mirror exactly (local of one = remote of the other, same protocol and ports). */
export function mirrors(init: Selectors, resp: Selectors): boolean {
  const same = (a: Range, b: Range): boolean => a.from === b.from && a.to === b.to;
  const p = init.protocol;
  const q = resp.protocol;
  return same(init.local, resp.remote) && same(init.remote, resp.local) && p.proto === q.proto && p.localPort === q.remotePort && p.remotePort === q.localPort;
}

/** Selectors as text for messages and `show vpn tunnel`. */
export function describe(s: Selectors): string {
  return `local ${rangeText(s.local)} remote ${rangeText(s.remote)}`;
}

/** First address and prefix length of a range (`show vpn tunnel` TSi/TSr fields). */
export function rangeParts(r: Range): { ip: string; prefix: number } {
  const text = rangeText(r);
  const [ip, len] = text.split('/');
  return { ip: ip.split('-')[0], prefix: len === undefined ? 32 : Number(len) };
}
