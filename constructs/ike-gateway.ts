import { Annotations, TerraformStack, Token } from 'cdktf';
import type { Construct } from 'constructs';
import { ikeGateway, tableField, type IkeGateway as IkeGatewayModel, type IkeId } from '../src/panos/objects';
import type { IIkeCryptoProfile } from './crypto-profiles';
import type { Ikev1ExchangeMode, IkeVersion, PreSharedKeyStorage } from './enums';
import { Errors } from './errors';
import { IkeGateway as L1IkeGateway } from './generated/ike-gateway';
import { ImportedPanosObject, modelFromProps, PanosObject, type IPanosObject, type KindFacts } from './panos-object';
import type { ExternalPeer } from './external-peer';
import { PeerPairing, type PairOptions } from './peer-pairing';
import { secretSourceOf } from './secret-source';
import type { SecretValue } from './secret-value';

/** An IKE gateway, declared here or already on the device. */
export interface IIkeGateway extends IPanosObject {
  readonly kind: 'ike-gateway';
}

/** An IKE identity (`type` ipaddr, fqdn, ufqdn, keyid or dn). */
export type IkeIdentity = Required<IkeId>;

/** Props of {@link IkeGateway}. */
export interface IkeGatewayProps {
  /** Gateway name (up to 63 characters). @default - the construct id */
  readonly name?: string;
  /** IKE version. Transport mode needs `IkeVersion.IKEV2`. @default 'ikev1' (device default) */
  readonly version?: IkeVersion;
  /**
   * IKE crypto profile of the protocol block(s) the version uses: the IKEv1 block for `ikev1`, the IKEv2 block for
   * `ikev2`, both for `ikev2-preferred` (unless `ikev1CryptoProfile` names another one for the IKEv1 fallback).
   * @default - PAN-OS's predefined 'default' profile (aes-128-cbc/3des, sha1, group2)
   */
  readonly cryptoProfile?: IIkeCryptoProfile;
  /**
   * IKE crypto profile of the IKEv1 fallback of an `ikev2-preferred` gateway, when it differs from `cryptoProfile`.
   * @default - `cryptoProfile`
   */
  readonly ikev1CryptoProfile?: IIkeCryptoProfile;
  /**
   * Pre-shared key (authentication pre-shared-key). Use `SecretValue.fromEnvVariable` so the key is only a variable
   * reference in cdk.tf.json; a plain-text value is allowed but warned about at synth.
   * @default - no key is managed (e.g. certificate authentication kept as configured on the device)
   */
  readonly preSharedKey?: SecretValue;
  /**
   * How Terraform handles the key. `PreSharedKeyStorage.WRITE_ONLY` (Terraform 1.11+) sends it to the device without
   * ever storing it in the state file; a new key is written when `preSharedKeyVersion` changes.
   * `PreSharedKeyStorage.STATE` keeps the key in state (sensitive: hidden in plans, but in clear text in the state
   * file, so the state must be protected like the key) and writes it whenever its value changes.
   * @default PreSharedKeyStorage.WRITE_ONLY
   */
  readonly preSharedKeyStorage?: PreSharedKeyStorage;
  /**
   * Version of the write-only key (`pre_shared_key_wo_version`). Terraform never compares write-only values, so a
   * changed key reaches the device only when this number changes too: to rotate, supply the new key and raise the
   * version (1 → 2) in the same deploy. A token (e.g. a number variable) is accepted, to rotate without a code change.
   * Only with `PreSharedKeyStorage.WRITE_ONLY`.
   * @default 1
   */
  readonly preSharedKeyVersion?: number;
  /** Interface IKE runs on, e.g. 'ethernet1/1' (not a loopback in transport mode). */
  readonly localInterface: string;
  /** Local address on that interface, usually with prefix length ('198.51.100.1/24'). @default - the interface's first address */
  readonly localIp?: string;
  /**
   * Floating address of an HA active/active pair, instead of `localIp`: the address the peer sees and connects to.
   * @default - none (the gateway uses `localIp`)
   */
  readonly floatingIp?: string;
  /** Static peer address (one of peerIp, peerFqdn, peerDynamic). @default - none */
  readonly peerIp?: string;
  /** Peer host name. @default - none */
  readonly peerFqdn?: string;
  /** The peer has a dynamic address (the firewall only responds). @default false */
  readonly peerDynamic?: boolean;
  /** @default - the local address */
  readonly localId?: IkeIdentity;
  /** @default - the peer address */
  readonly peerId?: IkeIdentity & Pick<IkeGatewayModel['peerId'] & {}, 'matching'>;
  /** @default 'auto' (device default) */
  readonly ikev1ExchangeMode?: Ikev1ExchangeMode;
  /** IKEv1 dead peer detection. @default - device defaults */
  readonly ikev1Dpd?: { readonly enable?: boolean; readonly interval?: number; readonly retry?: number };
  /** IKEv2 liveness check. @default - device defaults */
  readonly ikev2Dpd?: { readonly enable?: boolean; readonly interval?: number };
  /** NAT traversal; must stay off in transport mode. @default false (device default) */
  readonly natTraversal?: boolean;
  /** NAT-T keep-alive in seconds, 10-3600. @default 20 (device default) */
  readonly natKeepAlive?: number;
  /** @default false (device default) */
  readonly fragmentation?: boolean;
  /** Only respond, never initiate. @default false (device default) */
  readonly passiveMode?: boolean;
  /** IPv6 gateway (not in transport mode). @default false (device default) */
  readonly ipv6?: boolean;
  /** @default false */
  readonly disabled?: boolean;
  /** @default - no comment */
  readonly comment?: string;
}

/** IKE (phase 1) gateway (`panosipsec_ike_gateway`). */
export class IkeGateway extends PanosObject implements IIkeGateway {
  /** A gateway that exists on the device already. */
  public static fromName(scope: Construct, id: string, name: string): IIkeGateway {
    return new ImportedPanosObject(scope, id, 'ike-gateway', name);
  }

  public readonly kind = 'ike-gateway' as const;
  public readonly name: string;
  /** The L1 resource. */
  public readonly resource: L1IkeGateway;
  private readonly model: IkeGatewayModel;
  private readonly preSharedKey?: SecretValue;

  constructor(scope: Construct, id: string, props: IkeGatewayProps) {
    super(scope, id, false);
    this.name = props.name ?? id;
    this.preSharedKey = props.preSharedKey;
    this.sameFirewall('cryptoProfile', props.cryptoProfile);
    const storage = props.preSharedKeyStorage ?? 'write-only';
    checkKeyProps(this.node.path, props, storage);
    this.sameFirewall('ikev1CryptoProfile', props.ikev1CryptoProfile);
    // PAN-OS keeps one profile per protocol block (docs/panos/ike-gateway.md#both-blocks); write the ones in use.
    const version = props.version ?? tableField(ikeGateway.table, 'version').deviceDefault;
    const v1 = version === 'ikev2' ? undefined : (props.ikev1CryptoProfile ?? props.cryptoProfile);
    const v2 = version === 'ikev1' ? undefined : props.cryptoProfile;
    if (props.preSharedKey?.source === 'plain-text') {
      Annotations.of(this).addWarning(
        `preSharedKey is a plain-text SecretValue: it is written into cdk.tf.json${storage === 'state' ? ' and state' : ''} in clear text; fix: use ` +
          'SecretValue.fromEnvVariable (TF_VAR_…)',
      );
    }
    if (storage === 'state') props.preSharedKey?._useStored(this.node.path);
    else props.preSharedKey?._useWriteOnly(this.node.path);
    const psk = props.preSharedKey?.unsafeUnwrap();
    this.model = {
      ...modelFromProps(ikeGateway, props),
      name: this.name,
      authentication: psk !== undefined ? 'pre-shared-key' : undefined,
      preSharedKey: psk,
      ikev1CryptoProfile: v1?.name,
      ikev2CryptoProfile: v2?.name,
    };
    this.checkModel(ikeGateway, this.model);
    const { preSharedKey, ...withoutKey } = this.model;
    const key =
      preSharedKey === undefined
        ? {}
        : storage === 'state'
          ? { preSharedKey }
          : { preSharedKeyWo: preSharedKey, preSharedKeyWoVersion: props.preSharedKeyVersion ?? 1 };
    this.resource = new L1IkeGateway(this, 'Default', {
      ...withoutKey,
      ...key,
      ikev1CryptoProfile: v1?.nameRef,
      ikev2CryptoProfile: v2?.nameRef,
      provider: this.firewall.provider,
      dependsOn: this.firewall.anchorDependency,
    });
    this.register(this.resource);
  }

  /**
   * Declares the other end of this gateway when addresses cannot show it: an FQDN or dynamic peer, a local address
   * left to the interface, or a NAT device in between (`{ natBetween: true }`: addresses are then not compared, and
   * NAT traversal is required on both ends). The other end is a gateway of another PanosFirewall of this app, or an
   * {@link ExternalPeer}. The pair rules (PANOS-PEER-…) then judge the two ends together at synth.
   */
  public pairWith(other: IkeGateway | ExternalPeer, options: PairOptions = {}): void {
    PeerPairing.of(this).pair(this, other, options);
    if (other instanceof IkeGateway) {
      this._recordPair(other, options);
      other._recordPair(this, options);
    }
  }

  /**
   * @internal Writes the other end under `"//".paired_with` of this gateway's resource, so tools that read the
   * synthesized app without the constructs (`panos-ipsec graph`) pair the two ends as the pair rules did. Terraform
   * ignores `//` keys.
   */
  public _recordPair(other: IkeGateway, options: PairOptions): void {
    const alias = other.firewall.provider.alias;
    this.resource.addOverride('//.paired_with', {
      stack: TerraformStack.of(other).node.id,
      gateway: other.model.name,
      ...(alias !== undefined ? { provider_alias: alias } : {}),
      ...(options.natBetween === true ? { nat_between: true } : {}),
    });
  }

  public override _modelRecord(): Readonly<Record<string, unknown>> {
    return this.model;
  }

  public override _facts(): KindFacts {
    return this.factsWith({ preSharedKeySource: secretSourceOf(this.preSharedKey) });
  }

}

/** Misuse of the key props visible from the props alone. */
function checkKeyProps(path: string, props: IkeGatewayProps, storage: PreSharedKeyStorage): void {
  if (storage !== 'write-only' && storage !== 'state') {
    throw Errors.invalidProp(path, 'preSharedKeyStorage', storage, 'is not a key storage', 'use PreSharedKeyStorage.WRITE_ONLY or PreSharedKeyStorage.STATE');
  }
  const version = props.preSharedKeyVersion;
  if (version === undefined) return;
  if (props.preSharedKey === undefined) {
    throw Errors.invalidProp(path, 'preSharedKeyVersion', version, 'is set but there is no preSharedKey', 'set preSharedKey, or remove preSharedKeyVersion');
  }
  if (storage === 'state') {
    throw Errors.invalidProp(
      path,
      'preSharedKeyVersion',
      version,
      'only applies to the write-only key, and preSharedKeyStorage is STATE (a changed key is written whenever its value changes)',
      'remove preSharedKeyVersion, or use PreSharedKeyStorage.WRITE_ONLY',
    );
  }
  if (!Token.isUnresolved(version) && !(Number.isInteger(version) && version >= 1)) {
    throw Errors.invalidProp(path, 'preSharedKeyVersion', version, 'is not a whole number from 1 up', 'start at 1 and raise it by one each time the key changes');
  }
}
