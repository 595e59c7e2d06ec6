import type { Finding } from '../types';
import { PEER_DEFAULTS } from '../peer/defaults';
import { fieldAt, negotiatedVersion, peerLabel, pairFinding } from '../peer/report';
import type { PairRule, Pairing } from '../peer/types';

/** N1: the two ends have no IKE version in common (ikev1 only against ikev2 only). */
export const peer001IkeVersion: PairRule = {
  id: 'PANOS-PEER-001',
  level: 'error',
  title: 'The two ends of a tunnel have no IKE version in common',
  source: 'N1',
  explanation:
    'An IKEv1-only end does not answer IKEv2 and an IKEv2-only end does not answer IKEv1, so neither can start ' +
    "phase 1 and the initiator times out. 'ikev2-preferred' speaks both (it falls back to IKEv1); an unset version is " +
    `the device default '${PEER_DEFAULTS.ikeVersion}'.`,
  fix: "give both gateways the same version ('ikev2' where both ends support it), or 'ikev2-preferred' on one of them",
  evaluate(pairing: Pairing): Finding[] {
    const findings: Finding[] = [];
    for (const { a, b } of pairing.pairs) {
      if (negotiatedVersion(a, b) !== 'none') continue;
      findings.push(
        pairFinding(peer001IkeVersion, {
          ...fieldAt(a.at, 'version'),
          value: a.version,
          allowed: [String(b.version), 'ikev2-preferred'],
          peerPath: b.path,
          problem: `${a.label} speaks ${String(a.version)} only but ${peerLabel(b)} speaks ${String(b.version)} only`,
        }),
      );
    }
    return findings;
  },
};
