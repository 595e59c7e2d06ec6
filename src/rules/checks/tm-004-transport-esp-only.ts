import type { Finding, Rule } from '../types';
import type { StackFacts } from '../facts';
import { makeFinding } from '../finding';
import { describeUsed, describeUsers, ipsecProfilesOf, reportAt, transportTunnels } from '../resolve';
import { TRANSPORT_MODE } from '../transport-mode';

/** T4: transport mode uses ESP only. */
export const tm004TransportEspOnly: Rule = {
  id: 'PANOS-TM-004',
  level: 'error',
  title: 'The IPSec crypto profile of a transport-mode tunnel uses AH',
  source: 'T4',
  explanation: 'PAN-OS transport mode supports the Encapsulating Security Payload (ESP) protocol only, never AH.',
  fix: `set the IPSec crypto profile's protocol to '${TRANSPORT_MODE.protocol}' with espEncryption ['${TRANSPORT_MODE.encryption}']`,
  evaluate(facts: StackFacts): Finding[] {
    return ipsecProfilesOf(facts, transportTunnels(facts))
      .filter((u) => u.object.protocol === 'ah')
      .map((u) =>
        makeFinding(tm004TransportEspOnly, {
          ...reportAt(u, 'protocol', 'ah'),
          allowed: [TRANSPORT_MODE.protocol],
          problem: `${describeUsed(u, 'ipsec-crypto-profile')} has protocol 'ah' but is used by ${describeUsers(u.users)}`,
        }),
      );
  },
};
