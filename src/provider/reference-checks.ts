/**
 * References that resolve nowhere, judged where the whole run is known: at the commit resource's plan (Terraform plans
 * it after every object it depends on, so quoted names have had their chance to be planned) and before a commit
 * (everything this process wrote must resolve in the candidate, or PAN-OS refuses the commit with a raw error).
 */
import { errorDiagnostic, type Diagnostic } from '../tfplugin';
import { descriptorFor, type ObjectKind } from '../panos/objects';
import { isPredefined } from '../panos/predefined';
import { resourceTypeName } from './address';
import type { Model } from './model-values';
import { objectAddress } from './plan-rules';
import { objectKey, referencesOf, type ObjectRef } from './references';
import type { DeviceSession } from './session';

/** One reference of an object that names nothing. */
interface Dangling {
  readonly kind: ObjectKind;
  readonly name: string;
  readonly ref: ObjectRef;
}

/** One diagnostic per distinct dangling reference. */
function diagnostics(list: readonly Dangling[], when: 'plan' | 'commit'): Diagnostic[] {
  const seen = new Set<string>();
  return list.map((d) => diagnostic(d, when)).filter((x) => !seen.has(x.detail ?? '') && seen.add(x.detail ?? ''));
}

function diagnostic(d: Dangling, when: 'plan' | 'commit'): Diagnostic {
  const target = `${descriptorFor(d.ref.kind).title} ${JSON.stringify(d.ref.name)}`;
  const where = when === 'plan' ? 'is neither on the device nor declared in this configuration' : "is not in the device's candidate configuration";
  const outcome = when === 'plan' ? 'PAN-OS would refuse the commit.' : 'PAN-OS would refuse the commit, so nothing was committed.';
  return errorDiagnostic(
    'Reference To A Missing Object',
    `${objectAddress(d.kind, d.name)}: ${d.ref.attribute} names the ${target}, which ${where}; ${outcome} ` +
      `Fix: correct the name in ${d.ref.attribute}, or declare a ${resourceTypeName(d.ref.kind)} with name = ` +
      `${JSON.stringify(d.ref.name)} in this configuration (or create it on the device), then apply again. (Rule PANOS-REF-001.)`,
  );
}

/** Loads the candidate entries of every kind the references name. */
async function loadKinds(session: DeviceSession, refs: readonly ObjectRef[]): Promise<void> {
  await Promise.all([...new Set(refs.map((r) => r.kind))].map((k) => session.candidate.entries(k)));
}

/**
 * At the commit resource's plan: every reference of the objects planned in this process names a planned object, a
 * predefined one, or one on the device that this plan does not delete.
 */
export async function plannedReferenceDiagnostics(session: DeviceSession): Promise<Diagnostic[]> {
  const all = [...session.planned.values()].flatMap((o) => referencesOf(o.kind, o.model).map((ref) => ({ kind: o.kind, name: o.name, ref })));
  await loadKinds(session, all.map((d) => d.ref));
  const resolves = (r: ObjectRef): boolean => {
    const key = objectKey(r.kind, r.name);
    return isPredefined(r.kind, r.name) || session.planned.has(key) || (session.candidate.has(r.kind, r.name) && !session.plannedDeletes.has(key));
  };
  return diagnostics(all.filter((d) => !resolves(d.ref)), 'plan');
}

/** Before a commit: every reference of the objects this process wrote names an entry of the candidate (or a predefined one). */
export async function writtenReferenceDiagnostics(session: DeviceSession): Promise<Diagnostic[]> {
  const all: Dangling[] = [];
  for (const { kind, name } of session.written.values()) {
    const entry = await session.candidate.entry(kind, name);
    if (entry) all.push(...referencesOf(kind, entry.model as Model).map((ref) => ({ kind, name, ref })));
  }
  await loadKinds(session, all.map((d) => d.ref));
  return diagnostics(all.filter((d) => !isPredefined(d.ref.kind, d.ref.name) && !session.candidate.has(d.ref.kind, d.ref.name)), 'commit');
}
