/**
 * Every by-name reference the declared objects make (X1, X3), and device scopes for uniqueness checks (X2, X4).
 */
import { ALL_DESCRIPTORS, ALL_KINDS } from '../panos/objects/registry';
import { isKnown, type Known, type ObjectFacts, type StackFacts } from './facts';
import { FACTS_KEY, locationOf, resolve, type DeclaredKind, type Resolution } from './resolve';

/** One reference from a declared object to another object by name. */
export interface Reference {
  readonly from: ObjectFacts;
  readonly fromKind: DeclaredKind;
  /** Model key of the referring field, e.g. `ikeGateways`, `tunnelMonitor.profile`. */
  readonly field: string;
  readonly kind: DeclaredKind | 'interface';
  readonly name: string;
}

/** True for the kinds a reference may be checked against: declared objects and interfaces (REF-005 judges zones and routers). */
function checkedKind(kind: string): kind is Reference['kind'] {
  return kind === 'interface' || (ALL_KINDS as readonly string[]).includes(kind);
}

/** What each referring field names (`field` of a {@link Reference} → its `kind`), from the object tables' `refersTo`. */
export const REFERENCED_KIND: Readonly<Record<string, Reference['kind']>> = Object.fromEntries(
  ALL_DESCRIPTORS.flatMap((d) => d.referringFields.flatMap((rf) => (checkedKind(rf.kind) ? [[rf.factsField, rf.kind] as const] : []))),
);

/** The referring fields per kind, users before what they use (a tunnel's references before its gateway's). */
const REFERRING = [...ALL_DESCRIPTORS].reverse().map((d) => ({
  kind: d.kind,
  factsKey: FACTS_KEY[d.kind],
  fields: d.referringFields.flatMap((rf) => (checkedKind(rf.kind) ? [{ factsField: rf.factsField, kind: rf.kind }] : [])),
}));

/** The names a facts field holds: a name or a list of names; nothing when it (or what holds it) is unknown. */
function namesAt(o: ObjectFacts, field: string): string[] {
  let value: unknown = o;
  for (const key of field.split('.')) value = isKnown(value as Known<unknown>) && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  if (!isKnown(value as Known<unknown>)) return [];
  return (Array.isArray(value) ? value : [value]).filter((n): n is string => typeof n === 'string');
}

/**
 * The references of every declared (not imported) object whose target name is known. Unset profile references mean
 * the predefined `default` profile and are not listed.
 */
export function referencesOf(facts: StackFacts): Reference[] {
  const refs: Reference[] = [];
  for (const { kind, factsKey, fields } of REFERRING) {
    if (fields.length === 0) continue;
    for (const o of (facts[factsKey] ?? []) as readonly ObjectFacts[]) {
      if (o.imported) continue;
      for (const rf of fields) {
        for (const name of namesAt(o, rf.factsField)) refs.push({ from: o, fromKind: kind, field: rf.factsField, kind: rf.kind, name });
      }
    }
  }
  return refs;
}

/**
 * Resolves a reference. Interfaces (a gateway's local interface) resolve to declared tunnel interfaces or to
 * `existing` interfaces; they are only judged when the caller listed the device's interfaces, otherwise the result
 * is `existing` (nothing can be said at synth, where physical interfaces are not declared).
 */
export function resolveReference(facts: StackFacts, ref: Reference): Resolution<ObjectFacts> {
  const location = locationOf(ref.from);
  if (ref.kind !== 'interface') return resolve(facts, ref.kind, ref.name, location);
  const scope = deviceScopeOf(location);
  const declaredHere = (facts.tunnelInterfaces ?? []).some((i) => i.name === ref.name && deviceScopeOf(locationOf(i)) === scope);
  if (declaredHere) return { status: 'existing' };
  const known = (facts.existing ?? []).filter((e) => e.kind === 'interface');
  if (known.length === 0 || known.some((e) => e.name === ref.name)) return { status: 'existing' };
  return { status: 'missing' };
}

/**
 * The device-wide scope of a location: network objects (interfaces, IKE, IPSec, profiles) live under the device,
 * not under a vsys, so `vsys:vsys1` and `vsys:vsys2` share one namespace; each template or template stack has its own.
 */
export function deviceScopeOf(location: string): string {
  if (location.startsWith('vsys:')) return 'device';
  const slash = location.indexOf('/');
  return slash < 0 ? location : location.slice(0, slash);
}
