import type { Finding, Rule } from '../types';
import type { StackFacts } from '../facts';
import { makeFinding, q } from '../finding';
import { isBelow, isValidVersion, versionFloor } from '../resolve';

/**
 * The rule that judges a versioned field: `ipsecMode` of a tunnel has its own, more specific rule (PANOS-TM-001);
 * every other field is PANOS-REF-006's. The provider's plan-time version gate reports under the same ids.
 */
export function versionRuleId(objectKind: string, field: string): 'PANOS-TM-001' | 'PANOS-REF-006' {
  return objectKind === 'ipsec-tunnel' && field === 'ipsecMode' ? 'PANOS-TM-001' : 'PANOS-REF-006';
}

/** X6: a field the declared minimum version does not know is an error. */
export const ref006VersionFeatures: Rule = {
  id: 'PANOS-REF-006',
  level: 'error',
  title: 'A field is set that the declared minimum PAN-OS version does not support',
  source: 'X6',
  explanation:
    'Each modelled field carries the PAN-OS version that introduced its element. A device below that version rejects ' +
    'the element, so a stack promising an older minimum version cannot use it.',
  fix: 'remove the field, or raise minPanosVersion to the version that introduced it',
  evaluate(facts: StackFacts): Finding[] {
    const floor = versionFloor(facts);
    if (!floor) return [];
    return (facts.versionedFeatures ?? [])
      .filter((f) => versionRuleId(f.objectKind, f.field) === 'PANOS-REF-006')
      .filter((f) => isValidVersion(f.minVersion) && isBelow(floor.version, f.minVersion))
      .map((f) =>
        makeFinding(ref006VersionFeatures, {
          path: f.path,
          objectKind: f.objectKind,
          ...(f.objectName !== undefined ? { objectName: f.objectName } : {}),
          field: f.field,
          ...(f.value !== undefined ? { value: f.value } : {}),
          problem:
            `${f.objectKind} ${f.objectName !== undefined ? `${q(f.objectName)} ` : ''}sets ${f.field}` +
            `${f.value !== undefined ? ` ${q(f.value)}` : ''}, introduced in PAN-OS ${f.minVersion}, but ${floor.declaredBy} is ${floor.version}`,
          fix: `remove ${f.field}, or raise minPanosVersion to ${f.minVersion} or later`,
        }),
      );
  },
};
