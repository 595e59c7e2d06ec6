import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDrift } from '../../src/cycle/drift-run';
import { parseXml, childrenNamed, child } from '../../src/panos/xml';
import { captureIo } from './fixtures';

// Drives the drift command through real terraform on a synthesized stack made by hand, using Terraform's builtin
// terraform_data resource (no provider download): init, plan -out and show -json run for real.
function requireTerraform(): void {
  try {
    execFileSync('terraform', ['version'], { stdio: 'ignore' });
  } catch {
    throw new Error('terraform is not on PATH: the drift command tests need the terraform binary (1.11.x). Install it and rerun.');
  }
}

describe('panos-ipsec drift with real terraform', () => {
  let dir: string;
  let mirror: string;
  const stackDir = (): string => join(dir, 'cdktf.out', 'stacks', 'vpn');
  const declare = (window: string): void => {
    const doc = {
      terraform: { backend: { local: { path: 'terraform.vpn.tfstate' } } },
      resource: {
        terraform_data: {
          tunnel: { input: { anti_replay_window: window, psk: '${sensitive("drift-test-psk")}' } },
          gateway: { input: { peer: '203.0.113.9' } },
        },
      },
    };
    writeFileSync(join(stackDir(), 'cdk.tf.json'), JSON.stringify(doc, null, 1));
  };
  const env = (): NodeJS.ProcessEnv => ({ ...process.env, CHECKPOINT_DISABLE: '1' });

  beforeAll(() => requireTerraform());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cycle-drift-'));
    mirror = join(dir, 'mirror');
    writeFileSync(join(dir, 'cdktf.json'), '{"app":"false"}');
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(dir, 'cdktf.json'), past, past);
    mkdirSync(stackDir(), { recursive: true });
    writeFileSync(join(dir, 'cdktf.out', 'manifest.json'), JSON.stringify({ stacks: { vpn: { name: 'vpn', workingDirectory: 'stacks/vpn' } } }));
    declare('1024');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('GIVEN a deployed stack WHEN nothing changed THEN exit 0; WHEN the declaration and device differ THEN exit 2 with the attribute, JSON and JUnit', async () => {
    const tfEnv = { ...env(), TF_CLI_CONFIG_FILE: '/dev/null' };
    execFileSync('terraform', ['init', '-input=false'], { cwd: stackDir(), env: tfEnv, stdio: 'ignore' });
    execFileSync('terraform', ['apply', '-auto-approve', '-input=false'], { cwd: stackDir(), env: tfEnv, stdio: 'ignore' });

    const clean = captureIo();
    expect(await runDrift({ dir, mirror }, env(), clean)).toBe(0);
    expect(clean.stdout()).toContain('No drift in stack vpn: all 2 resource(s)');

    declare('512');
    const io = captureIo();
    const junit = join(dir, 'drift.xml');
    expect(await runDrift({ dir, mirror, json: true, junit }, env(), io)).toBe(2);
    const doc = JSON.parse(io.stdout());
    expect(doc).toMatchObject({ command: 'drift', exitCode: 2, stack: 'vpn', drifted: true, counts: { total: 2, drifted: 1 } });
    const tunnel = doc.resources.find((r: { address: string }) => r.address === 'terraform_data.tunnel');
    expect(tunnel.diffs).toEqual([{ path: 'input.anti_replay_window', device: '"1024"', declared: '"512"' }]);
    expect(io.stdout() + io.stderr()).not.toContain('drift-test-psk');
    const suite = child(parseXml(readFileSync(junit, 'utf8')), 'testsuite');
    expect(childrenNamed(suite, 'testcase').map((c) => [c.attrs.name, child(c, 'failure') !== undefined])).toEqual([
      ['terraform_data.gateway', false],
      ['terraform_data.tunnel', true],
    ]);
    process.stdout.write('REAL-TERRAFORM TESTS RAN (drift command)\n');
  }, 120_000);

  test('fails when terraform cannot plan: exit 1 with terraform\'s error lines', async () => {
    writeFileSync(join(stackDir(), 'cdk.tf.json'), '{"resource":{"terraform_data":{"x":{"bogus_attribute":1}}}}');
    const io = captureIo();
    expect(await runDrift({ dir, mirror }, env(), io)).toBe(1);
    expect(io.stderr()).toMatch(/terraform (init|plan) failed in .*stacks\/vpn/);
    expect(io.stderr()).toContain('bogus_attribute');
  }, 120_000);
});
