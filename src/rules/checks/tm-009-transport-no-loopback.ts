import type { Finding, Rule } from '../types';
import { isKnown, type StackFacts } from '../facts';
import { makeFinding, q } from '../finding';
import { describeUsers, gatewaysOf, isLoopback, transportTunnels } from '../resolve';

/** T9: a transport-mode tunnel's IKE gateway may not sit on a loopback interface. */
export const tm009TransportNoLoopback: Rule = {
  id: 'PANOS-TM-009',
  level: 'error',
  title: 'The IKE gateway of a transport-mode tunnel uses a loopback interface',
  source: 'T9',
  explanation: 'PAN-OS cannot bind an IKE gateway on a loopback interface to an IPSec tunnel in transport mode.',
  fix: 'set the IKE gateway localInterface to a physical or subinterface (e.g. ethernet1/1), or use tunnel mode',
  evaluate(facts: StackFacts): Finding[] {
    const findings: Finding[] = [];
    for (const { object: g, users } of gatewaysOf(facts, transportTunnels(facts))) {
      const itf = g.localInterface;
      if (!isKnown(itf) || !isLoopback(itf)) continue;
      findings.push(
        makeFinding(tm009TransportNoLoopback, {
          path: g.path,
          objectKind: 'ike-gateway',
          objectName: g.name,
          field: 'localInterface',
          value: itf,
          allowed: ['a non-loopback interface'],
          problem: `IKE gateway ${q(g.name)} has localInterface ${q(itf)}, a loopback interface, but is used by ${describeUsers(users)}`,
        }),
      );
    }
    return findings;
  },
};
