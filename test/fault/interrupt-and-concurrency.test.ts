/**
 * Real terraform interrupted and doubled: terraform SIGKILLed in the middle of an apply, then rerun (converges, no
 * orphan object on the device); two applies against one device at once (the config lock serializes them or the
 * second fails clearly; writes are never interleaved).
 */
import * as fs from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { requireTerraform, type TfRun, type TfWorkspace } from '../../bench/support/terraform';
import { inventoryProblems } from './device-inventory';
import { APPLY, apiKeyFor, CRASH, errorBlocks, faultDevice, isWrite, PLAN, tunnelWorkspace, type FaultDevice } from './fault-env';

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

/** Comments of the config locks held on the device. */
async function lockComments(dev: FaultDevice): Promise<string[]> {
  const res = await fetch(`${dev.sim.url}/api/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-pan-key': await apiKeyFor(dev, 'admin2') },
    body: new URLSearchParams({ type: 'op', cmd: '<show><config-locks><vsys>all</vsys></config-locks></show>' }).toString(),
  });
  return [...(await res.text()).matchAll(/<comment>(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?<\/comment>/g)].map((m) => m[1]);
}

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

  test('WHEN terraform is SIGKILLed in the middle of an apply holding the config lock and the apply is rerun THEN the rerun takes the stale lock over with a warning, converges and leaves no orphan object', async () => {
    const ws = await tunnelWorkspace(dev, 12, 'admin', { providerLines: ['config_lock = true'] });
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

    // The killed run left its config lock behind; the rerun (same admin, same host) must not stop on it.
    expect(await lockComments(dev)).toEqual([expect.stringContaining('cdktf-panos-ipsec run pid=')]);
    const rerun = await ws.run([...APPLY], { timeoutMs: 240_000, env: { TF_LOG: 'warn' } });
    expect(rerun.stderr).toMatch(/\[WARN\]\s+provider\.terraform-provider-panosipsec[^:]*: config lock: taking over the lock of admin left by a run that no longer runs/);
    expect(errorBlocks(rerun.out)).not.toMatch(/already own a config lock/);
    if (rerun.status !== 0) expect(errorBlocks(rerun.out)).not.toMatch(CRASH);
    const final = rerun.status === 0 ? rerun : await ws.run([...APPLY], { timeoutMs: 240_000 });
    expect(final.status).toBe(0);
    expect(await lockComments(dev)).toEqual([]);
    expect((await ws.run([...PLAN], { timeoutMs: 120_000 })).status).toBe(0);
    expect(inventoryProblems(dev.sim, 12)).toEqual([]);
    expect(dev.sim.config.pendingChanges()).toBe(false);
    console.log(
      `REAL-TERRAFORM TESTS RAN (SIGKILL: killed after ${writtenBeforeKill} write requests; rerun exit ${rerun.status}` +
        `${rerun.status !== 0 ? ` ("${errorBlocks(rerun.out).split('\n').slice(0, 3).join(' ').slice(0, 240)}")` : ''}; converged, no orphans)`,
    );
  }, 600_000);

  // PAN-OS locks belong to an admin, so the same admin twice is the harder case: both runs would "own" the lock.
  test.each([
    ['two admins', 'admin', 'admin2', 300],
    ['the same admin', 'admin', 'admin', 320],
  ] as const)('WHEN two applies with config_lock run as %s against one device at once THEN the lock serializes them or the second fails clearly, and writes never interleave', async (_label, userA, userB, offset) => {
    // One admin twice means one shared API key (two keygens for one admin would invalidate each other's key).
    const shared = userA === userB ? await apiKeyFor(dev, userA) : undefined;
    const a = await tunnelWorkspace(dev, 8, userA, { offset, providerLines: ['config_lock = true'], apiKey: shared });
    const b = await tunnelWorkspace(dev, 8, userB, { offset: offset + 8, providerLines: ['config_lock = true'], apiKey: shared });
    workspaces.push(a, b);
    const from = dev.log.length;
    // Slow config requests so the two runs' write phases surely overlap.
    const slow = dev.sim.faults.add({ kind: 'latency', ms: 150, match: { type: 'config' } });
    const [ra, rb] = await Promise.all([a.run([...APPLY], { timeoutMs: 240_000 }), b.run([...APPLY], { timeoutMs: 240_000 })]);
    dev.sim.faults.remove(slow);
    const writers = dev.log.slice(from).filter(isWrite).map((e) => e.user ?? '?');
    const switches = writers.filter((u, i) => i > 0 && u !== writers[i - 1]).length;
    // Condensed request sequence (user:action xN), shown when writes interleave.
    const seq: string[] = [];
    for (const e of dev.log.slice(from)) {
      const k = `${e.user ?? '?'}:${e.type}/${e.action}${e.status !== 200 ? `(${e.status})` : ''}`;
      const last = seq[seq.length - 1];
      const m = last ? /^(.*) x(\d+)$/.exec(last) : null;
      if (m && m[1] === k) seq[seq.length - 1] = `${k} x${Number(m[2]) + 1}`;
      else seq.push(`${k} x1`);
    }
    if (switches > 1) console.log(`interleaved writes:\n${seq.join('\n')}\n${[ra, rb].map((r) => errorBlocks(r.out).slice(0, 600)).join('\n---\n')}`);
    // PAN-OS locks do not queue: with both runs writing at once, exactly one must stop on the lock. For the same
    // admin the writer names cannot show interleaving, so this is what proves the lock held.
    expect([ra.status, rb.status].sort()).toEqual([0, 1]);
    for (const r of [ra, rb]) {
      if (r.status !== 0) {
        expect(r.status).toBe(1);
        expect(errorBlocks(r.out)).toMatch(/lock/i);
        expect(errorBlocks(r.out)).not.toMatch(CRASH);
      }
    }
    expect(switches).toBeLessThanOrEqual(1);
    // Whoever failed converges on a rerun, once the other released the lock.
    for (const [ws, r] of [[a, ra], [b, rb]] as const) if (r.status !== 0) expect((await ws.run([...APPLY], { timeoutMs: 240_000 })).status).toBe(0);
    expect((await a.run([...PLAN], { timeoutMs: 120_000 })).status).toBe(0);
    expect((await b.run([...PLAN], { timeoutMs: 120_000 })).status).toBe(0);
    expect(inventoryProblems(dev.sim, 16, offset).filter((p) => !/orphans|orphan membership/.test(p))).toEqual([]);
    expect(dev.sim.config.pendingChanges()).toBe(false);
    console.log(
      `REAL-TERRAFORM TESTS RAN (concurrent applies: exits ${ra.status} / ${rb.status}; ${writers.length} writes, writer switched ${switches} time(s)` +
        `${[ra, rb].filter((r) => r.status !== 0).map((r) => `; "${errorBlocks(r.out).split('\n').slice(0, 3).join(' ').slice(0, 240)}"`).join('')})`,
    );
  }, 600_000);
});
