/**
 * Real terraform and the install-provider mirror: init resolves our source offline, the lock file stays valid when
 * install-provider runs again, Terraform's own `providers schema -json` equals what `panos-ipsec schema` prints (the
 * document the L1 bindings are generated from), and every fixture validates against the served schema.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { providerSchemaJson } from '../../../src/provider/schema';
import { startSimulator, type Simulator } from '../../../src/sim';
import { requireTerraform, TerraformWorkspace } from './workspace';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('GIVEN the provider installed with install-provider into a temporary mirror', () => {
  let sim: Simulator;
  let ws: TerraformWorkspace;

  beforeAll(async () => {
    requireTerraform();
    sim = await startSimulator({ panosVersion: '11.1.0' });
    ws = TerraformWorkspace.create('transport', sim);
  });

  afterAll(async () => {
    ws?.remove();
    await sim?.close();
  });

  test('WHEN terraform init runs, install-provider runs again and init runs again THEN the lock file still matches the mirror', async () => {
    const init = await ws.expectRun(['init', '-input=false'], 0);
    expect(init.out).toContain('Installing cdktf-panos-ipsec.dev/panos/panosipsec');
    const lock = fs.readFileSync(path.join(ws.workDir, '.terraform.lock.hcl'), 'utf8');
    expect(lock).toContain(`provider "${ws.install.source}"`);
    expect(lock).toContain(`version = "${ws.install.version}"`);

    const again = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'panos-ipsec'), 'install-provider', '--mirror', ws.install.mirror], { encoding: 'utf8' });
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual(ws.install);
    const reinit = await ws.expectRun(['init', '-input=false'], 0);
    expect(reinit.out).toContain('Terraform has been successfully initialized');
    expect(fs.readFileSync(path.join(ws.workDir, '.terraform.lock.hcl'), 'utf8')).toBe(lock);
  }, 120_000);

  test('WHEN terraform prints the provider schema THEN it equals providerSchemaJson() and the schema command output', async () => {
    await ws.expectRun(['init', '-input=false'], 0);
    const r = await ws.expectRun(['providers', 'schema', '-json'], 0);
    const fromTerraform = JSON.parse(r.stdout.trim().split('\n')[0]) as Record<string, unknown>;
    expect(fromTerraform).toEqual(providerSchemaJson());

    const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'panos-ipsec'), 'schema'], { encoding: 'utf8' });
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(fromTerraform);
  }, 120_000);

  test.each(['transport', 'scale'])('WHEN terraform validate runs on the %s fixture THEN it is valid against the served schema', async (fixture) => {
    const other = TerraformWorkspace.create(fixture, sim);
    try {
      await other.expectRun(['init', '-input=false'], 0);
      const v = await other.expectRun(['validate'], 0);
      expect(v.out).toContain('Success! The configuration is valid');
    } finally {
      other.remove();
    }
  }, 120_000);
});
