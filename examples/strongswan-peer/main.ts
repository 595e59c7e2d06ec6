/**
 * Example: a tunnel-mode VPN from a PAN-OS firewall to a branch that runs strongSwan, with the branch declared as an
 * ExternalPeer. The far end is never configured from here (nothing is written to it, no Terraform resource exists for
 * it); it is declared so that `cdktf synth` checks the firewall's side against what the branch offers: IKE version,
 * proposals, PFS, mode, proxy IDs, addresses, identities and the pre-shared key's source.
 *
 *   hq firewall ethernet1/1 198.51.100.1 ──── IKEv2, ESP tunnel mode ──── 203.0.113.20 strongSwan (branch)
 *        10.10.0.0/16 (hq LAN)                                             10.20.0.0/16 (branch LAN)
 *
 * The branch's swanctl.conf holds the same facts in strongSwan's words: `proposals = aes256gcm16-prfsha384-ecp384`
 * for IKE, `esp_proposals = aes256gcm16-ecp384` for the child (ecp384 is DH group 20), `local_ts = 10.20.0.0/16`,
 * `remote_ts = 10.10.0.0/16`, and its PSK from the same secret store as TF_VAR_branch_psk.
 *
 *   cd examples/strongswan-peer && npx cdktf synth
 *   PANOS_HOSTNAME=… PANOS_API_KEY=… TF_VAR_branch_psk=… npx cdktf deploy --skip-provider-lock
 */
import { App, TerraformStack } from 'cdktf';
import {
  DhGroup,
  EspAuthentication,
  EspEncryption,
  ExternalPeer,
  IkeCryptoProfile,
  IkeEncryption,
  IkeGateway,
  IkeHash,
  IkeVersion,
  IpsecCryptoProfile,
  IpsecTunnel,
  PanosFirewall,
  PfsGroup,
  SecretValue,
  TunnelInterface,
} from 'cdktf-panos-ipsec';

/** Adds the stack to `app`. */
export function build(app: App): void {
  const stack = new TerraformStack(app, 'strongswan-peer');
  new PanosFirewall(stack, 'firewall', { minPanosVersion: '10.2.0' });
  const psk = SecretValue.fromEnvVariable(stack, 'psk', 'branch_psk');

  const ike = new IkeCryptoProfile(stack, 'branch-ike', {
    dhGroups: [DhGroup.GROUP20],
    authentication: [IkeHash.SHA384],
    encryption: [IkeEncryption.AES_256_GCM],
    lifetime: { unit: 'hours', value: 8 },
  });
  const ipsec = new IpsecCryptoProfile(stack, 'branch-ipsec', {
    espEncryption: [EspEncryption.AES_256_GCM],
    espAuthentication: [EspAuthentication.NONE],
    dhGroup: DhGroup.GROUP20,
    lifetime: { unit: 'hours', value: 1 },
  });
  const gateway = new IkeGateway(stack, 'gw-branch', {
    version: IkeVersion.IKEV2,
    cryptoProfile: ike,
    preSharedKey: psk,
    localInterface: 'ethernet1/1',
    localIp: '198.51.100.1/24',
    peerIp: '203.0.113.20',
    localId: { type: 'fqdn', id: 'hq.example.net' },
    peerId: { type: 'fqdn', id: 'branch.example.net' },
  });
  const tunnelInterface = new TunnelInterface(stack, 'tunnel-if', { name: 'tunnel.40', zone: 'vpn-branch', virtualRouter: 'default' });
  new IpsecTunnel(stack, 'branch', {
    tunnelInterface,
    gateway,
    cryptoProfile: ipsec,
    proxyIds: [{ name: 'hq-to-branch', local: '10.10.0.0/16', remote: '10.20.0.0/16' }],
  });

  // What the strongSwan branch offers (its own view: local is the branch). It pairs with gw-branch because its address
  // is the gateway's peerIp and its peerAddress the gateway's localIp.
  new ExternalPeer(stack, 'branch-strongswan', {
    description: 'strongSwan 5.9 on branch.example.net',
    address: '203.0.113.20',
    peerAddress: '198.51.100.1',
    version: IkeVersion.IKEV2,
    ike: {
      encryption: [IkeEncryption.AES_256_GCM, IkeEncryption.AES_128_GCM],
      authentication: [IkeHash.SHA384, IkeHash.SHA256],
      dhGroups: [DhGroup.GROUP20, DhGroup.GROUP19],
      lifetime: { unit: 'hours', value: 8 },
    },
    ipsec: {
      espEncryption: [EspEncryption.AES_256_GCM],
      espAuthentication: [EspAuthentication.NONE],
      pfsGroups: [PfsGroup.GROUP20],
      lifetime: { unit: 'hours', value: 1 },
    },
    proxyIds: [{ name: 'branch-to-hq', local: '10.20.0.0/16', remote: '10.10.0.0/16' }],
    localId: { type: 'fqdn', id: 'branch.example.net' },
    peerId: { type: 'fqdn', id: 'hq.example.net' },
    natTraversal: false,
    antiReplayWindow: '1024',
    preSharedKey: psk,
  });
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
