/**
 * Name resolution and the traversals rules share: which objects a tunnel references, which tunnels use an object,
 * the predefined `default` profiles, and the version floor a stack declares.
 */
import { ALL_DESCRIPTORS, DEFAULT_VSYS, type DescriptorOf, type ObjectKind } from '../panos/objects';
import { isPredefined } from '../panos/predefined';
import { parseVersion, compareVersions } from '../panos/version';
import {
  isKnown,
  type Known,
  type IkeCryptoProfileFacts,
  type IkeGatewayFacts,
  type IpsecCryptoProfileFacts,
  type IpsecTunnelFacts,
  type ObjectFacts,
  type StackFacts,
  type TunnelInterfaceFacts,
  type TunnelMonitorProfileFacts,
} from './facts';

/** Location assumed when an object declares none. */
export const DEFAULT_LOCATION = `vsys:${DEFAULT_VSYS}`;

/** The location of an object, defaulted. */
export function locationOf(o: { readonly location?: string }): string {
  return o.location ?? DEFAULT_LOCATION;
}

/** The declarable kinds: the object kinds of the registry (src/panos/objects/registry.ts). */
export type DeclaredKind = ObjectKind;

/** `Tunnel interface` → `tunnel interface`; an acronym (`IKE gateway`) stays as it is. */
function inSentence(title: string): string {
  return /^[A-Z][a-z]/.test(title) ? title[0]!.toLowerCase() + title.slice(1) : title;
}

/** Human titles for messages, inside a sentence: each descriptor's title, plus the kinds rules name besides. */
export const KIND_TITLES: Readonly<Record<DeclaredKind | 'interface' | 'stack', string>> = {
  ...(Object.fromEntries(ALL_DESCRIPTORS.map((d) => [d.kind, inSentence(d.title)])) as Record<DeclaredKind, string>),
  interface: 'interface',
  stack: 'stack',
};

/** Where each declarable kind's facts live in {@link StackFacts}: the descriptors' facts keys. */
export const FACTS_KEY = Object.fromEntries(ALL_DESCRIPTORS.map((d) => [d.kind, d.factsKey])) as {
  readonly [K in DeclaredKind]: DescriptorOf<K>['factsKey'];
};

/** The declared objects of one kind. */
export function declared(facts: StackFacts, kind: DeclaredKind): readonly ObjectFacts[] {
  return facts[FACTS_KEY[kind]] ?? [];
}

/**
 * The content of PAN-OS's predefined `default` profiles, which every location has. A reference left unset points at
 * them (the device default of `ipsec-crypto-profile` and `ike-crypto-profile` is `default`).
 */
export const PREDEFINED_IKE_DEFAULT: IkeCryptoProfileFacts = {
  path: 'predefined:ike-crypto-profile/default',
  name: 'default',
  dhGroups: ['group2'],
  authentication: ['sha1'],
  encryption: ['aes-128-cbc', '3des'],
};

/** See {@link PREDEFINED_IKE_DEFAULT}. */
export const PREDEFINED_IPSEC_DEFAULT: IpsecCryptoProfileFacts = {
  path: 'predefined:ipsec-crypto-profile/default',
  name: 'default',
  protocol: 'esp',
  espEncryption: ['aes-128-cbc', '3des'],
  espAuthentication: ['sha1'],
  dhGroup: 'group2',
};


/** Outcome of resolving a name. */
export type Resolution<T extends ObjectFacts> =
  /** Declared in the stack, in the referrer's location. */
  | { readonly status: 'declared'; readonly object: T }
  /** Declared only in another location (X3). */
  | { readonly status: 'other-location'; readonly object: T }
  /** PAN-OS's own `default` profile: content known from {@link PREDEFINED_IKE_DEFAULT} etc. when applicable. */
  | { readonly status: 'predefined'; readonly object?: T }
  /** On the device already (or imported): content unknown. */
  | { readonly status: 'existing' }
  | { readonly status: 'missing' };

/** Resolves `name` of `kind` as seen from `location`. */
export function resolve<T extends ObjectFacts>(
  facts: StackFacts,
  kind: DeclaredKind,
  name: string,
  location: string,
): Resolution<T> {
  const candidates = (declared(facts, kind) as readonly T[]).filter((o) => o.name === name);
  const here = candidates.find((o) => locationOf(o) === location);
  if (here) return here.imported ? { status: 'existing' } : { status: 'declared', object: here };
  const onDevice = (facts.existing ?? []).some(
    (e) => e.kind === kind && e.name === name && (e.location === undefined || e.location === location),
  );
  if (onDevice) return { status: 'existing' };
  // Only `default` has known content and is what an unset reference means; other predefined names stay references
  // to check (at plan the device's own entries resolve them).
  if (name === 'default' && isPredefined(kind, name)) {
    const object =
      kind === 'ike-crypto-profile' ? PREDEFINED_IKE_DEFAULT : kind === 'ipsec-crypto-profile' ? PREDEFINED_IPSEC_DEFAULT : undefined;
    // The caller's T is the facts type of `kind`, which is the type of the matching predefined profile.
    return { status: 'predefined', ...(object ? { object: object as T } : {}) };
  }
  const elsewhere = candidates.find((o) => !o.imported);
  if (elsewhere) return { status: 'other-location', object: elsewhere };
  if (candidates.length > 0) return { status: 'existing' };
  return { status: 'missing' };
}

/** The declared object a resolution gives access to, when its content is known. */
export function contentOf<T extends ObjectFacts>(r: Resolution<T>): T | undefined {
  return r.status === 'declared' || r.status === 'other-location' || r.status === 'predefined' ? r.object : undefined;
}

/** Tunnels whose mode is known to be transport. */
export function transportTunnels(facts: StackFacts): IpsecTunnelFacts[] {
  return (facts.ipsecTunnels ?? []).filter((t) => t.ipsecMode === 'transport');
}

/** Tunnels known to run in tunnel mode (declared `tunnel`, or unset: the device default). */
export function tunnelModeTunnels(facts: StackFacts): IpsecTunnelFacts[] {
  return (facts.ipsecTunnels ?? []).filter((t) => t.ipsecMode === 'tunnel' || t.ipsecMode === undefined);
}

/** One object used by some tunnels, and where a finding about its content belongs. */
export interface Usage<T extends ObjectFacts> {
  readonly object: T;
  /** The tunnels that (directly or through a gateway) use it. */
  readonly users: IpsecTunnelFacts[];
  /** Where to report: the object itself, or (for a predefined profile) the field that references it. */
  readonly at: { readonly path: string; readonly objectKind: string; readonly objectName: Known<string>; readonly field?: string };
  /** True for PAN-OS's predefined `default` profile. */
  readonly predefined: boolean;
}

class UsageMap<T extends ObjectFacts> {
  private readonly byKey = new Map<string, Usage<T>>();
  add(r: Resolution<T>, user: IpsecTunnelFacts, kind: DeclaredKind, referrer: ObjectFacts, referrerKind: DeclaredKind, field: string): void {
    const object = contentOf(r);
    if (!object) return;
    const predefined = r.status === 'predefined';
    const at: Usage<T>['at'] = predefined
      ? { path: referrer.path, objectKind: referrerKind, objectName: referrer.name, field }
      : { path: object.path, objectKind: kind, objectName: object.name };
    const existing = this.byKey.get(at.path);
    if (existing) {
      if (!existing.users.includes(user)) existing.users.push(user);
    } else {
      this.byKey.set(at.path, { object, users: [user], at, predefined });
    }
  }
  values(): Usage<T>[] {
    return [...this.byKey.values()];
  }
}

/** The IKE gateways (with known content) used by the given tunnels. */
export function gatewaysOf(facts: StackFacts, tunnels: readonly IpsecTunnelFacts[]): Usage<IkeGatewayFacts>[] {
  const map = new UsageMap<IkeGatewayFacts>();
  for (const t of tunnels) {
    if (!isKnown(t.ikeGateways)) continue;
    for (const g of t.ikeGateways) {
      map.add(resolve<IkeGatewayFacts>(facts, 'ike-gateway', g, locationOf(t)), t, 'ike-gateway', t, 'ipsec-tunnel', 'ikeGateways');
    }
  }
  return map.values();
}

/** The IPSec crypto profiles (with known content, incl. the predefined `default`) used by the given tunnels. */
export function ipsecProfilesOf(facts: StackFacts, tunnels: readonly IpsecTunnelFacts[]): Usage<IpsecCryptoProfileFacts>[] {
  const map = new UsageMap<IpsecCryptoProfileFacts>();
  for (const t of tunnels) {
    const name = t.ipsecCryptoProfile === undefined ? 'default' : t.ipsecCryptoProfile;
    if (!isKnown(name)) continue;
    const r = resolve<IpsecCryptoProfileFacts>(facts, 'ipsec-crypto-profile', name, locationOf(t));
    map.add(r, t, 'ipsec-crypto-profile', t, 'ipsec-tunnel', 'ipsecCryptoProfile');
  }
  return map.values();
}

/** A gateway field naming an IKE crypto profile. */
export type GatewayProfileField = 'ikev1CryptoProfile' | 'ikev2CryptoProfile';

/**
 * The IKE crypto profiles a gateway negotiates with: the IKEv1 block's for `ikev1` (the device default), the IKEv2
 * block's for `ikev2`, both for `ikev2-preferred` (docs/panos/ike-gateway.md#both-blocks). An unset profile is the
 * predefined `default`; an unknown version counts both blocks.
 */
export function gatewayProfiles(g: Pick<IkeGatewayFacts, 'version' | GatewayProfileField>): { field: GatewayProfileField; name: Known<string> }[] {
  const version = g.version ?? 'ikev1';
  const fields: GatewayProfileField[] =
    version === 'ikev1' ? ['ikev1CryptoProfile'] : version === 'ikev2' ? ['ikev2CryptoProfile'] : ['ikev2CryptoProfile', 'ikev1CryptoProfile'];
  return fields.map((field) => ({ field, name: g[field] === undefined ? 'default' : g[field] }));
}

/** Every IKE crypto profile a gateway names, in a block it uses or not, plus `default` for a used block left unset. */
export function gatewayProfileNames(g: Pick<IkeGatewayFacts, 'version' | GatewayProfileField>): Known<string>[] {
  const named = (['ikev1CryptoProfile', 'ikev2CryptoProfile'] as const).map((f) => g[f]).filter((n) => n !== undefined);
  return [...new Set([...gatewayProfiles(g).map((p) => p.name), ...named])];
}

/**
 * The IKE crypto profiles used through the gateways of the given tunnels. With `block: 'ikev2'` only the IKEv2
 * block's profile counts: transport mode negotiates IKEv2 only (docs/transport-mode.md#t5), so its profile rules
 * judge that block whatever version the gateway declares (the version itself is PANOS-TM-005's finding).
 */
export function ikeProfilesOf(facts: StackFacts, tunnels: readonly IpsecTunnelFacts[], block?: 'ikev2'): Usage<IkeCryptoProfileFacts>[] {
  const map = new UsageMap<IkeCryptoProfileFacts>();
  for (const g of gatewaysOf(facts, tunnels)) {
    const used = block === 'ikev2' ? gatewayProfiles({ ...g.object, version: 'ikev2' }) : gatewayProfiles(g.object);
    for (const { field, name } of used) {
      if (!isKnown(name)) continue;
      const r = resolve<IkeCryptoProfileFacts>(facts, 'ike-crypto-profile', name, locationOf(g.object));
      for (const t of g.users) map.add(r, t, 'ike-crypto-profile', g.object, 'ike-gateway', field);
    }
  }
  return map.values();
}

/** The tunnel interfaces (declared, content known) used by the given tunnels. */
export function tunnelInterfacesOf(facts: StackFacts, tunnels: readonly IpsecTunnelFacts[]): Usage<TunnelInterfaceFacts>[] {
  const map = new UsageMap<TunnelInterfaceFacts>();
  for (const t of tunnels) {
    if (!isKnown(t.tunnelInterface)) continue;
    const r = resolve<TunnelInterfaceFacts>(facts, 'tunnel-interface', t.tunnelInterface, locationOf(t));
    map.add(r, t, 'tunnel-interface', t, 'ipsec-tunnel', 'tunnelInterface');
  }
  return map.values();
}

/** Re-exported for rules that resolve monitor profiles. */
export type { TunnelMonitorProfileFacts };

/**
 * Where a finding about `field` of a used object goes: the object itself, or for a predefined profile the
 * referencing field (whose value is the profile name) since the profile is not part of the declaration.
 */
export function reportAt<T extends ObjectFacts>(
  u: Usage<T>,
  field: string,
  value: unknown,
): { path: string; objectKind: string; objectName: Known<string>; field: string; value: unknown } {
  if (u.predefined) {
    return { path: u.at.path, objectKind: u.at.objectKind, objectName: u.at.objectName, field: u.at.field ?? field, value: u.object.name };
  }
  return { path: u.at.path, objectKind: u.at.objectKind, objectName: u.at.objectName, field, value };
}

/** "IKE crypto profile 'p'" or, for a predefined one, "the predefined IKE crypto profile 'default' (ikev2CryptoProfile of IKE gateway 'gw')". */
export function describeUsed<T extends ObjectFacts>(u: Usage<T>, kind: DeclaredKind): string {
  const name = `${KIND_TITLES[kind]} '${String(u.object.name)}'`;
  if (!u.predefined) return name;
  const referrer = `${KIND_TITLES[u.at.objectKind as DeclaredKind] ?? u.at.objectKind} '${String(isKnown(u.at.objectName) ? u.at.objectName : '?')}'`;
  return `the predefined ${name} (${u.at.field ?? 'reference'} of ${referrer}, unset means 'default')`;
}

/** "transport-mode tunnel 'bgp' (stack/bgp)" or the plural form. */
export function describeUsers(users: readonly IpsecTunnelFacts[], mode = 'transport-mode'): string {
  const list = users.map((t) => `'${String(isKnown(t.name) ? t.name : '?')}' (${t.path})`).join(', ');
  return `${mode} tunnel${users.length === 1 ? '' : 's'} ${list}`;
}

/** The lowest PAN-OS version the stack declares (minimum version or device version), with what declared it. */
export function versionFloor(facts: StackFacts): { readonly version: string; readonly declaredBy: string } | undefined {
  const candidates: { version: string; declaredBy: string }[] = [];
  if (facts.minPanosVersion) candidates.push({ version: facts.minPanosVersion, declaredBy: 'minPanosVersion' });
  if (facts.deviceVersion) candidates.push({ version: facts.deviceVersion, declaredBy: 'the device version' });
  const valid = candidates.filter((c) => isValidVersion(c.version));
  if (valid.length === 0) return undefined;
  return valid.reduce((lo, c) => (compareVersions(c.version, lo.version) < 0 ? c : lo));
}

/** True when the text parses as a PAN-OS version. */
export function isValidVersion(v: string): boolean {
  try {
    parseVersion(v);
    return true;
  } catch {
    return false;
  }
}

/** True when `v` is below `min` (major.minor.patch). */
export function isBelow(v: string, min: string): boolean {
  return compareVersions(v, min) < 0;
}

/** Interface names that are loopbacks (T9). */
export function isLoopback(name: string): boolean {
  return /^loopback(\.\d+)?$/.test(name);
}

/** True for an IPv6 address or prefix (IPv4 text never contains a colon). */
export function isIpv6(address: string): boolean {
  return address.includes(':');
}
