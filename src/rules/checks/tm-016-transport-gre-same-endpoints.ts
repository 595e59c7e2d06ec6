import type { Finding, Rule } from '../types';
import type { StackFacts } from '../facts';
import { makeFinding, q } from '../finding';
import { transportTunnels } from '../resolve';

/** T16: GRE over a transport tunnel must share the tunnel's endpoints. */
export const tm016TransportGreSameEndpoints: Rule = {
  id: 'PANOS-TM-016',
  level: 'info',
  title: 'GRE encapsulation on a transport-mode tunnel must use the same endpoints as the IPSec tunnel',
  source: 'T16',
  explanation:
    "PAN-OS's GRE encapsulation works when the GRE packet has the same source and destination IP as the IPSec tunnel; " +
    'PAN-OS treats it as a single encapsulation. A separate GRE tunnel routed into the transport tunnel does not work.',
  fix: 'make sure the peer expects GRE between the same two addresses as the IKE gateway; do not route a separate GRE tunnel into it',
  evaluate(facts: StackFacts): Finding[] {
    return transportTunnels(facts)
      .filter((t) => t.enableGreEncapsulation === true)
      .map((t) =>
        makeFinding(tm016TransportGreSameEndpoints, {
          path: t.path,
          objectKind: 'ipsec-tunnel',
          objectName: t.name,
          field: 'enableGreEncapsulation',
          value: true,
          problem: `transport-mode IPSec tunnel ${q(t.name)} enables GRE encapsulation: the GRE packets must have the same source and destination IP as the IPSec tunnel`,
        }),
      );
  },
};
