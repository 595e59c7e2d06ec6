/**
 * ReadResource and ImportResourceState for PAN-OS object resources, from one bulk read of the candidate config per
 * object kind per provider process: the candidate is what the next commit makes running, and equals the running
 * config whenever no commit is pending, so after a failed commit the next plan shows (and repairs) what differs
 * between the declaration and what would be committed.
 */
import { UserError, newObject, type ImportResult, type StateResult, type ValueObject } from '../../tfplugin';
import { describeLocation, vsysOf, type Decoded, type Location, type ObjectKind } from '../../panos/objects';
import { referencesOf, referringKinds } from '../references';
import { OBJECT_RESOURCES } from './all';
import { maskToManaged, modelFromValue, valueFromModel, type Model } from '../model-values';
import { FACT_UNKNOWN, objectAddress } from '../plan-rules';
import type { DeviceSession, PlannedObject } from '../session';
import { resourceFields, type ObjectResourceSpec } from './spec';
import { declarationOnlyAttributes } from './object-plan';

/**
 * Bench only (bench/run.ts, the peer baseline): every refresh reads its own entry with one request, the access pattern
 * of providers that read one object per resource, so the bench can time the bulk reads against it in one run. Not a
 * setting and not documented for users; the bench sets it in Terraform's environment.
 */
const BENCH_READ_PER_RESOURCE = process.env.PANOS_IPSEC_BENCH_READ_PER_RESOURCE === '1';

/** The device's entry of an object as a model, with what the resource keeps outside it (its hooks' withOutside). */
async function deviceModel(spec: ObjectResourceSpec, session: DeviceSession, name: string, perResource = false): Promise<Decoded<{ name: string }> | undefined> {
  const found = await (perResource ? session.client().getObject(spec.descriptor, session.location, name) : session.candidate.deviceEntry(spec.kind, name));
  return found && spec.hooks?.withOutside ? spec.hooks.withOutside(session, name, found) : found;
}

/** Sessions whose reads {@link prefetchForRefresh} has started. */
const prefetched = new WeakSet<DeviceSession>();

/**
 * Terraform refreshes resources level by level along their dependencies (interfaces and profiles, then gateways, then
 * tunnels), so reading each kind when its first refresh comes costs one device round trip per level. The first
 * refresh of a process starts every kind's bulk read and the membership reads side by side instead: each is still
 * made once per process, a kind that no resource of the configuration uses costs one request, and a read that fails
 * here is made again by the refresh that needs it.
 */
function prefetchForRefresh(session: DeviceSession): void {
  if (prefetched.has(session)) return;
  prefetched.add(session);
  for (const r of OBJECT_RESOURCES) session.candidate.entries(r.kind).catch(() => undefined);
  session.membershipMaps().catch(() => undefined);
}

/** Reads one object resource; null state when the object is gone. */
export async function readObject(spec: ObjectResourceSpec, session: DeviceSession, state: ValueObject, priv: Buffer): Promise<StateResult> {
  const name = state.name;
  if (typeof name !== 'string') return { state };
  spec.hooks?.beforeRead?.(session, state);
  if (!BENCH_READ_PER_RESOURCE) prefetchForRefresh(session);
  const found = await deviceModel(spec, session, name, BENCH_READ_PER_RESOURCE);
  if (!found) return { state: null, private: priv };
  const fields = resourceFields(spec);
  const device = valueFromModel(fields, found.model as Model);
  const out = newObject();
  for (const [k, v] of Object.entries(state)) out[k] = v;
  Object.assign(out, maskToManaged(fields, device, state));
  // Optional and computed: always the device's value, so a declaration that leaves it out keeps it.
  for (const f of fields) if (f.keepWhenUnset) out[f.tfName] = device[f.tfName] ?? null;
  // Declaration only: the device has no such value, state keeps the declared one (no drift).
  for (const attr of declarationOnlyAttributes(spec)) out[attr] = state[attr] ?? null;
  out.name = name;
  spec.hooks?.readState?.(out, state, session, device);
  const nextPriv = spec.hooks?.readSecrets?.(out, state, found.model as Model, priv) ?? priv;
  return { state: out, private: nextPriv };
}

/** Parses an import id. Forms: `<name>`, `<vsys>:<name>`, `template:<T>:<vsys>:<name>`, `template-stack:<TS>:<vsys>:<name>`. */
export function parseImportId(id: string, typeName: string): { location?: Location; name: string } {
  const bad = (why: string): never => {
    throw new UserError('Invalid Import Id',
      `${typeName}: import id ${JSON.stringify(id)} ${why}. Use <name>, <vsys>:<name> (vsys1:tunnel.1), ` +
        'template:<template>:<vsys>:<name> or template-stack:<stack>:<vsys>:<name>.');
  };
  if (id.trim() === '') bad('is empty');
  const parts = id.split(':');
  if (parts[0] === 'template' || parts[0] === 'template-stack') {
    if (parts.length < 4) bad(`needs 4 parts separated by ':' for a ${parts[0]} location`);
    const name = parts.slice(3).join(':');
    const loc: Location = parts[0] === 'template'
      ? { type: 'template', template: parts[1], vsys: parts[2] }
      : { type: 'template-stack', templateStack: parts[1], vsys: parts[2] };
    return { location: loc, name };
  }
  if (/^vsys\d+:/.test(id)) return { location: { type: 'vsys', vsys: parts[0] }, name: parts.slice(1).join(':') };
  // PAN-OS names hold no ':' (docs/panos/README.md#name-characters): an id with one that is none of the qualified
  // forms is a mistyped location, not a name to look up.
  if (parts.length > 1) bad(`starts with ${JSON.stringify(`${parts[0]}:`)}, which is no location (vsys1, template or template-stack)`);
  return { name: id };
}

/** The import id that {@link parseImportId} reads back as `name` at `location` (the short form where it is unambiguous). */
export function importIdFor(location: Location, name: string): string {
  const vsys = vsysOf(location);
  if (location.type === 'template') return `template:${location.template}:${vsys}:${name}`;
  if (location.type === 'template-stack') return `template-stack:${location.templateStack}:${vsys}:${name}`;
  let unambiguous = false;
  try {
    const short = parseImportId(name, '');
    unambiguous = short.location === undefined && short.name === name;
  } catch {
    // A name that reads as a malformed location prefix needs the qualified form.
  }
  return unambiguous ? name : `${vsys}:${name}`;
}

function sameLocation(a: Location, b: Location): boolean {
  const v = (l: Location): string => vsysOf(l);
  if (a.type !== b.type || v(a) !== v(b)) return false;
  if (a.type === 'template' && b.type === 'template') return a.template === b.template;
  if (a.type === 'template-stack' && b.type === 'template-stack') return a.templateStack === b.templateStack;
  return true;
}

/** Imports one object: every attribute the device holds is filled, so a matching config plans no change. */
export async function importObject(spec: ObjectResourceSpec, session: DeviceSession, id: string): Promise<ImportResult> {
  const { location, name } = parseImportId(id, spec.typeName);
  if (location && !sameLocation(location, session.location)) {
    throw new UserError('Import Location Mismatch',
      `${spec.typeName}: import id ${JSON.stringify(id)} names ${describeLocation(location)}, but the provider is configured for ` +
        `${describeLocation(session.location)}. Fix: import through a provider configured for that location (its vsys, ` +
        `template or template_stack attribute), or import ${JSON.stringify(importIdFor(session.location, name))} if the ` +
        'object is in the provider\'s location.');
  }
  const found = await deviceModel(spec, session, name);
  if (!found) {
    throw new UserError('Object Not Found',
      `${objectAddress(spec.kind, name)}: no ${spec.descriptor.title} named ${JSON.stringify(name)} exists in the device's candidate config. ` +
        'Fix: check the name (it is case-sensitive) and the location (vsys, template) the provider is configured for.');
  }
  const state = valueFromModel(resourceFields(spec), found.model as Model);
  state.id = name;
  state.revision = 'imported';
  for (const [attr] of Object.entries(spec.extraAttributes ?? {})) state[attr] = null;
  // Declaration only: nothing on the device says them; the configuration's values show as a change to state only.
  for (const attr of declarationOnlyAttributes(spec)) state[attr] = null;
  // Choices (authentication, key_type, protocol) keep the device's value: they are optional and computed.
  spec.hooks?.readState?.(state, null, session, { ...state });
  const priv = spec.hooks?.importPrivate?.(found.model as Model);
  return { resources: [{ state, ...(priv ? { private: priv } : {}) }] };
}

/** Rule facts of one kind's device objects, with the kinds they refer to. */
interface KindFacts {
  readonly objects: PlannedObject[];
  readonly referenced: ReadonlySet<ObjectKind>;
}

/** Rule facts of the device's objects, per kind, and the combined list last handed out, per process. */
interface DeviceFacts {
  readonly byKind: Map<ObjectKind, Promise<KindFacts>>;
  list?: { readonly kinds: string; readonly objects: PlannedObject[] };
}

const deviceFacts = new WeakMap<DeviceSession, DeviceFacts>();

/** Kinds whose objects refer to other objects (the others are only ever referred to). */
const REFERRING_KINDS = OBJECT_RESOURCES.map((r) => r.kind).filter((k) => OBJECT_RESOURCES.some((r) => referringKinds(r.kind, [k]).length > 0));

async function factsOfKind(session: DeviceSession, spec: ObjectResourceSpec): Promise<KindFacts> {
  const entries = await session.candidate.entries(spec.kind);
  // Zone, virtual router and vsys import sit outside the interface entry: without them every device interface
  // would look unplaced to the rules (a false PANOS-REF-005 on a plan that does not touch the interface). An entry
  // planned in this process is judged by its plan (which takes precedence), so the reads are needed only when some
  // device entry of the kind is not planned here.
  const unplanned = [...entries.values()].some((d) => !session.planned.has(`${spec.kind}:${d.model.name}`));
  const outside = spec.hooks?.factsOutside && unplanned ? await spec.hooks.factsOutside(session) : undefined;
  const referenced = new Set<ObjectKind>();
  const objects = [...entries.values()].map((d) => {
    for (const r of referencesOf(spec.kind, d.model as Model)) referenced.add(r.kind);
    const model = outside ? { ...d.model, ...outside(d.model.name) } : d.model;
    const v = valueFromModel(resourceFields(spec), model as Model);
    const facts = modelFromValue(resourceFields(spec), v, { unknownAs: FACT_UNKNOWN });
    // What the declaration says of a device object not planned here is not known to this process (not "undeclared").
    for (const f of resourceFields(spec)) if (f.declarationOnly) facts[f.key] = FACT_UNKNOWN;
    return { kind: spec.kind, name: d.model.name, path: objectAddress(spec.kind, d.model.name), model: facts };
  });
  return { objects, referenced };
}

/**
 * The candidate's objects as rule facts, built from the bulk reads (each kind once per process). Later writes of the
 * process are not in this list; the rules see them as planned objects, which take precedence.
 *
 * The rules judge an object with what it refers to and what refers to it (plan-rules.ts, `neighbourhood`), so the
 * kinds that refer to others are always read, and a kind that is only referred to (crypto profiles, tunnel
 * interfaces, monitor profiles) only once a planned or device object of this process refers to it: a kind nobody
 * names cannot be in any neighbourhood, and its read would be one request for nothing.
 */
export async function deviceObjectsForRules(session: DeviceSession): Promise<PlannedObject[]> {
  let state = deviceFacts.get(session);
  if (!state) deviceFacts.set(session, (state = { byKind: new Map() }));
  const facts = state;
  const want = (kind: ObjectKind): Promise<KindFacts> => {
    let p = facts.byKind.get(kind);
    if (!p) {
      p = factsOfKind(session, OBJECT_RESOURCES.find((r) => r.kind === kind) as ObjectResourceSpec);
      facts.byKind.set(kind, p);
      p.catch(() => facts.byKind.delete(kind));
    }
    return p;
  };
  // Kept per kind and per process, so each call costs the number of kinds, not of objects.
  const named = new Set<ObjectKind>([...REFERRING_KINDS, ...session.plannedReferencedKinds]);
  // What the device's objects name, until nothing new is named (two rounds at most: tunnel, gateway, profile).
  for (let size = 0; size !== named.size; ) {
    size = named.size;
    for (const k of await Promise.all([...named].map(want))) for (const r of k.referenced) named.add(r);
  }
  const kinds = OBJECT_RESOURCES.map((r) => r.kind).filter((k) => named.has(k));
  const key = kinds.join(',');
  // The same list object while the kinds are the same: plan-rules.ts indexes each list once.
  if (facts.list?.kinds !== key) facts.list = { kinds: key, objects: (await Promise.all(kinds.map(want))).flatMap((k) => k.objects) };
  return facts.list.objects;
}
