/**
 * Checks of the rules Terraform enforces on provider answers, run before answering so the user gets a message that
 * names the resource type and attribute instead of Terraform's generic "provider produced inconsistent result".
 */
import { errorDiagnostic, type Diagnostic } from './diagnostics';
import { TypedValue, UNKNOWN, type Value, findUnknown, formatPath, isValueObject } from './values';

/** An error diagnostic when a value that must be wholly known (state after apply, read, import) has an unknown. */
export function checkWhollyKnown(value: Value, what: string, typeName: string): Diagnostic[] {
  const at = findUnknown(value);
  if (!at) return [];
  return [errorDiagnostic(
    'Provider Returned An Unknown Value',
    `The provider returned an unknown value at ${formatPath(at)} of ${typeName} ${what}. Unknown values are only ` +
      'allowed in a plan; this is a bug in the provider: set the real value (or null) before returning.',
    at,
  )];
}

function canonical(v: Value | undefined): string {
  if (v === UNKNOWN) return '?';
  if (v === undefined || v === null) return 'null';
  if (v instanceof TypedValue) return canonical(v.value);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isValueObject(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

function firstChangedKnown(planned: Value | undefined, actual: Value | undefined, path: Array<string | number>): Array<string | number> | undefined {
  if (planned === UNKNOWN) return undefined;
  if (planned instanceof TypedValue) return firstChangedKnown(planned.value, actual instanceof TypedValue ? actual.value : actual, path);
  if (isValueObject(planned) && isValueObject(actual)) {
    for (const k of Object.keys(planned)) {
      const p = firstChangedKnown(planned[k], actual[k], [...path, k]);
      if (p) return p;
    }
    return undefined;
  }
  if (Array.isArray(planned) && Array.isArray(actual)) {
    if (planned.length !== actual.length) return path;
    if (planned.some((e) => canonical(e).includes('?'))) {
      // With unknowns inside, elements pair up by position (lists); sets with unknowns are left to Terraform.
      for (let i = 0; i < planned.length; i++) {
        const p = firstChangedKnown(planned[i], actual[i], [...path, i]);
        if (p) return p;
      }
      return undefined;
    }
    // Wholly known: compare ignoring order, since set elements may come back in another order.
    const a = planned.map(canonical).sort();
    const b = actual.map(canonical).sort();
    return a.every((x, i) => x === b[i]) ? undefined : path;
  }
  // A number may come back as a decimal string (or the other way round); compare such pairs numerically.
  const numLike = (v: Value | undefined): boolean => typeof v === 'number' || typeof v === 'bigint' || typeof v === 'string';
  if (numLike(planned) && numLike(actual) && typeof planned !== typeof actual) {
    return Number(planned) === Number(actual) ? undefined : path;
  }
  return canonical(planned) === canonical(actual) ? undefined : path;
}

/** An error diagnostic when apply changed a value that the plan had already promised (a known planned value). */
export function checkApplyKeepsPlan(planned: Value, applied: Value, typeName: string): Diagnostic[] {
  if (planned === null || applied === null) return [];
  const at = firstChangedKnown(planned, applied, []);
  if (!at) return [];
  return [errorDiagnostic(
    'Provider Changed A Planned Value During Apply',
    `${typeName}: the value at ${formatPath(at)} was known in the plan but apply returned a different one. ` +
      'This is a bug in the provider: either return the planned value, or plan it as unknown.',
    at,
  )];
}
