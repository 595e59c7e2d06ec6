import type { Finding, Rule } from '../types';
import type { StackFacts } from '../facts';
import { makeFinding, q } from '../finding';
import { referencesOf, resolveReference } from '../references';
import { KIND_TITLES, locationOf } from '../resolve';

/** X3: all objects of one tunnel live in the same location. */
export const ref003SameLocation: Rule = {
  id: 'PANOS-REF-003',
  level: 'error',
  title: 'A tunnel or gateway references an object declared in another location',
  source: 'X3',
  explanation:
    'References resolve within one vsys, Panorama template or template stack. An object declared in another location ' +
    'is invisible to the referrer, so the commit fails with a dangling reference.',
  fix: 'declare the referenced object in the same location as the referrer (same vsys, template or template stack)',
  evaluate(facts: StackFacts): Finding[] {
    const findings: Finding[] = [];
    for (const ref of referencesOf(facts)) {
      const r = resolveReference(facts, ref);
      if (r.status !== 'other-location') continue;
      findings.push(
        makeFinding(ref003SameLocation, {
          path: ref.from.path,
          objectKind: ref.fromKind,
          objectName: ref.from.name,
          field: ref.field,
          value: ref.name,
          allowed: [locationOf(ref.from)],
          problem:
            `${KIND_TITLES[ref.fromKind]} ${q(ref.from.name)} in ${locationOf(ref.from)} has ${ref.field} ${q(ref.name)}, ` +
            `but that ${KIND_TITLES[ref.kind]} (${r.object.path}) is declared in ${locationOf(r.object)}`,
        }),
      );
    }
    return findings;
  },
};
