/**
 * Real terraform 1.11.4 against the simulator playing PAN-OS 11.1, as a new user would meet the provider:
 * - a create over an existing name (a predefined profile, another administrator's profile) is refused at plan with the
 *   import that adopts it, nothing is written, and the import block it suggests works; destroying the adopted
 *   predefined profile leaves it on the device;
 * - a deploy whose commit the device refuses leaves the change in the candidate; once the code is put back, the next
 *   plan shows the object update that undoes it (reads come from the candidate) and the next deploy commits.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startSimulator, type Simulator } from '../../../src/sim';
import { requireTerraform, TerraformWorkspace, unwrapped } from './workspace';

const DEV = "/config/devices/entry[@name='localhost.localdomain']";
const SUITE_B_256 = `${DEV}/network/ike/crypto-profiles/ike-crypto-profiles/entry[@name='Suite-B-GCM-256']`;
const IPSEC_PROFILES = `${DEV}/network/ike/crypto-profiles/ipsec-crypto-profiles`;
const GATEWAY = `${DEV}/network/ike/gateway/entry[@name='tm-gw']`;

describe('GIVEN a PAN-OS 11.1 simulator and plain HCL', () => {
  let sim: Simulator;
  const workspaces: TerraformWorkspace[] = [];

  beforeAll(async () => {
    requireTerraform();
    sim = await startSimulator({ panosVersion: '11.1.0', commitDurationMs: 100 });
  });

  afterAll(async () => {
    for (const ws of workspaces) {
      console.log(`terraform timings (${path.basename(ws.workDir)}): ${ws.timings.join(', ')}`);
      ws.remove();
    }
    await sim?.close();
  });

  const workspace = (fixture: string): TerraformWorkspace => {
    const ws = TerraformWorkspace.create(fixture, sim);
    workspaces.push(ws);
    return ws;
  };

  test('fails when resources name existing objects: refused at plan with the import, nothing written; the import block adopts, destroy keeps the predefined one', async () => {
    sim.config.set(IPSEC_PROFILES, '<entry name="their-ipsec"><esp><encryption><member>aes-128-gcm</member></encryption><authentication><member>none</member></authentication></esp><dh-group>group19</dh-group></entry>');
    await sim.config.commit();
    const before = sim.config.candidate();
    const ws = workspace('takeover');
    await ws.expectRun(['init', '-input=false'], 0);

    const plan = unwrapped((await ws.expectRun(['plan', '-input=false'], 1)).out);
    expect(plan).toContain('Error: Object Already Exists');
    expect(plan).toContain('with panosipsec_ike_crypto_profile.suite,');
    expect(plan).toContain('the IKE crypto profile named "Suite-B-GCM-256" already exists');
    expect(plan).toContain('It is predefined');
    expect(plan).toContain('terraform import <address> Suite-B-GCM-256');
    expect(plan).toContain('import { to = <address> id = "Suite-B-GCM-256" }');
    expect(plan).toContain('with panosipsec_ipsec_crypto_profile.theirs,');
    expect(plan).toContain('terraform import <address> their-ipsec');
    const apply = await ws.expectRun(['apply', '-auto-approve', '-input=false'], 1);
    expect(apply.out).toContain('Error: Object Already Exists');
    expect(sim.config.candidate()).toBe(before);
    expect(sim.config.pendingChanges()).toBe(false);

    // The fix the message gives, for the predefined profile: an import block and a declaration of what it holds.
    ws.addFixture('takeover-adopted');
    const adopted = await ws.expectRun(['apply', '-auto-approve', '-input=false'], 0);
    expect(adopted.out).toContain('Apply complete! Resources: 1 imported, 2 added, 0 changed, 0 destroyed.');
    expect((await ws.expectRun(['plan', '-detailed-exitcode', '-input=false'], 0)).out).toContain('No changes.');
    const destroy = await ws.expectRun(['destroy', '-auto-approve', '-input=false'], 0);
    expect(destroy.out).toContain('Warning: Predefined Object Kept On The Device');
    expect(destroy.out).toContain('Destroy complete! Resources: 3 destroyed.');
    expect(sim.config.running(SUITE_B_256)).toContain('<member>aes-256-cbc</member>');
    expect(sim.config.candidate()).toBe(before);
  }, 300_000);

  test('WHEN a deploy fails at commit and the code is put back THEN the next plan shows the repair and the next deploy commits', async () => {
    const ws = workspace('transport');
    await ws.expectRun(['init', '-input=false'], 0);
    await ws.expectRun(['apply', '-auto-approve', '-input=false'], 0);
    const mainTf = path.join(ws.workDir, 'main.tf');
    const good = fs.readFileSync(mainTf, 'utf8');

    // A gateway on an interface the firewall does not have: valid for the schema and the rules, refused at commit.
    fs.writeFileSync(mainTf, good.replace('local_interface           = "ethernet1/1"', 'local_interface           = "ethernet1/9"'));
    const failed = await ws.expectRun(['apply', '-auto-approve', '-input=false'], 1);
    expect(failed.out).toContain('Error: Commit Failed');
    expect(failed.out).toContain("'ethernet1/9' is not a valid reference");
    expect(sim.config.running(`${GATEWAY}/local-address`)).toContain('ethernet1/1');
    expect(sim.config.candidate(`${GATEWAY}/local-address`)).toContain('ethernet1/9');

    // The code is put back: the plan shows the gateway update the candidate needs, not only another commit.
    fs.writeFileSync(mainTf, good);
    const plan = await ws.expectRun(['plan', '-detailed-exitcode', '-input=false'], 2);
    expect(plan.out).toContain('panosipsec_ike_gateway.gw will be updated in-place');
    expect(plan.out).toMatch(/local_interface\s+= "ethernet1\/9" -> "ethernet1\/1"/);
    const repaired = await ws.expectRun(['apply', '-auto-approve', '-input=false'], 0);
    expect(repaired.out).toMatch(/Apply complete! Resources: 0 added, [12] changed, 0 destroyed\./);
    expect(sim.config.running(`${GATEWAY}/local-address`)).toContain('ethernet1/1');
    expect(sim.config.pendingChanges()).toBe(false);
    // Drift detection (a plan against the device) agrees: nothing left to do.
    expect((await ws.expectRun(['plan', '-detailed-exitcode', '-input=false'], 0)).out).toContain('No changes.');
    await ws.expectRun(['destroy', '-auto-approve', '-input=false'], 0);
    console.log('REAL-TERRAFORM TESTS RAN (no take-over; recovery after a failed commit)');
  }, 300_000);
});
