/**
 * The one builder of an object's facts from its model, used by the constructs at synth, the provider at plan and the
 * pair check of running devices: which fields become facts, and where, follows from the object's field table.
 */
import { descriptorFor, type FieldSpec, type ObjectKind } from '../panos/objects';
import { isUnknown, UNKNOWN, type FactsOf, type VersionedFeatureFacts } from './facts';

/** Where the facts are about, and how the caller's unresolved values look. */
export interface FactsOfOptions {
  /** Construct path (synth) or resource address (plan). */
  readonly path: string;
  /**
   * True for a value not known yet (a cdktf token, a Terraform unknown); a value that is or holds one becomes
   * {@link UNKNOWN} as a whole. @default - the value is {@link UNKNOWN}
   */
  readonly isUnknown?: (value: unknown) => boolean;
}

type Row = Readonly<Record<string, unknown>>;

/**
 * The facts of one object: every field of its table as the model holds it, secrets left out (facts may be printed),
 * a `factsInline` block's fields at the top, unset fields absent, unknown values {@link UNKNOWN}.
 */
export function factsOf<K extends ObjectKind>(kind: K, model: Row, options: FactsOfOptions): FactsOf<K> {
  const unknown = options.isUnknown ?? isUnknown;
  const out: Record<string, unknown> = { path: options.path, name: holdsUnknown(model.name, unknown) ? UNKNOWN : model.name };
  putFields(descriptorFor(kind).fields, model, out, unknown);
  // Built field by field from the table that FactsOf<K> is derived from; the compiler cannot follow that loop.
  return out as FactsOf<K>;
}

function putFields(fields: readonly FieldSpec[], model: Row, out: Record<string, unknown>, unknown: (v: unknown) => boolean): void {
  for (const f of fields) {
    if (f.key === 'name' || f.sensitive) continue;
    const value = model[f.key];
    if (f.factsInline && f.fields) {
      if (unknown(value)) for (const inner of f.fields) out[inner.key] = UNKNOWN;
      else if (value && typeof value === 'object') putFields(f.fields, value as Row, out, unknown);
      continue;
    }
    if (value === undefined || value === null) continue;
    out[f.key] = holdsUnknown(value, unknown) ? UNKNOWN : withoutUnset(value);
  }
}

function holdsUnknown(value: unknown, unknown: (v: unknown) => boolean): boolean {
  if (unknown(value)) return true;
  return value !== null && typeof value === 'object' && Object.values(value).some((v) => holdsUnknown(v, unknown));
}

/** A copy without unset keys, so a fact holds only what the declaration or the device says. */
function withoutUnset(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUnset);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, withoutUnset(v)]));
}

/**
 * The fields set in a model that carry a minimum PAN-OS version (top level; nested fields carry none today). A field
 * set to a value not known yet counts too, without its value: any value needs the element.
 */
export function versionedFeaturesOf(kind: ObjectKind, model: Row, options: FactsOfOptions): VersionedFeatureFacts[] {
  const unknown = options.isUnknown ?? isUnknown;
  const out: VersionedFeatureFacts[] = [];
  for (const f of descriptorFor(kind).fields) {
    const value = model[f.key];
    if (!f.minVersion || value === undefined) continue;
    out.push({
      path: options.path,
      objectKind: kind,
      ...(typeof model.name === 'string' && !unknown(model.name) ? { objectName: model.name } : {}),
      field: f.key,
      ...(typeof value === 'string' && !unknown(value) ? { value } : {}),
      minVersion: f.minVersion,
    });
  }
  return out;
}
