import type { Finding, Rule } from '../types';
import { isKnown, isUnknown, type StackFacts } from '../facts';
import { makeFinding, q, show } from '../finding';
import { describeUsers, transportTunnels, tunnelInterfacesOf } from '../resolve';

/** T13: without GRE the tunnel interface's address is ignored in transport mode. */
export const tm013TransportInterfaceAddressIgnored: Rule = {
  id: 'PANOS-TM-013',
  level: 'warning',
  title: 'A transport-mode tunnel without GRE uses a tunnel interface that declares an IPv4 address',
  source: 'T13',
  explanation:
    'In transport mode without GRE encapsulation PAN-OS ignores the tunnel interface address. User traffic must not ' +
    'be routed through the tunnel interface, and control protocols (BGP peering) run on the physical interface.',
  fix: 'remove ipv4Addresses from the tunnel interface and peer BGP on the physical interface, or set enableGreEncapsulation',
  evaluate(facts: StackFacts): Finding[] {
    const noGre = transportTunnels(facts).filter((t) => !isUnknown(t.enableGreEncapsulation) && t.enableGreEncapsulation !== true);
    const findings: Finding[] = [];
    for (const u of tunnelInterfacesOf(facts, noGre)) {
      const addrs = u.object.ipv4Addresses;
      if (!isKnown(addrs) || addrs.length === 0) continue;
      findings.push(
        makeFinding(tm013TransportInterfaceAddressIgnored, {
          path: u.object.path,
          objectKind: 'tunnel-interface',
          objectName: u.object.name,
          field: 'ipv4Addresses',
          value: addrs,
          problem: `tunnel interface ${q(u.object.name)} declares ipv4Addresses ${show(addrs)}, which PAN-OS ignores for ${describeUsers(u.users)} without GRE encapsulation`,
        }),
      );
    }
    return findings;
  },
};
