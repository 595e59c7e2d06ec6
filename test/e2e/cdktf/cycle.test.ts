import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo } from '../../../src/cycle/demo';
import { appLocation, listStacks, pickStack, synth, toolEnv } from '../../../src/cycle/cdktf-app';
import { runChild } from '../../../src/cycle/processes';
import { connectionEnvFor } from '../../../src/panos/connection-env';
import { startSimulator } from '../../../src/sim';
import type { Io } from '../../../src/cycle/io';

// The user's cycle through the real cdktf CLI and terraform against the simulator. The provider runs from dist/,
// so `npm test` (which builds first) or `npm run build` must have run.
const APP = join(__dirname, 'fixtures', 'transport-app');

function requireTerraform(): void {
  try {
    execFileSync('terraform', ['version'], { stdio: 'ignore' });
  } catch {
    throw new Error('terraform is not on PATH: the cdktf end-to-end tests need the terraform binary (1.11.x). Install it and rerun.');
  }
}

function capture(): Io & { text: () => string } {
  let text = '';
  return { out: (s) => void (text += s), err: (s) => void (text += s), text: () => text };
}

describe('cdktf cycle against the simulator (real terraform)', () => {
  beforeAll(() => requireTerraform());

  test('GIVEN examples/transport-bgp on a two-device lab WHEN the demo deploys both firewalls, breaks one IPSec proposal out of band and repairs it THEN status, pair-check, drift, downgrade-check and destroy give every expected exit code and both devices are back as before', async () => {
    const io = capture();
    const result = await runDemo({ commitMs: 200, io, env: { TF_VAR_bgp_psk: 'e2e-cycle-psk-0123' } });
    const got = result.steps.map((s) => [s.title, s.actual]);
    if (!result.ok) process.stderr.write(io.text().slice(-8000));
    expect(got).toEqual([
      ['deploy fw-a (cdktf deploy)', 0],
      ['deploy fw-b (cdktf deploy)', 0],
      ['panos-ipsec status --inventory lab.json: the tunnel is up on both firewalls', 0],
      ['panos-ipsec pair-check --inventory lab.json: both ends compatible', 0],
      ['plan fw-a: nothing to change (cdktf diff)', 0],
      ['out-of-band change on fw-b through the XML API, committed', 0],
      ['panos-ipsec status: the tunnel is down, with the reason', 4],
      ['panos-ipsec pair-check: the two ends are not compatible', 3],
      ['panos-ipsec drift (fw-b): finds the change', 2],
      ['deploy fw-b repairs the drift', 0],
      ['panos-ipsec drift (fw-b): nothing left', 0],
      ['panos-ipsec status: the tunnel is up again', 0],
      ['panos-ipsec downgrade-check --to 10.2.9 (fw-a): the transport tunnel blocks it', 3],
      ['destroy fw-a (cdktf destroy)', 0],
      ['destroy fw-b (cdktf destroy)', 0],
      ['running config of each firewall equals the one before deploy', 0],
    ]);
    expect(result.configRestored).toBe(true);
    const out = (title: RegExp): string => result.steps.find((s) => title.test(s.title))?.output ?? '';
    expect(out(/tunnel is up on both/)).toMatch(/fw-a\s+bgp\s+gw-bgp\s+198\.51\.100\.2\s+transport\s+up\s+up/);
    expect(out(/tunnel is up on both/)).toMatch(/fw-b\s+bgp\s+gw-bgp\s+198\.51\.100\.1\s+transport\s+up\s+up/);
    expect(out(/tunnel is up on both/)).toContain('```mermaid\nflowchart LR\n');
    expect(out(/tunnel is down/)).toMatch(/ESP authentication mismatch/);
    expect(out(/not compatible/)).toMatch(/PANOS-PEER-005: .*espAuthentication|PANOS-PEER-005: [^\n]*sha256/);
    expect(out(/finds the change/)).toMatch(/panosipsec_ipsec_crypto_profile\.[^:]+: changed/);
    expect(out(/finds the change/)).toMatch(/esp_authentication/);
    expect(out(/downgrade-check/)).toMatch(/IPSec tunnel\s+bgp\s+ipsec_mode\s+transport\s+11\.0\.0/);
    expect(io.text()).not.toContain('e2e-cycle-psk-0123');
    process.stdout.write('REAL-TERRAFORM TESTS RAN (cdktf cycle, two-device demo)\n');
  }, 480_000);

  test('fails when a transport tunnel is planned by terraform with a provider downgrade_target_version of 10.2.9: the plan stops with PANOS-TM-002', async () => {
    // Synth passes (no target declared in the app); the target is then set in the synthesized provider block, as a
    // plain-HCL user would write it, so the provider's plan-time check is what stops it.
    const sim = await startSimulator({ panosVersion: '11.1.0', commitDurationMs: 50 });
    const work = mkdtempSync(join(tmpdir(), 'e2e-downgrade-'));
    try {
      const app = appLocation({ dir: APP, output: join(work, 'cdktf.out') });
      const { env } = toolEnv({ ...process.env, ...connectionEnvFor(sim), TF_VAR_bgp_psk: 'e2e-downgrade-psk' }, { mirror: join(work, 'mirror') });
      expect((await synth(app, env)).code).toBe(0);
      const stack = pickStack(listStacks(app.output), 'vpn', app.output);
      const file = join(stack.workingDirectory, 'cdk.tf.json');
      const doc = JSON.parse(readFileSync(file, 'utf8')) as { provider: Record<string, Record<string, unknown>[]> };
      const providerName = Object.keys(doc.provider)[0];
      doc.provider[providerName][0].downgrade_target_version = '10.2.9';
      writeFileSync(file, JSON.stringify(doc, null, 2));
      expect((await runChild('terraform', ['init', '-input=false', '-no-color'], { cwd: stack.workingDirectory, env })).code).toBe(0);
      const plan = await runChild('terraform', ['plan', '-input=false', '-no-color'], { cwd: stack.workingDirectory, env });
      expect(plan.code).toBe(1);
      expect(plan.stderr + plan.stdout).toContain('PANOS-TM-002');
      expect(plan.stderr + plan.stdout).toContain('10.2.9');
      expect(sim.counters.snapshot().byAction['config:set'] ?? 0).toBe(0);
      process.stdout.write('REAL-TERRAFORM TESTS RAN (downgrade target plan error)\n');
    } finally {
      rmSync(work, { recursive: true, force: true });
      await sim.close();
    }
  }, 120_000);
});
