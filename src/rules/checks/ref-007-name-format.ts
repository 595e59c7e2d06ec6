import type { Finding, Rule } from '../types';
import { isKnown, type StackFacts } from '../facts';
import { makeFinding, q } from '../finding';
import { declared, KIND_TITLES, type DeclaredKind } from '../resolve';
import { NAME_CHARACTERS, NAME_EDGES, nameFault, TUNNEL_INTERFACE_NAME_RULE } from '../../panos/objects/names';
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
  return `may hold only ${NAME_CHARACTERS}, must ${NAME_EDGES}`;
}

/**
 * The limits as the rule's explanation states them, from the descriptors: the kinds of one length together, in
 * registry order ("IKE crypto profiles, IPSec crypto profiles … allow 31 characters; …"), then the tunnel
 * interfaces' rule.
 */
function limitsInProse(): string {
  const byLength = new Map<number, string[]>();
  for (const d of ALL_DESCRIPTORS) {
    if (d.kind === 'tunnel-interface') continue;
    byLength.set(d.nameMaxLength, [...(byLength.get(d.nameMaxLength) ?? []), `${KIND_TITLES[d.kind]}s`]);
  }
  const list = (xs: readonly string[]): string => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
  const lengths = [...byLength].map(([max, kinds]) => `${list(kinds)} allow ${max} characters`);
  return `${lengths.join('; ')}; tunnel interface names ${TUNNEL_INTERFACE_NAME_RULE}.`;
}

/** Upper-cases the first character. */
function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** X2: names respect PAN-OS limits; tunnel interfaces are `tunnel.N`. */
export const ref007NameFormat: Rule = {
  id: 'PANOS-REF-007',
  level: 'error',
  title: 'A declared object name breaks PAN-OS length or character limits',
  source: 'X2',
  guardsProps: ['name', 'tunnelInterface'],
  explanation:
    `PAN-OS rejects names that are too long or hold other characters than ${NAME_CHARACTERS}. ${capitalized(limitsInProse())}`,
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
