import { isKnown } from '../facts';
import type { Finding } from '../types';
import { fieldAt, pairFinding } from '../peer/report';
import type { PairRule, Pairing } from '../peer/types';

/** N7: GRE encapsulation on one end of a tunnel only. */
export const peer008GreEncapsulation: PairRule = {
  id: 'PANOS-PEER-008',
  level: 'error',
  title: 'GRE encapsulation is enabled on one end of a tunnel only',
  source: 'N7',
  explanation:
    'With GRE encapsulation an end wraps every packet in GRE before ESP and expects GRE inside what it decrypts. IKE ' +
    'does not negotiate GRE, so the security associations come up; then an end without it cannot use what the other ' +
    'sends (multicast and routing protocols over the tunnel fail first).',
  fix: 'set enableGreEncapsulation to the same value on both tunnels',
  evaluate(pairing: Pairing): Finding[] {
    const findings: Finding[] = [];
    for (const pair of pairing.pairs) {
      for (const { a, b } of pair.tunnels) {
        if (!isKnown(a.greEncapsulation) || !isKnown(b.greEncapsulation) || a.greEncapsulation === b.greEncapsulation) continue;
        const on = (v: boolean): string => (v ? 'encapsulates in GRE' : 'does not encapsulate in GRE');
        findings.push(
          pairFinding(peer008GreEncapsulation, {
            ...fieldAt(a.at, 'enableGreEncapsulation'),
            value: a.greEncapsulation,
            allowed: [String(b.greEncapsulation)],
            peerPath: b.path,
            problem: `${a.label} ${on(a.greEncapsulation)} but its peer ${b.label} ${on(b.greEncapsulation)}`,
          }),
        );
      }
    }
    return findings;
  },
};
