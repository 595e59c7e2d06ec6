import type { Finding, Rule } from '../types';
import type { StackFacts } from '../facts';
import { makeFinding, q } from '../finding';
import { isBelow, versionFloor } from '../resolve';

/** T1: transport mode (and the `ipsec-mode` element at all) exists from PAN-OS 11.0.0. */
export const tm001TransportNeeds110: Rule = {
  id: 'PANOS-TM-001',
  level: 'error',
  title: 'An IPSec tunnel sets ipsecMode while the stack or device is below PAN-OS 11.0.0',
  source: 'T1',
  explanation:
    'Transport mode is new in PAN-OS 11.0.0. PAN-OS 10.2 and earlier do not know the ipsec-mode element at all, so ' +
    'a device below 11.0 rejects it, even with the value tunnel.',
  fix: 'raise minPanosVersion to 11.0.0 or later (and run 11.0+ on the device), or omit ipsecMode to use tunnel mode',
  evaluate(facts: StackFacts): Finding[] {
    const floor = versionFloor(facts);
    if (!floor || !isBelow(floor.version, '11.0.0')) return [];
    const findings: Finding[] = [];
    for (const t of facts.ipsecTunnels ?? []) {
      if (t.ipsecMode !== 'transport' && t.ipsecMode !== 'tunnel') continue;
      const transport = t.ipsecMode === 'transport';
      findings.push(
        makeFinding(tm001TransportNeeds110, {
          path: t.path,
          objectKind: 'ipsec-tunnel',
          objectName: t.name,
          field: 'ipsecMode',
          value: t.ipsecMode,
          problem: transport
            ? `IPSec tunnel ${q(t.name)} sets ipsecMode 'transport', which needs PAN-OS 11.0.0, but ${floor.declaredBy} is ${floor.version}`
            : `IPSec tunnel ${q(t.name)} sets ipsecMode 'tunnel', but PAN-OS ${floor.version} (${floor.declaredBy}) has no ipsec-mode element (introduced in 11.0.0)`,
          fix: transport
            ? tm001TransportNeeds110.fix
            : 'omit ipsecMode (tunnel mode is what PAN-OS below 11.0 does), or raise minPanosVersion to 11.0.0 or later',
        }),
      );
    }
    return findings;
  },
};
