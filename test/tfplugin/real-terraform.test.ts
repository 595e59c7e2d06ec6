/**
 * Smoke test with the real `terraform` binary: the echo example provider installed from a filesystem mirror, then
 * init, apply, a no-change plan, a drift plan and destroy. Terraform is part of the project's machine image; without
 * it this test fails and says so.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { providerSchemaToJson } from '../../src/tfplugin/schema';
import { buildEchoProvider } from './fixtures/build-echo-provider';
import { SCHEMA } from './fixtures/echo-provider';

function terraformOnPath(): boolean {
  return spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;
}

function osArch(): string {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch === 'ia32' ? '386' : process.arch;
  return `${process.platform}_${arch}`;
}

describe('the echo provider under real terraform', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  const tf = (...args: string[]): { status: number | null; out: string } => {
    const r = spawnSync('terraform', args, { cwd: path.join(dir, 'work'), env, encoding: 'utf8', timeout: 120000 });
    return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tfp-real-'));
    const pkgDir = path.join(dir, 'mirror', 'example.com', 'test', 'echo', '0.1.0', osArch());
    fs.mkdirSync(pkgDir, { recursive: true });
    buildEchoProvider(pkgDir, 'terraform-provider-echo_v0.1.0');
    fs.writeFileSync(path.join(dir, 'cli.tfrc'),
      `provider_installation {\n  filesystem_mirror {\n    path    = "${path.join(dir, 'mirror')}"\n    include = ["example.com/*/*"]\n  }\n}\n`);
    fs.mkdirSync(path.join(dir, 'work'));
    fs.writeFileSync(path.join(dir, 'work', 'main.tf'), `
terraform {
  required_providers {
    echo = { source = "example.com/test/echo", version = "0.1.0" }
  }
}
provider "echo" {
  prefix = "tf-"
}
resource "echo_thing" "a" {
  name = "alpha"
  size = 2
  tags = { env = "dev" }
  rule {
    port = 443
  }
}
data "echo_lookup" "l" {
  name = echo_thing.a.id
}
output "greeting" {
  value = data.echo_lookup.l.greeting
}
`);
    env = {
      ...process.env,
      TF_CLI_CONFIG_FILE: path.join(dir, 'cli.tfrc'),
      CHECKPOINT_DISABLE: '1',
      TF_IN_AUTOMATION: '1',
      ECHO_STORE: path.join(dir, 'store.json'),
    };
    delete env.TF_LOG;
    delete env.TF_PLUGIN_CACHE_DIR;
    delete env.TF_REATTACH_PROVIDERS;
  });

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('GIVEN a config using the provider WHEN init, apply, plan, drift plan and destroy run THEN each behaves as Terraform users expect', () => {
    if (!terraformOnPath()) {
      throw new Error('terraform is required for this test but is not on PATH. It ships with the project machine image (v1.11.4); install it or run on that image.');
    }
    const init = tf('init', '-input=false', '-no-color');
    expect(init.out).toContain('Terraform has been successfully initialized');
    expect(init.status).toBe(0);

    // Terraform's own `providers schema -json` must match what providerSchemaToJson writes for cdktf's generator.
    const schemaJson = tf('providers', 'schema', '-json');
    expect(schemaJson.status).toBe(0);
    const doc = JSON.parse(schemaJson.out.trim().split('\n')[0]) as Record<string, unknown>;
    expect(doc).toEqual(providerSchemaToJson(SCHEMA, 'example.com/test/echo'));

    const apply = tf('apply', '-auto-approve', '-input=false', '-no-color');
    expect(apply.out).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
    expect(apply.out).toContain('greeting = "hello tf-alpha"');
    expect(apply.status).toBe(0);

    const clean = tf('plan', '-detailed-exitcode', '-input=false', '-no-color');
    expect(clean.out).toContain('No changes.');
    expect(clean.status).toBe(0);

    // The remote object disappears behind Terraform's back: the next plan must want to create it again.
    fs.writeFileSync(path.join(dir, 'store.json'), '{}');
    const drift = tf('plan', '-detailed-exitcode', '-input=false', '-no-color');
    expect(drift.out).toContain('echo_thing.a will be created');
    expect(drift.status).toBe(2);

    const destroy = tf('destroy', '-auto-approve', '-input=false', '-no-color');
    expect(destroy.out).toContain('Destroy complete!');
    expect(destroy.status).toBe(0);
    console.log('REAL-TERRAFORM TESTS RAN');
  }, 240_000);
});
