/** The data sources: `panosipsec_system_info` and `panosipsec_downgrade_check`. */
import { UserError, newObject, type DataResult, type ValueObject } from '../tfplugin';
import { formatVersion, parseVersion } from '../panos/version';
import { OBJECT_RESOURCES } from './resources/all';
import { checkDowngrade } from '../panos/downgrade';
import type { DeviceSession } from './session';

/** Reads `panosipsec_system_info`. */
export async function readSystemInfo(session: DeviceSession): Promise<DataResult> {
  const info = await session.systemInfo();
  const state = newObject();
  state.version = info.swVersion;
  state.model = info.model;
  state.serial = info.serial;
  state.hostname = info.hostname;
  return { state };
}

/**
 * Lists what the running config holds that `target` cannot: one sentence per field, from the descriptors'
 * version gates over one bulk read per object kind. The objects are the device's (any of them may have been made
 * outside Terraform), so each is named as the device object it is, with the vendor's advice for the downgrade.
 */
export async function downgradeBlockers(session: DeviceSession, target: string): Promise<string[]> {
  const sets = await Promise.all(
    OBJECT_RESOURCES.map(async (spec) => ({ kind: spec.kind, location: session.location, objects: await session.runningObjects(spec.kind) })),
  );
  return checkDowngrade({ target, sets }).blockers.map((b) => b.message);
}

/** Reads `panosipsec_downgrade_check`. */
export async function readDowngradeCheck(session: DeviceSession, config: ValueObject): Promise<DataResult> {
  const target = config.target_version;
  if (typeof target !== 'string') throw new UserError('Missing Target Version', 'panosipsec_downgrade_check: set target_version, e.g. "10.2.9".', ['target_version']);
  try {
    parseVersion(target);
  } catch {
    throw new UserError('Invalid PAN-OS Version', `panosipsec_downgrade_check: target_version = ${JSON.stringify(target)} is not a PAN-OS version. Fix: write it like 10.2.9.`, ['target_version']);
  }
  const [info, blockers] = await Promise.all([session.systemInfo(), downgradeBlockers(session, target)]);
  const state = newObject();
  state.target_version = target;
  state.device_version = formatVersion(info.version);
  state.blockers = blockers;
  state.ok = blockers.length === 0;
  return { state };
}
