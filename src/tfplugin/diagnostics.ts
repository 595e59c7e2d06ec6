/**
 * Diagnostics: the way a provider reports errors and warnings to Terraform, optionally pointing at an attribute.
 */

/**
 * One step of an attribute path. A string is an attribute (or block) name, a number a list/tuple index, and
 * `{ key }` a map key (Terraform shows it as `["key"]`).
 */
export type PathStep = string | number | { readonly key: string };

/** An error or warning for Terraform to show. */
export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  /** Short, title-case summary. */
  readonly summary: string;
  /** Cause, the bad value and the fix. */
  readonly detail?: string;
  /** Where in the configuration, e.g. `['rule', 0, 'name']`. */
  readonly path?: readonly PathStep[];
}

/** tfplugin6 AttributePath.Step as proto-loader objects. */
export interface ProtoPathStep {
  attribute_name?: string;
  element_key_string?: string;
  element_key_int?: number;
}

/** tfplugin6 Diagnostic as a proto-loader object. */
export interface ProtoDiagnostic {
  severity: 'ERROR' | 'WARNING' | 'INVALID';
  summary: string;
  detail: string;
  attribute?: { steps: ProtoPathStep[] } | null;
}

/** Makes an error diagnostic. */
export function errorDiagnostic(summary: string, detail?: string, path?: readonly PathStep[]): Diagnostic {
  return { severity: 'error', summary, detail, path };
}

/** Makes a warning diagnostic. */
export function warningDiagnostic(summary: string, detail?: string, path?: readonly PathStep[]): Diagnostic {
  return { severity: 'warning', summary, detail, path };
}

/** True when any diagnostic is an error. */
export function hasErrors(diags: readonly Diagnostic[] | undefined): boolean {
  return (diags ?? []).some((d) => d.severity === 'error');
}

/** Converts a path to tfplugin6 AttributePath steps. */
export function pathToProto(path: readonly PathStep[]): { steps: ProtoPathStep[] } {
  return {
    steps: path.map((s): ProtoPathStep =>
      typeof s === 'string' ? { attribute_name: s } : typeof s === 'number' ? { element_key_int: s } : { element_key_string: s.key },
    ),
  };
}

/** Converts tfplugin6 AttributePath steps back to a path. */
export function pathFromProto(attr: { steps?: ProtoPathStep[] } | null | undefined): PathStep[] | undefined {
  if (!attr || !attr.steps || attr.steps.length === 0) return undefined;
  return attr.steps.map((s): PathStep => {
    // proto-loader with `oneofs` off fills every field with its default, so test the set one by the oneof name.
    const sel = (s as { selector?: string }).selector;
    if (sel === 'element_key_int' || (sel === undefined && s.element_key_int !== undefined && !s.attribute_name && !s.element_key_string)) {
      return Number(s.element_key_int);
    }
    if (sel === 'element_key_string' || (sel === undefined && s.element_key_string)) return { key: s.element_key_string ?? '' };
    return s.attribute_name ?? '';
  });
}

/** Converts a diagnostic to its proto form. */
export function diagnosticToProto(d: Diagnostic): ProtoDiagnostic {
  return {
    severity: d.severity === 'error' ? 'ERROR' : 'WARNING',
    summary: d.summary,
    detail: d.detail ?? '',
    attribute: d.path && d.path.length > 0 ? pathToProto(d.path) : null,
  };
}

/** Converts a proto diagnostic back (used by clients such as the test harness). */
export function diagnosticFromProto(p: ProtoDiagnostic): Diagnostic {
  const path = pathFromProto(p.attribute);
  return {
    severity: p.severity === 'WARNING' ? 'warning' : 'error',
    summary: p.summary,
    ...(p.detail ? { detail: p.detail } : {}),
    ...(path ? { path } : {}),
  };
}
