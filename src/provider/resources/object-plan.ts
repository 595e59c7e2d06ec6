/**
 * PlanResourceChange for PAN-OS object resources: keep config values, mark `revision` unknown when the object will
 * be written, force replacement on a name change, refuse a create over an existing name, gate fields on the device
 * version and run the rules.
 */
import {
  UNKNOWN,
  containsUnknown,
  errorDiagnostic,
  newObject,
  valuesEqual,
  type Diagnostic,
  type PathStep,
  type PlanResult,
  type ValueObject,
} from '../../tfplugin';
import { inferChoices } from '../../panos/objects';
import { valueRuleId, versionRuleId } from '../../rules';
import { FACT_UNKNOWN, objectAddress, ruleDiagnostics } from '../plan-rules';
import { modelFromValue, tfPathSteps } from '../model-values';
import { errorToDiagnostics } from '../errors';
import { objectKey } from '../references';
import type { DeviceSession, PlannedObject } from '../session';
import { decodePrivate, encodePrivate } from './private-state';
import { ACKNOWLEDGED_RULES, acknowledgementsOf, checkAcknowledgements } from '../acknowledgements';
import { resourceFields, type ObjectResourceSpec } from './spec';
import { deviceObjectsForRules } from './object-read';
import { alreadyExistsDiagnostic, keepsOnDestroy, nameInUse, ownUncommittedWarning, predefinedDestroyWarning } from './takeover';

/** Attributes the provider computes; they never make a write. */
const COMPUTED = new Set(['id', 'revision']);

/** Write-only attributes of a resource (null in every plan and state). */
export function writeOnlyAttributes(spec: ObjectResourceSpec): string[] {
  return Object.entries(spec.extraAttributes ?? {}).filter(([, a]) => a.writeOnly).map(([n]) => n);
}

/**
 * Declaration-only attributes of a resource: its `declarationOnly` fields and `acknowledged_rules`. They have no place
 * on the device: never written or read, kept in state as declared (docs/declaration-only.md).
 */
export function declarationOnlyAttributes(spec: ObjectResourceSpec): string[] {
  return [...resourceFields(spec).filter((f) => f.declarationOnly).map((f) => f.tfName), ACKNOWLEDGED_RULES];
}

/**
 * True when the planned object differs from the prior state in anything the device holds: a change to a
 * declaration-only attribute alone writes nothing, so `revision` and with it the commit's triggers stay as they are.
 */
export function needsWrite(spec: ObjectResourceSpec, prior: ValueObject | null, planned: ValueObject): boolean {
  if (prior === null) return true;
  const skip = new Set([...COMPUTED, ...writeOnlyAttributes(spec), ...declarationOnlyAttributes(spec)]);
  return Object.keys(planned).some((k) => !skip.has(k) && !valuesEqual(prior[k], planned[k]));
}

/** True when a declaration-only attribute changes (the rules judge the object again; nothing is written). */
function declarationChanges(spec: ObjectResourceSpec, prior: ValueObject | null, planned: ValueObject): boolean {
  return prior !== null && declarationOnlyAttributes(spec).some((k) => !valuesEqual(prior[k], planned[k]));
}

/**
 * Fills the choices that are optional and computed (`keepWhenUnset`) and left out of the configuration: with the
 * alternative the declared fields imply, or else the value in state. A kept alternative the provider cannot build
 * (certificate authentication, a manual-key tunnel) is never replaced by an implied one: switching away from it takes
 * an explicit value, so nothing the provider does not model is dropped because an attribute was left out.
 */
export function planKeptChoices(spec: ObjectResourceSpec, planned: ValueObject, config: ValueObject | null): void {
  const fields = resourceFields(spec);
  const model = modelFromValue(fields, planned);
  spec.hooks?.planDeclared?.(model, config);
  for (const f of fields) {
    const declared = config?.[f.tfName];
    if (!f.keepWhenUnset || (declared !== null && declared !== undefined)) continue;
    const { [f.key]: _omitted, ...others } = model;
    const implied = inferChoices(fields, others)[f.key];
    const current = planned[f.tfName];
    const kept = typeof current === 'string' ? current : undefined;
    if (kept === undefined) planned[f.tfName] = typeof implied === 'string' ? implied : null;
    else if (!f.opaqueChoices?.includes(kept) && typeof implied === 'string') planned[f.tfName] = implied;
  }
}

/** Plans the destroy of an object: recorded for the reference checks; a predefined object only leaves state. */
function planDestroy(spec: ObjectResourceSpec, session: DeviceSession | undefined, prior: ValueObject | null): PlanResult {
  const name = prior?.name;
  if (typeof name !== 'string') return { planned: null };
  session?.plannedDeletes.add(objectKey(spec.kind, name));
  return { planned: null, ...(keepsOnDestroy(spec, name) ? { diagnostics: [predefinedDestroyWarning(spec, name, 'plan')] } : {}) };
}

/** Plans one object resource. */
export async function planObject(
  spec: ObjectResourceSpec,
  session: DeviceSession | undefined,
  prior: ValueObject | null,
  proposed: ValueObject | null,
  config: ValueObject | null,
  priorPrivate: Buffer = Buffer.alloc(0),
): Promise<PlanResult> {
  if (proposed === null) return planDestroy(spec, session, prior);
  const planned = newObject();
  for (const [k, v] of Object.entries(proposed)) planned[k] = v;
  for (const wo of writeOnlyAttributes(spec)) planned[wo] = null;
  planKeptChoices(spec, planned, config);
  const diagnostics: Diagnostic[] = [];
  const name = planned.name;
  const address = typeof name === 'string' ? objectAddress(spec.kind, name) : `${spec.typeName} (name not known yet)`;
  diagnostics.push(...(spec.hooks?.planProblems?.(config, address) ?? []));
  const acks = checkAcknowledgements(acknowledgementsOf(planned[ACKNOWLEDGED_RULES], address), address);
  diagnostics.push(...acks.diagnostics);
  if (session && typeof name === 'string') session.acknowledgements.set(objectKey(spec.kind, name), acks.valid);
  const writes = needsWrite(spec, prior, planned);
  planned.id = typeof name === 'string' ? name : UNKNOWN;
  planned.revision = writes ? UNKNOWN : (prior?.revision ?? UNKNOWN);
  const requiresReplace: PathStep[][] = [];
  if (prior !== null) {
    for (const f of resourceFields(spec)) {
      if (f.requiresReplace && !valuesEqual(prior[f.tfName], planned[f.tfName])) requiresReplace.push([f.tfName]);
    }
  }
  // Terraform hands this private data to the second plan of a replacement, whose create is then of our own object.
  const replaces = prior !== null && typeof prior.name === 'string' ? prior.name : undefined;
  // A new name replaces the object: the old one is deleted in this run (the plan-time checks must not count it).
  if (replaces !== undefined && typeof name === 'string' && name !== replaces) session?.plannedDeletes.add(objectKey(spec.kind, replaces));
  const privateOut = replaces !== undefined ? { private: encodePrivate({ ...decodePrivate(priorPrivate), replaces }) } : {};
  const judged = writes || declarationChanges(spec, prior, planned);
  if (!judged || session === undefined || typeof name !== 'string') return { planned, requiresReplace, diagnostics, ...privateOut };

  const model = modelFromValue(resourceFields(spec), planned);
  model.name = name;
  try {
    const info = await session.systemInfo();
    for (const issue of spec.descriptor.versionIssues(model as { name: string }, info.version)) {
      // Said once, under the rule that judges the same fact at synth; the fix is the field's own (the descriptor's).
      const ruleId = versionRuleId(spec.kind, issue.field);
      const fix = issue.message.split('. Fix: ')[1]?.replace(/\.$/, '') ?? `remove ${issue.tfName} or upgrade the device to PAN-OS ${issue.minVersion} or later`;
      diagnostics.push(errorDiagnostic(`Rule ${ruleId}`,
        `[${address}] ${ruleId}: ${issue.tfName}${issue.value !== undefined ? ` = ${JSON.stringify(issue.value)}` : ''} needs PAN-OS ` +
          `${issue.minVersion} or later, but the device runs PAN-OS ${info.swVersion}; fix: ${fix}`,
        tfPathSteps(issue.tfName)));
    }
    // At apply Terraform plans each create again, after the creates before it: one of those may have this name.
    const found = prior === null && decodePrivate(priorPrivate).replaces !== name ? await nameInUse(session, spec, name) : { use: 'free' as const };
    if (found.use === 'own-uncommitted') diagnostics.push(ownUncommittedWarning(spec, name, session.settings.admin));
    else if (found.use !== 'free') {
      diagnostics.push(alreadyExistsDiagnostic(spec, session.location, name, found.use, found.uncommittedBy));
      return { planned, requiresReplace, diagnostics };
    }
  } catch (err) {
    diagnostics.push(...errorToDiagnostics(err, address, 'reading the device'));
    return { planned, requiresReplace, diagnostics, ...privateOut };
  }
  if (!containsUnknown(proposed)) {
    for (const p of spec.descriptor.validate(model as { name: string })) {
      const ruleId = valueRuleId(p.field);
      diagnostics.push(errorDiagnostic(`Rule ${ruleId}`, `[${address}] ${ruleId}: ${p.message}`, tfPathSteps(p.tfName)));
    }
  }
  const self: PlannedObject = {
    kind: spec.kind,
    name,
    path: address,
    model: modelFromValue(resourceFields(spec), planned, { unknownAs: FACT_UNKNOWN }),
  };
  session.addPlanned(self);
  try {
    // The rules judge the object with the device's objects it uses and that use it: Terraform plans only what
    // changes, so a gateway's profile, or the tunnel that uses a changed gateway, may be on the device only.
    diagnostics.push(...ruleDiagnostics(session, self, await deviceObjectsForRules(session)));
  } catch (err) {
    diagnostics.push(...errorToDiagnostics(err, address, 'reading the device for the plan-time rules'));
  }
  return { planned, requiresReplace, diagnostics, ...privateOut };
}
