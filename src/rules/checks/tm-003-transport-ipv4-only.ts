import type { Finding, Rule } from '../types';
import { isKnown, type StackFacts } from '../facts';
import { makeFinding, q, type FindingInput } from '../finding';
import { describeUsers, gatewaysOf, isIpv6, transportTunnels } from '../resolve';

/** T3: transport mode is IPv4 only. */
export const tm003TransportIpv4Only: Rule = {
  id: 'PANOS-TM-003',
  level: 'error',
  title: 'The IKE gateway of a transport-mode tunnel uses IPv6',
  source: 'T3',
  explanation: 'PAN-OS transport mode supports IPv4 only: the gateway local and peer addresses must be IPv4 and its ipv6 flag off.',
  fix: 'use IPv4 local and peer addresses and turn ipv6 off on the gateway, or use tunnel mode for IPv6 peers',
  evaluate(facts: StackFacts): Finding[] {
    const findings: Finding[] = [];
    for (const { object: g, users } of gatewaysOf(facts, transportTunnels(facts))) {
      const base: Pick<FindingInput, 'path' | 'objectKind' | 'objectName'> = { path: g.path, objectKind: 'ike-gateway', objectName: g.name };
      const who = `IKE gateway ${q(g.name)} (used by ${describeUsers(users)})`;
      if (g.ipv6 === true) {
        findings.push(makeFinding(tm003TransportIpv4Only, { ...base, field: 'ipv6', value: 'true', allowed: ['false'], problem: `${who} has ipv6 enabled` }));
      }
      for (const field of ['localIp', 'peerIp'] as const) {
        const v = g[field];
        if (isKnown(v) && isIpv6(v)) {
          findings.push(makeFinding(tm003TransportIpv4Only, { ...base, field, value: v, allowed: ['an IPv4 address'], problem: `${who} has ${field} ${q(v)}, an IPv6 address` }));
        }
      }
    }
    return findings;
  },
};
