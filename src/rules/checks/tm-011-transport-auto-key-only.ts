import type { Finding, Rule } from '../types';
import { isKnown, type StackFacts } from '../facts';
import { makeFinding, q } from '../finding';
import { transportTunnels } from '../resolve';

/** T11: transport mode works with auto key only. */
export const tm011TransportAutoKeyOnly: Rule = {
  id: 'PANOS-TM-011',
  level: 'error',
  title: 'A transport-mode tunnel uses manual key or GlobalProtect satellite',
  source: 'T11',
  explanation: 'PAN-OS transport mode is available only with auto key (IKE) exchange.',
  fix: 'use auto key (an IKE gateway and an IPSec crypto profile), or use tunnel mode',
  evaluate(facts: StackFacts): Finding[] {
    return transportTunnels(facts)
      .filter((t) => isKnown(t.keyType) && t.keyType !== 'auto-key')
      .map((t) =>
        makeFinding(tm011TransportAutoKeyOnly, {
          path: t.path,
          objectKind: 'ipsec-tunnel',
          objectName: t.name,
          field: 'keyType',
          value: t.keyType,
          allowed: ['auto-key'],
          problem: `transport-mode IPSec tunnel ${q(t.name)} has keyType ${q(t.keyType)}`,
        }),
      );
  },
};
