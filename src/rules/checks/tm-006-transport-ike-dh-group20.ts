import type { Finding, Rule } from '../types';
import { isUnknown, type StackFacts } from '../facts';
import { makeFinding, show } from '../finding';
import { describeUsed, describeUsers, ikeProfilesOf, reportAt, transportTunnels } from '../resolve';
import { isExactly } from './lists';

/** T6 (IKE side): the IKE crypto profile's DH groups are exactly group20. */
export const tm006TransportIkeDhGroup20: Rule = {
  id: 'PANOS-TM-006',
  level: 'error',
  title: 'The IKE crypto profile of a transport-mode tunnel offers a DH group other than group20',
  source: 'T6',
  explanation:
    'PAN-OS transport mode supports Diffie-Hellman group 20 only. The IKE crypto profile reached through the ' +
    "tunnel's gateway must list exactly group20; an unset profile is the predefined 'default' (group2).",
  fix: "set the IKE crypto profile's dhGroups to ['group20']",
  evaluate(facts: StackFacts): Finding[] {
    const findings: Finding[] = [];
    for (const u of ikeProfilesOf(facts, transportTunnels(facts), 'ikev2')) {
      const groups = u.object.dhGroups;
      if (isUnknown(groups) || isExactly(groups, 'group20')) continue;
      findings.push(
        makeFinding(tm006TransportIkeDhGroup20, {
          ...reportAt(u, 'dhGroups', groups),
          allowed: ['group20'],
          problem: `${describeUsed(u, 'ike-crypto-profile')} has dhGroups ${show(groups)} but is used by ${describeUsers(u.users)}`,
        }),
      );
    }
    return findings;
  },
};
