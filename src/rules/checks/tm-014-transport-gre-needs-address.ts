import type { Finding, Rule } from '../types';
import { isUnknown, type StackFacts } from '../facts';
import { makeFinding, q } from '../finding';
import { describeUsers, transportTunnels, tunnelInterfacesOf } from '../resolve';

/** T14: with GRE the tunnel interface's IPv4 address is the GRE header's address. */
export const tm014TransportGreNeedsAddress: Rule = {
  id: 'PANOS-TM-014',
  level: 'error',
  title: 'A transport-mode tunnel with GRE uses a tunnel interface without an IPv4 address',
  source: 'T14',
  explanation:
    'With GRE encapsulation in transport mode PAN-OS uses the tunnel interface IP address for the GRE header, so the ' +
    'tunnel interface needs an IPv4 address.',
  fix: "add an IPv4 address to the tunnel interface's ipv4Addresses (e.g. '169.254.10.1/30'), or turn enableGreEncapsulation off",
  evaluate(facts: StackFacts): Finding[] {
    const gre = transportTunnels(facts).filter((t) => t.enableGreEncapsulation === true);
    const findings: Finding[] = [];
    for (const u of tunnelInterfacesOf(facts, gre)) {
      const addrs = u.object.ipv4Addresses;
      if (isUnknown(addrs) || (addrs !== undefined && addrs.length > 0)) continue;
      findings.push(
        makeFinding(tm014TransportGreNeedsAddress, {
          path: u.object.path,
          objectKind: 'tunnel-interface',
          objectName: u.object.name,
          field: 'ipv4Addresses',
          value: addrs ?? [],
          allowed: ['at least one IPv4 address'],
          problem: `tunnel interface ${q(u.object.name)} has no ipv4Addresses but ${describeUsers(u.users)} enable GRE encapsulation, which uses that address`,
        }),
      );
    }
    return findings;
  },
};
