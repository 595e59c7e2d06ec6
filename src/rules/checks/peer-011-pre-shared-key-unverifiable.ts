import { isKnown, isUnknown, type Known, type SecretSourceFacts } from '../facts';
import type { Finding } from '../types';
import { fieldAt, pairFinding, peerLabel } from '../peer/report';
import type { PairRule, Pairing, PeerEnd } from '../peer/types';

function why(end: PeerEnd, source: Known<SecretSourceFacts>): string | undefined {
  if (isKnown(source)) return undefined;
  if (isUnknown(source)) return `${end.path} holds a key that cannot be compared (computed at deploy, or stored without its digest)`;
  return `${end.path} declares no pre-shared key source`;
}

/** N9: the pre-shared keys of a pair cannot be compared (an info, not a pass). */
export const peer011PreSharedKeyUnverifiable: PairRule = {
  id: 'PANOS-PEER-011',
  level: 'info',
  title: 'Whether the two ends use the same pre-shared key cannot be verified',
  source: 'N9',
  explanation:
    'A key computed at deploy time is unknown at synth, a gateway or far end without a declared key source says ' +
    'nothing about it, and a key read from a device in a stored form without its digest cannot be compared. The pair ' +
    'may well be right; this says that nothing here checked it. Values are never read or printed.',
  fix: 'declare the key on both ends from the same SecretValue source, or acknowledge with how the keys are kept equal',
  evaluate(pairing: Pairing): Finding[] {
    const findings: Finding[] = [];
    for (const { a, b } of pairing.pairs) {
      if (a.authentication === 'certificate' || b.authentication === 'certificate') continue;
      const reasons = [why(a, a.preSharedKeySource), why(b, b.preSharedKeySource)].filter((r): r is string => r !== undefined);
      if (reasons.length === 0) continue;
      findings.push(
        pairFinding(peer011PreSharedKeyUnverifiable, {
          ...fieldAt(a.at, 'preSharedKey'),
          peerPath: b.path,
          problem: `the pre-shared keys of ${a.label} and ${peerLabel(b)} cannot be compared: ${reasons.join('; ')}`,
        }),
      );
    }
    return findings;
  },
};
