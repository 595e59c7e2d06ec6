import type { Finding, Rule } from '../types';
import { isKnown, type StackFacts } from '../facts';
import { makeFinding, q } from '../finding';
import { declared, KIND_TITLES, type DeclaredKind } from '../resolve';
import { NAME_MAX_LENGTH } from '../../panos/objects/names';
import { ALL_KINDS } from '../../panos/objects/registry';

/** Longest name PAN-OS accepts per kind: the object model's table (docs/panos/README.md#names), not a copy. */
export const RULE_NAME_MAX_LENGTH: Readonly<Record<DeclaredKind, number>> = Object.fromEntries(
  ALL_KINDS.map((kind) => [kind, NAME_MAX_LENGTH[kind]]),
) as Record<DeclaredKind, number>;

const TUNNEL_INTERFACE = /^tunnel\.[1-9]\d{0,3}$/;
const GENERIC = /^[A-Za-z0-9_][A-Za-z0-9 _.-]*$/;

/** Why `name` is not a valid name of `kind`, or undefined when it is. */
export function nameProblem(kind: DeclaredKind, name: string): string | undefined {
  if (kind === 'tunnel-interface') {
    return TUNNEL_INTERFACE.test(name) ? undefined : 'must be tunnel.N with N from 1 to 9999';
  }
  const max = RULE_NAME_MAX_LENGTH[kind];
  if (name.length === 0 || name.length > max) return `must be 1-${max} characters long (is ${name.length})`;
  if (!GENERIC.test(name) || name.endsWith(' ')) {
    return 'may hold only ASCII letters, digits, space, "_", "-", ".", must start with a letter, digit or "_" and not end with a space';
  }
  return undefined;
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
