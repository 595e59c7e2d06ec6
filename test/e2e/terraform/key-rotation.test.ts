/**
 * Real terraform: rotating the IKE gateway's write-only pre-shared key. A new `pre_shared_key_wo` value reaches the
 * device only with a `pre_shared_key_wo_version` bump; the apply updates the gateway alone (its crypto profile is
 * unchanged, so Terraform does not plan it again in the apply's provider process) and commits once; neither state nor
 * output ever holds either key.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startSimulator, type Simulator } from '../../../src/sim';
import { requireTerraform, TerraformWorkspace } from './workspace';

const GW_KEY = "/config/devices/entry[@name='localhost.localdomain']/network/ike/gateway/entry[@name='tm-gw']/authentication/pre-shared-key/key";
const OLD_PSK = 'e2e-Transport-Psk-9f3c';
const NEW_PSK = 'e2e-Rotated-Psk-41d7';

describe('GIVEN the transport set applied with a write-only pre-shared key', () => {
  let sim: Simulator;
  let ws: TerraformWorkspace;

  beforeAll(async () => {
    requireTerraform();
    sim = await startSimulator({ panosVersion: '11.1.0', commitDurationMs: 100 });
    ws = TerraformWorkspace.create('transport', sim);
  });

  afterAll(async () => {
    ws?.remove();
    await sim?.close();
  });

  test('WHEN the key and its version change THEN only the gateway is updated, the device key changes and one commit follows', async () => {
    await ws.expectRun(['init', '-input=false'], 0);
    await ws.expectRun(['apply', '-auto-approve', '-input=false'], 0);
    const keyBefore = sim.config.running(GW_KEY);
    expect(keyBefore).toContain('<key>');

    const mainTf = path.join(ws.workDir, 'main.tf');
    const text = fs.readFileSync(mainTf, 'utf8');
    // Without the version bump the new value is ignored: write-only values are not compared.
    fs.writeFileSync(mainTf, text.replace(`default   = "${OLD_PSK}"`, `default   = "${NEW_PSK}"`));
    await ws.expectRun(['plan', '-detailed-exitcode', '-input=false'], 0);

    fs.writeFileSync(mainTf, fs.readFileSync(mainTf, 'utf8').replace('pre_shared_key_wo_version = 1', 'pre_shared_key_wo_version = 2'));
    const commits = sim.counters.snapshot().commits;
    const apply = await ws.expectRun(['apply', '-auto-approve', '-input=false'], 0);
    expect(apply.out).toContain('panosipsec_ike_gateway.gw: Modifying');
    expect(apply.out).toMatch(/Apply complete! Resources: 0 added, 2 changed, 0 destroyed\./);
    expect(sim.counters.snapshot().commits - commits).toBe(1);
    expect(sim.config.running(GW_KEY)).not.toBe(keyBefore);
    expect(sim.config.pendingChanges()).toBe(false);
    for (const secret of [OLD_PSK, NEW_PSK]) {
      expect(ws.stateText()).not.toContain(secret);
      expect(apply.out).not.toContain(secret);
    }
    await ws.expectRun(['plan', '-detailed-exitcode', '-input=false'], 0);
    console.log('REAL-TERRAFORM TESTS RAN (write-only key rotation)');
  }, 180_000);
});
