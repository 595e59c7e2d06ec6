/**
 * The by-name references between the objects this provider manages, read from a model (a plan's, a state's or a
 * decoded device entry's), and an index of who refers to whom. The referring fields, the kinds they name, where they
 * sit in a model and their Terraform attributes come from the objects' field tables (`refersTo`). Physical
 * interfaces (a gateway's local interface) are not objects of this provider and are left out.
 */
import { ALL_KINDS, descriptorFor, type FieldSpec, type ObjectKind } from '../panos/objects';
import type { Model } from './model-values';

/** One by-name reference from an object to another object of this provider. */
export interface ObjectRef {
  /** Kind of the object referred to. */
  readonly kind: ObjectKind;
  readonly name: string;
  /** The referring field as the rules' facts name it, e.g. `ikeGateways`. */
  readonly field: string;
  /** The referring Terraform attribute, e.g. `auto_key.ike_gateways`. */
  readonly attribute: string;
  /** The field is unset and the device reads it as its default (`default` crypto profile). */
  readonly implied: boolean;
}

interface ReferringField {
  readonly field: string;
  readonly kind: ObjectKind;
  readonly path: readonly string[];
  readonly specs: readonly FieldSpec[];
}

/** The referring fields of each kind that name objects of this provider, from the descriptors' tables. */
const referringFields = new Map<ObjectKind, ReferringField[]>();

function fieldsOf(kind: ObjectKind): ReferringField[] {
  let list = referringFields.get(kind);
  if (!list) {
    list = descriptorFor(kind).referringFields.flatMap((rf) =>
      (ALL_KINDS as readonly string[]).includes(rf.kind) ? [{ field: rf.factsField, kind: rf.kind as ObjectKind, path: rf.path, specs: rf.specs }] : [],
    );
    referringFields.set(kind, list);
  }
  return list;
}

/**
 * The objects a model refers to. Unknown or non-string values are skipped; an unset field with a device default
 * (`ipsec-crypto-profile`, `ike-crypto-profile`) refers to that default when its enclosing block is present.
 */
export function referencesOf(kind: ObjectKind, model: Model): ObjectRef[] {
  const out: ObjectRef[] = [];
  for (const rf of fieldsOf(kind)) {
    let parent: unknown = model;
    for (const key of rf.path.slice(0, -1)) parent = parent && typeof parent === 'object' ? (parent as Model)[key] : undefined;
    if (!parent || typeof parent !== 'object') continue;
    const spec = rf.specs[rf.specs.length - 1];
    const value = (parent as Model)[spec.key];
    const attribute = rf.specs.map((s) => s.tfName).join('.');
    const implied = value === undefined && typeof spec.deviceDefault === 'string';
    const names = implied ? [spec.deviceDefault as string] : Array.isArray(value) ? value : [value];
    for (const name of names) {
      if (typeof name === 'string' && name !== '') out.push({ kind: rf.kind, name, field: rf.field, attribute, implied });
    }
  }
  return out;
}

/** `kind:name`, the key objects are indexed by. */
export function objectKey(kind: ObjectKind, name: string): string {
  return `${kind}:${name}`;
}

/** Who refers to whom, by object key, kept current as objects are added, changed and removed. */
export class ReferenceIndex {
  private readonly outgoing = new Map<string, string[]>();
  private readonly incoming = new Map<string, Set<string>>();

  /** Records (or replaces) the references of `from`. */
  set(from: string, refs: readonly ObjectRef[]): void {
    this.remove(from);
    const targets = [...new Set(refs.map((r) => objectKey(r.kind, r.name)))];
    this.outgoing.set(from, targets);
    for (const t of targets) {
      let s = this.incoming.get(t);
      if (!s) this.incoming.set(t, (s = new Set()));
      s.add(from);
    }
  }

  /** Forgets the references of `from`. */
  remove(from: string): void {
    for (const t of this.outgoing.get(from) ?? []) this.incoming.get(t)?.delete(from);
    this.outgoing.delete(from);
  }

  /** Keys of the objects that refer to `to`. */
  referrers(to: string): ReadonlySet<string> {
    return this.incoming.get(to) ?? new Set();
  }
}

/** How many reference hops lie below a kind (profiles and interfaces 0, gateways 1, tunnels 2). */
function depth(kind: ObjectKind, seen: readonly ObjectKind[] = []): number {
  if (seen.includes(kind)) throw new Error(`reference cycle through ${kind}`);
  const below = fieldsOf(kind).map((f) => depth(f.kind, [...seen, kind]) + 1);
  return Math.max(0, ...below);
}

/**
 * The place of a write in a combined request so that PAN-OS never sees a reference to an object not written yet:
 * creates and updates of referenced kinds before those of the kinds that refer to them, then deletes the other way
 * round (a tunnel before its gateway, a gateway before its IKE profile).
 */
export function writeOrder(kind: ObjectKind, action: 'write' | 'delete'): number {
  const d = depth(kind);
  return action === 'write' ? d : 1000 - d;
}

/** Kinds whose objects can refer to objects of `kind` (whose deletes must come first). */
export function referringKinds(kind: ObjectKind, all: readonly ObjectKind[]): ObjectKind[] {
  return all.filter((k) => fieldsOf(k).some((f) => f.kind === kind));
}
