/**
 * Choices whose alternatives the provider does not all build (certificate authentication, manual-key and
 * GlobalProtect-satellite tunnels) survive a declaration that leaves them out, and the plan-time rules take a
 * tunnel's key type from the plan, not from an assumption. Terraform's proposed state for an optional and computed
 * attribute left out of the configuration is the prior value; the tests pass it the same way.
 */
import type { Simulator } from '../../src/sim';
import type { ProviderClient } from '../harness';
import { objectOf, type ValueObject } from '../../src/tfplugin/values';
import { cleanBuild, sim, startProvider } from './fixtures/session';
import { resource } from './fixtures/values';
import { providerSchema } from '../../src/provider/schema';
import { DEVICE_CASES } from '../panos/objects/device-entries';

afterAll(cleanBuild);

const DEV = "/config/devices/entry[@name='localhost.localdomain']";
const GATEWAYS = `${DEV}/network/ike/gateway`;
const TUNNELS = `${DEV}/network/tunnel/ipsec`;
const xmlOf = (name: string): string => DEVICE_CASES.find((c) => c.name === name)!.xml;

/**
 * Terraform's proposed new state: the config, with every computed attribute the config leaves null taken from the
 * prior state (as Terraform core does, from the schema the provider announces).
 */
function proposed(type: string, config: ValueObject, prior: ValueObject): ValueObject {
  const attrs = providerSchema().resources[type].block.attributes ?? {};
  return objectOf(Object.entries(config).map(([k, v]) => [k, v === null && attrs[k]?.computed ? prior[k] : v]));
}

describe('GIVEN a simulator holding a certificate gateway and a manual-key tunnel, imported', () => {
  let s: Simulator;
  let p: ProviderClient;

  beforeAll(async () => {
    s = await sim('11.1.0');
    s.config.set(`${DEV}/network/interface/tunnel/units`, '<entry name="tunnel.23"/>');
    s.config.set(`${DEV}/network/ike/crypto-profiles/ike-crypto-profiles`, '<entry name="ike-tm"><dh-group><member>group20</member></dh-group></entry>');
    s.config.set(GATEWAYS, xmlOf('gw-cert'));
    s.config.set(TUNNELS, xmlOf('vpn-manual'));
    await s.config.commit();
    p = await startProvider(s);
  });
  afterAll(async () => {
    await p?.shutdown();
    await s?.close();
  });

  async function imported(type: string, id: string): Promise<ValueObject> {
    const imp = await p.importResourceState(type, id);
    expect(imp.diagnostics).toEqual([]);
    return imp.resources[0].state as ValueObject;
  }

  test('WHEN the gateway is imported THEN its state says certificate, and a declaration without authentication plans no change', async () => {
    const prior = await imported('panosipsec_ike_gateway', 'gw-cert');
    expect(prior.authentication).toBe('certificate');
    const config = resource('panosipsec_ike_gateway', { ...prior, authentication: null, id: null, revision: null });
    const plan = await p.planResourceChange('panosipsec_ike_gateway', prior, proposed('panosipsec_ike_gateway', config, prior), config);
    expect(plan.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect((plan.planned as ValueObject).authentication).toBe('certificate');
    // Nothing differs, so nothing is written: the revision stays.
    expect((plan.planned as ValueObject).revision).toBe(prior.revision);
  });

  test('fails when a key is declared on the certificate gateway without switching authentication explicitly', async () => {
    const prior = await imported('panosipsec_ike_gateway', 'gw-cert');
    const config = resource('panosipsec_ike_gateway', { ...prior, authentication: null, id: null, revision: null, pre_shared_key: 'new-psk-value' });
    const plan = await p.planResourceChange('panosipsec_ike_gateway', prior, proposed('panosipsec_ike_gateway', config, prior), config);
    const detail = plan.diagnostics.map((d) => d.detail).join('\n');
    expect(detail).toMatch(/pre_shared_key belongs to authentication "pre-shared-key" but authentication is "certificate"/);
    expect(detail).not.toContain('new-psk-value');
  });

  test('WHEN the manual-key tunnel is declared without key_type THEN the plan keeps manual-key and raises no PANOS-REF-001', async () => {
    const prior = await imported('panosipsec_ipsec_tunnel', 'vpn-manual');
    expect(prior.key_type).toBe('manual-key');
    const config = resource('panosipsec_ipsec_tunnel', { ...prior, key_type: null, id: null, revision: null, comment: 'manual keys, changed' });
    const plan = await p.planResourceChange('panosipsec_ipsec_tunnel', prior, proposed('panosipsec_ipsec_tunnel', config, prior), config);
    expect(plan.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect((plan.planned as ValueObject).key_type).toBe('manual-key');
    const applied = await p.applyResourceChange('panosipsec_ipsec_tunnel', prior, plan.planned, config, plan.private);
    expect(applied.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const entry = s.config.candidate(`${TUNNELS}/entry[@name='vpn-manual']`);
    expect(entry).toContain('<comment>manual keys, changed</comment>');
    expect(entry).toContain('<local-spi>00001001</local-spi>');
    expect(entry).toContain('<algorithm>aes-128-cbc</algorithm>');
  });

  test('WHEN a new gateway declares only a write-only key THEN the plan says pre-shared-key; a new tunnel without auto_key is still refused', async () => {
    const gw = resource('panosipsec_ike_gateway', { name: 'gw-new', local_interface: 'ethernet1/1', peer_ip: '203.0.113.77', pre_shared_key_wo: 'k3y-value', pre_shared_key_wo_version: 1 });
    const gwPlan = await p.planResourceChange('panosipsec_ike_gateway', null, gw, gw);
    expect((gwPlan.planned as ValueObject).authentication).toBe('pre-shared-key');
    const tunnel = resource('panosipsec_ipsec_tunnel', { name: 'tun-new', tunnel_interface: 'tunnel.23' });
    const tPlan = await p.planResourceChange('panosipsec_ipsec_tunnel', null, tunnel, tunnel);
    expect(tPlan.diagnostics.map((d) => d.detail).join('\n')).toMatch(/PANOS-REF-001: auto-key IPSec tunnel 'tun-new' has no auto_key.ike_gateways; fix: set auto_key.ike_gateways/);
  });
});
