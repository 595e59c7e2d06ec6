/**
 * Drift: the declaration against the device, per resource and attribute, computed from a normal (not refresh-only)
 * plan. Terraform refreshes every resource from the device first, so in `resource_changes` `before` is what the
 * device holds now and `after` is what the declaration asks for. A refresh-only plan would only compare the device
 * with the last state, which misses a declaration edited since the last deploy; `resource_drift` (device vs last
 * state) is still read, to say which changes were made outside Terraform and which objects vanished.
 *
 * Secrets never leave this module: values marked sensitive, and any value equal to one of them, print as (sensitive).
 */
import { COMMIT_ANCHOR_RESOURCE, COMMIT_RESOURCE } from '../provider/address';
import type { JsonValue, PlanJson, PlanResourceChange } from './plan-json';

/**
 * Resource types that are bookkeeping, not device objects: the commit resource changes whenever anything is
 * written, so it would only repeat the drift of the objects it follows.
 */
export const BOOKKEEPING_TYPES: ReadonlySet<string> = new Set([COMMIT_RESOURCE, COMMIT_ANCHOR_RESOURCE]);

/** How a resource stands. */
export type DriftStatus =
  /** Device matches the declaration. */
  | 'in-sync'
  /** Attributes differ; an update would fix them. */
  | 'changed'
  /** Attributes differ in a way that needs the object re-created. */
  | 'replace'
  /** Deployed once but no longer on the device. */
  | 'gone'
  /** Declared, not on the device and not in the state (never deployed, or forgotten). */
  | 'missing'
  /** In the state but no longer declared: still on the device. */
  | 'extra';

/** One attribute that differs. Values are rendered for people; secrets show as (sensitive). */
export interface AttributeDiff {
  /** Attribute path, e.g. `tunnel_monitor.destination_ip` or `auto_key.ike_gateways[0]`. */
  readonly path: string;
  /** What the declaration asks for. */
  readonly declared: string;
  /** What the device holds. */
  readonly device: string;
}

/** The drift of one resource. */
export interface ResourceDrift {
  readonly address: string;
  readonly type: string;
  readonly status: DriftStatus;
  readonly drifted: boolean;
  /** True when the refresh found a change made outside Terraform (device vs last state). */
  readonly changedOutsideTerraform: boolean;
  readonly diffs: readonly AttributeDiff[];
  /** One sentence saying what is wrong and how to fix it (empty when in sync). */
  readonly detail: string;
}

/** The report of one stack. */
export interface DriftReport {
  readonly stack: string;
  /** What is compared. */
  readonly basis: 'declaration-vs-device';
  readonly drifted: boolean;
  readonly resources: readonly ResourceDrift[];
  readonly counts: { readonly total: number; readonly drifted: number; readonly inSync: number };
}

/** Shown instead of a sensitive value. */
export const SENSITIVE = '(sensitive)';
const UNSET = '(unset)';

type Obj = { [key: string]: JsonValue };
const isObj = (v: JsonValue | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function sub(mask: JsonValue | undefined, key: string | number): JsonValue | undefined {
  if (mask === true) return true;
  if (Array.isArray(mask) && typeof key === 'number') return mask[key];
  if (isObj(mask) && typeof key === 'string') return mask[key];
  return undefined;
}

function equal(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Every string value marked sensitive, so copies outside the marked path are masked too. */
function collectSecrets(value: JsonValue | undefined, mask: JsonValue | undefined, into: Set<string>): void {
  if (value === undefined || value === null) return;
  if (mask === true) {
    if (typeof value === 'string' || typeof value === 'number') into.add(String(value));
    else if (Array.isArray(value)) value.forEach((v) => collectSecrets(v, true, into));
    else if (isObj(value)) Object.values(value).forEach((v) => collectSecrets(v, true, into));
    return;
  }
  if (Array.isArray(value)) value.forEach((v, i) => collectSecrets(v, sub(mask, i), into));
  else if (isObj(value)) Object.entries(value).forEach(([k, v]) => collectSecrets(v, sub(mask, k), into));
}

function containsSecret(value: JsonValue | undefined, secrets: ReadonlySet<string>): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'object') return secrets.has(String(value));
  return (Array.isArray(value) ? value : Object.values(value)).some((v) => containsSecret(v, secrets));
}

function render(value: JsonValue | undefined, sensitive: boolean, secrets: ReadonlySet<string>): string {
  if (value === undefined || value === null) return UNSET;
  if (sensitive || containsSecret(value, secrets)) return SENSITIVE;
  return JSON.stringify(value);
}

function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

interface Masks {
  readonly unknown: JsonValue | undefined;
  readonly deviceSensitive: JsonValue | undefined;
  readonly declaredSensitive: JsonValue | undefined;
}

/** Leaf-level differences between device (`before`) and declaration (`after`). */
function diffValues(device: JsonValue | undefined, declared: JsonValue | undefined, m: Masks, path: string, secrets: ReadonlySet<string>, out: AttributeDiff[]): void {
  // Computed attributes the provider recomputes on update are not drift: nothing declared them.
  if (m.unknown === true) return;
  const sensitive = m.deviceSensitive === true || m.declaredSensitive === true;
  if (isObj(device) && isObj(declared) && !sensitive) {
    const keys = [...new Set([...Object.keys(device), ...Object.keys(declared)])].sort();
    for (const k of keys) {
      diffValues(device[k], declared[k], { unknown: sub(m.unknown, k), deviceSensitive: sub(m.deviceSensitive, k), declaredSensitive: sub(m.declaredSensitive, k) }, join(path, k), secrets, out);
    }
    return;
  }
  if (Array.isArray(device) && Array.isArray(declared) && device.length === declared.length && !sensitive) {
    device.forEach((_, i) =>
      diffValues(device[i], declared[i], { unknown: sub(m.unknown, i), deviceSensitive: sub(m.deviceSensitive, i), declaredSensitive: sub(m.declaredSensitive, i) }, join(path, i), secrets, out),
    );
    return;
  }
  if (equal(device, declared)) return;
  out.push({ path: path || '(whole object)', declared: render(declared, m.declaredSensitive === true, secrets), device: render(device, m.deviceSensitive === true, secrets) });
}

function statusOf(rc: PlanResourceChange, goneOnDevice: boolean): DriftStatus {
  const a = rc.change.actions;
  if (a.includes('create') && a.includes('delete')) return 'replace';
  if (a.includes('create')) return goneOnDevice ? 'gone' : 'missing';
  if (a.includes('delete') || a.includes('forget')) return 'extra';
  if (a.includes('update')) return 'changed';
  return 'in-sync';
}

function detailOf(status: DriftStatus, diffs: readonly AttributeDiff[]): string {
  switch (status) {
    case 'in-sync':
      return '';
    case 'changed':
      return `${diffs.length} attribute(s) on the device differ from the declaration; deploy restores the declared values.`;
    case 'replace':
      return `${diffs.length} attribute(s) differ and PAN-OS cannot change them in place; deploy re-creates the object.`;
    case 'gone':
      return 'the object was deleted on the device outside Terraform; deploy re-creates it.';
    case 'missing':
      return 'the object is declared but not on the device (never deployed, or not in the state); deploy creates it.';
    case 'extra':
      return 'the object is in the state but no longer declared; deploy deletes it from the device.';
  }
}

/** Builds the drift report of one stack from `terraform show -json` of a normal plan. */
export function driftReportFromPlan(plan: PlanJson, stack: string): DriftReport {
  const driftByAddress = new Map((plan.resource_drift ?? []).filter((d) => d.mode === 'managed').map((d) => [d.address, d]));
  const secrets = new Set<string>();
  for (const rc of [...(plan.resource_changes ?? []), ...(plan.resource_drift ?? [])]) {
    collectSecrets(rc.change.before, rc.change.before_sensitive, secrets);
    collectSecrets(rc.change.after, rc.change.after_sensitive, secrets);
  }
  const resources: ResourceDrift[] = [];
  for (const rc of plan.resource_changes ?? []) {
    if (rc.mode !== 'managed' || rc.change.actions.includes('read') || BOOKKEEPING_TYPES.has(rc.type)) continue;
    const refreshed = driftByAddress.get(rc.address);
    const goneOnDevice = refreshed !== undefined && refreshed.change.after === null;
    const status = statusOf(rc, goneOnDevice);
    const diffs: AttributeDiff[] = [];
    if (status === 'changed' || status === 'replace') {
      diffValues(rc.change.before, rc.change.after, { unknown: rc.change.after_unknown, deviceSensitive: rc.change.before_sensitive, declaredSensitive: rc.change.after_sensitive }, '', secrets, diffs);
    }
    resources.push({
      address: rc.address,
      type: rc.type,
      status,
      drifted: status !== 'in-sync',
      changedOutsideTerraform: refreshed !== undefined,
      diffs,
      detail: detailOf(status, diffs),
    });
  }
  resources.sort((a, b) => a.address.localeCompare(b.address));
  const drifted = resources.filter((r) => r.drifted).length;
  return {
    stack,
    basis: 'declaration-vs-device',
    drifted: drifted > 0,
    resources,
    counts: { total: resources.length, drifted, inSync: resources.length - drifted },
  };
}
