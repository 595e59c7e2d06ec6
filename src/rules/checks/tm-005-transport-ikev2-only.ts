import type { Finding, Rule } from '../types';
import { isUnknown, type StackFacts } from '../facts';
import { makeFinding, q } from '../finding';
import { describeUsers, gatewaysOf, transportTunnels } from '../resolve';
import { PEER_DEFAULTS } from '../peer/defaults';
import { TRANSPORT_MODE } from '../transport-mode';

/** T5: transport mode needs IKEv2 (not ikev1, not ikev2-preferred). */
export const tm005TransportIkev2Only: Rule = {
  id: 'PANOS-TM-005',
  level: 'error',
  title: 'The IKE gateway of a transport-mode tunnel is not IKEv2 only',
  source: 'T5',
  explanation:
    `PAN-OS transport mode supports IKEv2 only. 'ikev2-preferred' may fall back to IKEv1, and an unset version is the device default '${PEER_DEFAULTS.ikeVersion}'.`,
  fix: `set the IKE gateway's version to '${TRANSPORT_MODE.ikeVersion}'`,
  evaluate(facts: StackFacts): Finding[] {
    const findings: Finding[] = [];
    for (const { object: g, users } of gatewaysOf(facts, transportTunnels(facts))) {
      if (isUnknown(g.version) || g.version === TRANSPORT_MODE.ikeVersion) continue;
      const shown = g.version ?? `${PEER_DEFAULTS.ikeVersion} (device default, not set)`;
      findings.push(
        makeFinding(tm005TransportIkev2Only, {
          path: g.path,
          objectKind: 'ike-gateway',
          objectName: g.name,
          field: 'version',
          value: g.version ?? PEER_DEFAULTS.ikeVersion,
          allowed: [TRANSPORT_MODE.ikeVersion],
          problem: `IKE gateway ${q(g.name)} has version ${q(shown)} but is used by ${describeUsers(users)}, which needs IKEv2`,
        }),
      );
    }
    return findings;
  },
};
