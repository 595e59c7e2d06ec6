import type { Finding, Rule } from '../types';
import { isUnknown, type StackFacts } from '../facts';
import { makeFinding, q } from '../finding';
import { tunnelModeTunnels } from '../resolve';

/** W2: a policy-based peer expects proxy IDs that match its policies. */
export const wc002PolicyBasedPeer: Rule = {
  id: 'PANOS-WC-002',
  level: 'info',
  title: 'A tunnel-mode tunnel towards a policy-based peer declares no proxy IDs',
  source: 'W2',
  explanation:
    'Without proxy IDs PAN-OS proposes 0.0.0.0/0 for both sides in phase 2. Policy-based peers (many third-party ' +
    'firewalls) match the proposal against their policies and reject it, so the tunnel never comes up.',
  fix: 'declare proxyIds matching the local and remote subnets of the peer policy',
  evaluate(facts: StackFacts): Finding[] {
    const empty = (ids: unknown): boolean => ids === undefined || (Array.isArray(ids) && ids.length === 0);
    return tunnelModeTunnels(facts)
      .filter((t) => t.policyBasedPeer === true && !isUnknown(t.proxyIds) && !isUnknown(t.proxyIdsV6))
      .filter((t) => empty(t.proxyIds) && empty(t.proxyIdsV6))
      .map((t) =>
        makeFinding(wc002PolicyBasedPeer, {
          path: t.path,
          objectKind: 'ipsec-tunnel',
          objectName: t.name,
          field: 'proxyIds',
          value: [],
          problem: `tunnel-mode IPSec tunnel ${q(t.name)} goes to a policy-based peer but declares no proxyIds`,
        }),
      );
  },
};
