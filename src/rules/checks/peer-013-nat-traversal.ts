import { isKnown } from '../facts';
import type { Finding } from '../types';
import { fieldAt, pairFinding, peerLabel } from '../peer/report';
import type { PairRule, Pairing } from '../peer/types';

/** N11: NAT traversal on one end only: harmless without a NAT, an outage with one. */
export const peer013NatTraversal: PairRule = {
  id: 'PANOS-PEER-013',
  level: 'warning',
  title: 'NAT traversal is enabled on one end of a tunnel only (works until a NAT sits between them)',
  source: 'N11',
  explanation:
    'With NAT traversal an end moves IKE to UDP 4500 and wraps ESP in UDP once it detects a NAT; without it, it keeps ' +
    'plain ESP. As long as no NAT sits between the two ends nothing moves and the tunnel comes up; the vendor asks ' +
    'for NAT-T on both gateways when a NAT is there (PANOS-PEER-014 when one is declared), so a difference is a ' +
    'latent outage. Transport mode refuses NAT-T altogether.',
  fix: 'set natTraversal to the same value on both gateways (true on both when a NAT sits between them), or acknowledge the difference',
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
