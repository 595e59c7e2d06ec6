/**
 * Facts: the plain data the rules read. They are written in PAN-OS vocabulary (the object model's key names) so
 * that the same rules run at `cdktf synth` (facts from L2 props, paths are construct paths) and at `terraform plan`
 * in the provider (facts from resource configs and the device, paths are resource addresses).
 *
 * Nothing here knows cdktf or Terraform: callers map their unresolved values (cdktf tokens, Terraform unknowns) to
 * {@link UNKNOWN}, and a rule that needs an unknown value is simply not applicable.
 */
import type { DescriptorOf, FactsModelOf, IkeGateway, IpsecTunnel, Lifetime, ObjectKind, ProxyId, ReferenceKind } from '../panos/objects';

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

/**
 * A model value as a fact: read-only all the way down, and text any text: facts hold the values as declared, before
 * the object model checks them, so that a rule can name a value the device would refuse (PANOS-AR-001).
 */
type Fact<V> = V extends string ? string : V extends readonly (infer E)[] ? readonly Fact<E>[] : V extends object ? { readonly [K in keyof V]: Fact<V[K]> } : V;

/**
 * The facts of one object kind as its field table describes them (the name aside: {@link ObjectFacts}): every field
 * optional and possibly {@link UNKNOWN}, secrets left out, a tunnel's auto-key fields at the top (`factsInline`).
 * `factsOf()` (facts-of.ts) builds them from a model.
 */
export type ModelFacts<K extends ObjectKind> = ObjectFacts & {
  readonly [F in Exclude<keyof FactsModelOf<DescriptorOf<K>['table']>, 'name'>]?: Known<Fact<NonNullable<FactsModelOf<DescriptorOf<K>['table']>[F]>>>;
};

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

/** Facts that are not fields of the object: where a declared secret comes from. (Intent is a declaration-only field.) */
interface ExtraFacts {
  'ike-gateway': {
    /** Where the pre-shared key comes from (pair rules compare both ends). @default - not declared */
    readonly preSharedKeySource?: Known<SecretSourceFacts>;
  };
}

/** Everything the rules know about one object of a kind. */
export type FactsOf<K extends ObjectKind> = ModelFacts<K> & (K extends keyof ExtraFacts ? ExtraFacts[K] : unknown);

/** A tunnel interface `tunnel.N` and its memberships. */
export type TunnelInterfaceFacts = FactsOf<'tunnel-interface'>;
/** IKE (phase 1) crypto profile; `authentication` holds the `hash` members (the UI calls them authentication). */
export type IkeCryptoProfileFacts = FactsOf<'ike-crypto-profile'>;
/** IPSec (phase 2) crypto profile. */
export type IpsecCryptoProfileFacts = FactsOf<'ipsec-crypto-profile'>;
/** IKE gateway. */
export type IkeGatewayFacts = FactsOf<'ike-gateway'>;
/** IPSec tunnel. */
export type IpsecTunnelFacts = FactsOf<'ipsec-tunnel'>;
/** Tunnel monitor profile. */
export type TunnelMonitorProfileFacts = FactsOf<'tunnel-monitor-profile'>;
/** A lifetime: exactly one unit. */
export type LifetimeFacts = Fact<Lifetime>;
/** An IKE identity (`local-id` / `peer-id`; `matching` on peer identities only). */
export type IkeIdFacts = Fact<NonNullable<IkeGateway['peerId']>>;
/** One proxy ID of an auto-key tunnel (unset addresses mean any; ports 0 mean any). */
export type ProxyIdFacts = Fact<ProxyId>;
/** Tunnel monitor settings of an IPSec tunnel. */
export type TunnelMonitorFacts = Fact<NonNullable<IpsecTunnel['tunnelMonitor']>>;

/** Where each kind's facts live in {@link StackFacts}: the descriptors' facts keys. */
export type DeclaredFacts = { readonly [K in ObjectKind as DescriptorOf<K>['factsKey']]?: readonly FactsOf<K>[] };

/** Kinds an `existing` entry may name: the managed kinds plus device objects we only reference. */
export type ExistingKind = ReferenceKind;

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
export interface StackFacts extends DeclaredFacts {
  /** The stack's declared minimum PAN-OS version, or the device version at plan. */
  readonly minPanosVersion?: string;
  /** The version the device runs, when known. */
  readonly deviceVersion?: string;
  /** A downgrade target that must stay possible. */
  readonly downgradeTarget?: string;
  /**
   * Objects that exist on the device already: imported names, physical and loopback interfaces. The gateway's local
   * interface is checked only when at least one `interface` entry is given (the caller knows the device's interfaces).
   */
  readonly existing?: readonly ExistingObject[];
  /** Fields set in the declaration that carry a minimum version (filled from the object model's FieldSpec). */
  readonly versionedFeatures?: readonly VersionedFeatureFacts[];
  readonly acknowledgements?: readonly Acknowledgement[];
}
