/**
 * Example: IPSec transport mode with GRE encapsulation, so OSPF (multicast) can run between two firewalls.
 *
 * In transport mode the original IP header is reused, so multicast cannot be carried as is; with
 * enableGreEncapsulation PAN-OS wraps it in GRE between the same two addresses as the IPSec tunnel and uses the tunnel
 * interface's IPv4 address for the GRE header (so the interface needs one). OSPF runs on tunnel.20.
 *
 *   cd examples/transport-gre-ospf && npx cdktf synth
 *   PANOS_HOSTNAME=… PANOS_API_KEY=… TF_VAR_ospf_psk=… npx cdktf deploy --skip-provider-lock
 */
import { App, TerraformStack } from 'cdktf';
import { IkeGateway, IkeVersion, IpsecTunnel, PanosFirewall, SecretValue, TransportModeCrypto, TunnelInterface } from 'cdktf-panos-ipsec';

/** Adds the stack to `app`. */
export function build(app: App): void {
  const stack = new TerraformStack(app, 'transport-gre-ospf');
  const firewall = new PanosFirewall(stack, 'firewall', { minPanosVersion: '11.1.0' });
  const crypto = new TransportModeCrypto(stack, 'ospf-tm');
  const gateway = new IkeGateway(stack, 'gw-ospf', {
    version: IkeVersion.IKEV2,
    cryptoProfile: crypto.ike,
    preSharedKey: SecretValue.fromEnvVariable(stack, 'psk', 'ospf_psk'),
    localInterface: 'ethernet1/2',
    localIp: '192.0.2.1/24',
    peerIp: '192.0.2.2',
  });
  const tunnelInterface = new TunnelInterface(stack, 'tunnel-if', {
    name: 'tunnel.20',
    ipv4Addresses: ['169.254.20.1/30'],
    zone: 'ospf',
    virtualRouter: 'default',
  });
  IpsecTunnel.transport(stack, 'ospf', {
    tunnelInterface,
    gateway,
    cryptoProfile: crypto.ipsec,
    enableGreEncapsulation: true,
    carriesMulticastRouting: true,
  });
  firewall.acknowledge('PANOS-TM-016', 'the peer terminates GRE on 192.0.2.2, the same address as its IKE gateway');
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
