/**
 * PlanResourceChange for PAN-OS object resources: keep config values, mark `revision` unknown when the object will
 * be written, force replacement on a name change, gate fields on the device version and run the rules.
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
import { FACT_UNKNOWN, objectAddress, ruleDiagnostics } from '../plan-rules';
import { modelFromValue, tfPathSteps } from '../model-values';
import { errorToDiagnostics } from '../errors';
import type { DeviceSession, PlannedObject } from '../session';
import { resourceFields, type ObjectResourceSpec } from './spec';
import { deviceObjectsForRules } from './object-read';

/** Attributes the provider computes; they never make a write. */
const COMPUTED = new Set(['id', 'revision']);

/** Write-only attributes of a resource (null in every plan and state). */
export function writeOnlyAttributes(spec: ObjectResourceSpec): string[] {
  return Object.entries(spec.extraAttributes ?? {}).filter(([, a]) => a.writeOnly).map(([n]) => n);
}

/** True when the planned object differs from the prior state in anything the user declares. */
export function needsWrite(spec: ObjectResourceSpec, prior: ValueObject | null, planned: ValueObject): boolean {
  if (prior === null) return true;
  const wo = new Set(writeOnlyAttributes(spec));
  return Object.keys(planned).some((k) => !COMPUTED.has(k) && !wo.has(k) && !valuesEqual(prior[k], planned[k]));
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
  const wo = config?.pre_shared_key_wo;
  if (spec.preSharedKey && wo !== null && wo !== undefined) model.preSharedKey = 'declared';
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

/** Plans one object resource. */
export async function planObject(
  spec: ObjectResourceSpec,
  session: DeviceSession | undefined,
  prior: ValueObject | null,
  proposed: ValueObject | null,
  config: ValueObject | null,
): Promise<PlanResult> {
  if (proposed === null) return { planned: null };
  const planned = newObject();
  for (const [k, v] of Object.entries(proposed)) planned[k] = v;
  for (const wo of writeOnlyAttributes(spec)) planned[wo] = null;
  planKeptChoices(spec, planned, config);
  const diagnostics: Diagnostic[] = [];
  const name = planned.name;
  const address = typeof name === 'string' ? objectAddress(spec.kind, name) : `${spec.typeName} (name not known yet)`;
  if (spec.preSharedKey && config && config.pre_shared_key !== null && config.pre_shared_key_wo !== null &&
      config.pre_shared_key !== undefined && config.pre_shared_key_wo !== undefined) {
    diagnostics.push(errorDiagnostic('Conflicting Pre-Shared Keys',
      `${address}: pre_shared_key and pre_shared_key_wo are both set. Fix: keep one (pre_shared_key_wo keeps the key out of state).`,
      ['pre_shared_key_wo']));
  }
  const writes = needsWrite(spec, prior, planned);
  planned.id = typeof name === 'string' ? name : UNKNOWN;
  planned.revision = writes ? UNKNOWN : (prior?.revision ?? UNKNOWN);
  const requiresReplace: PathStep[][] = [];
  if (prior !== null) {
    for (const f of resourceFields(spec)) {
      if (f.requiresReplace && !valuesEqual(prior[f.tfName], planned[f.tfName])) requiresReplace.push([f.tfName]);
    }
  }
  if (!writes || session === undefined || typeof name !== 'string') return { planned, requiresReplace, diagnostics };

  const model = modelFromValue(resourceFields(spec), planned);
  model.name = name;
  try {
    const info = await session.systemInfo();
    for (const issue of spec.descriptor.versionIssues(model as { name: string }, info.version)) {
      diagnostics.push(errorDiagnostic('Field Not Supported By PAN-OS Version',
        `${address}: ${issue.tfName} is set${issue.value !== undefined ? ` to ${JSON.stringify(issue.value)}` : ''}, but the device runs ` +
          `PAN-OS ${info.swVersion} and ${issue.tfName} needs PAN-OS ${issue.minVersion} or later. ${issue.message}`,
        tfPathSteps(issue.tfName)));
    }
  } catch (err) {
    diagnostics.push(...errorToDiagnostics(err, address, 'reading the device version'));
    return { planned, requiresReplace, diagnostics };
  }
  if (!containsUnknown(proposed)) {
    for (const p of spec.descriptor.validate(model as { name: string })) {
      diagnostics.push(errorDiagnostic('Invalid Field Value', `${address}: ${p.message}`, tfPathSteps(p.tfName)));
    }
  }
  const self: PlannedObject = {
    kind: spec.kind,
    name,
    path: address,
    model: modelFromValue(resourceFields(spec), planned, { unknownAs: FACT_UNKNOWN }),
  };
  session.planned.set(`${spec.kind}:${name}`, self);
  try {
    // Objects that refer to others need the device's objects too: at apply Terraform re-plans only what changes, so a
    // gateway's profile may be on the device and not in this process's registry.
    const refersToOthers = spec.kind === 'ipsec-tunnel' || spec.kind === 'ike-gateway';
    const device = refersToOthers ? await deviceObjectsForRules(session) : [];
    diagnostics.push(...ruleDiagnostics(session, self, device));
  } catch (err) {
    diagnostics.push(...errorToDiagnostics(err, address, 'reading the device for the plan-time rules'));
  }
  return { planned, requiresReplace, diagnostics };
}
