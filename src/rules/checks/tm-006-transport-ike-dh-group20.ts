import type { Finding, Rule } from '../types';
import { isUnknown, type StackFacts } from '../facts';
import { makeFinding, show } from '../finding';
import { describeUsed, describeUsers, ikeProfilesOf, reportAt, transportTunnels } from '../resolve';
import { isExactly } from './lists';
import { TRANSPORT_MODE } from '../transport-mode';

/** T6 (IKE side): the IKE crypto profile's DH groups are exactly group20. */
export const tm006TransportIkeDhGroup20: Rule = {
  id: 'PANOS-TM-006',
  level: 'error',
  title: `The IKE crypto profile of a transport-mode tunnel offers a DH group other than ${TRANSPORT_MODE.dhGroup}`,
  source: 'T6',
  explanation:
    'PAN-OS transport mode supports Diffie-Hellman group 20 only. The IKE crypto profile reached through the ' +
    `tunnel's gateway must list exactly ${TRANSPORT_MODE.dhGroup}; an unset profile is the predefined 'default' (group2).`,
  fix: `set the IKE crypto profile's dhGroups to ['${TRANSPORT_MODE.dhGroup}']`,
  evaluate(facts: StackFacts): Finding[] {
    const findings: Finding[] = [];
    for (const u of ikeProfilesOf(facts, transportTunnels(facts), TRANSPORT_MODE.ikeVersion)) {
      const groups = u.object.dhGroups;
      if (isUnknown(groups) || isExactly(groups, TRANSPORT_MODE.dhGroup)) continue;
      findings.push(
        makeFinding(tm006TransportIkeDhGroup20, {
          ...reportAt(u, 'dhGroups', groups),
          allowed: [TRANSPORT_MODE.dhGroup],
          problem: `${describeUsed(u, 'ike-crypto-profile')} has dhGroups ${show(groups)} but is used by ${describeUsers(u.users)}`,
        }),
      );
    }
    return findings;
  },
};
