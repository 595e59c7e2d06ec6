/**
 * Facts: the plain data the rules read. They are written in PAN-OS vocabulary (the object model's key names) so
 * that the same rules run at `cdktf synth` (facts from L2 props, paths are construct paths) and at `terraform plan`
 * in the provider (facts from resource configs and the device, paths are resource addresses).
 *
 * Nothing here knows cdktf or Terraform: callers map their unresolved values (cdktf tokens, Terraform unknowns) to
 * {@link UNKNOWN}, and a rule that needs an unknown value is simply not applicable.
 */

/**
 * A value that is not known yet (a cdktf token, a Terraform unknown). A rule needing it is not applicable.
 * `Symbol.for` so that two copies of this module (e.g. the provider bundle and the constructs) agree on it.
 */
export const UNKNOWN: unique symbol = Symbol.for('cdktf-panos-ipsec.rules.unknown');

/** The type of {@link UNKNOWN}. */
export type Unknown = typeof UNKNOWN;

/**
 * A fact that may be unknown ({@link UNKNOWN}) or not set (`undefined`). A list containing an unknown element is
 * given as a whole as {@link UNKNOWN}.
 */
export type Known<T> = T | Unknown | undefined;

/** True when the value is {@link UNKNOWN}. */
export function isUnknown(value: unknown): value is Unknown {
  return value === UNKNOWN;
}

/** True when the value is set and known. */
export function isKnown<T>(value: Known<T>): value is T {
  return value !== undefined && value !== UNKNOWN;
}

/** What every declared object has. */
export interface ObjectFacts {
  /** Construct path (synth) or resource address (plan), e.g. `panosipsec_ipsec_tunnel.bgp`. */
  readonly path: string;
  /** The PAN-OS entry name. */
  readonly name: Known<string>;
  /**
   * Where the object lives: `vsys:vsys1`, `template:T/vsys1`, `template-stack:TS/vsys1`.
   * @default - `vsys:vsys1` (a firewall's default vsys)
   */
  readonly location?: string;
  /**
   * Declared as already existing on the device (`fromName`, a data source): only the name is known, so rules that
   * need its content are not applicable and it is not checked for names or duplicates.
   */
  readonly imported?: boolean;
}

/** A tunnel interface `tunnel.N` and its memberships. */
export interface TunnelInterfaceFacts extends ObjectFacts {
  /** IPv4 addresses (`A.B.C.D/len` or address object names). */
  readonly ipv4Addresses?: Known<readonly string[]>;
  readonly ipv6Addresses?: Known<readonly string[]>;
  readonly zone?: Known<string>;
  readonly virtualRouter?: Known<string>;
}

/** IKE lifetime: exactly one unit. */
export interface LifetimeFacts {
  readonly unit: 'seconds' | 'minutes' | 'hours' | 'days';
  readonly value: number;
}

/** IKE (phase 1) crypto profile. */
export interface IkeCryptoProfileFacts extends ObjectFacts {
  readonly dhGroups?: Known<readonly string[]>;
  /** The `hash` members (the UI calls them authentication). */
  readonly authentication?: Known<readonly string[]>;
  readonly encryption?: Known<readonly string[]>;
  readonly lifetime?: Known<LifetimeFacts>;
}

/** IPSec (phase 2) crypto profile. */
export interface IpsecCryptoProfileFacts extends ObjectFacts {
  /** @default - no device default: a profile holds exactly one of esp / ah; unset is treated as not applicable */
  readonly protocol?: Known<'esp' | 'ah'>;
  readonly espEncryption?: Known<readonly string[]>;
  readonly espAuthentication?: Known<readonly string[]>;
  readonly ahAuthentication?: Known<readonly string[]>;
  /** PFS group, single value incl. `no-pfs`. @default 'group2' (device default) */
  readonly dhGroup?: Known<string>;
  /** IPSec SA lifetime (pair rules compare both ends). @default 1 hour (device default) */
  readonly lifetime?: Known<LifetimeFacts>;
}

/** An IKE identity (`local-id` / `peer-id`). */
export interface IkeIdFacts {
  readonly type: string;
  readonly id: string;
  /** Peer identities only. @default 'exact' (device default) */
  readonly matching?: 'exact' | 'wildcard';
}

/**
 * Where a pre-shared key comes from, never the key: two ends whose `id`s are equal are configured from the same
 * secret. A plain-text literal is identified by a keyed digest that cannot be reversed; a source nothing can be said
 * about (a key stored encrypted on a device, a computed value) is given as {@link UNKNOWN} instead.
 */
export interface SecretSourceFacts {
  /** Opaque identity of the source, e.g. `TF_VAR_bgp_psk`. Never the value. */
  readonly id: string;
  /** Words for messages, e.g. `TF_VAR_bgp_psk`, `a plain-text literal`. Never the value. */
  readonly description: string;
}

/** IKE gateway. */
export interface IkeGatewayFacts extends ObjectFacts {
  /** @default 'ikev1' (device default) */
  readonly version?: Known<'ikev1' | 'ikev2' | 'ikev2-preferred'>;
  /** IKE crypto profile of the IKEv1 protocol block. @default 'default' (the predefined profile) */
  readonly ikev1CryptoProfile?: Known<string>;
  /** IKE crypto profile of the IKEv2 protocol block. @default 'default' (the predefined profile) */
  readonly ikev2CryptoProfile?: Known<string>;
  /** e.g. `ethernet1/1`, `loopback.1`. */
  readonly localInterface?: Known<string>;
  readonly localIp?: Known<string>;
  readonly peerIp?: Known<string>;
  readonly peerFqdn?: Known<string>;
  readonly peerDynamic?: Known<boolean>;
  /** @default false */
  readonly ipv6?: Known<boolean>;
  /** @default false */
  readonly natTraversal?: Known<boolean>;
  /** @default 'auto' */
  readonly ikev1ExchangeMode?: Known<'auto' | 'main' | 'aggressive'>;
  /** Responder only: never starts IKE. @default false */
  readonly passiveMode?: Known<boolean>;
  /** @default - the local address, as an `ipaddr` identity */
  readonly localId?: Known<IkeIdFacts>;
  /** @default - not checked */
  readonly peerId?: Known<IkeIdFacts>;
  /** @default - `pre-shared-key` when a key source is given, else not known */
  readonly authentication?: Known<'pre-shared-key' | 'certificate'>;
  /** Where the pre-shared key comes from (pair rules compare both ends). @default - not declared */
  readonly preSharedKeySource?: Known<SecretSourceFacts>;
}

/** One proxy ID of an auto-key tunnel. */
export interface ProxyIdFacts {
  readonly name: string;
  /** @default - any (0.0.0.0/0 or ::/0) */
  readonly local?: string;
  /** @default - any */
  readonly remote?: string;
  /** @default 'any' (device default) */
  readonly protocol?: string;
  /** IP protocol number (protocol `number`). */
  readonly number?: number;
  /** 0 = any. @default 0 */
  readonly localPort?: number;
  /** 0 = any. @default 0 */
  readonly remotePort?: number;
}

/** Tunnel monitor settings of an IPSec tunnel. */
export interface TunnelMonitorFacts {
  readonly enable?: Known<boolean>;
  readonly destinationIp?: Known<string>;
  /** Name of the tunnel monitor profile. */
  readonly profile?: Known<string>;
}

/** IPSec tunnel. */
export interface IpsecTunnelFacts extends ObjectFacts {
  /** @default 'tunnel' (device default on 11.0+; 10.2 has no such element) */
  readonly ipsecMode?: Known<'tunnel' | 'transport'>;
  /** @default 'auto-key' */
  readonly keyType?: Known<'auto-key' | 'manual-key' | 'global-protect-satellite'>;
  /** Names of the IKE gateways. */
  readonly ikeGateways?: Known<readonly string[]>;
  /** Name of the IPSec crypto profile. @default 'default' (the predefined profile) */
  readonly ipsecCryptoProfile?: Known<string>;
  /** Name of the tunnel interface, `tunnel.N`. */
  readonly tunnelInterface?: Known<string>;
  readonly proxyIds?: Known<readonly ProxyIdFacts[]>;
  readonly proxyIdsV6?: Known<readonly ProxyIdFacts[]>;
  /** @default true */
  readonly antiReplay?: Known<boolean>;
  /** One of 64 … 4096. @default 1024 */
  readonly antiReplayWindow?: Known<number | string>;
  readonly copyTos?: Known<boolean>;
  readonly enableGreEncapsulation?: Known<boolean>;
  readonly tunnelMonitor?: Known<TunnelMonitorFacts>;
  /** Construct-level intent: multicast or dynamic routing (OSPF, PIM) is declared to run over this tunnel (T15). */
  readonly carriesMulticastRouting?: Known<boolean>;
  /** Construct-level intent: the peer is policy based and expects proxy IDs (W2). */
  readonly policyBasedPeer?: Known<boolean>;
}

/** Tunnel monitor profile. */
export interface TunnelMonitorProfileFacts extends ObjectFacts {
  readonly action?: Known<'wait-recover' | 'fail-over'>;
  readonly interval?: Known<number>;
  readonly threshold?: Known<number>;
}

/** Kinds an `existing` entry may name: the six managed kinds plus device objects we only reference. */
export type ExistingKind =
  | 'tunnel-interface'
  | 'ike-crypto-profile'
  | 'ipsec-crypto-profile'
  | 'ike-gateway'
  | 'ipsec-tunnel'
  | 'tunnel-monitor-profile'
  | 'interface'
  | 'zone'
  | 'virtual-router';

/** An object that exists on the device already. */
export interface ExistingObject {
  readonly kind: ExistingKind;
  readonly name: string;
  /** @default - any location */
  readonly location?: string;
}

/** A field set in the declaration whose element was introduced in a given PAN-OS version (from FieldSpec.minVersion). */
export interface VersionedFeatureFacts {
  readonly path: string;
  readonly objectKind: string;
  readonly objectName?: string;
  /** Model key, e.g. `ipsecMode`. */
  readonly field: string;
  readonly value?: string;
  /** Version that introduced the field, e.g. `11.0.0`. */
  readonly minVersion: string;
}

/** A written acknowledgement of a warning or info finding. */
export interface Acknowledgement {
  readonly ruleId: string;
  /** Why the finding is accepted; must not be empty. */
  readonly reason: string;
  /** Only findings whose path starts with this prefix. @default - every path */
  readonly path?: string;
}

/** Everything the rules know about one stack (synth) or one configuration plus device (plan). */
export interface StackFacts {
  /** The stack's declared minimum PAN-OS version, or the device version at plan. */
  readonly minPanosVersion?: string;
  /** The version the device runs, when known. */
  readonly deviceVersion?: string;
  /** A downgrade target that must stay possible. */
  readonly downgradeTarget?: string;
  readonly tunnelInterfaces?: readonly TunnelInterfaceFacts[];
  readonly ikeCryptoProfiles?: readonly IkeCryptoProfileFacts[];
  readonly ipsecCryptoProfiles?: readonly IpsecCryptoProfileFacts[];
  readonly ikeGateways?: readonly IkeGatewayFacts[];
  readonly ipsecTunnels?: readonly IpsecTunnelFacts[];
  readonly monitorProfiles?: readonly TunnelMonitorProfileFacts[];
  /**
   * Objects that exist on the device already: imported names, physical and loopback interfaces. The gateway's local
   * interface is checked only when at least one `interface` entry is given (the caller knows the device's interfaces).
   */
  readonly existing?: readonly ExistingObject[];
  /** Fields set in the declaration that carry a minimum version (filled from the object model's FieldSpec). */
  readonly versionedFeatures?: readonly VersionedFeatureFacts[];
  readonly acknowledgements?: readonly Acknowledgement[];
}
