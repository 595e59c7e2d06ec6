import { isKnown, type ProxyIdFacts } from '../facts';
import type { Finding } from '../types';
import { subnet } from '../peer/addresses';
import { fieldAt, negotiatedVersion, pairFinding } from '../peer/report';
import type { PairRule, Pairing, PeerTunnelEnd } from '../peer/types';

/** The selector pair as this end states it, and as its peer must state it. */
function keys(p: ProxyIdFacts, v6: boolean): { readonly own: string; readonly mirrored: string } {
  const proto = `${p.protocol ?? 'any'}${p.protocol === 'number' ? `:${p.number ?? ''}` : ''}`;
  const local = `${subnet(p.local, v6)}:${p.localPort ?? 0}`;
  const remote = `${subnet(p.remote, v6)}:${p.remotePort ?? 0}`;
  return { own: `${local}>${remote}|${proto}`, mirrored: `${remote}>${local}|${proto}` };
}

const shown = (p: ProxyIdFacts, v6: boolean): string => `'${p.name}' (local ${subnet(p.local, v6)}, remote ${subnet(p.remote, v6)})`;

function compare(a: PeerTunnelEnd, b: PeerTunnelEnd, field: 'proxyIds' | 'proxyIdsV6', ikev1: boolean): string | undefined {
  const x = a[field];
  const y = b[field];
  if (!isKnown(x) || !isKnown(y)) return undefined;
  const v6 = field === 'proxyIdsV6';
  if (x.length === 0 && y.length === 0) return undefined;
  if (x.length === 0 || y.length === 0) {
    // IKEv2 narrows the any-to-any selectors of the end without proxy IDs to the other's; IKEv1 needs an exact match.
    if (!ikev1) return undefined;
    const [none, some] = x.length === 0 ? [a, b] : [b, a];
    return `${none.label} declares no ${field} (it proposes ${v6 ? '::/0' : '0.0.0.0/0'} to ${v6 ? '::/0' : '0.0.0.0/0'}) but ${some.label} declares ${(some[field] as readonly ProxyIdFacts[]).map((p) => shown(p, v6)).join(', ')}, and IKEv1 needs the same selectors on both ends`;
  }
  const ownY = new Set(y.map((p) => keys(p, v6).own));
  const ownX = new Set(x.map((p) => keys(p, v6).own));
  const missingInB = x.filter((p) => !ownY.has(keys(p, v6).mirrored));
  const missingInA = y.filter((p) => !ownX.has(keys(p, v6).mirrored));
  if (missingInB.length === 0 && missingInA.length === 0) return undefined;
  const parts = [
    ...(missingInB.length > 0 ? [`${a.label} declares ${missingInB.map((p) => shown(p, v6)).join(', ')} with no mirror (local and remote swapped) on ${b.label}`] : []),
    ...(missingInA.length > 0 ? [`${b.label} declares ${missingInA.map((p) => shown(p, v6)).join(', ')} with no mirror on ${a.label}`] : []),
  ];
  return parts.join('; ');
}

/** N12: the proxy IDs of two paired tunnel-mode tunnels do not mirror each other. */
export const peer015ProxyIdsMirror: PairRule = {
  id: 'PANOS-PEER-015',
  level: 'error',
  title: 'The proxy IDs of the two ends of a tunnel do not mirror each other',
  source: 'N12',
  explanation:
    "A proxy ID is a pair of traffic selectors; the peer must declare the same pair seen from its side (its local is " +
    'this end\'s remote), with the same protocol and swapped ports. IKEv1 requires an exact match; IKEv2 lets a ' +
    'responder narrow an offer, which covers an end without proxy IDs (it offers any to any) but not two lists that ' +
    'do not mirror. Transport mode does not use proxy IDs.',
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
