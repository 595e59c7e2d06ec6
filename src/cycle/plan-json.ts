/**
 * The part of Terraform's machine-readable plan (`terraform show -json <planfile>`, format 1.x) that drift
 * reporting reads. Only fields documented as stable in Terraform's JSON output format are used.
 */

/** A JSON value as Terraform prints it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Terraform's change actions. `["delete","create"]` and `["create","delete"]` are replacements. */
export type PlanAction = 'no-op' | 'create' | 'read' | 'update' | 'delete' | 'forget';

/** One resource change: values before and after, and the masks for unknown and sensitive values. */
export interface PlanChange {
  readonly actions: readonly PlanAction[];
  readonly before: JsonValue;
  readonly after: JsonValue;
  /** `true` where the after value is only known after apply (same shape as `after`). */
  readonly after_unknown?: JsonValue;
  /** `true` where the value is sensitive (same shape as the value), or `true` / `false` for the whole value. */
  readonly before_sensitive?: JsonValue;
  readonly after_sensitive?: JsonValue;
  readonly replace_paths?: readonly (readonly (string | number)[])[];
}

/** A `resource_changes` / `resource_drift` entry. */
export interface PlanResourceChange {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  readonly provider_name?: string;
  readonly change: PlanChange;
  readonly action_reason?: string;
}

/** The plan document. */
export interface PlanJson {
  readonly format_version: string;
  readonly terraform_version?: string;
  readonly resource_changes?: readonly PlanResourceChange[];
  /** Changes Terraform saw on refresh: the device against the last state ("changed outside of Terraform"). */
  readonly resource_drift?: readonly PlanResourceChange[];
  readonly errored?: boolean;
}

/** Checks the little of the shape we rely on and returns the document typed. */
export function parsePlanJson(text: string): PlanJson {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new Error(`terraform show -json did not print JSON (${(err as Error).message}); the first bytes were ${JSON.stringify(text.slice(0, 80))}`);
  }
  if (typeof doc !== 'object' || doc === null || typeof (doc as { format_version?: unknown }).format_version !== 'string') {
    throw new Error('terraform show -json printed JSON without format_version: it is not a plan document');
  }
  const major = (doc as PlanJson).format_version.split('.')[0];
  if (major !== '1') throw new Error(`plan JSON format_version ${(doc as PlanJson).format_version} is not supported (expected 1.x)`);
  return doc as PlanJson;
}
