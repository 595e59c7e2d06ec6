/** The by-name references an object makes, read from its field table (`refersTo`). */
import type { ModelRecord } from './codec';
import type { FieldSpec, ObjectRef, ReferenceKind } from './types';

/** A field that names another object, and how to reach it. */
export interface ReferringField {
  /** Model keys from the entry to the field, e.g. `['autoKey', 'ikeGateways']`. */
  readonly path: readonly string[];
  /** The field specs along that path (the last one refers). */
  readonly specs: readonly FieldSpec[];
  /** The field as the rules' facts name it (`ikeGateways`: a `factsInline` block is lifted; `tunnelMonitor.profile`). */
  readonly factsField: string;
  readonly kind: ReferenceKind;
}

/** Every referring field of a table, in table order (nested `object` fields included). */
export function referringFields(fields: readonly FieldSpec[], above: readonly FieldSpec[] = []): ReferringField[] {
  const out: ReferringField[] = [];
  for (const f of fields) {
    const specs = [...above, f];
    if (f.refersTo) {
      const factsPath = specs.filter((s, i) => !(s.factsInline && i < specs.length - 1)).map((s) => s.key);
      // The registry checked at load that every `refersTo` names a kind (registry.ts).
      out.push({ path: specs.map((s) => s.key), specs, factsField: factsPath.join('.'), kind: f.refersTo as ReferenceKind });
    } else if (f.type === 'object' && f.fields) {
      out.push(...referringFields(f.fields, specs));
    }
  }
  return out;
}

/** The references a model makes (unset, empty and non-text values are skipped). `field` is the model key path. */
export function referencesIn(referring: readonly ReferringField[], model: ModelRecord): ObjectRef[] {
  const out: ObjectRef[] = [];
  for (const rf of referring) {
    let value: unknown = model;
    for (const key of rf.path) value = value !== null && typeof value === 'object' ? (value as ModelRecord)[key] : undefined;
    for (const name of Array.isArray(value) ? value : [value]) {
      if (typeof name === 'string' && name !== '') out.push({ kind: rf.kind, name, field: rf.path.join('.') });
    }
  }
  return out;
}
