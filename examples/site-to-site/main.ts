/**
 * Example: a classic tunnel-mode site-to-site VPN towards a policy-based peer, with proxy IDs for each subnet pair
 * and tunnel monitoring. Tunnel mode works on PAN-OS 10.2 too, so the stack declares minPanosVersion 10.2.0 and
 * leaves the IPSec mode unset (PAN-OS 10.2 has no ipsec-mode element).
 *
 *   cd examples/site-to-site && npx cdktf synth
 *   PANOS_HOSTNAME=… PANOS_API_KEY=… TF_VAR_branch_psk=… npx cdktf deploy --skip-provider-lock
 */
import { App, TerraformStack } from 'cdktf';
import {
  DhGroup,
  EspAuthentication,
  EspEncryption,
  IkeCryptoProfile,
  IkeEncryption,
  IkeGateway,
  IkeHash,
  IkeVersion,
  IpsecCryptoProfile,
  IpsecTunnel,
  MonitorAction,
  PanosFirewall,
  SecretValue,
  TunnelInterface,
  TunnelMonitorProfile,
} from 'cdktf-panos-ipsec';

/** Adds the stack to `app`. */
export function build(app: App): void {
  const stack = new TerraformStack(app, 'site-to-site');
  new PanosFirewall(stack, 'firewall', { minPanosVersion: '10.2.0' });
  const ike = new IkeCryptoProfile(stack, 'branch-ike', {
    dhGroups: [DhGroup.GROUP19],
    authentication: [IkeHash.SHA256],
    encryption: [IkeEncryption.AES_256_CBC],
    lifetime: { unit: 'hours', value: 8 },
  });
  const ipsec = new IpsecCryptoProfile(stack, 'branch-ipsec', {
    espEncryption: [EspEncryption.AES_256_GCM],
    espAuthentication: [EspAuthentication.NONE],
    dhGroup: DhGroup.GROUP19,
    lifetime: { unit: 'hours', value: 1 },
  });
  const gateway = new IkeGateway(stack, 'gw-branch', {
    version: IkeVersion.IKEV2,
    cryptoProfile: ike,
    preSharedKey: SecretValue.fromEnvVariable(stack, 'psk', 'branch_psk'),
    localInterface: 'ethernet1/1',
    localIp: '198.51.100.1/24',
    peerIp: '203.0.113.50',
  });
  const tunnelInterface = new TunnelInterface(stack, 'tunnel-if', {
    name: 'tunnel.30',
    ipv4Addresses: ['169.254.30.1/30'],
    zone: 'vpn-branch',
    virtualRouter: 'default',
  });
  new IpsecTunnel(stack, 'branch', {
    tunnelInterface,
    gateway,
    cryptoProfile: ipsec,
    proxyIds: [
      { name: 'hq-to-branch-lan', local: '10.10.0.0/16', remote: '10.20.0.0/16' },
      { name: 'hq-to-branch-voice', local: '10.11.0.0/16', remote: '10.21.0.0/16' },
    ],
    policyBasedPeer: true,
    tunnelMonitor: {
      destinationIp: '10.20.0.1',
      proxyId: 'hq-to-branch-lan',
      profile: new TunnelMonitorProfile(stack, 'branch-mon', { action: MonitorAction.FAIL_OVER, interval: 5, threshold: 3 }),
    },
  });
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
