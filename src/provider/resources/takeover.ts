/**
 * The provider never takes over an object it did not create: a create whose name is already in use is refused with the
 * import that adopts the existing object, and a predefined object (docs/panos/predefined-objects.md) is never deleted.
 */
import { errorDiagnostic, warningDiagnostic, type Diagnostic } from '../../tfplugin';
import type { Location } from '../../panos/objects';
import { isPredefined } from '../../panos/predefined';
import { objectKey } from '../references';
import type { DeviceSession } from '../session';
import { importIdFor } from './object-read';
import type { ObjectResourceSpec } from './spec';

/** Why the name is taken. */
export type TakenBy = 'device' | 'this-run';

/** Whether a create of a name would land on an existing object (see {@link nameInUse}). */
export interface NameUse {
  /**
   * - `free`: no such entry;
   * - `this-run`: another create of this process has taken the name;
   * - `own-uncommitted`: the entry exists only in the candidate, as an uncommitted change of this provider's own admin
   *   (the configured username), i.e. left by an interrupted or failed run. An admin-scoped commit would commit it
   *   anyway, so writing the declaration over it takes nothing from anyone;
   * - `device`: anything else (committed, another admin's, or made by an admin the provider cannot recognise because
   *   it logs in with an API key alone).
   */
  readonly use: TakenBy | 'free' | 'own-uncommitted';
  /** For an entry only in the candidate: the admin of that uncommitted change. */
  readonly uncommittedBy?: string;
}

/** See {@link NameUse}. Reads the running config of the kind only when the entry carries an uncommitted change. */
export async function nameInUse(session: DeviceSession, spec: ObjectResourceSpec, name: string): Promise<NameUse> {
  if (session.creating.has(objectKey(spec.kind, name))) return { use: 'this-run' };
  const entry = await session.candidate.entry(spec.kind, name);
  if (!entry) return { use: 'free' };
  if (entry.changedBy === undefined) return { use: 'device' };
  const running = await session.runningObjects(spec.kind);
  if (running.some((d) => d.model.name === name)) return { use: 'device' };
  const own = session.settings.admin !== undefined && entry.changedBy === session.settings.admin;
  return { use: own ? 'own-uncommitted' : 'device', uncommittedBy: entry.changedBy };
}

/** Warning for a create written over this admin's own uncommitted entry. */
export function ownUncommittedWarning(spec: ObjectResourceSpec, name: string, admin: string | undefined): Diagnostic {
  return warningDiagnostic(
    'Uncommitted Object Taken Over',
    `${spec.typeName}: the ${spec.descriptor.title} named ${JSON.stringify(name)} exists only in the device's candidate ` +
      `configuration, as an uncommitted change of this provider's own admin ${JSON.stringify(admin ?? '')} (most likely written ` +
      'by an interrupted or failed run of this configuration). It is not running anywhere yet, so this resource writes its ' +
      'declaration over it.',
    ['name'],
  );
}

/** An import id as a shell argument: bare when it is plain, quoted otherwise. */
function shellWord(id: string): string {
  return /^[\w.:/@+-]+$/.test(id) ? id : `'${id.replace(/'/g, `'\\''`)}'`;
}

/**
 * Error for a create whose name exists already: names the object, says nothing was written and gives the import.
 * @param uncommittedBy the admin whose uncommitted change the entry is, when it is only in the candidate
 */
export function alreadyExistsDiagnostic(spec: ObjectResourceSpec, location: Location, name: string, by: TakenBy, uncommittedBy?: string): Diagnostic {
  const what = `${spec.descriptor.title} named ${JSON.stringify(name)}`;
  if (by === 'this-run') {
    return errorDiagnostic(
      'Object Name Declared Twice',
      `${spec.typeName}: another ${spec.typeName} resource of this configuration has just created the ${what}, and PAN-OS names are ` +
        'unique per object type, so this resource would overwrite it. Nothing was written for this resource.\n\n' +
        'Fix: give one of the two resources another name.',
      ['name'],
    );
  }
  const id = importIdFor(location, name);
  const predefined = isPredefined(spec.kind, name)
    ? ' It is predefined: PAN-OS ships it on every firewall, and gateways and tunnels that name no profile use it.'
    : '';
  const uncommitted =
    uncommittedBy === undefined
      ? ''
      : ` It is only in the candidate, an uncommitted change of admin ${JSON.stringify(uncommittedBy)}. If an interrupted run of ` +
        'this configuration left it, configure the provider with that username (it then recognises its own uncommitted ' +
        'changes and writes over them), or revert the change on the device.';
  return errorDiagnostic(
    'Object Already Exists',
    `${spec.typeName}: the ${what} already exists in the device's configuration.${predefined}${uncommitted} Creating it would overwrite ` +
      'an object this configuration does not manage, so nothing was written.\n\n' +
      'Fix: adopt the existing object into this resource, after which a plan shows what differs between the device and ' +
      `this declaration before anything changes:\n  terraform import <address> ${shellWord(id)}\n` +
      `or, in the configuration:\n  import {\n    to = <address>\n    id = ${JSON.stringify(id)}\n  }\n` +
      "where <address> is this resource's address, which Terraform prints with this error (the provider is not told it). " +
      'Or give this resource a name that is not in use.',
    ['name'],
  );
}

/** True when destroying the resource must leave the object on the device. */
export function keepsOnDestroy(spec: ObjectResourceSpec, name: string): boolean {
  return isPredefined(spec.kind, name);
}

/** Warning for the destroy of a predefined object: it only leaves Terraform state. */
export function predefinedDestroyWarning(spec: ObjectResourceSpec, name: string, when: 'plan' | 'apply'): Diagnostic {
  const removes = when === 'plan' ? 'will only remove' : 'only removed';
  const stays = when === 'plan' ? 'will stay' : 'stays';
  return warningDiagnostic(
    'Predefined Object Kept On The Device',
    `${spec.typeName} ${JSON.stringify(name)}: this is a predefined ${spec.descriptor.title} that PAN-OS ships on every firewall, ` +
      `so destroying the resource ${removes} it from Terraform state. The object ${stays} on the device with the content it has now.`,
  );
}
