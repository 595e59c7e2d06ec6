import { Construct } from 'constructs';
import { UNKNOWN, type FarEndFacts, type IkeIdFacts, type Known, type ProxyIdFacts } from '../src/rules';
import type { SaLifetime } from './crypto-profiles';
import type {
  AhAuthentication,
  AntiReplayWindow,
  DhGroup,
  EspAuthentication,
  EspEncryption,
  IkeEncryption,
  IkeHash,
  Ikev1ExchangeMode,
  IkeVersion,
  IpsecMode,
  IpsecProtocol,
  PfsGroup,
} from './enums';
import { Errors } from './errors';
import type { IkeGateway as IkeGatewayModel } from '../src/panos/objects';
import type { IkeGateway, IkeIdentity } from './ike-gateway';
import type { ProxyId } from './ipsec-tunnel';
import { containsToken, known } from './panos-object';
import { PeerPairing, type PairOptions } from './peer-pairing';
import { secretSourceOf } from './secret-source';
import type { SecretValue } from './secret-value';

/** The IKE (phase 1) proposals a far end accepts, in PAN-OS names. */
export interface ExternalPeerIkeOffer {
  readonly encryption: IkeEncryption[];
  /** Integrity / PRF algorithms (PAN-OS calls them authentication or hash), e.g. `[IkeHash.SHA256]`. */
  readonly authentication: IkeHash[];
  readonly dhGroups: DhGroup[];
  /** @default - not stated: not compared */
  readonly lifetime?: SaLifetime;
}

/** The IPSec (phase 2) proposals a far end accepts, in PAN-OS names. */
export interface ExternalPeerIpsecOffer {
  /** @default IpsecProtocol.ESP */
  readonly protocol?: IpsecProtocol;
  /** @default - none */
  readonly espEncryption?: EspEncryption[];
  /** `[EspAuthentication.NONE]` with AES-GCM. @default - none */
  readonly espAuthentication?: EspAuthentication[];
  /** @default - none */
  readonly ahAuthentication?: AhAuthentication[];
  /** PFS groups it accepts; `[PfsGroup.NO_PFS]` when it runs without PFS. */
  readonly pfsGroups: PfsGroup[];
  /** @default - not stated: not compared */
  readonly lifetime?: SaLifetime;
}

/** Props of {@link ExternalPeer}: what the far end offers, in the same vocabulary as the PAN-OS props. */
export interface ExternalPeerProps {
  /** A name for messages. @default - the construct id */
  readonly name?: string;
  /** What it is, e.g. 'strongSwan 5.9 on vpn-1.example.net'. @default - none */
  readonly description?: string;
  /** Its own address: where its IKE comes from (the PAN-OS gateway's peerIp). */
  readonly address?: string;
  /** The address it connects to (the PAN-OS gateway's localIp, as the far end sees it). @default - not stated */
  readonly peerAddress?: string;
  /** IKE version(s) it speaks; `IKEV2_PREFERRED` for an end that speaks both. */
  readonly version: IkeVersion;
  /** IKEv1 exchange mode. @default - not stated: not compared */
  readonly ikev1ExchangeMode?: Ikev1ExchangeMode;
  readonly ike: ExternalPeerIkeOffer;
  readonly ipsec: ExternalPeerIpsecOffer;
  /** @default IpsecMode.TUNNEL (a child SA is tunnel mode unless transport is requested) */
  readonly mode?: IpsecMode;
  /** GRE inside IPSec. @default false */
  readonly enableGreEncapsulation?: boolean;
  /** Traffic selectors as the far end states them (`local` is its side). @default - none */
  readonly proxyIds?: ProxyId[];
  /** @default - none */
  readonly proxyIdsV6?: ProxyId[];
  /** @default - not stated: not compared (true when antiReplayWindow is given) */
  readonly antiReplay?: boolean;
  /** @default - not stated: not compared */
  readonly antiReplayWindow?: AntiReplayWindow;
  /** The identity it sends. @default - its address */
  readonly localId?: IkeIdentity;
  /** The identity it expects from the PAN-OS end. @default - any */
  readonly peerId?: IkeIdentity & Pick<IkeGatewayModel['peerId'] & {}, 'matching'>;
  /** @default - not stated: not compared */
  readonly natTraversal?: boolean;
  /** @default - 'pre-shared-key' when preSharedKey is given, else not stated */
  readonly authentication?: IkeGatewayModel['authentication'];
  /**
   * Where its pre-shared key comes from: pass the same SecretValue as the PAN-OS gateway's `preSharedKey` (or one
   * reading the same TF_VAR variable) when the far end is configured from that secret. Never written anywhere.
   * @default - not stated: the pair gets the PANOS-PEER-011 info (cannot be verified)
   */
  readonly preSharedKey?: SecretValue;
}

/**
 * The far end of a tunnel that is not a PAN-OS firewall (a router, a cloud VPN, strongSwan), declared with what it
 * offers so that the pair rules (PANOS-PEER-…) can judge the PAN-OS gateway against it at synth. It writes nothing to
 * any device and produces no Terraform resource. It pairs with the gateway whose peerIp is its `address` (and whose
 * localIp is its `peerAddress`, when stated), or explicitly: `gateway.pairWith(farEnd)`.
 */
export class ExternalPeer extends Construct {
  /** A far end belongs to no PanosFirewall. */
  public readonly firewall: undefined = undefined;
  public readonly name: string;
  private readonly props: ExternalPeerProps;

  constructor(scope: Construct, id: string, props: ExternalPeerProps) {
    super(scope, id);
    this.name = props.name ?? id;
    this.props = props;
    const required: [string, readonly unknown[]][] = [
      ['ike.encryption', props.ike.encryption],
      ['ike.authentication', props.ike.authentication],
      ['ike.dhGroups', props.ike.dhGroups],
      ['ipsec.pfsGroups', props.ipsec.pfsGroups],
    ];
    for (const [prop, list] of required) {
      if (!containsToken(list) && list.length === 0) {
        throw Errors.invalidProp(this.node.path, prop, list, 'is empty', 'list what the far end accepts (at least one value)');
      }
    }
    const protocol = props.ipsec.protocol ?? 'esp';
    const proposals = protocol === 'esp' ? props.ipsec.espEncryption : props.ipsec.ahAuthentication;
    if (proposals === undefined || (!containsToken(proposals) && proposals.length === 0)) {
      const prop = protocol === 'esp' ? 'ipsec.espEncryption' : 'ipsec.ahAuthentication';
      throw Errors.invalidProp(this.node.path, prop, proposals, `is required with protocol ${protocol}`, 'list what the far end accepts');
    }
    PeerPairing.of(this).addFarEnd(this);
    this.node.addValidation({ validate: () => PeerPairing.of(this).errorsFor(this.node.path) });
  }

  /** Declares the PAN-OS gateway this far end negotiates with (same as `gateway.pairWith(this, options)`). */
  public pairWith(gateway: IkeGateway, options: PairOptions = {}): void {
    PeerPairing.of(this).pair(gateway, this, options);
  }

  /** @internal The far end as the pair rules read it. */
  public _farEndFacts(): FarEndFacts {
    const p = this.props;
    const list = <T>(v: readonly T[] | undefined): Known<readonly T[]> => known(v);
    const proxies = (v: ProxyId[] | undefined): Known<readonly ProxyIdFacts[]> => (containsToken(v) ? UNKNOWN : v);
    const lifetime = (l: SaLifetime | undefined): FarEndFacts['ike']['lifetime'] => (l === undefined ? undefined : containsToken(l) ? UNKNOWN : { unit: l.unit, value: l.value });
    return {
      path: this.node.path,
      name: this.name,
      address: known(p.address),
      peerAddress: known(p.peerAddress),
      version: known(p.version),
      ikev1ExchangeMode: known(p.ikev1ExchangeMode),
      ike: {
        encryption: list(p.ike.encryption),
        authentication: list(p.ike.authentication),
        dhGroups: list(p.ike.dhGroups),
        lifetime: lifetime(p.ike.lifetime),
      },
      ipsec: {
        protocol: known(p.ipsec.protocol),
        espEncryption: list(p.ipsec.espEncryption),
        espAuthentication: list(p.ipsec.espAuthentication),
        ahAuthentication: list(p.ipsec.ahAuthentication),
        pfsGroups: list(p.ipsec.pfsGroups),
        lifetime: lifetime(p.ipsec.lifetime),
      },
      mode: known(p.mode),
      enableGreEncapsulation: known(p.enableGreEncapsulation),
      proxyIds: proxies(p.proxyIds),
      proxyIdsV6: proxies(p.proxyIdsV6),
      antiReplay: known(p.antiReplay),
      antiReplayWindow: known(p.antiReplayWindow),
      localId: known<IkeIdFacts>(p.localId),
      peerId: known<IkeIdFacts>(p.peerId),
      natTraversal: known(p.natTraversal),
      authentication: known(p.authentication),
      preSharedKeySource: secretSourceOf(p.preSharedKey),
    };
  }
}
