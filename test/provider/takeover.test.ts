/**
 * A create never lands on an existing name (user object or predefined), at plan and again at apply, and a destroy
 * never deletes a predefined object. Driven like Terraform over gRPC against the simulator.
 */
import { ProviderClient } from '../harness';
import type { Simulator } from '../../src/sim';
import type { ValueObject } from '../../src/tfplugin/values';
import { cleanBuild, planApply, sim, startProvider, writeCount } from './fixtures/session';
import { obj, resource } from './fixtures/values';

afterAll(cleanBuild);

const DEV = "/config/devices/entry[@name='localhost.localdomain']";
const IKE_PROFILES = `${DEV}/network/ike/crypto-profiles/ike-crypto-profiles`;
const IPSEC_PROFILES = `${DEV}/network/ike/crypto-profiles/ipsec-crypto-profiles`;
const profileEntry = (name: string): string => `${IKE_PROFILES}/entry[@name='${name}']`;

const ikeProfile = (name: string, encryption = 'aes-128-cbc'): ValueObject =>
  resource('panosipsec_ike_crypto_profile', { name, dh_groups: ['group14'], authentication: ['sha1'], encryption: [encryption], lifetime: obj({ unit: 'hours', value: 2 }) });

describe('GIVEN a PAN-OS 11.1 simulator (a fresh firewall with its predefined profiles)', () => {
  let s: Simulator;
  let p: ProviderClient;
  beforeAll(async () => {
    s = await sim('11.1.0');
    p = await startProvider(s);
  });
  afterAll(async () => {
    await p?.shutdown();
    await s?.close();
  });

  test('fails when a new resource names the predefined Suite-B-GCM-256: the plan refuses with the import command and says it is predefined', async () => {
    const config = ikeProfile('Suite-B-GCM-256');
    const plan = await p.planResourceChange('panosipsec_ike_crypto_profile', null, config, config);
    const errors = plan.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ summary: 'Object Already Exists', path: ['name'] });
    expect(errors[0].detail).toContain('the IKE crypto profile named "Suite-B-GCM-256" already exists');
    expect(errors[0].detail).toContain('It is predefined');
    expect(errors[0].detail).toContain('terraform import <address> Suite-B-GCM-256');
    expect(errors[0].detail).toContain('import {\n    to = <address>\n    id = "Suite-B-GCM-256"\n  }');
    expect(errors[0].detail).toContain('the provider is not told it');
  });

  test("fails when the name exists only in the candidate, as another admin's uncommitted change: the plan refuses it too", async () => {
    s.config.set(IKE_PROFILES, '<entry name="uncommitted-ike"><encryption><member>aes-256-cbc</member></encryption></entry>');
    const fresh = await startProvider(s);
    try {
      const config = ikeProfile('uncommitted-ike');
      const plan = await fresh.planResourceChange('panosipsec_ike_crypto_profile', null, config, config);
      expect(plan.diagnostics.map((d) => d.summary)).toEqual(['Object Already Exists']);
      expect(plan.diagnostics[0].detail).not.toContain('predefined');
      expect(plan.diagnostics[0].detail).toContain('It is only in the candidate, an uncommitted change of admin "oob-admin".');
    } finally {
      await fresh.shutdown();
      s.config.delete(profileEntry('uncommitted-ike'));
    }
  });

  test('fails when the name appears between plan and apply: the apply refuses and writes nothing', async () => {
    const fresh = await startProvider(s);
    try {
      const config = ikeProfile('late-ike');
      const plan = await fresh.planResourceChange('panosipsec_ike_crypto_profile', null, config, config);
      expect(plan.diagnostics).toEqual([]);
      s.config.set(IKE_PROFILES, '<entry name="late-ike"><encryption><member>aes-256-cbc</member></encryption><hash><member>sha384</member></hash></entry>');
      await s.config.commit();
      const before = s.config.candidate(profileEntry('late-ike'));
      const writesBefore = writeCount(s);
      const applier = await startProvider(s);
      try {
        const applied = await applier.applyResourceChange('panosipsec_ike_crypto_profile', null, plan.planned, config, plan.private);
        expect(applied.state).toBeNull();
        expect(applied.diagnostics.map((d) => d.summary)).toEqual(['Object Already Exists']);
        expect(applied.diagnostics[0].detail).toContain('terraform import <address> late-ike');
      } finally {
        await applier.shutdown();
      }
      expect(s.config.candidate(profileEntry('late-ike'))).toBe(before);
      expect(writeCount(s)).toBe(writesBefore);
    } finally {
      await fresh.shutdown();
      s.config.delete(profileEntry('late-ike'));
      await s.config.commit();
    }
  });

  test('fails when two resources of one apply declare the same name: the second is refused and the first keeps its content', async () => {
    const applier = await startProvider(s);
    try {
      const first = ikeProfile('twice-ike', 'aes-256-cbc');
      const second = ikeProfile('twice-ike', 'aes-128-cbc');
      const plans = await Promise.all([first, second].map((c) => applier.planResourceChange('panosipsec_ike_crypto_profile', null, c, c)));
      expect(plans.flatMap((x) => x.diagnostics)).toEqual([]);
      const [a, b] = await Promise.all([
        applier.applyResourceChange('panosipsec_ike_crypto_profile', null, plans[0].planned, first),
        applier.applyResourceChange('panosipsec_ike_crypto_profile', null, plans[1].planned, second),
      ]);
      expect(a.diagnostics).toEqual([]);
      expect(b.state).toBeNull();
      expect(b.diagnostics.map((d) => d.summary)).toEqual(['Object Name Declared Twice']);
      expect(s.config.candidate(`${profileEntry('twice-ike')}/encryption`)).toContain('aes-256-cbc');
      const removed = await applier.applyResourceChange('panosipsec_ike_crypto_profile', a.state, null, null);
      expect(removed.diagnostics).toEqual([]);
    } finally {
      await applier.shutdown();
    }
  });

  test('WHEN a run of this admin was interrupted after writing a create THEN the rerun writes over its own uncommitted entry, with a warning', async () => {
    const interrupted = await startProvider(s);
    try {
      const config = ikeProfile('interrupted-ike');
      const plan = await interrupted.planResourceChange('panosipsec_ike_crypto_profile', null, config, config);
      // Written to the candidate, but the state Terraform would have saved is lost with the process.
      expect((await interrupted.applyResourceChange('panosipsec_ike_crypto_profile', null, plan.planned, config, plan.private)).diagnostics).toEqual([]);
    } finally {
      interrupted.kill();
    }
    const rerun = await startProvider(s);
    try {
      const config = ikeProfile('interrupted-ike', 'aes-256-cbc');
      const plan = await rerun.planResourceChange('panosipsec_ike_crypto_profile', null, config, config);
      expect(plan.diagnostics.map((d) => [d.severity, d.summary])).toEqual([['warning', 'Uncommitted Object Taken Over']]);
      const applied = await rerun.applyResourceChange('panosipsec_ike_crypto_profile', null, plan.planned, config, plan.private);
      expect(applied.diagnostics).toEqual([]);
      expect(s.config.candidate(`${profileEntry('interrupted-ike')}/encryption`)).toContain('aes-256-cbc');
      expect((await rerun.applyResourceChange('panosipsec_ike_crypto_profile', applied.state, null, null)).diagnostics).toEqual([]);
    } finally {
      await rerun.shutdown();
    }
  });

  test('WHEN a resource is replaced under the same name (terraform apply -replace) THEN the create half of the plan is not refused', async () => {
    const { state } = await planApply(p, 'panosipsec_ike_crypto_profile', null, ikeProfile('replaced-ike'));
    const config = ikeProfile('replaced-ike');
    const first = await p.planResourceChange('panosipsec_ike_crypto_profile', state, config, config);
    // Terraform's second plan of a replacement: prior null, the first plan's private data handed back.
    const second = await p.planResourceChange('panosipsec_ike_crypto_profile', null, config, config, first.private);
    expect(second.diagnostics).toEqual([]);
    const removed = await p.applyResourceChange('panosipsec_ike_crypto_profile', state, null, null);
    expect(removed.diagnostics).toEqual([]);
  });

  test('WHEN an imported predefined profile is destroyed THEN plan and apply warn, nothing is deleted and it stays on the device', async () => {
    const imp = await p.importResourceState('panosipsec_ipsec_crypto_profile', 'Suite-B-GCM-128');
    expect(imp.diagnostics).toEqual([]);
    const state = imp.resources[0].state as ValueObject;
    const plan = await p.planResourceChange('panosipsec_ipsec_crypto_profile', state, null, null);
    expect(plan.diagnostics).toHaveLength(1);
    expect(plan.diagnostics[0]).toMatchObject({ severity: 'warning', summary: 'Predefined Object Kept On The Device' });
    expect(plan.diagnostics[0].detail).toContain('will only remove it from Terraform state');
    const writesBefore = writeCount(s);
    const applied = await p.applyResourceChange('panosipsec_ipsec_crypto_profile', state, null, null);
    expect(applied.state).toBeNull();
    expect(applied.diagnostics.map((d) => [d.severity, d.summary])).toEqual([['warning', 'Predefined Object Kept On The Device']]);
    expect(writeCount(s)).toBe(writesBefore);
    expect(s.config.candidate(`${IPSEC_PROFILES}/entry[@name='Suite-B-GCM-128']`)).toContain('aes-128-gcm');
  });
});
