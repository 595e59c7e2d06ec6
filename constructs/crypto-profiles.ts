import type { Construct } from 'constructs';
import {
  ikeCryptoProfile,
  ipsecCryptoProfile,
  type IkeCryptoProfile as IkeCryptoProfileModel,
  type IpsecCryptoProfile as IpsecCryptoProfileModel,
} from '../src/panos/objects';
import type { AhAuthentication, DhGroup, EspAuthentication, EspEncryption, IkeEncryption, IkeHash, IpsecProtocol, LifesizeUnit, LifetimeUnit, PfsGroup } from './enums';
import { IkeCryptoProfile as L1IkeCryptoProfile } from './generated/ike-crypto-profile';
import { IpsecCryptoProfile as L1IpsecCryptoProfile } from './generated/ipsec-crypto-profile';
import { ImportedPanosObject, modelFromProps, PanosObject, type IPanosObject } from './panos-object';

/** A security-association lifetime: one unit and a value (seconds 180-65535, minutes 3-65535, hours 1-65535, days 1-365). */
export interface SaLifetime {
  readonly unit: LifetimeUnit;
  readonly value: number;
}

/** Rekey after this much traffic (each unit 1-65535). */
export interface SaLifesize {
  readonly unit: LifesizeUnit;
  readonly value: number;
}

/** An IKE crypto profile, declared here or already on the device (including PAN-OS's predefined `default`). */
export interface IIkeCryptoProfile extends IPanosObject {
  readonly kind: 'ike-crypto-profile';
}

/** Props of {@link IkeCryptoProfile}. */
export interface IkeCryptoProfileProps {
  /** Profile name (up to 31 characters). @default - the construct id */
  readonly name?: string;
  /** DH groups, in order of preference. Transport mode needs exactly `[DhGroup.GROUP20]`. */
  readonly dhGroups: DhGroup[];
  /** Hash algorithms (the UI's "authentication"), in order of preference. */
  readonly authentication: IkeHash[];
  /** Encryption algorithms, in order of preference. Transport mode needs exactly `[IkeEncryption.AES_256_GCM]`. */
  readonly encryption: IkeEncryption[];
  /** @default 8 hours (device default) */
  readonly lifetime?: SaLifetime;
  /** IKEv2 re-authentication every N lifetimes, 0-50 (0 disables it). @default 0 (device default) */
  readonly authenticationMultiple?: number;
}

/** IKE (phase 1) crypto profile (`panosipsec_ike_crypto_profile`). */
export class IkeCryptoProfile extends PanosObject implements IIkeCryptoProfile {
  /** A profile that exists on the device already, e.g. `IkeCryptoProfile.fromName(this, 'Default', 'default')`. */
  public static fromName(scope: Construct, id: string, name: string): IIkeCryptoProfile {
    return new ImportedPanosObject(scope, id, 'ike-crypto-profile', name);
  }

  public readonly kind = 'ike-crypto-profile' as const;
  public readonly name: string;
  /** The L1 resource. */
  public readonly resource: L1IkeCryptoProfile;
  private readonly model: IkeCryptoProfileModel;

  constructor(scope: Construct, id: string, props: IkeCryptoProfileProps) {
    super(scope, id, false);
    this.name = props.name ?? id;
    this.model = { ...modelFromProps(ikeCryptoProfile, props), name: this.name };
    this.checkModel(ikeCryptoProfile, this.model);
    this.resource = new L1IkeCryptoProfile(this, 'Default', { ...this.model, provider: this.firewall.provider, dependsOn: this.firewall.anchorDependency });
    this.register(this.resource);
  }

  public override _modelRecord(): Readonly<Record<string, unknown>> {
    return this.model;
  }
}

/** An IPSec crypto profile, declared here or already on the device (including PAN-OS's predefined `default`). */
export interface IIpsecCryptoProfile extends IPanosObject {
  readonly kind: 'ipsec-crypto-profile';
}

/** Props of {@link IpsecCryptoProfile}. */
export interface IpsecCryptoProfileProps {
  /** Profile name (up to 31 characters). @default - the construct id */
  readonly name?: string;
  /** ESP or AH. Transport mode needs ESP. @default - AH when only ahAuthentication is given, otherwise ESP */
  readonly protocol?: IpsecProtocol;
  /** ESP encryption, in order of preference. Transport mode needs exactly `[EspEncryption.AES_256_GCM]`. @default - none */
  readonly espEncryption?: EspEncryption[];
  /** ESP authentication (`NONE` with GCM). @default - none */
  readonly espAuthentication?: EspAuthentication[];
  /** AH authentication (protocol AH). @default - none */
  readonly ahAuthentication?: AhAuthentication[];
  /** PFS group. Transport mode needs `PfsGroup.GROUP20`. @default 'group2' (device default) */
  readonly dhGroup?: PfsGroup;
  /** @default 1 hour (device default) */
  readonly lifetime?: SaLifetime;
  /** @default - no size limit */
  readonly lifesize?: SaLifesize;
}

/** IPSec (phase 2) crypto profile (`panosipsec_ipsec_crypto_profile`). */
export class IpsecCryptoProfile extends PanosObject implements IIpsecCryptoProfile {
  /** A profile that exists on the device already, e.g. `IpsecCryptoProfile.fromName(this, 'Default', 'default')`. */
  public static fromName(scope: Construct, id: string, name: string): IIpsecCryptoProfile {
    return new ImportedPanosObject(scope, id, 'ipsec-crypto-profile', name);
  }

  public readonly kind = 'ipsec-crypto-profile' as const;
  public readonly name: string;
  /** The L1 resource. */
  public readonly resource: L1IpsecCryptoProfile;
  private readonly model: IpsecCryptoProfileModel;

  constructor(scope: Construct, id: string, props: IpsecCryptoProfileProps) {
    super(scope, id, false);
    this.name = props.name ?? id;
    const protocol = props.protocol ?? (props.ahAuthentication !== undefined && props.espEncryption === undefined ? 'ah' : 'esp');
    this.model = { ...modelFromProps(ipsecCryptoProfile, props), name: this.name, protocol };
    this.checkModel(ipsecCryptoProfile, this.model);
    this.resource = new L1IpsecCryptoProfile(this, 'Default', { ...this.model, provider: this.firewall.provider, dependsOn: this.firewall.anchorDependency });
    this.register(this.resource);
  }

  public override _modelRecord(): Readonly<Record<string, unknown>> {
    return this.model;
  }
}
