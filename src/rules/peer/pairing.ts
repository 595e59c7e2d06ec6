/**
 * Finds which ends negotiate with each other, in O(n) over the ends (hash indexes by address, never a comparison of
 * every end with every other):
 *
 * 1. explicit pairs (`gateway.pairWith(…)`) first: they are the answer for FQDN or dynamic peers and NAT in between;
 * 2. mirrored addresses: A's peer address is B's local address and B's peer address is A's;
 * 3. half-mirrored: A points at B's local address, B points elsewhere, and no other end points at B. That is the
 *    typing mistake the address rule reports, so it must not pass as "no peer declared".
 *
 * Ends of the same owner (one firewall, one device) never pair by inference. A far end pairs only with a PAN-OS end.
 */
import { isKnown } from '../facts';
import type { ExplicitPair, PeerEnd, PeerPair, Pairing, TunnelPair } from './types';

/** The tunnels of two paired gateways that belong together: one each, else equal names, else the one left on each side. */
export function pairTunnels(a: PeerEnd, b: PeerEnd): TunnelPair[] {
  if (a.tunnels.length === 1 && b.tunnels.length === 1) return [{ a: a.tunnels[0]!, b: b.tunnels[0]! }];
  const pairs: TunnelPair[] = [];
  const leftB = new Map(b.tunnels.map((t, i) => [i, t] as const));
  const byName = new Map<string, number>();
  b.tunnels.forEach((t, i) => {
    if (typeof t.name === 'string' && !byName.has(t.name)) byName.set(t.name, i);
  });
  const leftA: PeerEnd['tunnels'][number][] = [];
  for (const t of a.tunnels) {
    const i = typeof t.name === 'string' ? byName.get(t.name) : undefined;
    if (i !== undefined && leftB.has(i)) {
      pairs.push({ a: t, b: leftB.get(i)! });
      leftB.delete(i);
    } else {
      leftA.push(t);
    }
  }
  if (leftA.length === 1 && leftB.size === 1) pairs.push({ a: leftA[0]!, b: [...leftB.values()][0]! });
  return pairs;
}

function makePair(x: PeerEnd, y: PeerEnd, order: ReadonlyMap<PeerEnd, number>, basis: PeerPair['basis'], natBetween: boolean): PeerPair {
  // Findings go to `a`: the PAN-OS end when the other is a far end, else the end declared first.
  const xFirst = x.kind !== y.kind ? x.kind === 'panos' : order.get(x)! <= order.get(y)!;
  const [a, b] = xFirst ? [x, y] : [y, x];
  return { a, b, basis, natBetween, tunnels: pairTunnels(a, b) };
}

function staticAddress(value: PeerEnd['localAddress']): string | undefined {
  return isKnown(value) ? value : undefined;
}

/** Pairs the ends. Explicit pairs naming a path that is no end are ignored (the caller checks its own input). */
export function pairEnds(ends: readonly PeerEnd[], explicit: readonly ExplicitPair[] = []): Pairing {
  const order = new Map(ends.map((e, i) => [e, i] as const));
  const byPath = new Map(ends.map((e) => [e.path, e] as const));
  const paired = new Set<PeerEnd>();
  const pairs: PeerPair[] = [];
  const canPair = (x: PeerEnd, y: PeerEnd): boolean =>
    x !== y && !paired.has(x) && !paired.has(y) && x.owner !== y.owner && (x.kind === 'panos' || y.kind === 'panos');
  const add = (x: PeerEnd, y: PeerEnd, basis: PeerPair['basis'], natBetween = false): void => {
    pairs.push(makePair(x, y, order, basis, natBetween));
    paired.add(x);
    paired.add(y);
  };

  for (const e of explicit) {
    const x = byPath.get(e.a);
    const y = byPath.get(e.b);
    if (x && y && x !== y && !paired.has(x) && !paired.has(y)) add(x, y, 'explicit', e.natBetween ?? false);
  }

  // local|peer → ends, for the mirror lookup peer|local.
  const byAddresses = new Map<string, PeerEnd[]>();
  const byLocal = new Map<string, PeerEnd[]>();
  for (const e of ends) {
    if (paired.has(e)) continue;
    const local = staticAddress(e.localAddress);
    if (local === undefined) continue;
    const peer = staticAddress(e.peerAddress);
    if (peer !== undefined) push(byAddresses, `${local}\u0000${peer}`, e);
    push(byLocal, local, e);
  }
  for (const e of ends) {
    const local = staticAddress(e.localAddress);
    const peer = staticAddress(e.peerAddress);
    if (paired.has(e) || local === undefined || peer === undefined) continue;
    const match = byAddresses.get(`${peer}\u0000${local}`)?.find((c) => canPair(e, c));
    if (match) add(e, match, 'mirrored');
  }

  // Half mirrors: e points at c's address; c is pointed at by e alone (else it is ambiguous which one is wrong).
  const pointedAt = new Map<PeerEnd, PeerEnd[]>();
  for (const e of ends) {
    const peer = staticAddress(e.peerAddress);
    if (paired.has(e) || peer === undefined) continue;
    const candidates = (byLocal.get(peer) ?? []).filter((c) => canPair(e, c));
    if (candidates.length === 1) push(pointedAt, candidates[0]!, e);
  }
  for (const [target, sources] of pointedAt) {
    if (sources.length === 1 && canPair(sources[0]!, target)) add(sources[0]!, target, 'half-mirrored');
  }

  return { pairs, unmatchedExternal: ends.filter((e) => e.kind === 'external' && !paired.has(e)) };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
