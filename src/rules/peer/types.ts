/**
 * The pair model: both ends of an IKE gateway pair (and of their IPSec tunnels) in one shape, whether an end was
 * declared with the constructs, decoded from a device's configuration or described as a non-PAN-OS far end. The pair
 * rules (`PANOS-PEER-…`) read only this model, so they judge a synthesized app and two running firewalls alike.
 *
 * Unset PAN-OS fields are already replaced by the device default here (see `defaults.ts`); a value still unknown (a
 * cdktf token) is {@link UNKNOWN} and makes the rules that need it not applicable.
 */
import type { IkeGateway, IpsecCryptoProfile, IpsecTunnel } from '../../panos/objects';
import type { IkeIdFacts, Known, LifetimeFacts, ProxyIdFacts, SecretSourceFacts } from '../facts';
import type { Finding, PairSource, RuleInfo } from '../types';

/** IKE versions an end can be configured with (PAN-OS vocabulary; a far end that speaks both is `ikev2-preferred`). */
export type PeerIkeVersion = NonNullable<IkeGateway['version']>;
/** IKEv1 phase-1 exchange modes (the IKE gateway's table). */
export type PeerIkev1ExchangeMode = NonNullable<IkeGateway['ikev1ExchangeMode']>;
/** IPSec protocols (the IPSec crypto profile's table). */
export type PeerIpsecProtocol = NonNullable<IpsecCryptoProfile['protocol']>;
/** IPSec modes (the IPSec tunnel's table). */
export type PeerIpsecMode = NonNullable<IpsecTunnel['ipsecMode']>;
/** Authentication methods (the IKE gateway's table). */
export type PeerAuthentication = NonNullable<IkeGateway['authentication']>;

/** Where a finding about a field is reported: the object that holds it, in the vocabulary of its declaration. */
export interface ReportAt {
  readonly path: string;
  /** `ike-gateway`, `ike-crypto-profile`, …, or `far-end` for a declared non-PAN-OS end. */
  readonly objectKind: string;
  readonly objectName?: Known<string>;
  /** Prepended to field names, e.g. `ike.` for a far end's `ike.encryption` prop. @default '' */
  readonly fieldPrefix?: string;
  /**
   * Report every field as this one: a gateway using PAN-OS's predefined profile is fixed in its own reference
   * (`ikeCryptoProfile`), not in the predefined profile. @default - the field itself
   */
  readonly field?: string;
}

/** The IKE (phase 1) proposals an end offers, and the object they are declared on. */
export interface IkeOffer {
  /** Where a change goes: the IKE crypto profile, or the gateway's reference when it uses the predefined profile. */
  readonly at: ReportAt;
  /** Words for messages, e.g. `IKE crypto profile 'ike-tm' (fw-a/tm/Ike)`. */
  readonly label: string;
  readonly encryption: Known<readonly string[]>;
  /** PAN-OS calls the integrity/PRF algorithms `hash` (the web interface says authentication). */
  readonly hash: Known<readonly string[]>;
  readonly dhGroups: Known<readonly string[]>;
  readonly lifetime: Known<LifetimeFacts>;
}

/** The IPSec (phase 2) proposals an end offers. */
export interface IpsecOffer {
  readonly at: ReportAt;
  readonly label: string;
  readonly protocol: Known<PeerIpsecProtocol>;
  /** ESP encryption (empty for AH). */
  readonly encryption: Known<readonly string[]>;
  /** ESP or AH authentication. */
  readonly authentication: Known<readonly string[]>;
  /** PFS groups accepted, `no-pfs` included. A PAN-OS profile holds exactly one. */
  readonly pfsGroups: Known<readonly string[]>;
  readonly lifetime: Known<LifetimeFacts>;
}

/** The IPSec side of one end: a PAN-OS IPSec tunnel, or what a far end states about its child SA. */
export interface PeerTunnelEnd {
  readonly path: string;
  readonly at: ReportAt;
  readonly name: Known<string>;
  /** Words for messages, e.g. `IPSec tunnel 'bgp' (fw-a/bgp)`. */
  readonly label: string;
  readonly mode: Known<PeerIpsecMode>;
  readonly greEncapsulation: Known<boolean>;
  /** Proxy IDs (traffic selectors) as this end sees them: `local` is its own side. Empty when none are declared. */
  readonly proxyIds: Known<readonly ProxyIdFacts[]>;
  readonly proxyIdsV6: Known<readonly ProxyIdFacts[]>;
  readonly antiReplay: Known<boolean>;
  readonly antiReplayWindow: Known<string>;
  /** `undefined` when the profile's content is not known (it exists on the device only). */
  readonly ipsec?: IpsecOffer;
}

/** One end of a gateway pair. */
export interface PeerEnd {
  /**
   * What the end belongs to: a PanosFirewall's construct path, a device name, or a far end's own path. Two ends of
   * the same owner never pair by inference (one firewall does not negotiate with itself).
   */
  readonly owner: string;
  /** `panos` for a PAN-OS gateway, `external` for a declared non-PAN-OS far end. */
  readonly kind: 'panos' | 'external';
  /** Construct path, resource address or device path of the gateway (or the far end). */
  readonly path: string;
  readonly at: ReportAt;
  readonly name: Known<string>;
  /** Words for messages, e.g. `IKE gateway 'gw-bgp' (fw-a/gw-bgp)`. */
  readonly label: string;
  readonly version: Known<PeerIkeVersion>;
  readonly ikev1ExchangeMode: Known<PeerIkev1ExchangeMode>;
  /**
   * Responder only (PAN-OS passive mode): never starts IKE. `undefined` when not stated (a far end says nothing of
   * it), so the rule that needs it does not apply.
   */
  readonly passive?: Known<boolean>;
  /** Its own address, without prefix length and normalized; `undefined` when not declared. */
  readonly localAddress: Known<string>;
  /** The static peer address it connects to, normalized; `undefined` for FQDN or dynamic peers. */
  readonly peerAddress: Known<string>;
  readonly peerFqdn: Known<string>;
  readonly peerDynamic: Known<boolean>;
  /** The identity it sends (its local-id, else its address as an `ipaddr` identity); `undefined` when not known. */
  readonly localId: Known<IkeIdFacts>;
  /** The identity it expects from the peer; `undefined` means it accepts any. */
  readonly peerId: Known<IkeIdFacts>;
  readonly natTraversal: Known<boolean>;
  readonly authentication: Known<PeerAuthentication>;
  /** Where its pre-shared key comes from; `undefined` when not declared, {@link UNKNOWN} when not comparable. */
  readonly preSharedKeySource: Known<SecretSourceFacts>;
  /**
   * The IKE proposals per protocol block: PAN-OS keeps an IKE crypto profile for IKEv1 and one for IKEv2, and a pair
   * negotiates with the block of the version it ends up speaking. A block the end's version never uses, or whose
   * profile's content is not known, is absent. A far end states one offer, used for either version.
   */
  readonly ike: { readonly ikev1?: IkeOffer; readonly ikev2?: IkeOffer };
  readonly tunnels: readonly PeerTunnelEnd[];
}

/** How two ends were found to belong together. */
export type PairBasis =
  /** Each end's peer address is the other's local address. */
  | 'mirrored'
  /** One end's peer address is the other's local address, but not the other way round (a mistake, reported). */
  | 'half-mirrored'
  /** Declared with `gateway.pairWith(…)` (FQDN or dynamic peers, NAT in between). */
  | 'explicit';

/** Two tunnels, one per end of a gateway pair. */
export interface TunnelPair {
  readonly a: PeerTunnelEnd;
  readonly b: PeerTunnelEnd;
}

/** Two ends that negotiate with each other. `a` is a PAN-OS end; findings are reported at `a`. */
export interface PeerPair {
  readonly a: PeerEnd;
  readonly b: PeerEnd;
  readonly basis: PairBasis;
  /** Declared: a NAT device sits between the two ends (addresses do not mirror; NAT-T is needed). */
  readonly natBetween: boolean;
  readonly tunnels: readonly TunnelPair[];
}

/** What pairing found. */
export interface Pairing {
  readonly pairs: readonly PeerPair[];
  /** Declared far ends that no PAN-OS gateway pairs with. */
  readonly unmatchedExternal: readonly PeerEnd[];
}

/** A pair declared explicitly (by path of each end). */
export interface ExplicitPair {
  readonly a: string;
  readonly b: string;
  /** @default false */
  readonly natBetween?: boolean;
}

/** A pair rule: catalogue metadata plus a pure evaluation over every pair. */
export interface PairRule extends RuleInfo {
  readonly source: PairSource;
  /** One finding per incompatibility; empty when compatible or not applicable. */
  evaluate(pairing: Pairing): Finding[];
}
