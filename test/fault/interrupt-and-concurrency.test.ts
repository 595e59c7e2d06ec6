/**
 * Real terraform interrupted and doubled: terraform SIGKILLed in the middle of an apply, then rerun (converges, no
 * orphan object on the device); two applies against one device at once (the config lock serializes them or the
 * second fails clearly; writes are never interleaved).
 */
import * as fs from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { requireTerraform, type TfRun, type TfWorkspace } from '../../bench/support/terraform';
import { inventoryProblems } from './device-inventory';
import { APPLY, CRASH, errorBlocks, faultDevice, isWrite, PLAN, tunnelWorkspace, type FaultDevice } from './fault-env';

function childrenOf(pid: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .filter((e) => {
      try {
        const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('GIVEN real terraform, interrupted or run twice at once against one simulator', () => {
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

  test('WHEN terraform is SIGKILLed in the middle of an apply and the apply is rerun THEN it converges and leaves no orphan object', async () => {
    const ws = await tunnelWorkspace(dev, 12);
    workspaces.push(ws);
    // Slow writes so the kill lands while resources are half written.
    dev.sim.faults.add({ kind: 'latency', ms: 150, match: { type: 'config' } });
    const writesBefore = dev.log.filter(isWrite).length;
    let tf: ChildProcess | undefined;
    const running = ws.run([...APPLY], { timeoutMs: 180_000, onSpawn: (c) => (tf = c) });
    const deadline = Date.now() + 120_000;
    while (dev.log.filter(isWrite).length - writesBefore < 5 && Date.now() < deadline) await sleep(50);
    const providers = tf?.pid !== undefined ? childrenOf(tf.pid) : [];
    tf?.kill('SIGKILL');
    const killed: TfRun = await running;
    dev.sim.faults.clear();
    expect(killed.signal).toBe('SIGKILL');
    const writtenBeforeKill = dev.log.filter(isWrite).length - writesBefore;

    // The provider notices its parent died (stdin / gRPC broken) and exits; a survivor would hold the device.
    await sleep(3000);
    const survivors = providers.filter(alive);
    for (const pid of survivors) process.kill(pid, 'SIGKILL');
    expect(survivors).toEqual([]);

    const rerun = await ws.run([...APPLY], { timeoutMs: 240_000 });
    if (rerun.status !== 0) expect(errorBlocks(rerun.out)).not.toMatch(CRASH);
    const final = rerun.status === 0 ? rerun : await ws.run([...APPLY], { timeoutMs: 240_000 });
    expect(final.status).toBe(0);
    expect((await ws.run([...PLAN], { timeoutMs: 120_000 })).status).toBe(0);
    expect(inventoryProblems(dev.sim, 12)).toEqual([]);
    expect(dev.sim.config.pendingChanges()).toBe(false);
    console.log(
      `REAL-TERRAFORM TESTS RAN (SIGKILL: killed after ${writtenBeforeKill} write requests; rerun exit ${rerun.status}` +
        `${rerun.status !== 0 ? ` ("${errorBlocks(rerun.out).split('\n').slice(0, 3).join(' ').slice(0, 240)}")` : ''}; converged, no orphans)`,
    );
  }, 600_000);
});
