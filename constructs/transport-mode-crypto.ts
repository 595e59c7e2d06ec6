import { Construct } from 'constructs';
import { IkeCryptoProfile, IpsecCryptoProfile, type SaLifetime } from './crypto-profiles';
import { TRANSPORT_MODE } from '../src/rules/transport-mode';
import { EspAuthentication, IkeHash } from './enums';

/** Props of {@link TransportModeCrypto}. */
export interface TransportModeCryptoProps {
  /** Prefix of the two profile names (`<prefix>-ike`, `<prefix>-ipsec`; 31 characters at most each). @default - the construct id */
  readonly namePrefix?: string;
  /** IKE hash (PRF) offered with AES-256-GCM. @default [IkeHash.SHA384] - matches group20's P-384 strength */
  readonly ikeAuthentication?: IkeHash[];
  /** IKE SA lifetime. @default 8 hours (device default) */
  readonly ikeLifetime?: SaLifetime;
  /** IPSec SA lifetime. @default 1 hour (device default) */
  readonly ipsecLifetime?: SaLifetime;
}

/**
 * The IKE and IPSec crypto profiles PAN-OS transport mode accepts (docs/transport-mode.md#t4, #t6, #t7): AES-256-GCM for
 * IKE and ESP, DH group 20 for IKE and PFS, ESP without separate authentication (GCM authenticates). Use
 * `crypto.ike` on an IKEv2 gateway and `crypto.ipsec` on the transport tunnel.
 */
export class TransportModeCrypto extends Construct {
  /** IKE crypto profile: aes-256-gcm, group20. */
  public readonly ike: IkeCryptoProfile;
  /** IPSec crypto profile: esp aes-256-gcm, authentication none, PFS group20. */
  public readonly ipsec: IpsecCryptoProfile;

  constructor(scope: Construct, id: string, props: TransportModeCryptoProps = {}) {
    super(scope, id);
    const prefix = props.namePrefix ?? id;
    this.ike = new IkeCryptoProfile(this, 'Ike', {
      name: `${prefix}-ike`,
      dhGroups: [TRANSPORT_MODE.dhGroup],
      authentication: props.ikeAuthentication ?? [IkeHash.SHA384],
      encryption: [TRANSPORT_MODE.encryption],
      lifetime: props.ikeLifetime,
    });
    this.ipsec = new IpsecCryptoProfile(this, 'Ipsec', {
      name: `${prefix}-ipsec`,
      protocol: TRANSPORT_MODE.protocol,
      espEncryption: [TRANSPORT_MODE.encryption],
      espAuthentication: [EspAuthentication.NONE],
      dhGroup: TRANSPORT_MODE.dhGroup,
      lifetime: props.ipsecLifetime,
    });
  }
}
