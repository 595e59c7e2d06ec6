import type { Finding, Rule } from '../types';
import type { StackFacts } from '../facts';
import { makeFinding, q } from '../finding';
import { isBelow, isValidVersion, transportTunnels } from '../resolve';

/** T2: a device holding transport-mode tunnels cannot be downgraded below 11.0. */
export const tm002DowngradeWithTransport: Rule = {
  id: 'PANOS-TM-002',
  level: 'error',
  title: 'A transport-mode tunnel exists while a downgrade target below PAN-OS 11.0 is declared',
  source: 'T2',
  explanation:
    'PAN-OS 10.2 and earlier do not support transport mode. Before a downgrade every transport-mode tunnel must be ' +
    'removed or switched to tunnel mode, otherwise the downgrade fails.',
  fix: "remove the tunnel or set ipsecMode to 'tunnel' before downgrading, or declare a downgrade target of 11.0 or later",
  evaluate(facts: StackFacts): Finding[] {
    const target = facts.downgradeTarget;
    if (!target || !isValidVersion(target) || !isBelow(target, '11.0.0')) return [];
    return transportTunnels(facts).map((t) =>
      makeFinding(tm002DowngradeWithTransport, {
        path: t.path,
        objectKind: 'ipsec-tunnel',
        objectName: t.name,
        field: 'ipsecMode',
        value: 'transport',
        problem: `IPSec tunnel ${q(t.name)} has ipsecMode 'transport' but the declared downgrade target is ${target}, which cannot hold transport-mode tunnels; the downgrade would fail`,
      }),
    );
  },
};
