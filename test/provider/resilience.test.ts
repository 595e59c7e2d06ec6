/**
 * The provider against a simulator that refuses one write or echoes a pre-shared key back in a failure: what the
 * Terraform user gets back per resource.
 */
import type { Simulator } from '../../src/sim';
import type { Diagnostic } from '../../src/tfplugin/diagnostics';
import type { ValueObject } from '../../src/tfplugin/values';
import { cleanBuild, planApply, sim, startProvider } from './fixtures/session';
import { transportSet } from './fixtures/transport-set';
import { obj, resource } from './fixtures/values';

afterAll(cleanBuild);

const DEV = "/config/devices/entry[@name='localhost.localdomain']";
// Characters that every wire spelling writes differently.
const PSK = "Tr4nsp&rt k+y/=<é>'!9";

/** The spellings a key can take on the way back from a device, made here independently of the provider's redactor. */
function spellings(key: string): string[] {
  const xml = key.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');
  const forms = [key, encodeURIComponent(key), new URLSearchParams({ k: key }).toString().slice(2), xml, escape(key)];
  return [...new Set(forms)];
}

function text(diags: readonly Diagnostic[]): string {
  return diags.map((d) => `${d.summary}\n${d.detail ?? ''}`).join('\n');
}

describe('GIVEN a PAN-OS 11.1 simulator', () => {
  let s: Simulator;
  beforeAll(async () => {
    s = await sim('11.1.0');
  });
  afterAll(async () => {
    await s?.close();
  });

  test.each([
    ['written in the same run', 'same'],
    ['written by an earlier run (this run only read the gateway)', 'later'],
  ] as const)('WHEN a commit fails and the device echoes the pre-shared key %s THEN every spelling of the key is masked', async (_label, when) => {
    expect(spellings(PSK).length).toBeGreaterThanOrEqual(4);
    const n = when === 'same' ? 41 : 42;
    const set = transportSet(n, { psk: 'plain' }).map(([type, config]): [string, ValueObject] =>
      type === 'panosipsec_ike_gateway' ? [type, { ...config, pre_shared_key: PSK }] : [type, config]);
    const writer = await startProvider(s);
    let gw: { state: ValueObject; priv: Buffer } | undefined;
    try {
      for (const [type, config] of set.slice(0, 4)) {
        const r = await planApply(writer, type, null, config);
        if (type === 'panosipsec_ike_gateway') gw = { state: r.state, priv: r.priv };
      }
    } finally {
      if (when === 'later') await writer.shutdown();
    }
    const p = when === 'same' ? writer : await startProvider(s);
    try {
      if (when === 'later') await p.readResource('panosipsec_ike_gateway', gw!.state, gw!.priv);
      s.faults.add({ kind: 'commit-fail', times: 1, lines: ['Validation Error:', ...spellings(PSK).map((k, i) => `gw-${n} -> pre-shared-key '${k}' spelling ${i} is invalid`)] });
      const commit = resource('panosipsec_commit', { triggers: obj({ gw: String(gw!.state.revision) }) });
      const plan = await p.planResourceChange('panosipsec_commit', null, commit, commit);
      const applied = await p.applyResourceChange('panosipsec_commit', null, plan.planned, commit, plan.private);
      const shown = text(applied.diagnostics);
      expect(shown).toContain('Commit Failed');
      expect(shown).toContain(`gw-${n} -> pre-shared-key '***' spelling 0 is invalid`);
      for (const form of spellings(PSK)) {
        expect(shown).not.toContain(form);
        expect(p.stderr()).not.toContain(form);
      }
    } finally {
      await p.shutdown();
      s.faults.clear();
      await s.config.commit().catch(() => undefined);
    }
  });

  test('WHEN three resources are applied together and the device refuses one THEN only that one fails, with the device\'s words, and the others are written', async () => {
    const p = await startProvider(s);
    try {
      s.faults.add({ kind: 'write-error', lines: ["ike-bad-2 -> dh-group 'group20' is not supported by this model"], match: { xpathIncludes: "entry[@name='ike-bad-2']" } });
      const names = ['ike-ok-1', 'ike-bad-2', 'ike-ok-3'];
      const configs = names.map((name) => resource('panosipsec_ike_crypto_profile', { name, dh_groups: ['group20'], authentication: ['sha384'], encryption: ['aes-256-gcm'] }));
      const plans = await Promise.all(configs.map((c) => p.planResourceChange('panosipsec_ike_crypto_profile', null, c, c)));
      // Terraform applies independent resources in parallel: one batch of writes.
      const results = await Promise.all(configs.map((c, i) => p.applyResourceChange('panosipsec_ike_crypto_profile', null, plans[i].planned, c, plans[i].private)));
      const failed = results.map((r, i) => (r.diagnostics.some((d) => d.severity === 'error') ? names[i] : undefined)).filter(Boolean);
      expect(failed).toEqual(['ike-bad-2']);
      expect(text(results[1].diagnostics)).toContain('panosipsec_ike_crypto_profile with name "ike-bad-2"');
      expect(text(results[1].diagnostics)).toContain("dh-group 'group20' is not supported by this model");
      expect(results[1].state).toBeNull();
      for (const name of ['ike-ok-1', 'ike-ok-3']) {
        expect(s.config.candidate(`${DEV}/network/ike/crypto-profiles/ike-crypto-profiles/entry[@name='${name}']`)).toContain(name);
      }
    } finally {
      await p.shutdown();
      s.faults.clear();
    }
  });
});
