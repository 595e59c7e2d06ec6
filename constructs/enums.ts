/**
 * Closed sets of PAN-OS values as enum-like constants (`DhGroup.GROUP20 === 'group20'`) plus a union type of the
 * same name. The values come from the object model's FieldSpec tables at runtime, so they cannot drift from what the
 * provider accepts; the literal types come from the model interfaces. A string literal of the union is accepted
 * wherever the constant is (`'group20'` works as well as `DhGroup.GROUP20`).
 */
import {
  AH_AUTHENTICATIONS,
  ANTI_REPLAY_WINDOWS,
  DH_GROUPS,
  ESP_AUTHENTICATIONS,
  ESP_ENCRYPTIONS,
  IKE_ENCRYPTIONS,
  IKE_HASHES,
  LIFESIZE_UNITS,
  LIFETIME_UNITS,
  PFS_GROUPS,
  ikeGateway,
  ipsecCryptoProfile,
  ipsecTunnel,
  tunnelMonitorProfile,
  type FieldSpec,
  type IkeGateway as IkeGatewayModel,
  type IpsecCryptoProfile as IpsecCryptoProfileModel,
  type IpsecTunnel as IpsecTunnelModel,
  type ProxyId as ProxyIdModel,
  type TunnelMonitorProfile as TunnelMonitorProfileModel,
} from '../src/panos/objects';

type Snake<S extends string> = S extends `${infer A}-${infer B}` ? `${A}_${Snake<B>}` : S;
/** Constant name of a value: `aes-256-gcm` → `AES_256_GCM`; `3des` → `TRIPLE_DES`; a numeric value gets `prefix`. */
export type EnumKey<V extends string, P extends string = ''> = V extends '3des' ? 'TRIPLE_DES' : `${P}${Uppercase<Snake<V>>}`;
/** The constant object of an enum-like set. */
export type EnumObject<V extends string, P extends string = ''> = { readonly [K in V as EnumKey<K, P>]: K };

function keyOf(value: string, prefix: string): string {
  return value === '3des' ? 'TRIPLE_DES' : `${prefix}${value.replace(/-/g, '_').toUpperCase()}`;
}

function enumOf<V extends string, P extends string = ''>(values: readonly V[], prefix?: P): EnumObject<V, P> {
  const out: Record<string, string> = {};
  for (const v of values) out[keyOf(v, prefix ?? '')] = v;
  return Object.freeze(out) as EnumObject<V, P>;
}

/** The `enum` of a field of an object descriptor (nested keys joined with `.`); throws when the model has none. */
function fieldEnum<V extends string>(fields: readonly FieldSpec[], keyPath: string): readonly V[] {
  const [head, ...rest] = keyPath.split('.');
  const field = fields.find((f) => f.key === head);
  if (!field) throw new Error(`constructs: the object model has no field ${keyPath}`);
  if (rest.length > 0) return fieldEnum<V>(field.fields ?? [], rest.join('.'));
  if (!field.enum) throw new Error(`constructs: field ${keyPath} of the object model has no enum`);
  return field.enum as readonly V[];
}

/** IKE protocol version of a gateway. Transport mode needs `IKEV2`. */
export type IkeVersion = NonNullable<IkeGatewayModel['version']>;
/** @see IkeVersion */
export const IkeVersion = enumOf(fieldEnum<IkeVersion>(ikeGateway.fields, 'version'));

/** IKEv1 phase-1 exchange mode. */
export type Ikev1ExchangeMode = NonNullable<IkeGatewayModel['ikev1ExchangeMode']>;
/** @see Ikev1ExchangeMode */
export const Ikev1ExchangeMode = enumOf(fieldEnum<Ikev1ExchangeMode>(ikeGateway.fields, 'ikev1ExchangeMode'));

/** Diffie-Hellman group (IKE crypto profile). Transport mode needs `GROUP20`. */
export type DhGroup = (typeof DH_GROUPS)[number];
/** @see DhGroup */
export const DhGroup = enumOf(DH_GROUPS);

/** PFS group of an IPSec crypto profile: a DH group or `NO_PFS`. Transport mode needs `GROUP20`. */
export type PfsGroup = (typeof PFS_GROUPS)[number];
/** @see PfsGroup */
export const PfsGroup = enumOf(PFS_GROUPS);

/** IKE encryption algorithm. Transport mode needs `AES_256_GCM`. */
export type IkeEncryption = (typeof IKE_ENCRYPTIONS)[number];
/** @see IkeEncryption */
export const IkeEncryption = enumOf(IKE_ENCRYPTIONS);

/** IKE hash (the web UI calls it authentication). `NON_AUTH` only with GCM encryption. */
export type IkeHash = (typeof IKE_HASHES)[number];
/** @see IkeHash */
export const IkeHash = enumOf(IKE_HASHES);

/** ESP encryption algorithm. Transport mode needs `AES_256_GCM`. */
export type EspEncryption = (typeof ESP_ENCRYPTIONS)[number];
/** @see EspEncryption */
export const EspEncryption = enumOf(ESP_ENCRYPTIONS);

/** ESP authentication algorithm (`NONE` with GCM encryption). */
export type EspAuthentication = (typeof ESP_AUTHENTICATIONS)[number];
/** @see EspAuthentication */
export const EspAuthentication = enumOf(ESP_AUTHENTICATIONS);

/** AH authentication algorithm. */
export type AhAuthentication = (typeof AH_AUTHENTICATIONS)[number];
/** @see AhAuthentication */
export const AhAuthentication = enumOf(AH_AUTHENTICATIONS);

/** IPSec protocol of a crypto profile. Transport mode needs `ESP`. */
export type IpsecProtocol = NonNullable<IpsecCryptoProfileModel['protocol']>;
/** @see IpsecProtocol */
export const IpsecProtocol = enumOf(fieldEnum<IpsecProtocol>(ipsecCryptoProfile.fields, 'protocol'));

/** IPSec mode of a tunnel (PAN-OS 11.0+). */
export type IpsecMode = NonNullable<IpsecTunnelModel['ipsecMode']>;
/** @see IpsecMode */
export const IpsecMode = enumOf(fieldEnum<IpsecMode>(ipsecTunnel.fields, 'ipsecMode'));

/** Anti-replay window in packets (`AntiReplayWindow.PACKETS_1024`). */
export type AntiReplayWindow = (typeof ANTI_REPLAY_WINDOWS)[number];
/** @see AntiReplayWindow */
export const AntiReplayWindow = enumOf(ANTI_REPLAY_WINDOWS, 'PACKETS_');

/** What a tunnel monitor does when probes fail. */
export type MonitorAction = NonNullable<TunnelMonitorProfileModel['action']>;
/** @see MonitorAction */
export const MonitorAction = enumOf(fieldEnum<MonitorAction>(tunnelMonitorProfile.fields, 'action'));

/** Unit of an SA lifetime. */
export type LifetimeUnit = (typeof LIFETIME_UNITS)[number];
/** @see LifetimeUnit */
export const LifetimeUnit = enumOf(LIFETIME_UNITS);

/** Unit of an IPSec SA lifesize. */
export type LifesizeUnit = (typeof LIFESIZE_UNITS)[number];
/** @see LifesizeUnit */
export const LifesizeUnit = enumOf(LIFESIZE_UNITS);

/** Protocol a proxy ID matches. */
export type ProxyIdProtocol = NonNullable<ProxyIdModel['protocol']>;
/** @see ProxyIdProtocol */
export const ProxyIdProtocol = enumOf(fieldEnum<ProxyIdProtocol>(ipsecTunnel.fields, 'autoKey.proxyIds.protocol'));

/** Which changes a commit includes: only this API admin's (a partial commit) or everything in the candidate. */
export type CommitScope = 'admin' | 'full';
/** @see CommitScope */
export const CommitScope = enumOf<CommitScope>(['admin', 'full']);

/**
 * How Terraform handles an IKE gateway's pre-shared key: `WRITE_ONLY` sends it as the write-only attribute
 * `pre_shared_key_wo` (Terraform 1.11+), so it reaches the device but never the state file; `STATE` uses the
 * `pre_shared_key` attribute, which Terraform keeps in state (marked sensitive: hidden in plan output, but in clear text
 * in the state file).
 */
export type PreSharedKeyStorage = 'write-only' | 'state';
/** Constants of {@link PreSharedKeyStorage}. */
export const PreSharedKeyStorage = enumOf<PreSharedKeyStorage>(['write-only', 'state']);
