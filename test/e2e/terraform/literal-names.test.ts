/**
 * Real terraform 1.11.4 against the simulator playing PAN-OS 11.1: objects that name each other only by quoted strings
 * (for_each over three transport tunnels, so Terraform creates and destroys them in parallel, in no set order) plan,
 * apply with one commit, plan no change and destroy cleanly; a name declared nowhere is an error before anything is
 * written, naming the resource, the attribute and the value.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startSimulator, type Simulator } from '../../../src/sim';
import { requireTerraform, TerraformWorkspace, unwrapped, withoutEmptyContainers } from './workspace';

const DEV = "/config/devices/entry[@name='localhost.localdomain']";
const TUNNELS = `${DEV}/network/tunnel/ipsec`;

describe('GIVEN HCL whose tunnels name their interface, gateway and profiles by quoted strings, and a PAN-OS 11.1 simulator', () => {
  let sim: Simulator;
  let ws: TerraformWorkspace;

  beforeAll(async () => {
    requireTerraform();
    sim = await startSimulator({ panosVersion: '11.1.0', commitDurationMs: 100 });
    ws = TerraformWorkspace.create('literal-names', sim);
  });

  afterAll(async () => {
    if (ws) console.log(`terraform timings (literal names): ${ws.timings.join(', ')}`);
    ws?.remove();
    await sim?.close();
  });

  test('WHEN planned, applied, planned again and destroyed THEN every step succeeds with one commit per apply', async () => {
    const baseline = sim.config.running();
    await ws.expectRun(['init', '-input=false'], 0);
    const commitsBefore = sim.counters.snapshot().commits;
    const apply = await ws.expectRun(['apply', '-auto-approve', '-input=false'], 0);
    expect(apply.out).toContain('Apply complete! Resources: 13 added, 0 changed, 0 destroyed.');
    expect(sim.counters.snapshot().commits - commitsBefore).toBe(1);
    expect(sim.config.pendingChanges()).toBe(false);
    for (const k of ['a', 'b', 'c']) {
      const tunnel = sim.config.running(`${TUNNELS}/entry[@name='lit-${k}']`);
      expect(tunnel).toContain(`<entry name="lit-gw-${k}"/>`);
      expect(tunnel).toContain('<ipsec-mode>transport</ipsec-mode>');
    }

    expect((await ws.expectRun(['plan', '-detailed-exitcode', '-input=false'], 0)).out).toContain('No changes.');

    const destroy = await ws.expectRun(['destroy', '-auto-approve', '-input=false'], 0);
    expect(destroy.out).toContain('Destroy complete! Resources: 13 destroyed.');
    expect(sim.config.pendingChanges()).toBe(false);
    expect(withoutEmptyContainers(sim.config.running())).toBe(withoutEmptyContainers(baseline));
  }, 300_000);

  test('fails when a tunnel names a gateway declared nowhere: the plan names the resource, attribute and value, and nothing is written', async () => {
    const before = sim.config.candidate();
    const mainTf = path.join(ws.workDir, 'main.tf');
    ws.writeMain(fs.readFileSync(mainTf, 'utf8').replace('ike_gateways         = ["lit-gw-${each.key}"]', 'ike_gateways         = [each.key == "a" ? "lit-gw-missing" : "lit-gw-${each.key}"]'));
    const plan = unwrapped((await ws.expectRun(['plan', '-input=false'], 1)).out);
    expect(plan).toContain('Error: Reference To A Missing Object');
    expect(plan).toContain('panosipsec_ipsec_tunnel with name "lit-a": auto_key.ike_gateways names the IKE gateway "lit-gw-missing", which is neither on the device nor declared in this configuration');
    expect(plan).toContain('declare a panosipsec_ike_gateway with name = "lit-gw-missing"');
    // `apply` plans first: the same error, and still nothing written.
    expect(unwrapped((await ws.expectRun(['apply', '-auto-approve', '-input=false'], 1)).out)).toContain('Error: Reference To A Missing Object');
    expect(sim.config.candidate()).toBe(before);
  }, 120_000);
});
