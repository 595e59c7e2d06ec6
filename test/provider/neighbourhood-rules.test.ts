/**
 * Plan-time rules judge a changed object together with the device's objects that use it: changing only a gateway,
 * a crypto profile or a tunnel interface of a committed transport tunnel (the tunnel itself unchanged, so Terraform
 * does not plan it) must fail at plan, not at commit.
 */
import type { Simulator } from '../../src/sim';
import type { Value, ValueObject } from '../../src/tfplugin/values';
import { cleanBuild, planApply, sim, startProvider } from './fixtures/session';
import { transportSet } from './fixtures/transport-set';
import { obj, resource } from './fixtures/values';

afterAll(cleanBuild);

describe('GIVEN a committed transport tunnel on a PAN-OS 11.1 simulator, and a new provider process (a new terraform plan)', () => {
  let s: Simulator;
  const states = new Map<string, ValueObject>();
  const set = transportSet(3);

  beforeAll(async () => {
    s = await sim('11.1.0');
    const p = await startProvider(s);
    try {
      for (const [type, config] of set) states.set(type, (await planApply(p, type, null, config)).state);
      await planApply(p, 'panosipsec_commit', null, resource('panosipsec_commit', { triggers: obj({ a: '1' }) }));
    } finally {
      await p.shutdown();
    }
    expect(s.config.pendingChanges()).toBe(false);
  });
  afterAll(async () => {
    await s?.close();
  });

  /** Plans one changed resource alone, as Terraform does when only its configuration changed. */
  async function planChange(type: string, change: Record<string, Value>): Promise<{ errors: string[]; rules: string[]; warnings: string[] }> {
    const p = await startProvider(s);
    try {
      const config = resource(type, { ...(set.find(([t]) => t === type)?.[1] as Record<string, Value>), ...change });
      const prior = states.get(type) as ValueObject;
      const plan = await p.planResourceChange(type, prior, { ...config, id: prior.id, revision: prior.revision }, config);
      const errors = plan.diagnostics.filter((d) => d.severity === 'error');
      const warnings = plan.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.summary}: ${d.detail ?? ''}`);
      return { errors: errors.map((d) => d.detail ?? ''), rules: errors.map((d) => d.summary), warnings };
    } finally {
      await p.shutdown();
    }
  }

  test('fails when only the gateway changes to IKEv1: PANOS-TM-005 names the gateway and the tunnel that uses it', async () => {
    const { rules, errors } = await planChange('panosipsec_ike_gateway', { version: 'ikev1' });
    expect(rules).toEqual(['Rule PANOS-TM-005']);
    expect(errors[0]).toContain("IKE gateway 'gw-3' has version 'ikev1'");
    expect(errors[0]).toContain('tm-3');
  });

  test('fails when only the IPSec crypto profile changes to aes-128-cbc: PANOS-TM-007', async () => {
    const { rules } = await planChange('panosipsec_ipsec_crypto_profile', { esp_encryption: ['aes-128-cbc'], esp_authentication: ['sha256'] });
    expect(rules).toContain('Rule PANOS-TM-007');
  });

  test('fails when only the IKE crypto profile (used through the gateway) changes to group14: PANOS-TM-006', async () => {
    const { rules } = await planChange('panosipsec_ike_crypto_profile', { dh_groups: ['group14'] });
    expect(rules).toContain('Rule PANOS-TM-006');
  });

  test('fails when only the tunnel interface loses its IPv4 address under a GRE transport tunnel: PANOS-TM-014', async () => {
    const { rules } = await planChange('panosipsec_tunnel_interface', { ipv4_addresses: null });
    expect(rules).toEqual(['Rule PANOS-TM-014']);
  });

  test('WHEN only the gateway changes in a way transport mode allows (its peer address) THEN the plan has no error', async () => {
    const { errors } = await planChange('panosipsec_ike_gateway', { peer_ip: '203.0.113.77' });
    expect(errors).toEqual([]);
  });

  test('WHEN only the tunnel changes (not its tunnel interface) THEN no PANOS-REF-005 claims the interface has no zone or router', async () => {
    // The interface is on the device only, in zone 'trust' and virtual router 'default' (memberships PAN-OS stores
    // outside the interface entry); the rules must see them.
    const { errors, warnings } = await planChange('panosipsec_ipsec_tunnel', { anti_replay_window: '1024' });
    expect(errors).toEqual([]);
    expect(warnings.filter((w) => w.includes('PANOS-REF-005'))).toEqual([]);
  });
});
