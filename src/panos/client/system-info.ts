/**
 * `show system info`: the device facts the provider gates on. Only hostname, model, serial, sw-version, multi-vsys
 * and family are relied on (field order and the rest vary by build); everything else is kept in `raw`.
 */
import { child, textAt } from '../xml';
import { InvalidVersionError, parseVersion, type PanosVersion } from '../version';
import type { PanosClient } from './client';

/** Facts from `show system info`. */
export interface SystemInfo {
  readonly hostname: string;
  readonly model: string;
  readonly serial: string;
  /** `sw-version` as reported, e.g. `11.1.4-h7`. */
  readonly swVersion: string;
  readonly version: PanosVersion;
  readonly multiVsys: boolean;
  /** `family`, else `platform-family` (e.g. `vm`). */
  readonly family: string;
  /** Panorama: model `Panorama` or an `M-` appliance. */
  readonly isPanorama: boolean;
  /** Every leaf child of `<system>` by name. */
  readonly raw: Readonly<Record<string, string>>;
}

const CMD = '<show><system><info></info></system></show>';

/** Fetches and parses `show system info`. */
export async function fetchSystemInfo(client: PanosClient): Promise<SystemInfo> {
  const result = await client.op(CMD);
  const system = child(result, 'system');
  const spec = client.opSpec(CMD);
  if (!system) throw client.transport.error('PANOS_BAD_RESPONSE', spec, 'show system info answer has no <system>');
  const raw: Record<string, string> = {};
  for (const c of system.children) if (c.children.length === 0) raw[c.name] = c.text.trim();
  const swVersion = (textAt(system, 'sw-version') ?? '').trim();
  let version: PanosVersion;
  try {
    version = parseVersion(swVersion);
  } catch (err) {
    if (!(err instanceof InvalidVersionError)) throw err;
    throw client.transport.error('PANOS_BAD_RESPONSE', spec, `show system info reports sw-version "${swVersion}", which is not a PAN-OS version`, {
      cause: err,
    });
  }
  const model = raw.model ?? '';
  return {
    hostname: raw.hostname ?? raw.devicename ?? '',
    model,
    serial: raw.serial ?? '',
    swVersion,
    version,
    multiVsys: (raw['multi-vsys'] ?? '').toLowerCase() === 'on',
    family: raw.family ?? raw['platform-family'] ?? '',
    isPanorama: model === 'Panorama' || /^M-/.test(model),
    raw,
  };
}
