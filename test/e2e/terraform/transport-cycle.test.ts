/**
 * Real terraform 1.11.4 against the simulator playing PAN-OS 11.1: the whole life of a transport-mode set in plain
 * HCL — apply, a clean plan, out-of-band drift detected and repaired, import of an object made on the device, a
 * resource removed while another changes, and a destroy that leaves the running config exactly as it was before the first apply. Commits are counted per apply.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startSimulator, type Simulator } from '../../../src/sim';
import { requireTerraform, TerraformWorkspace, withoutEmptyContainers } from './workspace';

const DEV = "/config/devices/entry[@name='localhost.localdomain']";
const VSYS = `${DEV}/vsys/entry[@name='vsys1']`;
const TUNNEL = `${DEV}/network/tunnel/ipsec/entry[@name='tm-peer-a']`;
const MONITOR = `${DEV}/network/profiles/monitor-profile/entry[@name='tm-monitor']`;
const IKE_PROFILES = `${DEV}/network/ike/crypto-profiles/ike-crypto-profiles`;
const PSK = 'e2e-Transport-Psk-9f3c';

/** The HCL without one resource block and without every line that refers to it (triggers, depends_on). */
function withoutResource(hcl: string, type: string, name: string): string {
  const start = hcl.indexOf(`resource "${type}" "${name}" {`);
  const end = hcl.indexOf('\n}\n', start);
  if (start < 0 || end < 0) throw new Error(`fixture has no resource ${type}.${name}`);
  const rest = hcl.slice(0, start) + hcl.slice(end + 3);
  return rest.split('\n').filter((l) => !l.includes(`${type}.${name}`)).join('\n');
}

describe('GIVEN a transport-mode set in HCL and a PAN-OS 11.1 simulator', () => {
  let sim: Simulator;
  let ws: TerraformWorkspace;
  let baseline: string;

  beforeAll(async () => {
    requireTerraform();
    sim = await startSimulator({ panosVersion: '11.1.0', commitDurationMs: 100 });
    ws = TerraformWorkspace.create('transport', sim);
    baseline = sim.config.running();
  });

  afterAll(async () => {
    if (ws) console.log(`terraform timings (transport cycle): ${ws.timings.join(', ')}`);
    ws?.remove();
    await sim?.close();
  });

  const commitsDuring = async <T>(fn: () => Promise<T>): Promise<{ result: T; commits: number }> => {
    const before = sim.counters.snapshot().commits;
    const result = await fn();
    return { result, commits: sim.counters.snapshot().commits - before };
  };

  test('WHEN init, apply, drift, repair, import and destroy run THEN the device follows the declaration at every step', async () => {
    const init = await ws.expectRun(['init', '-input=false'], 0);
    expect(init.out).toContain('Terraform has been successfully initialized');
    expect(ws.install.source).toBe('cdktf-panos-ipsec.dev/panos/panosipsec');

    // --- create: one commit, every object and membership in the running config ---
    const create = await commitsDuring(() => ws.expectRun(['apply', '-auto-approve', '-input=false'], 0));
    expect(create.result.out).toContain('Apply complete! Resources: 8 added, 0 changed, 0 destroyed.');
    const tunnel = sim.config.running(TUNNEL);
    expect(tunnel).toContain('<ipsec-mode>transport</ipsec-mode>');
    expect(tunnel).toContain('<anti-replay-window>512</anti-replay-window>');
    expect(tunnel).toContain('<enable-gre-encapsulation>yes</enable-gre-encapsulation>');
    expect(sim.config.running(`${DEV}/network/ike/gateway/entry[@name='tm-gw']/protocol/version`)).toContain('ikev2');
    expect(sim.config.running(`${VSYS}/zone/entry[@name='trust']/network/layer3`)).toContain('<member>tunnel.10</member>');
    expect(sim.config.running(`${DEV}/network/virtual-router/entry[@name='default']/interface`)).toContain('<member>tunnel.10</member>');
    expect(sim.config.running(`${VSYS}/import/network/interface`)).toContain('<member>tunnel.10</member>');
    expect(sim.config.pendingChanges()).toBe(false);
    expect(create.commits).toBe(1);
    // The write-only key reached the device but Terraform's state keeps no plaintext of it.
    expect(sim.config.running(`${DEV}/network/ike/gateway/entry[@name='tm-gw']/authentication`)).not.toBe('');
    expect(ws.stateText()).not.toContain(PSK);
    expect(create.result.out).not.toContain(PSK);
    const declared = sim.config.running();

    // --- no change ---
    const clean = await commitsDuring(() => ws.expectRun(['plan', '-detailed-exitcode', '-input=false'], 0));
    expect(clean.result.out).toContain('No changes.');
    expect(clean.commits).toBe(0);

    // --- drift made on the device: a changed field and a deleted object ---
    sim.config.edit(`${TUNNEL}/anti-replay-window`, '<anti-replay-window>1024</anti-replay-window>');
    sim.config.delete(MONITOR);
    await sim.config.commit();
    const drift = await ws.expectRun(['plan', '-detailed-exitcode', '-input=false'], 2);
    expect(drift.out).toContain('panosipsec_ipsec_tunnel.tm will be updated in-place');
    expect(drift.out).toMatch(/anti_replay_window\s+= "1024" -> "512"/);
    expect(drift.out).toContain('panosipsec_tunnel_monitor_profile.mon will be created');

    // --- repair: the running config is the declared one again, with one commit ---
    const repair = await commitsDuring(() => ws.expectRun(['apply', '-auto-approve', '-input=false'], 0));
    expect(repair.result.out).toMatch(/Apply complete! Resources: 1 added, \d+ changed, 0 destroyed\./);
    expect(sim.config.running(TUNNEL)).toContain('<anti-replay-window>512</anti-replay-window>');
    expect(sim.config.running(MONITOR)).toContain('<action>fail-over</action>');
    expect(sim.config.running()).toBe(declared);
    expect(repair.commits).toBe(1);
    await ws.expectRun(['plan', '-detailed-exitcode', '-input=false'], 0);

    // --- import of an object created out of band: afterwards the matching config plans no change ---
    sim.config.set(
      IKE_PROFILES,
      '<entry name="oob-ike"><encryption><member>aes-128-gcm</member></encryption><hash><member>sha256</member></hash>' +
        '<dh-group><member>group19</member><member>group20</member></dh-group><lifetime><minutes>90</minutes></lifetime>' +
        '<authentication-multiple>2</authentication-multiple></entry>',
    );
    await sim.config.commit();
    ws.addFixture('import');
    const imported = await ws.expectRun(['import', '-input=false', 'panosipsec_ike_crypto_profile.oob', 'oob-ike'], 0);
    expect(imported.out).toContain('Import successful!');
    const afterImport = await ws.expectRun(['plan', '-detailed-exitcode', '-input=false'], 0);
    expect(afterImport.out).toContain('No changes.');

    // --- a resource removed from the configuration while another is updated: Terraform deletes the removed one
    // before the commit resource's update, so the one commit covers the deletion too ---
    const mainTf = path.join(ws.workDir, 'main.tf');
    const edited = withoutResource(fs.readFileSync(mainTf, 'utf8'), 'panosipsec_tunnel_monitor_profile', 'mon')
      .replace('comment        = "transport to peer-a"', 'comment        = "transport to peer-a, v2"');
    fs.writeFileSync(mainTf, edited);
    const shrink = await commitsDuring(() => ws.expectRun(['apply', '-auto-approve', '-input=false'], 0));
    expect(shrink.result.out).toMatch(/Apply complete! Resources: 0 added, \d+ changed, 1 destroyed\./);
    expect(sim.config.running(MONITOR)).toBe('');
    expect(sim.config.running(`${DEV}/network/interface/tunnel/units/entry[@name='tunnel.10']/comment`)).toContain('transport to peer-a, v2');
    expect(sim.config.pendingChanges()).toBe(false);
    expect(shrink.commits).toBe(1);
    await ws.expectRun(['plan', '-detailed-exitcode', '-input=false'], 0);

    // --- destroy: one commit (the anchor's), and the running config is the pre-apply one ---
    const destroy = await commitsDuring(() => ws.expectRun(['destroy', '-auto-approve', '-input=false'], 0));
    expect(destroy.result.out).toContain('Destroy complete! Resources: 8 destroyed.');
    expect(withoutEmptyContainers(sim.config.running())).toBe(withoutEmptyContainers(baseline));
    expect(sim.config.running()).not.toContain('tunnel.10');
    expect(sim.config.pendingChanges()).toBe(false);
    expect(destroy.commits).toBe(1);

    console.log(`REAL-TERRAFORM TESTS RAN (transport cycle; commits per apply: create ${create.commits}, repair ${repair.commits}, remove+update ${shrink.commits}, destroy ${destroy.commits})`);
  }, 240_000);
});
