/**
 * Real terraform with 100 transport tunnels (500 PAN-OS resources): the apply's commit count is reported, and a
 * no-change plan costs the management plane at most 10 requests (one bulk read per object type, not one per resource).
 */
import { startSimulator, type Simulator } from '../../../src/sim';
import { requireTerraform, TerraformWorkspace } from './workspace';

const DEV = "/config/devices/entry[@name='localhost.localdomain']";

describe('GIVEN 100 transport tunnels (500 resources) and a PAN-OS 11.1 simulator', () => {
  let sim: Simulator;
  let ws: TerraformWorkspace;

  beforeAll(async () => {
    requireTerraform();
    sim = await startSimulator({ panosVersion: '11.1.0', commitDurationMs: 100 });
    ws = TerraformWorkspace.create('scale', sim);
  });

  afterAll(async () => {
    ws?.remove();
    await sim?.close();
  });

  test('WHEN applied and planned again THEN the plan shows no change and makes at most 10 requests', async () => {
    await ws.expectRun(['init', '-input=false'], 0);

    sim.counters.reset();
    const apply = await ws.expectRun(['apply', '-auto-approve', '-input=false', '-parallelism=20'], 0, 200_000);
    expect(apply.out).toContain('Apply complete! Resources: 502 added, 0 changed, 0 destroyed.');
    const applied = sim.counters.snapshot();
    expect(sim.config.running(`${DEV}/network/tunnel/ipsec`).match(/<ipsec-mode>transport<\/ipsec-mode>/g)).toHaveLength(100);
    expect(sim.config.pendingChanges()).toBe(false);

    sim.counters.reset();
    const plan = await ws.expectRun(['plan', '-detailed-exitcode', '-input=false', '-refresh=true'], 0, 120_000);
    expect(plan.out).toContain('No changes.');
    const planned = sim.counters.snapshot();
    console.log(
      `REAL-TERRAFORM TESTS RAN (scale: apply of 502 resources made ${applied.commits} commit(s) in ${applied.requests} requests ` +
        `(max ${applied.maxInFlight} in flight; ${JSON.stringify(applied.byAction)}); no-change plan made ${planned.requests} requests: ${JSON.stringify(planned.byAction)})`,
    );
    expect(planned.requests).toBeLessThanOrEqual(10);
    expect(planned.commits).toBe(0);
    expect(applied.maxInFlight).toBeLessThanOrEqual(5);
  }, 360_000);
});
