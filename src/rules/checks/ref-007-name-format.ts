import type { Finding, Rule } from '../types';
import { isKnown, type StackFacts } from '../facts';
import { makeFinding, q } from '../finding';
import { declared, KIND_TITLES, type DeclaredKind } from '../resolve';
import { nameFault, TUNNEL_INTERFACE_NAME_RULE } from '../../panos/objects/names';
import { ALL_DESCRIPTORS, ALL_KINDS } from '../../panos/objects/registry';

/** Longest name PAN-OS accepts per kind: each descriptor's (docs/panos/README.md#names), not a copy. */
export const RULE_NAME_MAX_LENGTH: Readonly<Record<DeclaredKind, number>> = Object.fromEntries(
  ALL_DESCRIPTORS.map((d) => [d.kind, d.nameMaxLength]),
) as Record<DeclaredKind, number>;

/** Why `name` is not a valid name of `kind`, or undefined when it is (the patterns are the object model's). */
export function nameProblem(kind: DeclaredKind, name: string): string | undefined {
  const max = RULE_NAME_MAX_LENGTH[kind];
  const fault = nameFault(kind, name, max);
  if (fault === undefined) return undefined;
  if (kind === 'tunnel-interface') return TUNNEL_INTERFACE_NAME_RULE;
  if (fault !== 'pattern') return `must be 1-${max} characters long (is ${name.length})`;
  return 'may hold only ASCII letters, digits, space, "_", "-", ".", must start with a letter, digit or "_" and not end with a space';
}

/** X2: names respect PAN-OS limits; tunnel interfaces are `tunnel.N`. */
export const ref007NameFormat: Rule = {
  id: 'PANOS-REF-007',
  level: 'error',
  title: 'A declared object name breaks PAN-OS length or character limits',
  source: 'X2',
  guardsProps: ['name', 'tunnelInterface'],
  explanation:
    'PAN-OS rejects names that are too long or contain other characters than letters, digits, space, "_", "-" and ".". ' +
    'Profiles allow 31 characters, gateways and tunnels 63; tunnel interfaces are named tunnel.1 to tunnel.9999.',
  fix: 'rename the object within the limits (tunnel interfaces: tunnel.N)',
  evaluate(facts: StackFacts): Finding[] {
    const findings: Finding[] = [];
    for (const kind of ALL_KINDS) {
      for (const o of declared(facts, kind)) {
        if (o.imported || !isKnown(o.name)) continue;
        const problem = nameProblem(kind, o.name);
        if (!problem) continue;
        findings.push(
          makeFinding(ref007NameFormat, {
            path: o.path,
            objectKind: kind,
            objectName: o.name,
            field: 'name',
            value: o.name,
            problem: `${KIND_TITLES[kind]} name ${q(o.name)} ${problem}`,
          }),
        );
      }
    }
    return findings;
  },
};
