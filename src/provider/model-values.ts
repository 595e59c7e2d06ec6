/**
 * Terraform values ↔ PAN-OS object models, driven by the descriptors' FieldSpec tables. Unset (null) values are
 * omitted from the model so they are never written to the device.
 */
import { UNKNOWN, isValueObject, newObject, type Value, type ValueObject } from '../tfplugin';
import type { FieldSpec } from '../panos/objects';

/** A model as the descriptors take it. */
export type Model = Record<string, unknown>;

/** How to treat Terraform unknowns when building a model. */
export interface ToModelOptions {
  /** Replacement for an unknown value. @default - the field is left out */
  readonly unknownAs?: unknown;
}

function scalar(f: FieldSpec, v: Value): unknown {
  switch (f.type) {
    case 'number':
      return typeof v === 'number' ? v : Number(v);
    case 'bool':
      return v === true;
    case 'string-list':
      return Array.isArray(v) ? v.map((e) => String(e)) : [];
    default:
      return String(v);
  }
}

/** Builds a model from a Terraform object value (config, plan or state). */
export function modelFromValue(fields: readonly FieldSpec[], value: ValueObject, opts: ToModelOptions = {}): Model {
  const out: Model = {};
  for (const f of fields) {
    const v = value[f.tfName];
    if (v === null || v === undefined) continue;
    if (v === UNKNOWN || (Array.isArray(v) && v.some((e) => e === UNKNOWN))) {
      if (opts.unknownAs !== undefined) out[f.key] = opts.unknownAs;
      continue;
    }
    if (f.type === 'object') {
      if (isValueObject(v)) out[f.key] = modelFromValue(f.fields ?? [], v, opts);
    } else if (f.type === 'object-list') {
      if (Array.isArray(v) && v.length > 0) out[f.key] = v.filter(isValueObject).map((e) => modelFromValue(f.fields ?? [], e, opts));
    } else {
      out[f.key] = scalar(f, v);
    }
  }
  return out;
}

/** Builds the Terraform value of every field from a model (unset fields null, unset lists of blocks empty). */
export function valueFromModel(fields: readonly FieldSpec[], model: Model): ValueObject {
  const out = newObject();
  for (const f of fields) {
    const v = model[f.key];
    if (f.type === 'object') {
      out[f.tfName] = v && typeof v === 'object' ? valueFromModel(f.fields ?? [], v as Model) : null;
    } else if (f.type === 'object-list') {
      out[f.tfName] = Array.isArray(v) ? v.map((e) => valueFromModel(f.fields ?? [], e as Model)) : [];
    } else if (v === undefined || v === null) {
      out[f.tfName] = null;
    } else if (f.type === 'string-list') {
      out[f.tfName] = Array.isArray(v) ? v.map((e) => String(e)) : null;
    } else if (f.type === 'number') {
      out[f.tfName] = typeof v === 'number' ? v : Number(v);
    } else if (f.type === 'bool') {
      out[f.tfName] = v === true;
    } else {
      out[f.tfName] = String(v);
    }
  }
  return out;
}

/**
 * The device's values restricted to what the user manages: a field null in `prior` stays null (a device default
 * the user never declared is not a difference); a managed field takes the device's value, so drift shows.
 */
export function maskToManaged(fields: readonly FieldSpec[], device: ValueObject, prior: ValueObject): ValueObject {
  const out = newObject();
  for (const f of fields) {
    const d = device[f.tfName] ?? null;
    const p = prior[f.tfName] ?? null;
    if (f.type === 'object') {
      out[f.tfName] = p === null || !isValueObject(p) ? null : isValueObject(d) ? maskToManaged(f.fields ?? [], d, p) : null;
    } else if (f.type === 'object-list') {
      const pl = Array.isArray(p) ? p.filter(isValueObject) : [];
      const dl = Array.isArray(d) ? d.filter(isValueObject) : [];
      if (pl.length === 0) {
        out[f.tfName] = [];
        continue;
      }
      const keyed = (f.fields ?? []).some((x) => x.key === 'name');
      out[f.tfName] = dl.map((e, i) => {
        const match = keyed ? pl.find((x) => x.name === e.name) : pl[i];
        return match ? maskToManaged(f.fields ?? [], e, match) : e;
      });
    } else {
      out[f.tfName] = p === null ? null : d;
    }
  }
  return out;
}

/** Parses a tfName path like `auto_key.proxy_ids[0].number` into attribute path steps. */
export function tfPathSteps(tfPath: string): Array<string | number> {
  const steps: Array<string | number> = [];
  for (const part of tfPath.split('.')) {
    const m = /^([^[]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      steps.push(part);
      continue;
    }
    steps.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) steps.push(Number(idx[1]));
  }
  return steps;
}
