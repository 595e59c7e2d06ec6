/**
 * The id under which a value the object model refuses is reported, in the constructors (synth) and at plan: enum,
 * range, length, required fields, one-of groups and duplicate entry names, from the descriptors' field tables
 * (src/panos/objects, each limit cited in docs/panos). Where a rule of the catalogue judges the same fact, its id is
 * used instead, so one fact is reported under one id wherever it is caught.
 */
import { ALL_RULES } from './registry';
import type { Rule } from './types';

/** The catalogue entry of value refusals (not a facts rule: the object model checks the values itself). */
export const VALUE_RULE: Pick<Rule, 'id' | 'level' | 'title' | 'explanation' | 'fix'> & { readonly source: string } = {
  id: 'PANOS-VAL-001',
  level: 'error',
  title: 'A value is outside what PAN-OS (or the construct) accepts for its field (choice, range, length, required, duplicate entry name)',
  source: '[docs/panos](docs/panos/README.md)',
  explanation:
    'Each field of each object carries the values, ranges and lengths PAN-OS accepts (for example an IKE lifetime of ' +
    '1-65535 in its unit, proxy-ID names unique within a tunnel), cited per object in docs/panos. A value outside them ' +
    'is refused before anything is written: in the construct\'s constructor at synth, at plan in the provider. The ' +
    'constructs refuse props they cannot turn into a configuration under the same id (a port, a version, a key version).',
  fix: 'use a value the message lists as allowed',
};

/**
 * The rule id for a value problem of the model field at `field` (e.g. `lifetime.value`, `autoKey.proxyIds[1].name`):
 * the rule that guards the top-level prop (`Rule.guardsProps`), else {@link VALUE_RULE}.
 */
export function valueRuleId(field: string): string {
  const prop = field.split(/[.[]/)[0]!;
  return ALL_RULES.find((r) => r.guardsProps?.includes(prop))?.id ?? VALUE_RULE.id;
}
