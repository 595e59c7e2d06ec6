import type { Finding, Rule } from '../types';
import { isKnown, type ObjectFacts, type StackFacts } from '../facts';
import { makeFinding, q } from '../finding';
import { deviceScopeOf } from '../references';
import { ALL_KINDS } from '../../panos/objects/registry';
import { declared, KIND_TITLES, locationOf } from '../resolve';


/** X2: names are unique per object kind and location. */
export const ref002UniqueNames: Rule = {
  id: 'PANOS-REF-002',
  level: 'error',
  title: 'Two declared objects of the same kind share a name in one location',
  source: 'X2',
  explanation:
    'PAN-OS identifies an entry by kind and name. IPSec network objects live under the device (not a vsys), so two ' +
    'declarations with the same name on one firewall, template or template stack write the same entry and overwrite each other.',
  fix: 'give each object a unique name, or declare it once and reference that declaration',
  evaluate(facts: StackFacts): Finding[] {
    const findings: Finding[] = [];
    for (const kind of ALL_KINDS) {
      const first = new Map<string, ObjectFacts>();
      for (const o of declared(facts, kind)) {
        if (o.imported || !isKnown(o.name)) continue;
        const key = `${deviceScopeOf(locationOf(o))}\u0000${o.name}`;
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, o);
          continue;
        }
        findings.push(
          makeFinding(ref002UniqueNames, {
            path: o.path,
            objectKind: kind,
            objectName: o.name,
            field: 'name',
            value: o.name,
            problem: `${KIND_TITLES[kind]} name ${q(o.name)} is already used by ${earlier.path} in ${deviceScopeOf(locationOf(o))}`,
          }),
        );
      }
    }
    return findings;
  },
};
