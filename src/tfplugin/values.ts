/**
 * Terraform values as JS values. Null is `null`; an unknown (a value known only after apply) is the {@link UNKNOWN}
 * symbol; objects and maps are prototype-less records (so a key like `__proto__` is plain data); lists, sets and
 * tuples are arrays; numbers are JS numbers, or decimal strings when they do not fit a float64 exactly.
 */
import type { CtyType } from './cty';

/** The value of anything Terraform will know only after apply. Compare with `===`. */
export const UNKNOWN: unique symbol = Symbol.for('cdktf-panos-ipsec.tfplugin.unknown');

/** The type of {@link UNKNOWN}. */
export type Unknown = typeof UNKNOWN;

/** A value of a `dynamic` attribute, carrying the concrete type it has on the wire. */
export class TypedValue {
  constructor(readonly type: CtyType, readonly value: Value) {}
}

/** An object or map value: a record without prototype. */
export interface ValueObject {
  [key: string]: Value;
}

/**
 * Any Terraform value. Numbers decode as `number`, or as a decimal `string` when the wire carried a string or an
 * integer beyond 2^53 (precision is kept rather than rounded). Encoding also accepts `bigint` for numbers.
 */
export type Value = null | Unknown | string | number | bigint | boolean | Value[] | ValueObject | TypedValue;

/** Makes an empty prototype-less record. */
export function newObject(): ValueObject {
  return Object.create(null) as ValueObject;
}

/** Builds a prototype-less record from entries. */
export function objectOf(entries: Iterable<[string, Value]>): ValueObject {
  const out = newObject();
  for (const [k, v] of entries) out[k] = v;
  return out;
}

/** True for object and map values (not arrays, not TypedValue). */
export function isValueObject(v: Value | undefined): v is ValueObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof TypedValue);
}

/** True when the value is unknown or contains an unknown anywhere inside. */
export function containsUnknown(v: Value | undefined): boolean {
  if (v === UNKNOWN) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (v instanceof TypedValue) return containsUnknown(v.value);
  if (isValueObject(v)) return Object.values(v).some(containsUnknown);
  return false;
}

/** Finds the path of the first unknown inside a value, or undefined when it is wholly known. */
export function findUnknown(v: Value | undefined, path: Array<string | number> = []): Array<string | number> | undefined {
  if (v === UNKNOWN) return path;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = findUnknown(v[i], [...path, i]);
      if (p) return p;
    }
  } else if (v instanceof TypedValue) {
    return findUnknown(v.value, path);
  } else if (isValueObject(v)) {
    for (const k of Object.keys(v)) {
      const p = findUnknown(v[k], [...path, k]);
      if (p) return p;
    }
  }
  return undefined;
}

/** Formats a value path for messages: `.tags["env"]`, `.rule[0].name`. */
export function formatPath(path: ReadonlyArray<string | number>): string {
  if (path.length === 0) return '(root)';
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_][A-Za-z0-9_-]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join('');
}
