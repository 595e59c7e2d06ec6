import type { Finding, Rule } from '../types';
import { isKnown, isUnknown, type StackFacts } from '../facts';
import { makeFinding, q } from '../finding';

/** T17: an enabled tunnel monitor needs a destination IP (any mode; transport probes from the gateway interface). */
export const tm017MonitorNeedsDestination: Rule = {
  id: 'PANOS-TM-017',
  level: 'error',
  title: 'Tunnel monitoring is enabled without a destination IP',
  source: 'T17',
  explanation:
    'A tunnel monitor probes a destination IP on the far side; without one it cannot tell whether the tunnel works. ' +
    "In transport mode probes leave from the gateway's physical interface IP, so the tunnel interface needs no address " +
    'for it. A monitor profile (wait-recover or fail-over) is optional.',
  fix: 'set tunnelMonitor.destinationIp to an address on the far side of the tunnel, or disable tunnelMonitor',
  evaluate(facts: StackFacts): Finding[] {
    const findings: Finding[] = [];
    for (const t of facts.ipsecTunnels ?? []) {
      const m = t.tunnelMonitor;
      if (!isKnown(m) || m.enable !== true) continue;
      if (isUnknown(m.destinationIp) || (isKnown(m.destinationIp) && m.destinationIp.trim() !== '')) continue;
      findings.push(
        makeFinding(tm017MonitorNeedsDestination, {
          path: t.path,
          objectKind: 'ipsec-tunnel',
          objectName: t.name,
          field: 'tunnelMonitor.destinationIp',
          value: m.destinationIp ?? '',
          allowed: ['an IP address on the far side of the tunnel'],
          problem: `IPSec tunnel ${q(t.name)} enables tunnelMonitor but tunnelMonitor.destinationIp is not set`,
        }),
      );
    }
    return findings;
  },
};
