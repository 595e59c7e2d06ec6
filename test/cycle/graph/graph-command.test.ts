/**
 * `panos-ipsec graph --dir APP`: the declared topology of a cdktf app as the flowchart status --mermaid draws,
 * without a device: both ends of examples/transport-bgp paired by their mirrored addresses, and the single-ended
 * examples/site-to-site pointing at its peer.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGraph } from '../../../src/cycle/graph-run';
import { declaredDevices } from '../../../src/cycle/graph/declared';
import { renderDeclaredMermaid } from '../../../src/cycle/graph/graph';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');

async function graph(dir: string, out?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runGraph({ dir, ...(out !== undefined ? { out } : {}) }, process.env, { out: (s) => void (stdout += s), err: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

describe('panos-ipsec graph', () => {
  jest.setTimeout(180_000);

  test('GIVEN examples/transport-bgp (two firewalls in two stacks) THEN both ends are drawn with one edge naming the tunnel, mode and the proposals both would choose', async () => {
    const { code, stdout } = await graph(join(EXAMPLES, 'transport-bgp'));
    expect(code).toBe(0);
    expect(stdout).toContain('  subgraph d0["fw-a"]\n    d0g0["gw-bgp<br/>198.51.100.1"]\n  end\n  subgraph d1["fw-b"]\n    d1g0["gw-bgp<br/>198.51.100.2"]\n  end\n');
    expect(stdout).toContain('  d0g0 <-->|"bgp · transport · ikev2 aes-256-gcm/sha384/group20 · esp aes-256-gcm/none/group20"| d1g0\n');
    expect(stdout).not.toContain('((');
  });

  test('GIVEN examples/site-to-site (one firewall) and --out FILE.md THEN a fenced chart points its tunnel at the peer address', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'graph-test-'));
    try {
      const file = join(dir, 'topology.md');
      const { code } = await graph(join(EXAMPLES, 'site-to-site'), file);
      expect(code).toBe(0);
      const text = readFileSync(file, 'utf8');
      expect(text.startsWith('```mermaid\nflowchart LR\n')).toBe(true);
      expect(text.endsWith('```\n')).toBe(true);
      expect(text).toMatch(/ {2}p0\(\("203\.0\.113\.50"\)\)\n {2}d0g0 -->\|"branch · tunnel · ikev2 [^"]+"\| p0\n/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('GIVEN two firewalls in one stack (aliased providers) whose IPSec proposals share nothing THEN each is its own device and the edge says so', () => {
    const gw = (provider: string, local: string, peer: string) => ({ provider, name: 'gw', version: 'ikev2', local_ip: `${local}/30`, peer_ip: peer, ikev2_crypto_profile: '${panosipsec_ike_crypto_profile.ike.name}', pre_shared_key_wo: '${var.psk}' });
    const tunnel = (provider: string, profile: string) => ({ provider, name: 'vpn', tunnel_interface: 'tunnel.1', auto_key: { ike_gateways: [`\${panosipsec_ike_gateway.gw_${provider.slice(-1)}.name}`], ipsec_crypto_profile: `\${panosipsec_ipsec_crypto_profile.${profile}.name}` } });
    const doc = {
      resource: {
        panosipsec_ike_crypto_profile: { ike: { provider: 'panosipsec.a', name: 'ike', encryption: ['aes-256-gcm'], authentication: ['sha384'], dh_groups: ['group20'] } },
        panosipsec_ipsec_crypto_profile: {
          pa: { provider: 'panosipsec.a', name: 'pa', protocol: 'esp', esp_encryption: ['aes-256-gcm'], esp_authentication: ['none'], dh_group: 'group20' },
          pb: { provider: 'panosipsec.b', name: 'pb', protocol: 'esp', esp_encryption: ['aes-128-gcm'], esp_authentication: ['none'], dh_group: 'group20' },
        },
        panosipsec_ike_gateway: { gw_a: gw('panosipsec.a', '192.0.2.1', '192.0.2.2'), gw_b: gw('panosipsec.b', '192.0.2.2', '192.0.2.1') },
        panosipsec_ipsec_tunnel: { t_a: tunnel('panosipsec.a', 'pa'), t_b: tunnel('panosipsec.b', 'pb') },
      },
    };
    const devices = declaredDevices('hq', doc);
    expect(devices.map((d) => d.name)).toEqual(['hq/a', 'hq/b']);
    expect(JSON.stringify(devices)).not.toContain('var.psk');
    // fw b's IKE profile is fw a's resource, so b's gateway names a profile b does not hold: its IKE offer is unknown.
    expect(renderDeclaredMermaid(devices)).toContain('<-->|"vpn · tunnel · ikev2 · esp no common IPSec proposal"|');
  });
});
