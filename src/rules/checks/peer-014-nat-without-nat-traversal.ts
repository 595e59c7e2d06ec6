import type { Finding } from '../types';
import { fieldAt, pairFinding } from '../peer/report';
import type { PairRule, Pairing } from '../peer/types';

/** N11: a NAT device is declared between the two ends but NAT traversal is off. */
export const peer014NatWithoutNatTraversal: PairRule = {
  id: 'PANOS-PEER-014',
  level: 'error',
  title: 'A NAT device sits between the two ends but NAT traversal is off',
  source: 'N11',
  explanation:
    'Behind a NAT each end sees only the public address of the NAT device and plain ESP (IP protocol 50) does not pass ' +
    'port translation. NAT traversal must be enabled on both gateways when a NAT sits between them.',
  fix: 'set natTraversal to true on both gateways (transport mode cannot cross a NAT: use tunnel mode)',
  evaluate(pairing: Pairing): Finding[] {
    const findings: Finding[] = [];
    for (const { a, b, natBetween } of pairing.pairs) {
      if (!natBetween) continue;
      for (const [end, other] of [[a, b], [b, a]] as const) {
        if (end.natTraversal !== false) continue;
        findings.push(
          pairFinding(peer014NatWithoutNatTraversal, {
            ...fieldAt(end.at, 'natTraversal'),
            value: false,
            allowed: ['true'],
            peerPath: other.path,
            problem: `${end.label} has natTraversal off although a NAT device is declared between it and ${other.label}`,
          }),
        );
      }
    }
    return findings;
  },
};
