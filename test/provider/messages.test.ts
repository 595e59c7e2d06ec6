/**
 * What a plain-HCL user reads from the provider: objects named by resource type and `name` (never a made-up address),
 * refusals that say the real cause and the accepted forms, and the version gate said once, under its rule id.
 */
import type { Simulator } from '../../src/sim';
import type { ProviderClient } from '../harness';
import { cleanBuild, planApply, sim, startProvider, writeCount } from './fixtures/session';
import { transportSet } from './fixtures/transport-set';
import { obj, resource } from './fixtures/values';

afterAll(cleanBuild);

/** A Terraform-address-like text `panosipsec_<type>.<name>` that Terraform would not print for these resources. */
const MADE_UP_ADDRESS = /panosipsec_[a-z_]+\.(?:tm|gw|ike|ipsec|tunnel|oob)[\w.-]*/;

describe('GIVEN a PAN-OS 11.1 simulator holding a committed transport tunnel made outside Terraform', () => {
  let s: Simulator;
  let p: ProviderClient;

  beforeAll(async () => {
    s = await sim('11.1.0');
    const setup = await startProvider(s);
    try {
      for (const [type, config] of transportSet(7)) await planApply(setup, type, null, config);
      await planApply(setup, 'panosipsec_commit', null, resource('panosipsec_commit', { triggers: obj({ a: '1' }) }));
    } finally {
      await setup.shutdown();
    }
    p = await startProvider(s);
  });
  afterAll(async () => {
    await p?.shutdown();
    await s?.close();
  });

  test('fails when a commit resource is imported: it says the resource cannot be imported and why, not "Unknown Resource Type"', async () => {
    for (const type of ['panosipsec_commit', 'panosipsec_commit_anchor']) {
      const r = await p.importResourceState(type, 'anything');
      expect(r.diagnostics.map((d) => d.summary)).toEqual(['Resource Cannot Be Imported']);
      expect(r.diagnostics[0].detail).toContain(`${type} cannot be imported`);
      expect(r.diagnostics[0].detail).toMatch(/Fix: remove the import/);
    }
  });

  test('fails when an import id like bad:id:x is malformed: refused with the accepted forms, not looked up as a name', async () => {
    const r = await p.importResourceState('panosipsec_ike_gateway', 'bad:id:x');
    expect(r.diagnostics.map((d) => d.summary)).toEqual(['Invalid Import Id']);
    expect(r.diagnostics[0].detail).toContain('"bad:"');
    expect(r.diagnostics[0].detail).toContain('template:<template>:<vsys>:<name>');
    expect(r.diagnostics[0].detail).not.toContain('Object Not Found');
  });

  test('fails when an import id names another location: the locations are said in words, not as raw JSON', async () => {
    const r = await p.importResourceState('panosipsec_ike_gateway', 'template:branch:vsys1:gw-7');
    expect(r.diagnostics.map((d) => d.summary)).toEqual(['Import Location Mismatch']);
    const detail = r.diagnostics[0].detail ?? '';
    expect(detail).toContain('Panorama template "branch" (vsys vsys1)');
    expect(detail).toContain('vsys vsys1 on the firewall');
    expect(detail).not.toMatch(/\{"type"/);
  });

  test('WHEN a finding is reported at plan THEN the objects are named by type and name, never as a made-up address', async () => {
    // A transport tunnel through gw-7 (on the device only) whose anti-replay is off but whose window is set.
    const [, tunnel] = transportSet(7)[4];
    const config = resource('panosipsec_ipsec_tunnel', { ...(tunnel as Record<string, never>), name: 'tm-8', tunnel_interface: 'tunnel.8', anti_replay: false });
    const plan = await p.planResourceChange('panosipsec_ipsec_tunnel', null, config, config);
    const finding = plan.diagnostics.find((d) => d.summary === 'Rule PANOS-AR-002');
    expect(finding?.detail).toContain('[panosipsec_ipsec_tunnel with name "tm-8"] PANOS-AR-002');
    expect(plan.diagnostics.map((d) => d.detail ?? '').join('\n')).not.toMatch(MADE_UP_ADDRESS);
  });

  test('WHEN the downgrade-check data source lists the transport tunnel THEN it is named as the device object with the vendor advice', async () => {
    const r = await p.readDataSource('panosipsec_downgrade_check', obj({ target_version: '10.2.9', ok: null, blockers: null, device_version: null }));
    expect(r.diagnostics).toEqual([]);
    const blockers = (r.state as { blockers: string[] }).blockers.join('\n');
    expect(blockers).toContain('IPSec tunnel "tm-7" (vsys vsys1 on the firewall)');
    expect(blockers).toContain('switch it to tunnel mode');
    expect(blockers).not.toMatch(MADE_UP_ADDRESS);
    expect(blockers).not.toContain('from the declaration');
  });
});

describe('GIVEN a PAN-OS 10.2 simulator', () => {
  let s: Simulator;
  let p: ProviderClient;
  beforeAll(async () => {
    s = await sim('10.2.9');
    p = await startProvider(s);
  });
  afterAll(async () => {
    await p?.shutdown();
    await s?.close();
  });

  test('fails when a transport tunnel is planned: one error, under PANOS-TM-001, that says the versions once, and writes nothing', async () => {
    s.counters.reset();
    const [, config] = transportSet(3)[4];
    const plan = await p.planResourceChange('panosipsec_ipsec_tunnel', null, config, config);
    const errors = plan.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.summary, d.path])).toEqual([['Rule PANOS-TM-001', ['ipsec_mode']]]);
    const detail = errors[0].detail ?? '';
    expect(detail).toMatch(/PANOS-TM-001: ipsec_mode = "transport" needs PAN-OS 11\.0\.0 or later, but the device runs PAN-OS 10\.2\.9; fix: /);
    expect(detail.split('11.0.0').length - 1).toBeLessThanOrEqual(2);
    expect(detail.split('10.2.9').length - 1).toBe(1);
    expect(detail).toContain('panosipsec_ipsec_tunnel with name "tm-3"');
    expect(writeCount(s)).toBe(0);
    expect(s.counters.snapshot().commits).toBe(0);
  });
});
