import type { Finding, Rule } from '../types';
import { isKnown, type IpsecTunnelFacts, type StackFacts } from '../facts';
import { makeFinding, q } from '../finding';
import { deviceScopeOf } from '../references';
import { locationOf } from '../resolve';

/** X4: a tunnel interface carries at most one IPSec tunnel. */
export const ref004InterfaceSingleTunnel: Rule = {
  id: 'PANOS-REF-004',
  level: 'error',
  title: 'Two IPSec tunnels use the same tunnel interface',
  source: 'X4',
  explanation: 'PAN-OS binds one IPSec tunnel to a tunnel interface; a second tunnel on the same interface is rejected at commit.',
  fix: 'give each IPSec tunnel its own tunnel interface (tunnel.N)',
  evaluate(facts: StackFacts): Finding[] {
    const first = new Map<string, IpsecTunnelFacts>();
    const findings: Finding[] = [];
    for (const t of facts.ipsecTunnels ?? []) {
      if (!isKnown(t.tunnelInterface)) continue;
      const key = `${deviceScopeOf(locationOf(t))}\u0000${t.tunnelInterface}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, t);
        continue;
      }
      findings.push(
        makeFinding(ref004InterfaceSingleTunnel, {
          path: t.path,
          objectKind: 'ipsec-tunnel',
          objectName: t.name,
          field: 'tunnelInterface',
          value: t.tunnelInterface,
          problem: `IPSec tunnel ${q(t.name)} uses tunnelInterface ${q(t.tunnelInterface)}, which IPSec tunnel ${q(earlier.name)} (${earlier.path}) already uses`,
        }),
      );
    }
    return findings;
  },
};
