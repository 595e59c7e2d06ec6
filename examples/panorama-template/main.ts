/**
 * Example: the transport-mode BGP objects placed in a Panorama template, so Panorama pushes them to every firewall
 * using the template. The provider talks to Panorama (PANOS_HOSTNAME is the Panorama's address); commits go to
 * Panorama's candidate config; a push to devices is a separate Panorama operation.
 *
 *   cd examples/panorama-template && npx cdktf synth
 *   PANOS_HOSTNAME=panorama.example.net PANOS_API_KEY=… TF_VAR_branch_psk=… npx cdktf deploy --skip-provider-lock
 */
import { App, TerraformStack } from 'cdktf';
import { IkeGateway, IkeVersion, IpsecTunnel, PanosFirewall, PanosLocation, SecretValue, TransportModeCrypto, TunnelInterface } from 'cdktf-panos-ipsec';

/** Adds the stack to `app`. */
export function build(app: App): void {
  const stack = new TerraformStack(app, 'panorama-template');
  new PanosFirewall(stack, 'branch-template', { location: PanosLocation.template('branch-firewalls', 'vsys1'), minPanosVersion: '11.0.0' });
  const crypto = new TransportModeCrypto(stack, 'branch-tm');
  const gateway = new IkeGateway(stack, 'gw-hub', {
    version: IkeVersion.IKEV2,
    cryptoProfile: crypto.ike,
    preSharedKey: SecretValue.fromEnvVariable(stack, 'psk', 'branch_psk'),
    localInterface: 'ethernet1/1',
    localIp: '198.51.100.10/24',
    peerIp: '198.51.100.1',
  });
  const tunnelInterface = new TunnelInterface(stack, 'tunnel-if', { name: 'tunnel.40', zone: 'vpn', virtualRouter: 'default' });
  IpsecTunnel.transport(stack, 'hub-bgp', { tunnelInterface, gateway, cryptoProfile: crypto.ipsec, carriesMulticastRouting: false });
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
