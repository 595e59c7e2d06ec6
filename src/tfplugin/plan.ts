/**
 * Plan helpers: the default planning rule and value comparison, usable by providers that plan for themselves.
 */
import type { BlockSchema } from './schema';
import { TypedValue, UNKNOWN, type Value, type ValueObject, isValueObject, newObject } from './values';

/** Deep equality of two values; set order is ignored only where the caller sorts (lists compare in order). */
export function valuesEqual(a: Value | undefined, b: Value | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a === 'number' || typeof b === 'number' || typeof a === 'string' || typeof b === 'string') {
    // A number may arrive as a decimal string; compare numerically when both are numeric forms.
    if ((typeof a === 'number' || typeof a === 'string') && (typeof b === 'number' || typeof b === 'string') && typeof a !== typeof b) {
      return Number(a) === Number(b);
    }
    return false;
  }
  if (a instanceof TypedValue || b instanceof TypedValue) {
    return a instanceof TypedValue && b instanceof TypedValue && valuesEqual(a.value, b.value);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => valuesEqual(x, b[i]));
  }
  if (isValueObject(a) && isValueObject(b)) {
    const ak = Object.keys(a);
    const bk = Object.keys(b);
    return ak.length === bk.length && ak.every((k) => k in b && valuesEqual(a[k], b[k]));
  }
  return false;
}

function markCreate(block: BlockSchema, proposed: ValueObject, config: ValueObject | null): ValueObject {
  const out = newObject();
  for (const [k, v] of Object.entries(proposed)) out[k] = v;
  for (const [name, attr] of Object.entries(block.attributes ?? {})) {
    const configured = config ? config[name] : null;
    if (attr.computed && (configured === null || configured === undefined) && (out[name] === null || out[name] === undefined)) {
      out[name] = UNKNOWN;
    }
  }
  for (const [name, nb] of Object.entries(block.blocks ?? {})) {
    const pv = out[name];
    const cv = config ? config[name] : null;
    if (isValueObject(pv) && (nb.nesting === 'single' || nb.nesting === 'group')) {
      out[name] = markCreate(nb.block, pv, isValueObject(cv) ? cv : null);
    } else if (Array.isArray(pv) && (nb.nesting === 'list' || nb.nesting === 'set')) {
      // Set elements cannot be matched to config by position, so their computed fields stay as proposed.
      out[name] = nb.nesting === 'list'
        ? pv.map((e, i) => (isValueObject(e) ? markCreate(nb.block, e, Array.isArray(cv) && isValueObject(cv[i]) ? (cv[i] as ValueObject) : null) : e))
        : pv;
    } else if (isValueObject(pv) && nb.nesting === 'map') {
      const m = newObject();
      for (const [key, e] of Object.entries(pv)) {
        const ce = isValueObject(cv) ? cv[key] : null;
        m[key] = isValueObject(e) ? markCreate(nb.block, e, isValueObject(ce) ? ce : null) : e;
      }
      out[name] = m;
    }
  }
  return out;
}

/**
 * The plan a provider gets when it does not plan itself. Destroy plans null. Create plans the proposed state with
 * every computed attribute the config leaves null set to UNKNOWN (the provider fills it at apply). Update plans the
 * proposed state as is: Terraform already carried prior computed values into it, so they stay known and stable.
 */
export function defaultPlan(block: BlockSchema, prior: ValueObject | null, proposed: ValueObject | null, config: ValueObject | null): ValueObject | null {
  if (proposed === null) return null;
  if (prior === null) return markCreate(block, proposed, config);
  return proposed;
}

/**
 * Replaces null nested blocks with their empty form (list/set → [], map → {}, group → an object of nulls), which
 * is how Terraform represents an absent block; applied to every state a provider returns, so state re-shaped from
 * old JSON or built by hand does not read as a change against the config. Copies only what it changes: a value
 * with nothing to fill comes back as it is (the same object).
 */
export function fillEmptyBlocks(block: BlockSchema, v: ValueObject | null): ValueObject | null {
  if (v === null) return null;
  let out: ValueObject | undefined;
  const put = (k: string, e: Value): void => {
    if (out === undefined) {
      if (e === v[k]) return;
      out = newObject();
      for (const key of Object.keys(v)) out[key] = v[key];
    }
    out[k] = e;
  };
  for (const [name, nb] of Object.entries(block.blocks ?? {})) {
    const cur = v[name];
    if (cur === UNKNOWN) continue;
    switch (nb.nesting) {
      case 'list':
      case 'set':
        if (Array.isArray(cur)) {
          const filled = cur.map((e) => (isValueObject(e) ? fillEmptyBlocks(nb.block, e) : e));
          put(name, filled.every((e, i) => e === cur[i]) ? cur : filled);
        } else if (cur === null || cur === undefined) put(name, []);
        break;
      case 'map':
        if (cur === null || cur === undefined) put(name, newObject());
        else if (isValueObject(cur)) {
          const keys = Object.keys(cur);
          const filled = keys.map((key) => (isValueObject(cur[key]) ? fillEmptyBlocks(nb.block, cur[key] as ValueObject) : cur[key]));
          if (filled.some((e, i) => e !== cur[keys[i]])) {
            const m = newObject();
            keys.forEach((key, i) => (m[key] = filled[i]));
            put(name, m);
          }
        }
        break;
      case 'group': {
        if (isValueObject(cur)) put(name, fillEmptyBlocks(nb.block, cur) as ValueObject);
        else {
          const base = newObject();
          for (const a of Object.keys(nb.block.attributes ?? {})) base[a] = null;
          put(name, fillEmptyBlocks(nb.block, base) as ValueObject);
        }
        break;
      }
      case 'single':
        if (isValueObject(cur)) put(name, fillEmptyBlocks(nb.block, cur) as ValueObject);
        break;
    }
  }
  return out ?? v;
}
