/**
 * The provider never takes over an object it did not create: a create whose name is already in use is refused with the
 * import that adopts the existing object, and a predefined object (docs/panos/predefined-objects.md) is never deleted.
 */
import { errorDiagnostic, warningDiagnostic, type Diagnostic } from '../../tfplugin';
import type { Location } from '../../panos/objects';
import { isPredefined } from '../../panos/predefined';
import { importIdFor } from './object-read';
import type { ObjectResourceSpec } from './spec';

/** Why the name is taken. */
export type TakenBy = 'device' | 'this-run';

/** An import id as a shell argument: bare when it is plain, quoted otherwise. */
function shellWord(id: string): string {
  return /^[\w.:/@+-]+$/.test(id) ? id : `'${id.replace(/'/g, `'\\''`)}'`;
}

/** Error for a create whose name exists already: names the object, says nothing was written and gives the import. */
export function alreadyExistsDiagnostic(spec: ObjectResourceSpec, location: Location, name: string, by: TakenBy): Diagnostic {
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
  return errorDiagnostic(
    'Object Already Exists',
    `${spec.typeName}: the ${what} already exists in the device's configuration.${predefined} Creating it would overwrite ` +
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
