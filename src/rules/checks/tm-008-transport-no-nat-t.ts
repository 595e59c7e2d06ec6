import type { Finding, Rule } from '../types';
import type { StackFacts } from '../facts';
import { makeFinding, q } from '../finding';
import { describeUsers, gatewaysOf, transportTunnels } from '../resolve';

/** T8: transport mode cannot be selected with NAT traversal enabled. */
export const tm008TransportNoNatTraversal: Rule = {
  id: 'PANOS-TM-008',
  level: 'error',
  title: 'The IKE gateway of a transport-mode tunnel enables NAT traversal',
  source: 'T8',
  explanation: 'PAN-OS does not allow transport mode when NAT-T is enabled on the IKE gateway.',
  fix: 'set natTraversal to false on the IKE gateway (or leave it unset), or use tunnel mode behind NAT',
  evaluate(facts: StackFacts): Finding[] {
    return gatewaysOf(facts, transportTunnels(facts))
      .filter((u) => u.object.natTraversal === true)
      .map(({ object: g, users }) =>
        makeFinding(tm008TransportNoNatTraversal, {
          path: g.path,
          objectKind: 'ike-gateway',
          objectName: g.name,
          field: 'natTraversal',
          value: 'true',
          allowed: ['false'],
          problem: `IKE gateway ${q(g.name)} has natTraversal enabled but is used by ${describeUsers(users)}`,
        }),
      );
  },
};
