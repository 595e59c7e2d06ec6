import type { Finding, Rule } from '../types';
import { isKnown, type IkeGatewayFacts, type StackFacts } from '../facts';
import { makeFinding, q } from '../finding';
import { gatewaysOf } from '../resolve';

/** T12: a gateway no tunnel uses negotiates a tunnel-mode child SA. */
export const tm012GatewayWithoutTunnel: Rule = {
  id: 'PANOS-TM-012',
  level: 'warning',
  title: 'An IKE gateway is not used by any IPSec tunnel',
  source: 'T12',
  wholeConfiguration: true,
  explanation:
    'When an IKE gateway has no IPSec tunnel, IKE negotiates a tunnel-mode child SA by default, so a gateway meant ' +
    'for transport mode silently negotiates tunnel mode.',
  fix: 'reference the gateway from an IPSec tunnel (ipsecMode transport if that is the intent), or remove it',
  evaluate(facts: StackFacts): Finding[] {
    const tunnels = facts.ipsecTunnels ?? [];
    // A tunnel whose gateway list is unknown might use any gateway: nothing can be said.
    if (tunnels.some((t) => !isKnown(t.ikeGateways) && t.ikeGateways !== undefined)) return [];
    const used = new Set<IkeGatewayFacts>(gatewaysOf(facts, tunnels).map((u) => u.object));
    return (facts.ikeGateways ?? [])
      .filter((g) => !g.imported && isKnown(g.name) && !used.has(g))
      .map((g) =>
        makeFinding(tm012GatewayWithoutTunnel, {
          path: g.path,
          objectKind: 'ike-gateway',
          objectName: g.name,
          field: 'name',
          value: g.name,
          problem: `IKE gateway ${q(g.name)} is not referenced by the ikeGateways of any IPSec tunnel, so it negotiates a tunnel-mode child SA`,
        }),
      );
  },
};
