/**
 * Example: IPSec transport mode protecting a BGP peering between two firewalls' physical interfaces.
 *
 *   fw-a ethernet1/1 198.51.100.1 ──── ESP (transport, IKEv2, AES-256-GCM, group20) ──── 198.51.100.2 ethernet1/1 fw-b
 *                     BGP (TCP 179) peers on these same addresses; nothing is routed through tunnel.10
 *
 * One stack per firewall (each has its own provider configuration and state):
 *
 *   cd examples/transport-bgp
 *   npx cdktf synth
 *   # deploy each stack against its firewall (PANOS_* select the device, TF_VAR_bgp_psk holds the shared key)
 *   PANOS_HOSTNAME=fw-a.example.net PANOS_API_KEY=… TF_VAR_bgp_psk=… npx cdktf deploy fw-a --skip-provider-lock
 *   PANOS_HOSTNAME=fw-b.example.net PANOS_API_KEY=… TF_VAR_bgp_psk=… npx cdktf deploy fw-b --skip-provider-lock
 *
 * Transport mode needs PAN-OS 11.0 or later on both firewalls (the constructs' default minPanosVersion).
 */
import { App, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import {
  AntiReplayWindow,
  IkeGateway,
  IkeVersion,
  IpsecTunnel,
  MonitorAction,
  PanosFirewall,
  SecretValue,
  TransportModeCrypto,
  TunnelInterface,
  TunnelMonitorProfile,
} from 'cdktf-panos-ipsec';

/** One side of the peering. */
interface Side {
  readonly localIp: string;
  readonly peerIp: string;
}

/** The transport tunnel of one firewall towards its BGP peer. */
class BgpTransportStack extends TerraformStack {
  constructor(scope: Construct, id: string, side: Side) {
    super(scope, id);
    new PanosFirewall(this, 'firewall', { minPanosVersion: '11.0.0' });
    const crypto = new TransportModeCrypto(this, 'bgp-tm');
    const gateway = new IkeGateway(this, 'gw-bgp', {
      version: IkeVersion.IKEV2,
      cryptoProfile: crypto.ike,
      preSharedKey: SecretValue.fromEnvVariable(this, 'psk', 'bgp_psk'),
      localInterface: 'ethernet1/1',
      localIp: `${side.localIp}/30`,
      peerIp: side.peerIp,
    });
    // Transport mode without GRE ignores the tunnel interface's address, so it has none; BGP runs on ethernet1/1.
    // The tunnel interface joins the zone and virtual router of the external interface it protects (ethernet1/1 is in
    // `untrust` on a freshly set-up firewall), as the vendor guide advises; no inter-zone routing is needed.
    const tunnelInterface = new TunnelInterface(this, 'tunnel-if', { name: 'tunnel.10', zone: 'untrust', virtualRouter: 'default' });
    IpsecTunnel.transport(this, 'bgp', {
      tunnelInterface,
      gateway,
      cryptoProfile: crypto.ipsec,
      antiReplayWindow: AntiReplayWindow.PACKETS_512,
      tunnelMonitor: { destinationIp: side.peerIp, profile: new TunnelMonitorProfile(this, 'bgp-mon', { action: MonitorAction.WAIT_RECOVER }) },
      // BGP is unicast TCP on the physical interface: no multicast crosses this tunnel.
      carriesMulticastRouting: false,
    });
  }
}

/** Adds both firewalls' stacks to `app`. */
export function build(app: App): void {
  new BgpTransportStack(app, 'fw-a', { localIp: '198.51.100.1', peerIp: '198.51.100.2' });
  new BgpTransportStack(app, 'fw-b', { localIp: '198.51.100.2', peerIp: '198.51.100.1' });
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
