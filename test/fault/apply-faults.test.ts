/**
 * Real terraform against a simulator that injects 5xx answers, connection resets, delays and code 22 (session
 * timeout) on a share of requests during an apply of 50 tunnels: the apply succeeds or fails clearly, a rerun
 * converges, and nothing is duplicated or lost on the device. Then a commit job that fails: the apply fails with the
 * job's lines and the next plan shows what is pending.
 */
import type { Fault } from '../../src/sim';
import { requireTerraform, type TfWorkspace } from '../../bench/support/terraform';
import { inventoryProblems } from './device-inventory';
import { APPLY, CRASH, errorBlocks, faultDevice, PLAN, tunnelWorkspace, type FaultDevice } from './fault-env';

const FAULTS: Fault[] = [
  { kind: 'http-error', status: 503, probability: 0.06, seed: 11 },
  { kind: 'http-error', status: 502, probability: 0.03, seed: 12 },
  { kind: 'reset', probability: 0.04, seed: 13 },
  { kind: 'latency', ms: 120, probability: 0.2, seed: 14 },
  { kind: 'session-timeout', probability: 0.04, seed: 15 },
];

describe('GIVEN real terraform and a simulator injecting faults', () => {
  let dev: FaultDevice;
  const workspaces: TfWorkspace[] = [];

  beforeAll(async () => {
    requireTerraform();
    dev = await faultDevice();
  });

  afterAll(async () => {
    for (const ws of workspaces) ws.remove();
    await dev?.sim.close();
  });

  test('WHEN 50 tunnels are applied under 5xx, resets, delays and code 22 THEN the apply succeeds or fails clearly, and a rerun converges with nothing duplicated or lost', async () => {
    const ws = await tunnelWorkspace(dev, 50);
    workspaces.push(ws);
    for (const f of FAULTS) dev.sim.faults.add(f);
    const first = await ws.run([...APPLY], { timeoutMs: 240_000 });
    const injected = dev.sim.faults.injected();
    dev.sim.faults.clear();
    if (first.status !== 0) {
      expect(first.status).toBe(1);
      expect(errorBlocks(first.out)).toMatch(/Error: /);
      expect(errorBlocks(first.out)).not.toMatch(CRASH);
    }
    let reruns = 0;
    let last = first;
    while (last.status !== 0 && reruns < 2) {
      reruns++;
      last = await ws.run([...APPLY], { timeoutMs: 240_000 });
    }
    expect(last.status).toBe(0);
    const plan = await ws.run([...PLAN], { timeoutMs: 120_000 });
    expect(plan.status).toBe(0);
    expect(inventoryProblems(dev.sim, 50)).toEqual([]);
    expect(dev.sim.config.pendingChanges()).toBe(false);
    console.log(
      `REAL-TERRAFORM TESTS RAN (fault apply: 1 apply of 252 resources under ${FAULTS.length} fault kinds, ${injected} faults injected; ` +
        `first apply exit ${first.status}${first.status !== 0 ? ` with "${errorBlocks(first.out).split('\n').slice(0, 3).join(' ').slice(0, 300)}"` : ''}; ${reruns} rerun(s) to converge)`,
    );
  }, 600_000);

  test('WHEN the commit job fails THEN the apply fails with the job lines, and the next plan holds only the commit of what the candidate already has', async () => {
    dev.sim.counters.reset();
    const ws = await tunnelWorkspace(dev, 4, 'admin', { offset: 200 });
    workspaces.push(ws);
    dev.sim.faults.add({ kind: 'commit-fail', lines: ['ike-gateway gw-200: simulated validation failure 4711'], times: 1 });
    const failed = await ws.run([...APPLY], { timeoutMs: 180_000 });
    expect(failed.status).toBe(1);
    expect(errorBlocks(failed.out)).toContain('simulated validation failure 4711');
    expect(errorBlocks(failed.out)).not.toMatch(CRASH);

    const plan = await ws.run([...PLAN], { timeoutMs: 120_000 });
    expect(plan.status).toBe(2);
    // The 20 objects are in state and in the candidate (refresh reads the candidate, what the next commit makes
    // running), matching the declaration: only the failed commit resource is planned, so the rerun commits them.
    expect(plan.out).toContain('Plan: 1 to add, 0 to change, 0 to destroy.');
    expect(plan.out).not.toMatch(/# panosipsec_(tunnel_interface|ike_crypto_profile|ipsec_crypto_profile|ike_gateway|ipsec_tunnel)\S* will be/);
    expect(plan.out).toMatch(/# panosipsec_commit\.this is tainted, so must be replaced|# panosipsec_commit\.this will be created/);
    const again = await ws.run([...APPLY], { timeoutMs: 180_000 });
    expect(again.status).toBe(0);
    expect((await ws.run([...PLAN], { timeoutMs: 120_000 })).status).toBe(0);
    console.log(`REAL-TERRAFORM TESTS RAN (commit failure: apply exit 1 with the job's line, plan exit 2 "${/Plan: .*/.exec(plan.out)?.[0]}", rerun converged)`);
  }, 600_000);
});
