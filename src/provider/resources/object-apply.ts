/**
 * ApplyResourceChange for PAN-OS object resources: a create never lands on an existing name, encode onto the
 * candidate entry (so XML the model does not know survives), membership moves for tunnel interfaces, deletes with
 * reference errors explained and predefined objects kept. Writes go through the session's batcher, so parallel
 * applies share one multi-config request, ordered so that references resolve.
 */
import { randomBytes } from 'node:crypto';
import { newObject, warningDiagnostic, type Diagnostic, type StateResult, type ValueObject } from '../../tfplugin';
import type { ConfigOp } from '../../panos/client';
import { descriptorFor } from '../../panos/objects';
import { errorToDiagnostics } from '../errors';
import { modelFromValue, type Model } from '../model-values';
import { isPredefined } from '../../panos/predefined';
import { objectAddress } from '../plan-rules';
import { objectKey, referencesOf, referringKinds, writeOrder, type ObjectRef } from '../references';
import type { DeviceSession } from '../session';
import { OBJECT_RESOURCES } from './all';
import { decodePrivate, encodePrivate, storedPrivate } from './private-state';
import { resourceFields, type ObjectResourceSpec } from './spec';
import { needsWrite, writeOnlyAttributes } from './object-plan';
import { alreadyExistsDiagnostic, keepsOnDestroy, nameInUse, predefinedDestroyWarning } from './takeover';

/** A fresh revision: changes on every write, so the commit resource's triggers change. */
export function newRevision(): string {
  return `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

/**
 * How long a write waits for the objects it refers to, or a delete for the objects that still refer to it, to be
 * written or deleted by another apply of this process. Quoted names give Terraform no order between the two. The wait
 * ends after {@link REFERENCE_IDLE_MS} without any write of this process finishing (then nothing here can bring the
 * names: every waiting apply holds one of Terraform's parallelism slots, and the applies that would bring them may be
 * queued behind the waiters) and after {@link REFERENCE_MAX_MS} in all. A chain of deletes (tunnel, then gateway, then
 * IKE profile) takes two or three batches of up to 400 ms each, hence the idle time. After the wait the request goes
 * out anyway and PAN-OS decides.
 */
export const REFERENCE_IDLE_MS = 1500;
/** See {@link REFERENCE_IDLE_MS}. */
export const REFERENCE_MAX_MS = 6000;

const ALL_KINDS = OBJECT_RESOURCES.map((r) => r.kind);

/** Applies one object resource change. */
export async function applyObject(
  spec: ObjectResourceSpec,
  session: DeviceSession,
  prior: ValueObject | null,
  planned: ValueObject | null,
  config: ValueObject | null,
  plannedPrivate: Buffer,
): Promise<StateResult> {
  if (planned === null) return deleteObject(spec, session, prior);
  // Only declaration-only attributes change: nothing goes to the device, and the revision (the commit's trigger) stays.
  if (prior !== null && !needsWrite(spec, prior, planned)) {
    return { state: Object.assign(newObject(), planned, { revision: prior.revision ?? null }), private: plannedPrivate, diagnostics: [] };
  }
  const loc = session.location;
  const desc = spec.descriptor;
  const name = String(planned.name);
  const entryKey = objectKey(spec.kind, name);
  const address = objectAddress(spec.kind, name);
  const diagnostics: Diagnostic[] = [];
  let priv = storedPrivate(decodePrivate(plannedPrivate));
  let claimed = false;
  try {
    const model = modelFromValue(resourceFields(spec), planned) as Model & { name: string };
    model.name = name;
    // The model as last known: only what differs from it is written, everything else on the entry stays as it is.
    const previous = prior === null ? undefined : ({ ...modelFromValue(resourceFields(spec), prior), name } as Model & { name: string });
    const bases = await session.candidate.entries(spec.kind);
    if (prior === null) {
      // Checked again here, not only at plan: the candidate may have changed since, and two resources of one
      // configuration may declare the same name. No await between the last check and the claim.
      const found = await nameInUse(session, spec, name);
      const taken = session.creating.has(entryKey) ? 'this-run' : found.use === 'free' || found.use === 'own-uncommitted' ? undefined : found.use;
      if (taken) return { state: null, diagnostics: [alreadyExistsDiagnostic(spec, loc, name, taken, found.uncommittedBy)] };
      session.creating.add(entryKey);
      claimed = true;
    }
    const base = bases.get(name)?.raw;
    priv = spec.hooks?.applySecrets?.(session, model, prior, planned, config) ?? priv;
    const version = (await session.systemInfo()).version;
    const element = desc.encode(model, version, base, previous);
    const ops: ConfigOp[] = [{ action: 'edit', xpath: desc.entryXpath(loc, name), element }];
    // The entry must exist before anything lists it as a member.
    ops.push(...(spec.hooks?.writeOps?.(name, loc, prior, planned) ?? []));
    const missing = await awaitReferencedObjects(session, spec, model);
    await session.write(ops, address, writeOrder(spec.kind, 'write'));
    spec.hooks?.afterWrite?.(session);
    diagnostics.push(...missing.map((r) => missingReferenceWarning(address, r)));
    session.candidate.noteWritten(spec.kind, name, element);
    session.written.set(entryKey, { kind: spec.kind, name });
  } catch (err) {
    if (claimed) session.creating.delete(entryKey);
    diagnostics.push(...errorToDiagnostics(err, address, prior === null ? 'create the object' : 'update the object'));
    return { state: prior, diagnostics };
  }
  const state = newObject();
  for (const [k, v] of Object.entries(planned)) state[k] = v;
  for (const wo of writeOnlyAttributes(spec)) state[wo] = null;
  state.id = name;
  state.revision = newRevision();
  return { state, private: encodePrivate(priv), diagnostics };
}

/**
 * Waits (bounded) until every object the model refers to is in the candidate, so PAN-OS, which checks some
 * references when they are written, does not see a dangling one where this process is about to write the target.
 * Returns the references still missing when the wait ended.
 */
async function awaitReferencedObjects(session: DeviceSession, spec: ObjectResourceSpec, model: Model): Promise<ObjectRef[]> {
  const refs = referencesOf(spec.kind, model).filter((r) => !isPredefined(r.kind, r.name));
  if (refs.length === 0) return [];
  await Promise.all([...new Set(refs.map((r) => r.kind))].map((k) => session.candidate.entries(k)));
  await session.candidate.until(() => refs.every((r) => session.candidate.has(r.kind, r.name)), REFERENCE_IDLE_MS, REFERENCE_MAX_MS);
  return refs.filter((r) => !session.candidate.has(r.kind, r.name));
}

/** The object was written although a name it refers to is not in the candidate (the commit checks it again). */
function missingReferenceWarning(address: string, r: ObjectRef): Diagnostic {
  return warningDiagnostic(
    'Written With A Missing Reference',
    `${address}: ${r.attribute} names the ${descriptorFor(r.kind).title} ${JSON.stringify(r.name)}, which is not in the device's candidate ` +
      'configuration and was not written by this run in time. The object was written anyway; unless another resource or ' +
      'an administrator creates it, the commit will be refused. Fix: correct the name, or declare that object.',
    r.attribute.split('.'),
  );
}

/** Deletes one object (a predefined one only leaves state), after the objects that still refer to it where it can. */
async function deleteObject(spec: ObjectResourceSpec, session: DeviceSession, prior: ValueObject | null): Promise<StateResult> {
  const loc = session.location;
  const desc = spec.descriptor;
  const name = String(prior?.name ?? '');
  const key = objectKey(spec.kind, name);
  const address = objectAddress(spec.kind, name);
  if (keepsOnDestroy(spec, name)) return { state: null, diagnostics: [predefinedDestroyWarning(spec, name, 'apply')] };
  const ops: ConfigOp[] = [];
  try {
    const entry: ConfigOp = { action: 'delete', xpath: desc.entryXpath(loc, name) };
    ops.push(...(spec.hooks?.deleteOps ? await spec.hooks.deleteOps(session, name, prior, entry) : [entry]));
    // PAN-OS refuses to delete an object something still refers to (code 10). When the referrers are being deleted
    // by this process too, their deletes go first.
    await Promise.all(referringKinds(spec.kind, ALL_KINDS).map((k) => session.candidate.entries(k)));
    await session.candidate.until(() => session.candidate.referrers(spec.kind, name).size === 0, REFERENCE_IDLE_MS, REFERENCE_MAX_MS);
    await session.write(ops, address, writeOrder(spec.kind, 'delete'));
    spec.hooks?.afterWrite?.(session);
    session.candidate.noteDeleted(spec.kind, name);
    session.written.delete(key);
    session.creating.delete(key);
    return { state: null };
  } catch (err) {
    return { state: prior, diagnostics: errorToDiagnostics(err, address, 'delete the object') };
  }
}
