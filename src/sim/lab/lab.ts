/**
 * A lab of simulated firewalls that negotiate IKE and IPSec with each other (docs/lab-negotiation.md). Each device is
 * a full simulator (own XML API port, API key, configuration and commit jobs); all of them join one fabric, whose
 * underlay reaches every device's interface addresses (addresses from address-plan.ts).
 */
import { LabFabric } from './fabric';
import { DEFAULT_POLICY, NegotiationPolicy } from '../negotiation/ike-sa';
import { startSimulator, type SimulatorRuntimeOptions } from '../simulator';
import type { Simulator } from '../types';
import { MAX_LAB_DEVICES, deviceAddresses } from './address-plan';

/** One device to start. */
export interface LabDeviceSpec {
  /** Device name: its hostname, and the name in the lab's JSON line. Letters, digits, `-`, `_`, `.`. */
  readonly name: string;
  /** @default '11.1.0' */
  readonly panosVersion?: string;
  /** Put a 1:1 NAT in front of its ethernet1/1 (its address is private; the others reach it at its usual address). */
  readonly behindNat?: boolean;
}

/** Options of {@link startLab}. */
export interface LabOptions {
  readonly devices: readonly LabDeviceSpec[];
  /** First device's port; the others follow (0 = any free port for each). @default 0 */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** Duration of one commit job. @default 300 */
  readonly commitDurationMs?: number;
  /** username → password for every device. @default one admin with a random password per device */
  readonly users?: Record<string, string>;
  /** Behaviour where PAN-OS is not documented. @default responder's proposal order, strict mode check */
  readonly policy?: Partial<NegotiationPolicy>;
  /** Receives each device's request log lines. */
  readonly onRequest?: (device: string, e: Parameters<NonNullable<SimulatorRuntimeOptions['onRequest']>>[0]) => void;
}

/** What the lab prints for each device (the inventory format `panos-ipsec status --inventory` reads). */
export interface LabDeviceInfo {
  readonly name: string;
  readonly url: string;
  readonly apiKey: string;
  readonly username: string;
  readonly password: string;
  readonly panosVersion: string;
  /** Interface → address, as in the device's starting configuration. */
  readonly interfaces: Readonly<Record<string, string>>;
  /** Behind NAT: the address the other devices reach and see. */
  readonly natAddress?: string;
}

/** A running device: its facts and the simulator behind it. */
export interface LabDevice extends LabDeviceInfo {
  readonly sim: Simulator;
}

/** A running lab. */
export interface Lab {
  readonly devices: readonly LabDevice[];
  /** A device by name; throws naming the devices there are. */
  device(name: string): LabDevice;
  /** The JSON document the `lab` command prints (`{"devices":[…]}`). */
  describe(): { devices: LabDeviceInfo[] };
  /** Stops every device. */
  close(): Promise<void>;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/** Checks the device list; the error names the entry and the fix. */
function checkSpecs(specs: readonly LabDeviceSpec[]): void {
  if (specs.length === 0) throw new Error('a lab needs at least one device, e.g. fw-a=11.1.0,fw-b=11.1.0');
  if (specs.length > MAX_LAB_DEVICES) throw new Error(`a lab holds at most ${MAX_LAB_DEVICES} devices; ${specs.length} were given`);
  const seen = new Set<string>();
  for (const s of specs) {
    if (!NAME.test(s.name)) throw new Error(`device name '${s.name}' is not usable: use letters, digits, '.', '_' or '-' (at most 63), starting with a letter or digit`);
    if (seen.has(s.name)) throw new Error(`device name '${s.name}' is given twice; each lab device needs its own name`);
    seen.add(s.name);
  }
}

/** Starts every device; on any failure the ones already started are stopped again. */
export async function startLab(o: LabOptions): Promise<Lab> {
  checkSpecs(o.devices);
  const fabric = new LabFabric({ ...DEFAULT_POLICY, ...(o.policy ?? {}) });
  const devices: LabDevice[] = [];
  try {
    for (const [i, spec] of o.devices.entries()) {
      const plan = deviceAddresses(i, spec.behindNat === true);
      const sim = await startSimulator({
        panosVersion: spec.panosVersion ?? '11.1.0',
        port: o.port ? o.port + i : 0,
        host: o.host ?? '127.0.0.1',
        hostname: spec.name,
        serial: `0079540000LAB${String(i + 1).padStart(2, '0')}`,
        interfaces: { ...plan.interfaces },
        commitDurationMs: o.commitDurationMs,
        ...(o.users ? { users: o.users } : {}),
        fabric,
        ...(plan.nat ? { nat: plan.nat } : {}),
        ...(o.onRequest ? { onRequest: (e) => o.onRequest?.(spec.name, e) } : {}),
      });
      devices.push({
        name: spec.name,
        url: sim.url,
        apiKey: sim.apiKey,
        username: sim.username,
        password: sim.password,
        panosVersion: sim.panosVersion,
        interfaces: plan.interfaces,
        ...(plan.nat ? { natAddress: plan.nat.outside } : {}),
        sim,
      });
    }
  } catch (err) {
    await Promise.all(devices.map((d) => d.sim.close()));
    throw err;
  }
  return {
    devices,
    device: (name) => {
      const d = devices.find((x) => x.name === name);
      if (!d) throw new Error(`no lab device named ${name} (devices: ${devices.map((x) => x.name).join(', ')})`);
      return d;
    },
    describe: () => ({ devices: devices.map(({ sim: _sim, ...info }) => info) }),
    close: async () => {
      await Promise.all(devices.map((d) => d.sim.close()));
    },
  };
}

/**
 * Parses `fw-a=11.1.0,fw-b=11.1.0` (a name without `=version` plays 11.1.0); `nat` names devices behind NAT.
 * @throws Error naming the entry that cannot be read
 */
export function parseLabDevices(text: string, nat: readonly string[] = []): LabDeviceSpec[] {
  const specs = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((entry) => {
      const [name, version, ...rest] = entry.split('=');
      if (rest.length > 0 || name === '' || version === '') throw new Error(`--devices entry '${entry}' is not name=version (e.g. fw-a=11.1.0)`);
      return { name, ...(version !== undefined ? { panosVersion: version } : {}), ...(nat.includes(name) ? { behindNat: true } : {}) };
    });
  for (const n of nat) {
    if (!specs.some((s) => s.name === n)) throw new Error(`--nat names ${n}, which is not in --devices (${specs.map((s) => s.name).join(', ')})`);
  }
  return specs;
}
