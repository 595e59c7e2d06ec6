import { isKnown, type ProxyIdFacts } from '../facts';
import type { Finding } from '../types';
import { subnet, subnetsOverlap } from '../peer/addresses';
import { fieldAt, negotiatedVersion, pairFinding } from '../peer/report';
import type { PairRule, Pairing, PeerTunnelEnd } from '../peer/types';

/** One proxy ID as selectors, from its own end's point of view (no proxy IDs: one selector for everything). */
interface Selector {
  readonly text: string;
  readonly local: string;
  readonly remote: string;
  /** `any`, `tcp`, `udp` or `number:N`. */
  readonly proto: string;
  /** 0 = any port. */
  readonly localPort: number;
  readonly remotePort: number;
}

function selector(p: ProxyIdFacts, v6: boolean): Selector {
  const local = subnet(p.local, v6);
  const remote = subnet(p.remote, v6);
  return {
    text: `'${p.name}' (local ${local}, remote ${remote})`,
    local,
    remote,
    proto: p.protocol === 'number' ? `number:${p.number ?? ''}` : (p.protocol ?? 'any'),
    localPort: p.localPort ?? 0,
    remotePort: p.remotePort ?? 0,
  };
}

function everything(v6: boolean): Selector {
  const any = subnet(undefined, v6);
  return { text: `no proxy IDs (${any} to ${any})`, local: any, remote: any, proto: 'any', localPort: 0, remotePort: 0 };
}

/** IKEv1: the peer states exactly the same selectors, seen from its side. */
function mirrorsExactly(x: Selector, y: Selector): boolean {
  return x.local === y.remote && x.remote === y.local && x.proto === y.proto && x.localPort === y.remotePort && x.remotePort === y.localPort;
}

/** IKEv2: the responder can narrow to what both allow, so the mirrored selectors need only overlap. */
function overlapsMirrored(x: Selector, y: Selector): boolean {
  const port = (a: number, b: number): boolean => a === 0 || b === 0 || a === b;
  const proto = x.proto === 'any' || y.proto === 'any' || x.proto === y.proto;
  return subnetsOverlap(x.local, y.remote) && subnetsOverlap(x.remote, y.local) && proto && port(x.localPort, y.remotePort) && port(x.remotePort, y.localPort);
}

function compare(a: PeerTunnelEnd, b: PeerTunnelEnd, field: 'proxyIds' | 'proxyIdsV6', ikev1: boolean): string | undefined {
  const x = a[field];
  const y = b[field];
  if (!isKnown(x) || !isKnown(y) || (x.length === 0 && y.length === 0)) return undefined;
  const v6 = field === 'proxyIdsV6';
  const xs = x.length > 0 ? x.map((p) => selector(p, v6)) : [everything(v6)];
  const ys = y.length > 0 ? y.map((p) => selector(p, v6)) : [everything(v6)];
  const fits = ikev1 ? mirrorsExactly : overlapsMirrored;
  const lonelyA = xs.filter((s) => !ys.some((t) => fits(s, t)));
  const lonelyB = ys.filter((t) => !xs.some((s) => fits(t, s)));
  if (lonelyA.length === 0 && lonelyB.length === 0) return undefined;
  const need = ikev1 ? 'no mirror (the same selectors with local and remote swapped, as IKEv1 requires)' : 'nothing it overlaps (local and remote swapped)';
  return [
    ...(lonelyA.length > 0 ? [`${a.label} offers ${lonelyA.map((s) => s.text).join(', ')} with ${need} on ${b.label}`] : []),
    ...(lonelyB.length > 0 ? [`${b.label} offers ${lonelyB.map((s) => s.text).join(', ')} with ${need} on ${a.label}`] : []),
  ].join('; ');
}

/** N12: the proxy IDs of two paired tunnel-mode tunnels do not mirror each other. */
export const peer015ProxyIdsMirror: PairRule = {
  id: 'PANOS-PEER-015',
  level: 'error',
  title: 'The proxy IDs of the two ends of a tunnel do not mirror (IKEv1) or do not overlap (IKEv2)',
  source: 'N12',
  explanation:
    "A proxy ID is a pair of traffic selectors; the peer must state the same pair seen from its side (its local is " +
    "this end's remote), with the same protocol and swapped ports. IKEv1 requires exactly that, and an end without " +
    'proxy IDs offers any to any, which matches only an end without proxy IDs. IKEv2 lets the responder narrow an offer ' +
    'to what both allow, so each selector needs one on the other end that it overlaps; disjoint ones are refused ' +
    '(TS_UNACCEPTABLE). Transport mode does not use proxy IDs.',
  fix: 'declare on each tunnel the proxy IDs of the other with local and remote (and ports) swapped',
  evaluate(pairing: Pairing): Finding[] {
    const findings: Finding[] = [];
    for (const pair of pairing.pairs) {
      const ikev1 = negotiatedVersion(pair.a, pair.b) === 'ikev1';
      for (const { a, b } of pair.tunnels) {
        if (a.mode !== 'tunnel' || b.mode !== 'tunnel') continue;
        for (const field of ['proxyIds', 'proxyIdsV6'] as const) {
          const problem = compare(a, b, field, ikev1);
          if (!problem) continue;
          findings.push(pairFinding(peer015ProxyIdsMirror, { ...fieldAt(a.at, field), peerPath: b.path, problem }));
        }
      }
    }
    return findings;
  },
};
