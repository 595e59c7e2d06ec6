/**
 * Declaration-only attributes at plan (provider process against the simulator): `acknowledged_rules` on an object
 * resource covers the findings on the objects it uses, as an acknowledgement on a construct does at synth; a change to
 * declaration-only attributes alone keeps `revision` (the commit's trigger) and writes nothing; a refresh keeps them.
 */
import type { Simulator } from '../../src/sim';
import type { Value, ValueObject } from '../../src/tfplugin/values';
import { ProviderClient } from '../harness/provider-client';
import { cleanBuild, planApply, providerLauncher, sim, simEnv, startProvider, writeCount } from './fixtures/session';
import { transportSet } from './fixtures/transport-set';
import { obj, providerConfig, resource } from './fixtures/values';

afterAll(cleanBuild);

describe('GIVEN a transport set on the device whose tunnel interface has no zone and no virtual router (PANOS-REF-005)', () => {
  let s: Simulator;
  const states = new Map<string, ValueObject>();
  const set = transportSet(4).map(([type, config]): [string, ValueObject] =>
    type === 'panosipsec_tunnel_interface' ? [type, resource(type, { ...(config as Record<string, Value>), zone: null, virtual_router: null })] : [type, config]);
  const TUNNEL = 'panosipsec_ipsec_tunnel';
  const tunnelConfig = (change: Record<string, Value>): ValueObject => resource(TUNNEL, { ...(set.find(([t]) => t === TUNNEL)![1] as Record<string, Value>), ...change });

  beforeAll(async () => {
    s = await sim('11.1.0');
    const p = await startProvider(s);
    try {
      for (const [type, config] of set) states.set(type, (await planApply(p, type, null, config)).state);
    } finally {
      await p.shutdown();
    }
  });
  afterAll(async () => {
    await s?.close();
  });

  /** Plans the tunnel alone in a new provider process, as Terraform does when only its configuration changed. */
  async function planTunnel(change: Record<string, Value>): Promise<{ warnings: string[]; errors: string[]; planned: ValueObject }> {
    const p = await startProvider(s);
    try {
      const config = tunnelConfig(change);
      const prior = states.get(TUNNEL)!;
      const plan = await p.planResourceChange(TUNNEL, prior, { ...config, id: prior.id, revision: prior.revision }, config);
      const text = (sev: string) => plan.diagnostics.filter((d) => d.severity === sev).map((d) => `${d.summary}: ${d.detail ?? ''}`);
      return { warnings: text('warning'), errors: text('error'), planned: plan.planned as ValueObject };
    } finally {
      await p.shutdown();
    }
  }

  test('WHEN the tunnel changes without acknowledgement THEN the plan warns PANOS-REF-005 about the interface it uses', async () => {
    const { warnings } = await planTunnel({ anti_replay_window: '1024' });
    expect(warnings.filter((w) => w.startsWith('Rule PANOS-REF-005'))).toEqual([expect.stringContaining('tunnel.')]);
  });

  test('WHEN the tunnel changes with acknowledged_rules for PANOS-REF-005 THEN the finding on the interface it uses is covered', async () => {
    const { warnings, errors } = await planTunnel({ anti_replay_window: '1024', acknowledged_rules: obj({ 'PANOS-REF-005': 'zone set by the Panorama template' }) });
    expect(errors).toEqual([]);
    expect(warnings.filter((w) => w.includes('PANOS-REF-005'))).toEqual([]);
  });

  test('fails when acknowledged_rules names an error rule: PANOS-ACK-001 pointing at the entry', async () => {
    const p = await startProvider(s);
    try {
      const config = tunnelConfig({ acknowledged_rules: obj({ 'PANOS-TM-005': 'we know' }) });
      const prior = states.get(TUNNEL)!;
      const plan = await p.planResourceChange(TUNNEL, prior, { ...config, id: prior.id, revision: prior.revision }, config);
      const [error] = plan.diagnostics.filter((d) => d.severity === 'error');
      expect(error?.summary).toBe('Rule PANOS-ACK-001');
      expect(error?.detail).toContain('acknowledged_rules["PANOS-TM-005"] is refused: PANOS-TM-005 is an error rule');
    } finally {
      await p.shutdown();
    }
  });

  test('fails when the provider configuration acknowledges an unknown rule id: PANOS-ACK-001 at configure', async () => {
    const p = await ProviderClient.start({ command: providerLauncher(), env: simEnv(s) });
    try {
      const d = await p.configureProvider(providerConfig({ acknowledged_rules: obj({ 'PANOS-NOPE-999': 'typo' }) }));
      expect(d.map((x) => `${x.summary}: ${x.detail ?? ''}`)).toEqual([expect.stringMatching(/^Rule PANOS-ACK-001: \[provider "panosipsec"\] PANOS-ACK-001: acknowledged_rules\["PANOS-NOPE-999"\] names no rule/)]);
    } finally {
      await p.shutdown();
    }
  });

  test('WHEN only declaration-only attributes change THEN the revision is kept, nothing is written, and a refresh keeps the new values', async () => {
    const prior = states.get(TUNNEL)!;
    const config = tunnelConfig({ carries_multicast_routing: true, acknowledged_rules: obj({ 'PANOS-TM-016': 'GRE on the gateway address' }) });
    const p = await startProvider(s);
    try {
      const plan = await p.planResourceChange(TUNNEL, prior, { ...config, id: prior.id, revision: prior.revision }, config);
      expect(plan.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect((plan.planned as ValueObject).revision).toBe(prior.revision);
      const writes = writeCount(s);
      const applied = await p.applyResourceChange(TUNNEL, prior, plan.planned, config, plan.private);
      expect(writeCount(s)).toBe(writes);
      const state = applied.state as ValueObject;
      expect({ revision: state.revision, carries: state.carries_multicast_routing }).toEqual({ revision: prior.revision, carries: true });
      const read = await p.readResource(TUNNEL, state, applied.private);
      const refreshed = read.state as ValueObject;
      expect({ carries: refreshed.carries_multicast_routing, acks: refreshed.acknowledged_rules }).toEqual({ carries: true, acks: { 'PANOS-TM-016': 'GRE on the gateway address' } });
    } finally {
      await p.shutdown();
    }
  });
});
