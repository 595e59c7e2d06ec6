import { isKnown } from '../facts';
import type { Finding } from '../types';
import { fieldAt, pairFinding, peerLabel } from '../peer/report';
import type { PairRule, Pairing } from '../peer/types';

/** N9: the two ends authenticate differently, or take their pre-shared keys from different sources. */
export const peer010PreSharedKeySource: PairRule = {
  id: 'PANOS-PEER-010',
  level: 'error',
  title: 'The two ends authenticate differently or take their pre-shared keys from different secret sources',
  source: 'N9',
  explanation:
    'Authentication is checked only after phase 1 keying succeeded: a wrong key fails with AUTHENTICATION_FAILED and ' +
    'PAN-OS reports it in its IKE manager log rather than the system log, so it is a slow-to-find outage. The key values are never ' +
    'read or printed here; the two ends are compared by where their keys come from (the same TF_VAR variable, the ' +
    'same literal) and, between two devices, by the digest PAN-OS stores with each key. Two different sources may ' +
    'hold the same value by chance or by care, but nothing keeps them equal.',
  fix: 'give both gateways the same SecretValue source (e.g. SecretValue.fromEnvVariable with the same TF_VAR name) and the same authentication method',
  evaluate(pairing: Pairing): Finding[] {
    const findings: Finding[] = [];
    for (const { a, b } of pairing.pairs) {
      if (isKnown(a.authentication) && isKnown(b.authentication) && a.authentication !== b.authentication) {
        findings.push(
          pairFinding(peer010PreSharedKeySource, {
            ...fieldAt(a.at, 'authentication'),
            value: a.authentication,
            allowed: [b.authentication],
            peerPath: b.path,
            problem: `${a.label} authenticates with ${a.authentication} but ${peerLabel(b)} with ${b.authentication}`,
          }),
        );
        continue;
      }
      const x = a.preSharedKeySource;
      const y = b.preSharedKeySource;
      if (!isKnown(x) || !isKnown(y) || x.id === y.id) continue;
      findings.push(
        pairFinding(peer010PreSharedKeySource, {
          ...fieldAt(a.at, 'preSharedKey'),
          value: x.description,
          allowed: [y.description],
          peerPath: b.path,
          problem:
            x.description === y.description
              ? `${a.label} and ${peerLabel(b)} use different pre-shared keys (each ${x.description})`
              : `${a.label} takes its pre-shared key from ${x.description} but ${peerLabel(b)} from ${y.description}`,
        }),
      );
    }
    return findings;
  },
};
