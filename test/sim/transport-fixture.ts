/** An IPSec transport-mode set written the way an engineer writes it for a real 11.1 firewall. */
import type { Simulator } from '../../src/sim';
import { DEV, VSYS, config } from './helpers';

export const PATHS = {
  tunnelIf: `${DEV}/network/interface/tunnel/units`,
  ikeCrypto: `${DEV}/network/ike/crypto-profiles/ike-crypto-profiles`,
  ipsecCrypto: `${DEV}/network/ike/crypto-profiles/ipsec-crypto-profiles`,
  gateway: `${DEV}/network/ike/gateway`,
  tunnel: `${DEV}/network/tunnel/ipsec`,
};

export const TRANSPORT_WRITES: [string, string][] = [
  [PATHS.tunnelIf, '<entry name="tunnel.1"><ip><entry name="10.255.0.1/30"/></ip><mtu>1400</mtu><comment>bgp over transport</comment></entry>'],
  [`${VSYS}/zone/entry[@name='trust']/network/layer3`, '<member>tunnel.1</member>'],
  [`${DEV}/network/virtual-router/entry[@name='default']/interface`, '<member>tunnel.1</member>'],
  [`${VSYS}/import/network/interface`, '<member>tunnel.1</member>'],
  [
    PATHS.ikeCrypto,
    '<entry name="ike-tm"><encryption><member>aes-256-gcm</member></encryption><hash><member>sha256</member></hash>' +
      '<dh-group><member>group20</member></dh-group><lifetime><hours>8</hours></lifetime></entry>',
  ],
  [
    PATHS.ipsecCrypto,
    '<entry name="ipsec-tm"><esp><encryption><member>aes-256-gcm</member></encryption><authentication><member>none</member></authentication></esp>' +
      '<dh-group>group20</dh-group><lifetime><hours>1</hours></lifetime></entry>',
  ],
  [
    PATHS.gateway,
    '<entry name="gw-tm"><authentication><pre-shared-key><key>not-a-real-psk</key></pre-shared-key></authentication>' +
      '<protocol><version>ikev2</version><ikev2><ike-crypto-profile>ike-tm</ike-crypto-profile><dpd><enable>yes</enable></dpd></ikev2></protocol>' +
      '<protocol-common><nat-traversal><enable>no</enable></nat-traversal><fragmentation><enable>no</enable></fragmentation></protocol-common>' +
      '<local-address><interface>ethernet1/1</interface><ip>198.51.100.1/24</ip></local-address>' +
      '<peer-address><ip>203.0.113.9</ip></peer-address></entry>',
  ],
  [
    PATHS.tunnel,
    '<entry name="tun-tm"><auto-key><ike-gateway><entry name="gw-tm"/></ike-gateway><ipsec-crypto-profile>ipsec-tm</ipsec-crypto-profile></auto-key>' +
      '<tunnel-interface>tunnel.1</tunnel-interface><ipsec-mode>transport</ipsec-mode><enable-gre-encapsulation>yes</enable-gre-encapsulation>' +
      '<anti-replay>yes</anti-replay><anti-replay-window>512</anti-replay-window>' +
      '<tunnel-monitor><enable>yes</enable><destination-ip>203.0.113.9</destination-ip><tunnel-monitor-profile>default</tunnel-monitor-profile></tunnel-monitor></entry>',
  ],
];

/** Writes the whole set through the API; throws on the first refused write. */
export async function writeTransportSet(sim: Simulator): Promise<void> {
  for (const [xpath, element] of TRANSPORT_WRITES) {
    const a = await config(sim, 'set', xpath, element);
    if (a.doc.attrs.code !== '20') throw new Error(`set ${xpath} refused: ${a.body}`);
  }
}
