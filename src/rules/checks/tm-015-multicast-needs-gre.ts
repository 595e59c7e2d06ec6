import type { Finding, Rule } from '../types';
import { isUnknown, type StackFacts } from '../facts';
import { makeFinding, q } from '../finding';
import { transportTunnels } from '../resolve';

/** T15: multicast / dynamic routing over transport mode needs GRE (error when declared). */
export const tm015MulticastNeedsGre: Rule = {
  id: 'PANOS-TM-015',
  level: 'error',
  title: 'A transport-mode tunnel declared to carry multicast or dynamic routing has no GRE encapsulation',
  source: 'T15',
  explanation:
    "Transport mode reuses the packet's IP header, so multicast (OSPF, PIM) cannot be encapsulated. GRE encapsulation " +
    'turns it into unicast first; a separate GRE tunnel through the transport tunnel does not work (no double encapsulation).',
  fix: 'set enableGreEncapsulation to true (and give the tunnel interface an IPv4 address), or use tunnel mode',
  evaluate(facts: StackFacts): Finding[] {
    return transportTunnels(facts)
      .filter((t) => t.carriesMulticastRouting === true && !isUnknown(t.enableGreEncapsulation) && t.enableGreEncapsulation !== true)
      .map((t) =>
        makeFinding(tm015MulticastNeedsGre, {
          path: t.path,
          objectKind: 'ipsec-tunnel',
          objectName: t.name,
          field: 'enableGreEncapsulation',
          value: t.enableGreEncapsulation ?? false,
          allowed: ['true'],
          problem: `transport-mode IPSec tunnel ${q(t.name)} is declared to carry multicast/dynamic routing but enableGreEncapsulation is ${String(t.enableGreEncapsulation ?? 'not set')}`,
        }),
      );
  },
};
