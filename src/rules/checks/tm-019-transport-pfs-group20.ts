import type { Finding, Rule } from '../types';
import { isUnknown, type StackFacts } from '../facts';
import { makeFinding, q } from '../finding';
import { describeUsed, describeUsers, ipsecProfilesOf, reportAt, transportTunnels } from '../resolve';
import { PEER_DEFAULTS } from '../peer/defaults';
import { TRANSPORT_MODE } from '../transport-mode';

/** T6 (IPSec side): PFS uses group20. */
export const tm019TransportPfsGroup20: Rule = {
  id: 'PANOS-TM-019',
  level: 'error',
  title: `The IPSec crypto profile of a transport-mode tunnel uses a PFS group other than ${TRANSPORT_MODE.dhGroup}`,
  source: 'T6',
  explanation:
    `PAN-OS transport mode supports DH group 20 for PFS as well. The IPSec crypto profile's dhGroup must be ${TRANSPORT_MODE.dhGroup}; ` +
    `unset means the device default ${PEER_DEFAULTS.pfsGroup}, and 'no-pfs' is not accepted.`,
  fix: `set the IPSec crypto profile's dhGroup to '${TRANSPORT_MODE.dhGroup}'`,
  evaluate(facts: StackFacts): Finding[] {
    const findings: Finding[] = [];
    for (const u of ipsecProfilesOf(facts, transportTunnels(facts))) {
      const group = u.object.dhGroup;
      if (isUnknown(group) || group === TRANSPORT_MODE.dhGroup) continue;
      findings.push(
        makeFinding(tm019TransportPfsGroup20, {
          ...reportAt(u, 'dhGroup', group ?? PEER_DEFAULTS.pfsGroup),
          allowed: [TRANSPORT_MODE.dhGroup],
          problem: `${describeUsed(u, 'ipsec-crypto-profile')} has dhGroup ${q(group ?? `${PEER_DEFAULTS.pfsGroup} (device default, not set)`)} but is used by ${describeUsers(u.users)}`,
        }),
      );
    }
    return findings;
  },
};
