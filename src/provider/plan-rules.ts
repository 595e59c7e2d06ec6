/**
 * Cross-resource rules at plan, for plain-HCL users: objects planned in this process (Terraform plans dependencies
 * first) plus the device's running objects become StackFacts, and the rules of src/rules run over them.
 */
import { errorDiagnostic, warningDiagnostic, type Diagnostic } from '../tfplugin';
import { descriptorFor, type FieldSpec, type ObjectKind } from '../panos/objects';
import { FACTS_KEY, REFERENCED_KIND, runRules, UNKNOWN as RULES_UNKNOWN, type StackFacts, type Finding } from '../rules';
import { resourceTypeName } from './address';
import type { Model } from './model-values';
import type { DeviceSession, PlannedObject } from './session';

/** Unknown marker the rules understand, for models built from plans. */
export const FACT_UNKNOWN = RULES_UNKNOWN;

/** Rules that need the whole configuration at once; a per-resource plan cannot evaluate them fairly. */
const WHOLE_CONFIG_RULES = new Set(['PANOS-TM-012']);

/** The address text used for an object in diagnostics: `panosipsec_ipsec_tunnel.<name>`. */
export function objectAddress(kind: ObjectKind, name: string): string {
  return `${resourceTypeName(kind)}.${name}`;
}

function facts(o: PlannedObject): Record<string, unknown> {
  const base = { ...o.model, path: o.path, name: o.name };
  if (o.kind !== 'ipsec-tunnel') return base;
  const ak = o.model.autoKey;
  if (ak === RULES_UNKNOWN) return { ...base, ikeGateways: RULES_UNKNOWN, ipsecCryptoProfile: RULES_UNKNOWN };
  const autoKey = (ak ?? {}) as Model;
  return {
    ...base,
    ikeGateways: autoKey.ikeGateways,
    ipsecCryptoProfile: autoKey.ipsecCryptoProfile,
    proxyIds: autoKey.proxyIds,
    proxyIdsV6: autoKey.proxyIdsV6,
  };
}

function versionedFeatures(o: PlannedObject): StackFacts['versionedFeatures'] {
  const out: NonNullable<StackFacts['versionedFeatures']>[number][] = [];
  for (const f of descriptorFor(o.kind).fields as readonly FieldSpec[]) {
    const v = o.model[f.key];
    if (!f.minVersion || v === undefined || v === RULES_UNKNOWN) continue;
    out.push({ path: o.path, objectKind: o.kind, objectName: o.name, field: f.key, value: String(v), minVersion: f.minVersion });
  }
  return out;
}

/** Builds the facts from the planned registry plus device objects (planned objects win over the device's). */
export function stackFacts(session: DeviceSession, objects: readonly PlannedObject[]): StackFacts {
  const declared: Record<string, Record<string, unknown>[]> = {};
  for (const kind of Object.keys(FACTS_KEY) as ObjectKind[]) declared[FACTS_KEY[kind]] = [];
  for (const o of objects) declared[FACTS_KEY[o.kind]].push(facts(o));
  const planned = objects.filter((o) => session.planned.get(`${o.kind}:${o.name}`) === o);
  return {
    ...(session.settings.minPanosVersion ? { minPanosVersion: session.settings.minPanosVersion } : {}),
    ...(session.settings.downgradeTargetVersion ? { downgradeTarget: session.settings.downgradeTargetVersion } : {}),
    ...declared,
    versionedFeatures: planned.flatMap(versionedFeatures),
  } as unknown as StackFacts;
}

/** Paths of the objects a planned tunnel uses (its findings about them are reported at the tunnel's plan). */
type Visit = (kind: ObjectKind, name: unknown) => PlannedObject | undefined;

/** Calls `visit` for every object a tunnel refers to, its gateways' IKE profiles included. */
function visitTunnelReferences(tunnel: PlannedObject, visit: Visit): void {
  const f = facts(tunnel);
  visit('tunnel-interface', f.tunnelInterface);
  visit('ipsec-crypto-profile', f.ipsecCryptoProfile ?? 'default');
  const tm = f.tunnelMonitor as Model | undefined;
  if (tm && typeof tm === 'object') visit('tunnel-monitor-profile', tm.profile);
  if (Array.isArray(f.ikeGateways)) {
    for (const g of f.ikeGateways) {
      const gw = visit('ike-gateway', g);
      if (gw) visit('ike-crypto-profile', gw.model.ikeCryptoProfile ?? 'default');
    }
  }
}

/** Paths whose findings belong to `o`'s plan: itself and, for a tunnel, what it refers to (found or not). */
function usedPaths(o: PlannedObject, lookup: (kind: ObjectKind, name: string) => PlannedObject | undefined): Set<string> {
  const out = new Set<string>([o.path]);
  if (o.kind === 'ipsec-tunnel') {
    visitTunnelReferences(o, (kind, name) => {
      if (typeof name !== 'string') return undefined;
      const found = lookup(kind, name);
      out.add(found?.path ?? objectAddress(kind, name));
      return found;
    });
  }
  return out;
}

/** Device objects by `kind:name`, built once per device list (the list is cached per process). */
const deviceIndexes = new WeakMap<readonly PlannedObject[], Map<string, PlannedObject>>();

function deviceIndex(device: readonly PlannedObject[]): Map<string, PlannedObject> {
  let index = deviceIndexes.get(device);
  if (!index) {
    index = new Map(device.map((d) => [`${d.kind}:${d.name}`, d]));
    deviceIndexes.set(device, index);
  }
  return index;
}

/**
 * The objects the rules need to judge `self`: itself, what it refers to (a tunnel's interface, profiles, monitor
 * profile and gateways with their IKE profiles; a gateway's IKE profile) and the other planned tunnels on the same
 * tunnel interface. Judging the whole stack at every plan cost O(n) per resource, O(n²) per apply.
 */
function neighbourhood(
  session: DeviceSession,
  self: PlannedObject,
  lookup: (kind: ObjectKind, name: string) => PlannedObject | undefined,
): PlannedObject[] {
  const out = new Map<string, PlannedObject>([[`${self.kind}:${self.name}`, self]]);
  const put: Visit = (kind, name) => {
    if (typeof name !== 'string') return undefined;
    const o = lookup(kind, name);
    if (o) out.set(`${kind}:${name}`, o);
    return o;
  };
  if (self.kind === 'ike-gateway') put('ike-crypto-profile', self.model.ikeCryptoProfile ?? 'default');
  if (self.kind === 'ipsec-tunnel') {
    visitTunnelReferences(self, put);
    const iface = self.model.tunnelInterface;
    if (typeof iface === 'string') {
      for (const o of session.planned.values()) {
        if (o.kind === 'ipsec-tunnel' && o !== self && o.model.tunnelInterface === iface) out.set(`${o.kind}:${o.name}`, o);
      }
    }
  }
  return [...out.values()];
}

/**
 * In HCL the usual cause of a dangling reference at plan is a quoted name: the object is declared, but Terraform
 * had no reason to plan (and create) it first. Says how to fix that in Terraform's own terms.
 */
function terraformHint(finding: Finding): string {
  const kind = REFERENCED_KIND[finding.field as keyof typeof REFERENCED_KIND] as string | undefined;
  if (finding.ruleId !== 'PANOS-REF-001' || finding.value === undefined || !kind || kind === 'interface') return '';
  const type = resourceTypeName(kind);
  return (
    `\n\nIf ${type} "${finding.value}" is declared in this configuration, refer to it with an expression ` +
    `(for example ${type}.<label>.name) rather than a quoted name, so that Terraform plans and creates it first.`
  );
}

/** Runs the rules for one planned object; returns new findings as diagnostics (each finding once per process). */
export function ruleDiagnostics(session: DeviceSession, self: PlannedObject, device: readonly PlannedObject[]): Diagnostic[] {
  const index = deviceIndex(device);
  const lookup = (kind: ObjectKind, name: string): PlannedObject | undefined =>
    session.planned.get(`${kind}:${name}`) ?? index.get(`${kind}:${name}`);
  const f = stackFacts(session, neighbourhood(session, self, lookup));
  const relevant = usedPaths(self, lookup);
  const results = runRules(f);
  const out: Diagnostic[] = [];
  const take = (list: readonly Finding[], make: (s: string, d: string, p?: (string | number)[]) => Diagnostic): void => {
    for (const finding of list) {
      if (WHOLE_CONFIG_RULES.has(finding.ruleId) || !relevant.has(finding.path)) continue;
      if (session.reportedFindings.has(finding.message)) continue;
      session.reportedFindings.add(finding.message);
      const spec = finding.path === self.path ? descriptorFor(self.kind).fields.find((x) => x.key === finding.field) : undefined;
      out.push(make(`Rule ${finding.ruleId}`, finding.message + terraformHint(finding), spec ? [spec.tfName] : undefined));
    }
  };
  take(results.errors, errorDiagnostic);
  take(results.warnings, warningDiagnostic);
  // Terraform has no informational diagnostic: an info finding is a warning whose summary says it is an info, so it
  // is shown at plan and Terraform groups repeats of the same rule under one summary.
  take(results.infos, (summary, detail, path) => warningDiagnostic(`${summary} (info)`, detail, path));
  return out;
}
