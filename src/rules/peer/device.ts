/**
 * The pair rules over devices: plain data as the object model decodes a running configuration (no network, no
 * cdktf), so a command can read two or more firewalls and check them against each other with the same rules synth
 * uses. Paths are `<device>/<kind>/<name>`, e.g. `fw-a/ike-gateway/gw-bgp`.
 *
 * Pre-shared keys come back encrypted with each device's own master key, but the stored form carries the key's SHA-1
 * digest right after its `-AQ==` prefix (docs/peer-compatibility.md#n9): two ends are
 * the same key when those digests are equal. The digests are compared here and never kept in a fact or a message;
 * a stored form without one cannot be compared (the PANOS-PEER-011 info, never a pass).
 */
import { ALL_DESCRIPTORS, type DescriptorOf, type ModelOfKind, type ObjectKind } from '../../panos/objects';
import { UNKNOWN, type Acknowledgement, type Known, type ObjectFacts, type SecretSourceFacts, type StackFacts } from '../facts';
import { factsOf } from '../facts-of';
import type { RuleResults } from '../engine';
import { peerEndsOf } from './ends';
import { runPairRules } from './engine';
import { pairEnds } from './pairing';
import type { ExplicitPair, PairBasis, PeerEnd } from './types';

/**
 * One device's decoded configuration: per object kind, under the kind's facts key (`ikeGateways`, …), its entries as
 * the kind's descriptor decodes them (the client's bulk reads return them so).
 */
export type DeviceConfiguration = {
  /** The device's name in paths and messages, e.g. its hostname or inventory name. Must be unique per check. */
  readonly name: string;
} & { readonly [K in ObjectKind as DescriptorOf<K>['factsKey']]?: readonly ModelOfKind<K>[] };

/** Options of {@link checkDevices}. */
export interface CheckDevicesOptions {
  /** Pairs that addresses cannot reveal (FQDN or dynamic peers, NAT in between), by gateway path. */
  readonly pairs?: readonly ExplicitPair[];
  /** Acknowledged warnings and infos; a path-less acknowledgement applies to every pair. */
  readonly acknowledgements?: readonly Acknowledgement[];
}

/** One pair found between the devices. */
export interface DevicePair {
  /** Gateway paths, `<device>/ike-gateway/<name>`. */
  readonly a: string;
  readonly b: string;
  readonly basis: PairBasis;
  /** Tunnel paths per tunnel pair. */
  readonly tunnels: readonly { readonly a: string; readonly b: string }[];
}

/** What {@link checkDevices} returns. */
export interface DevicePairCheck {
  readonly pairs: readonly DevicePair[];
  readonly results: RuleResults;
}

/** The path of an object of a device. */
export function devicePath(device: string, kind: string, name: string): string {
  return `${device}/${kind}/${name}`;
}

/** A stored key: `-AQ==`, then the base64 SHA-1 of the plaintext (20 bytes: 27 characters and one `=`), then the ciphertext. */
const STORED_KEY = /^-AQ==([A-Za-z0-9+/]{27}=)/;

/** Opaque ids for stored keys: equal digests get equal ids (`stored-key-1`, …); the digests stay in this map only. */
export class StoredKeyIds {
  private readonly ids = new Map<string, string>();

  /** The source facts of a stored key, or UNKNOWN when its form carries no digest. */
  public sourceOf(stored: string): Known<SecretSourceFacts> {
    const digest = STORED_KEY.exec(stored)?.[1];
    if (digest === undefined) return UNKNOWN;
    let id = this.ids.get(digest);
    if (id === undefined) {
      id = `stored-key-${this.ids.size + 1}`;
      this.ids.set(digest, id);
    }
    return { id, description: 'a key stored on the device (compared by the digest PAN-OS keeps with it)' };
  }
}

/** What a device's facts of a kind hold besides its fields: what PAN-OS implies when the entry does not say. */
const IMPLIED: { readonly [K in ObjectKind]?: (model: ModelOfKind<K>, keys: StoredKeyIds) => object } = {
  'ike-gateway': (g, keys) => ({
    authentication: g.authentication ?? (g.preSharedKeyEncrypted !== undefined || g.preSharedKey !== undefined ? 'pre-shared-key' : undefined),
    // A plaintext key (a planned model, never one read back) is not compared here.
    ...(g.preSharedKeyEncrypted !== undefined
      ? { preSharedKeySource: keys.sourceOf(g.preSharedKeyEncrypted) }
      : g.preSharedKey !== undefined
        ? { preSharedKeySource: UNKNOWN }
        : {}),
  }),
  'ipsec-tunnel': (t) => ({ keyType: t.keyType ?? (t.autoKey ? 'auto-key' : undefined) }),
};

/**
 * The facts of one device (every object declared at its default location; content as read).
 * @param keys where stored keys get their ids; share one between the devices whose keys are compared
 */
export function deviceFacts(device: DeviceConfiguration, keys: StoredKeyIds = new StoredKeyIds()): StackFacts {
  const facts: Record<string, ObjectFacts[]> = {};
  for (const d of ALL_DESCRIPTORS) {
    // The models under a kind's facts key are that kind's, and IMPLIED[kind] takes that kind's model.
    const models = (device[d.factsKey as keyof DeviceConfiguration] ?? []) as readonly ({ name: string } & Record<string, unknown>)[];
    const implied = IMPLIED[d.kind] as ((model: object, keys: StoredKeyIds) => object) | undefined;
    facts[d.factsKey] = models.map((m) => ({ ...factsOf(d.kind, m, { path: devicePath(device.name, d.kind, m.name) }), ...implied?.(m, keys) }));
  }
  // Each list is under its kind's facts key and holds facts factsOf built for that kind.
  return facts as StackFacts;
}

/** The ends every device offers (each device is its own owner, so its gateways never pair with each other). */
export function deviceEnds(devices: readonly DeviceConfiguration[]): PeerEnd[] {
  const names = new Set<string>();
  for (const d of devices) {
    if (names.has(d.name)) throw new Error(`checkDevices: two devices are named '${d.name}'; give each a unique name`);
    names.add(d.name);
  }
  const keys = new StoredKeyIds();
  return devices.flatMap((d) => peerEndsOf(deviceFacts(d, keys), d.name));
}

/**
 * Pairs the gateways of the devices by mirrored addresses (plus `options.pairs`) and runs the pair rules on every
 * pair. Pure: no network, nothing read but the arguments.
 */
export function checkDevices(devices: readonly DeviceConfiguration[], options: CheckDevicesOptions = {}): DevicePairCheck {
  const pairing = pairEnds(deviceEnds(devices), options.pairs ?? []);
  return {
    pairs: pairing.pairs.map((p) => ({ a: p.a.path, b: p.b.path, basis: p.basis, tunnels: p.tunnels.map((t) => ({ a: t.a.path, b: t.b.path })) })),
    results: runPairRules(pairing, { acknowledgements: options.acknowledgements ?? [] }),
  };
}

/** {@link checkDevices} for two devices. */
export function checkDevicePair(a: DeviceConfiguration, b: DeviceConfiguration, options: CheckDevicesOptions = {}): DevicePairCheck {
  return checkDevices([a, b], options);
}
