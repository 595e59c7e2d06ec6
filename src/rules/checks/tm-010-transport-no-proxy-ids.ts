import type { Finding, Rule } from '../types';
import { isKnown, type StackFacts } from '../facts';
import { makeFinding, q } from '../finding';
import { transportTunnels } from '../resolve';

/** T10: no proxy IDs in transport mode. */
export const tm010TransportNoProxyIds: Rule = {
  id: 'PANOS-TM-010',
  level: 'error',
  title: 'A transport-mode tunnel declares proxy IDs',
  source: 'T10',
  explanation:
    'Transport mode does not use proxy IDs for negotiation: PAN-OS replaces them and negotiates the whole host pair, ' +
    'so declared proxy IDs would never take effect.',
  fix: 'remove proxyIds and proxyIdsV6 from the transport-mode tunnel',
  evaluate(facts: StackFacts): Finding[] {
    const findings: Finding[] = [];
    for (const t of transportTunnels(facts)) {
      for (const field of ['proxyIds', 'proxyIdsV6'] as const) {
        const ids = t[field];
        if (!isKnown(ids) || ids.length === 0) continue;
        findings.push(
          makeFinding(tm010TransportNoProxyIds, {
            path: t.path,
            objectKind: 'ipsec-tunnel',
            objectName: t.name,
            field,
            value: ids.map((p) => p.name),
            problem: `transport-mode IPSec tunnel ${q(t.name)} declares ${field} ${ids.map((p) => q(p.name)).join(', ')}`,
          }),
        );
      }
    }
    return findings;
  },
};
