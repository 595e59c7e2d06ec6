/** Out-of-band configuration for cycle tests: written with the simulator's config view, as another admin would. */
import type { Simulator } from '../../src/sim';
import type { Io } from '../../src/cycle/io';

export const DEV = "/config/devices/entry[@name='localhost.localdomain']";
const VSYS = `${DEV}/vsys/entry[@name='vsys1']`;

/** ipsec-mode element to put on the tunnel: omitted, tunnel or transport. */
export type ModeXml = 'absent' | 'tunnel' | 'transport';

/** Writes a complete tunnel (interface, profiles, gateway, tunnel) into the candidate; `commit` makes it running. */
export async function writeTunnelOutOfBand(sim: Simulator, name: string, mode: ModeXml, options: { commit?: boolean; unit?: number } = {}): Promise<void> {
  const unit = `tunnel.${options.unit ?? 1}`;
  const c = sim.config;
  c.set(`${DEV}/network/interface/tunnel/units`, `<entry name="${unit}"><ip><entry name="10.255.0.1/30"/></ip></entry>`);
  c.set(`${VSYS}/zone/entry[@name='trust']/network/layer3`, `<member>${unit}</member>`);
  c.set(`${DEV}/network/virtual-router/entry[@name='default']/interface`, `<member>${unit}</member>`);
  c.set(`${VSYS}/import/network/interface`, `<member>${unit}</member>`);
  c.set(
    `${DEV}/network/ike/crypto-profiles/ike-crypto-profiles`,
    '<entry name="ike-gcm"><encryption><member>aes-256-gcm</member></encryption><hash><member>sha384</member></hash>' +
      '<dh-group><member>group20</member></dh-group><lifetime><hours>8</hours></lifetime></entry>',
  );
  c.set(
    `${DEV}/network/ike/gateway`,
    `<entry name="gw-${name}"><authentication><pre-shared-key><key>oob-secret-psk</key></pre-shared-key></authentication>` +
      '<protocol><version>ikev2</version><ikev2><ike-crypto-profile>ike-gcm</ike-crypto-profile></ikev2></protocol>' +
      '<protocol-common><nat-traversal><enable>no</enable></nat-traversal></protocol-common>' +
      '<local-address><interface>ethernet1/1</interface><ip>198.51.100.1/24</ip></local-address>' +
      '<peer-address><ip>203.0.113.9</ip></peer-address></entry>',
  );
  const modeXml = mode === 'absent' ? '' : `<ipsec-mode>${mode}</ipsec-mode>`;
  c.set(
    `${DEV}/network/tunnel/ipsec`,
    `<entry name="${name}"><auto-key><ike-gateway><entry name="gw-${name}"/></ike-gateway><ipsec-crypto-profile>Suite-B-GCM-256</ipsec-crypto-profile></auto-key>` +
      `<tunnel-interface>${unit}</tunnel-interface>${modeXml}<anti-replay>yes</anti-replay></entry>`,
  );
  if (options.commit !== false) await c.commit();
}

/** An Io that records what a command prints. */
export function captureIo(): Io & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (s) => {
      out += s;
    },
    err: (s) => {
      err += s;
    },
    stdout: () => out,
    stderr: () => err,
  };
}

/** PANOS_* variables pointing at the simulator. */
export function simEnv(sim: Simulator): NodeJS.ProcessEnv {
  const u = new URL(sim.url);
  return { PANOS_HOSTNAME: u.hostname, PANOS_PORT: u.port, PANOS_PROTOCOL: 'http', PANOS_API_KEY: sim.apiKey };
}
