import { isKnown, type Known, type LifetimeFacts } from '../facts';
import type { Finding } from '../types';
import { lifetimeSeconds, PEER_DEFAULTS, showLifetime } from '../peer/defaults';
import { fieldAt, negotiatedIkeOffers, pairFinding } from '../peer/report';
import type { PairRule, Pairing, ReportAt } from '../peer/types';

interface Side {
  readonly at: ReportAt;
  readonly label: string;
  readonly path: string;
  readonly lifetime: Known<LifetimeFacts>;
}

function differs(kind: 'IKE' | 'IPSec', x: Side, y: Side, peerPath: string): Finding | undefined {
  if (!isKnown(x.lifetime) || !isKnown(y.lifetime)) return undefined;
  const sx = lifetimeSeconds(x.lifetime);
  const sy = lifetimeSeconds(y.lifetime);
  if (sx === sy) return undefined;
  const [short, long] = sx < sy ? [x, y] : [y, x];
  return pairFinding(peer016Lifetimes, {
    ...fieldAt(x.at, 'lifetime'),
    value: showLifetime(x.lifetime),
    peerPath,
    problem:
      `the ${kind} SA lifetimes differ: ${x.label} ${showLifetime(x.lifetime)}, ${y.label} ${showLifetime(y.lifetime)}; ` +
      `the shorter, ${showLifetime(short.lifetime as LifetimeFacts)} of ${short.path}, wins: that end rekeys first, ` +
      `so the ${showLifetime(long.lifetime as LifetimeFacts)} of ${long.path} never takes effect`,
  });
}

/** N13: the SA lifetimes of the two ends differ (the shorter wins). */
export const peer016Lifetimes: PairRule = {
  id: 'PANOS-PEER-016',
  level: 'info',
  title: 'The two ends of a tunnel use different IKE or IPSec SA lifetimes',
  source: 'N13',
  explanation:
    'IKEv2 does not negotiate lifetimes: each end enforces its own and rekeys when it expires, so the end with the ' +
    'shorter lifetime rekeys first and its value is the one that holds. Nothing breaks, but the longer value has no ' +
    `effect. Unset lifetimes are the device defaults (IKE ${showLifetime(PEER_DEFAULTS.ikeLifetime)}, IPSec ${showLifetime(PEER_DEFAULTS.ipsecLifetime)}).`,
  fix: 'set the same lifetime on both ends, or acknowledge which value holds',
  evaluate(pairing: Pairing): Finding[] {
    const findings: Finding[] = [];
    for (const pair of pairing.pairs) {
      const { a, b } = pair;
      const ike = negotiatedIkeOffers(a, b);
      if (ike) {
        const f = differs('IKE', { ...ike.a, path: a.path }, { ...ike.b, path: b.path }, b.path);
        if (f) findings.push(f);
      }
      for (const t of pair.tunnels) {
        if (!t.a.ipsec || !t.b.ipsec) continue;
        const f = differs('IPSec', { ...t.a.ipsec, path: t.a.path }, { ...t.b.ipsec, path: t.b.path }, t.b.path);
        if (f) findings.push(f);
      }
    }
    return findings;
  },
};
