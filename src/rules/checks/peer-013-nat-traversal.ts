import { isKnown } from '../facts';
import type { Finding } from '../types';
import { fieldAt, pairFinding, peerLabel } from '../peer/report';
import type { PairRule, Pairing } from '../peer/types';

/** N11: NAT traversal on one end only. */
export const peer013NatTraversal: PairRule = {
  id: 'PANOS-PEER-013',
  level: 'error',
  title: 'NAT traversal is enabled on one end of a tunnel only',
  source: 'N11',
  explanation:
    'With NAT traversal an end moves IKE to UDP 4500 and wraps ESP in UDP when it detects a NAT; an end without it ' +
    'keeps plain ESP. The vendor asks for the same setting on both gateways, and transport mode refuses NAT-T ' +
    'altogether, so the two ends must agree.',
  fix: 'set natTraversal to the same value on both gateways (true on both only when a NAT sits between them)',
  evaluate(pairing: Pairing): Finding[] {
    const findings: Finding[] = [];
    for (const { a, b } of pairing.pairs) {
      if (!isKnown(a.natTraversal) || !isKnown(b.natTraversal) || a.natTraversal === b.natTraversal) continue;
      const on = (v: boolean): string => (v ? 'enables' : 'disables');
      findings.push(
        pairFinding(peer013NatTraversal, {
          ...fieldAt(a.at, 'natTraversal'),
          value: a.natTraversal,
          allowed: [String(b.natTraversal)],
          peerPath: b.path,
          problem: `${a.label} ${on(a.natTraversal)} NAT traversal but ${peerLabel(b)} ${on(b.natTraversal)} it`,
        }),
      );
    }
    return findings;
  },
};
