/**
 * Cross-resource rules at plan, for plain-HCL users: objects planned in this process plus the device's candidate
 * objects become StackFacts, and the rules of src/rules run over each planned object's neighbourhood: what it uses
 * and what uses it.
 */
import { errorDiagnostic, warningDiagnostic, type Diagnostic } from '../tfplugin';
import type { ObjectKind } from '../panos/objects';
import {
  FACTS_KEY,
  factsOf,
  REFERENCED_KIND,
  ruleById,
  runRules,
  UNKNOWN as RULES_UNKNOWN,
  versionedFeaturesOf,
  type Finding,
  type ObjectFacts,
  type StackFacts,
} from '../rules';
import { resourceTypeName } from './address';
import { ReferenceIndex, objectKey, referencesOf } from './references';
import { tfPathSteps } from './model-values';
import { HCL } from './vocabulary';
import type { DeviceSession, PlannedObject } from './session';

/** Unknown marker the rules understand, for models built from plans. */
export const FACT_UNKNOWN = RULES_UNKNOWN;


/**
 * How diagnostics name a managed object: its resource type and `name` attribute, `panosipsec_ike_gateway with name
 * "gw-bad001"`. Terraform never tells a provider the resource address (`panosipsec_ike_gateway.gw["bad001"]`); it
 * prints the address itself under every diagnostic that carries an attribute path. So this text must not look like an
 * address of its own (`panosipsec_ike_gateway.gw-bad001` would be a wrong one).
 */
export function objectAddress(kind: ObjectKind, name: string): string {
  return `${resourceTypeName(kind)} with name ${JSON.stringify(name)}`;
}

/** Builds the facts from the planned registry plus device objects (planned objects win over the device's). */
export function stackFacts(session: DeviceSession, objects: readonly PlannedObject[]): StackFacts {
  const declared: Record<string, ObjectFacts[]> = {};
  for (const o of objects) (declared[FACTS_KEY[o.kind]] ??= []).push({ ...factsOf(o.kind, o.model, { path: o.path }), name: o.name });
  const planned = objects.filter((o) => session.planned.get(`${o.kind}:${o.name}`) === o);
  return {
    ...(session.settings.minPanosVersion ? { minPanosVersion: session.settings.minPanosVersion } : {}),
    ...(session.settings.downgradeTargetVersion ? { downgradeTarget: session.settings.downgradeTargetVersion } : {}),
    // Each list holds the facts of its kind: factsOf built them for that kind, which the record type cannot carry.
    ...(declared as StackFacts),
    versionedFeatures: planned.flatMap((o) => versionedFeaturesOf(o.kind, { ...o.model, name: o.name }, { path: o.path })),
    // The provider's acknowledgements cover every object; an object resource's cover it and what it uses, applied by
    // the same engine as at synth (src/rules/engine.ts).
    acknowledgements: [
      ...(session.settings.acknowledgements ?? []),
      ...objects.flatMap((o) => session.acknowledgements.get(objectKey(o.kind, o.name)) ?? []),
    ],
  };
}

/** Looks an object up by kind and name (a planned one first, then the device's); records what it finds. */
type Visit = (kind: ObjectKind, name: unknown) => PlannedObject | undefined;

/** Calls `visit` for every object `o` refers to, and for what those refer to in turn (a gateway's IKE profile). */
function visitReferences(o: PlannedObject, visit: Visit, seen = new Set<string>()): void {
  for (const r of referencesOf(o.kind, o.model)) {
    const key = objectKey(r.kind, r.name);
    if (seen.has(key)) continue;
    seen.add(key);
    const found = visit(r.kind, r.name);
    if (found) visitReferences(found, visit, seen);
  }
}

/** Paths whose findings belong to `o`'s plan: itself and what it refers to (found or not). */
function usedPaths(o: PlannedObject, lookup: Lookup, out = new Set<string>()): Set<string> {
  out.add(o.path);
  visitReferences(o, (kind, name) => {
    if (typeof name !== 'string') return undefined;
    const found = lookup(kind, name);
    out.add(found?.path ?? objectAddress(kind, name));
    return found;
  });
  return out;
}

type Lookup = (kind: ObjectKind, name: string) => PlannedObject | undefined;

/** The device's objects indexed once per device list (the list is built once per process). */
interface DeviceIndex {
  readonly byKey: Map<string, PlannedObject>;
  readonly references: ReferenceIndex;
}

const deviceIndexes = new WeakMap<readonly PlannedObject[], DeviceIndex>();

function deviceIndex(device: readonly PlannedObject[]): DeviceIndex {
  let index = deviceIndexes.get(device);
  if (!index) {
    index = { byKey: new Map(), references: new ReferenceIndex() };
    for (const d of device) {
      const key = objectKey(d.kind, d.name);
      index.byKey.set(key, d);
      index.references.set(key, referencesOf(d.kind, d.model));
    }
    deviceIndexes.set(device, index);
  }
  return index;
}

/** The objects this plan sees: planned ones over the device's, minus those planned for deletion. */
class PlanView {
  constructor(
    private readonly session: DeviceSession,
    private readonly device: DeviceIndex,
  ) {}

  readonly lookup: Lookup = (kind, name) => {
    const key = objectKey(kind, name);
    const planned = this.session.planned.get(key);
    if (planned) return planned;
    return this.session.plannedDeletes.has(key) ? undefined : this.device.byKey.get(key);
  };

  /** The objects that refer to `o` now (a planned object's own references win over its device version's). */
  usersOf(o: PlannedObject): PlannedObject[] {
    const key = objectKey(o.kind, o.name);
    const plannedUsers = this.session.plannedReferences.referrers(key);
    const out: PlannedObject[] = [];
    for (const k of new Set([...this.device.references.referrers(key), ...plannedUsers])) {
      const user = this.session.planned.get(k) ?? (this.session.plannedDeletes.has(k) ? undefined : this.device.byKey.get(k));
      if (user && (!this.session.planned.has(k) || plannedUsers.has(k))) out.push(user);
    }
    return out;
  }

  /** The planned objects that refer to the object with this key. */
  plannedUsersOf(key: string): PlannedObject[] {
    return [...this.session.plannedReferences.referrers(key)].flatMap((k) => this.session.planned.get(k) ?? []);
  }

  /** The tunnels that use `o`, directly or through other objects (a profile's gateways' tunnels). */
  userTunnels(o: PlannedObject): PlannedObject[] {
    const seen = new Set([objectKey(o.kind, o.name)]);
    const queue = [o];
    const tunnels: PlannedObject[] = [];
    for (let cur = queue.pop(); cur; cur = queue.pop()) {
      for (const u of this.usersOf(cur)) {
        const key = objectKey(u.kind, u.name);
        if (seen.has(key)) continue;
        seen.add(key);
        if (u.kind === 'ipsec-tunnel') tunnels.push(u);
        else queue.push(u);
      }
    }
    return tunnels;
  }
}

/**
 * The objects the rules need to judge `self`: itself, what it refers to (a tunnel's interface, profiles, monitor
 * profile and gateways with their IKE profiles; a gateway's IKE profile), the tunnels that use it (directly or through
 * a gateway) with everything those use, and for a tunnel the other tunnels on its tunnel interface. Found through
 * indexes, so each plan costs what its neighbourhood holds, not the size of the configuration.
 */
function neighbourhood(view: PlanView, self: PlannedObject): { objects: PlannedObject[]; users: PlannedObject[] } {
  const out = new Map<string, PlannedObject>([[objectKey(self.kind, self.name), self]]);
  const put: Visit = (kind, name) => {
    if (typeof name !== 'string') return undefined;
    const o = view.lookup(kind, name);
    if (o) out.set(objectKey(kind, name), o);
    return o;
  };
  visitReferences(self, put);
  const users = view.userTunnels(self);
  for (const t of users) {
    out.set(objectKey(t.kind, t.name), t);
    visitReferences(t, put);
  }
  // Other tunnels planned on the same interface (only planned ones: a device tunnel there may be moving away in this
  // same run, and the commit judges the final state).
  const iface = self.kind === 'ipsec-tunnel' ? self.model.tunnelInterface : undefined;
  for (const t of typeof iface === 'string' ? view.plannedUsersOf(objectKey('tunnel-interface', iface)) : []) out.set(objectKey(t.kind, t.name), t);
  return { objects: [...out.values()], users };
}

/**
 * A reference by name to an object neither planned yet nor on the device. In HCL a quoted name gives Terraform no
 * reason to plan the named object first, so this is no error yet: the commit resource, planned after every object,
 * judges what is still unresolved then (reference-checks.ts).
 */
function isNameNotPlannedYet(finding: Finding): boolean {
  const kind = REFERENCED_KIND[finding.field as keyof typeof REFERENCED_KIND] as string | undefined;
  return ruleById(finding.ruleId)?.findingValue === 'referenced-name' && finding.value !== undefined && kind !== undefined && kind !== 'interface';
}

/** Runs the rules for one planned object; returns new findings as diagnostics (each finding once per process). */
export function ruleDiagnostics(session: DeviceSession, self: PlannedObject, device: readonly PlannedObject[]): Diagnostic[] {
  const view = new PlanView(session, deviceIndex(device));
  const { objects, users } = neighbourhood(view, self);
  const f = stackFacts(session, objects);
  const relevant = usedPaths(self, view.lookup);
  for (const t of users) usedPaths(t, view.lookup, relevant);
  const results = runRules(f);
  const out: Diagnostic[] = [];
  const take = (list: readonly Finding[], make: (s: string, d: string, p?: (string | number)[]) => Diagnostic): void => {
    for (const finding of list) {
      if (ruleById(finding.ruleId)?.wholeConfiguration || !relevant.has(finding.path) || isNameNotPlannedYet(finding)) continue;
      if (session.reportedFindings.has(finding.message)) continue;
      session.reportedFindings.add(finding.message);
      // In HCL words; the attribute path only for the planned object's own field (Terraform shows it under `with`).
      const attribute = finding.path === self.path ? HCL.nameOf(self.kind, finding.field) : undefined;
      const known = attribute !== undefined && attribute.split('.').every((a) => /^[a-z0-9_]+$/.test(a));
      out.push(make(`Rule ${finding.ruleId}`, HCL.reword(finding.message), known ? tfPathSteps(attribute) : undefined));
    }
  };
  take(results.errors, errorDiagnostic);
  take(results.warnings, warningDiagnostic);
  // Terraform has no informational diagnostic: an info finding is a warning whose summary says it is an info, so it
  // is shown at plan and Terraform groups repeats of the same rule under one summary.
  take(results.infos, (summary, detail, path) => warningDiagnostic(`${summary} (info)`, detail, path));
  return out;
}
