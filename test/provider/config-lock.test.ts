/**
 * `config_lock = true` across runs of the same admin: a lock left by a killed run is taken over with a warning; a
 * lock of a run that is still working stops the new run once, with the command that releases it.
 */
import * as os from 'node:os';
import type { Simulator } from '../../src/sim';
import type { Diagnostic } from '../../src/tfplugin/diagnostics';
import { isStale, lockComment, parseLockComment } from '../../src/provider/config-lock';
import { cleanBuild, planApply, sim, startProvider } from './fixtures/session';
import { resource } from './fixtures/values';

afterAll(cleanBuild);

const profile = (name: string) => resource('panosipsec_ike_crypto_profile', { name, dh_groups: ['group20'], authentication: ['sha384'], encryption: ['aes-256-gcm'] });
const text = (d: readonly Diagnostic[]): string => d.map((x) => `${x.summary}: ${x.detail ?? ''}`).join('\n');

describe('GIVEN the comment a run writes on its lock', () => {
  test('WHEN it is read back THEN it names the process, host, user and start time', () => {
    const run = parseLockComment(lockComment(new Date('2025-01-02T03:04:05Z')));
    expect(run).toEqual({ pid: process.pid, host: os.hostname(), user: expect.any(String), started: '2025-01-02T03:04:05.000Z' });
  });

  test('WHEN its process is gone on this host THEN it is stale; alive, on another host, or not ours THEN it is not', () => {
    const run = { pid: 4242, host: 'fw-runner', user: 'ci', started: 'x' };
    expect(isStale(run, 'fw-runner', () => false)).toBe(true);
    expect(isStale(run, 'fw-runner', () => true)).toBe(false);
    expect(isStale(run, 'other-host', () => false)).toBe(false);
    expect(parseLockComment('maintenance window, do not touch')).toBeUndefined();
  });
});

describe('GIVEN a PAN-OS 11.1 simulator and config_lock = true', () => {
  let s: Simulator;
  beforeAll(async () => {
    s = await sim('11.1.0');
  });
  afterAll(async () => {
    await s?.close();
  });

  test('WHEN a run holding the lock is killed THEN the next run takes the lock over with a warning and writes', async () => {
    const killed = await startProvider(s, { config_lock: true });
    await planApply(killed, 'panosipsec_ike_crypto_profile', null, profile('lock-killed-1'));
    const lockedBy = parseLockComment((await locks(s))[0]?.comment ?? '');
    expect(lockedBy?.pid).toBe(killed.launched.child.pid);
    killed.launched.child.kill('SIGKILL');
    await killed.launched.exited;

    const next = await startProvider(s, { config_lock: true });
    try {
      const r = await planApply(next, 'panosipsec_ike_crypto_profile', null, profile('lock-killed-2'));
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(next.stderr()).toMatch(new RegExp(`taking over the lock of \\S+ left by a run that no longer runs \\(pid ${lockedBy?.pid} on ${os.hostname()}`));
      expect(parseLockComment((await locks(s))[0]?.comment ?? '')?.pid).toBe(next.launched.child.pid);
    } finally {
      await next.shutdown();
    }
    expect(await locks(s)).toEqual([]);
  });

  test('WHEN another run of the same admin still holds the lock THEN two writes fail, one with the holder and the release command, the other in one line', async () => {
    const holder = await startProvider(s, { config_lock: true });
    const second = await startProvider(s, { config_lock: true });
    try {
      await planApply(holder, 'panosipsec_ike_crypto_profile', null, profile('lock-live-1'));
      const configs = [profile('lock-live-2'), profile('lock-live-3')];
      const plans = await Promise.all(configs.map((c) => second.planResourceChange('panosipsec_ike_crypto_profile', null, c, c)));
      const applied = await Promise.all(configs.map((c, i) => second.applyResourceChange('panosipsec_ike_crypto_profile', null, plans[i].planned, c, plans[i].private)));
      const all = applied.map((a) => text(a.diagnostics));
      expect(applied.every((a) => a.diagnostics.some((d) => d.severity === 'error'))).toBe(true);
      const full = all.filter((t) => t.includes('config-lock><remove>'));
      expect(full).toHaveLength(1);
      expect(full[0]).toContain(`pid ${holder.launched.child.pid} on ${os.hostname()}`);
      expect(full[0]).toContain('still running');
      expect(full[0]).toContain(`curl -H "X-PAN-KEY: <API key>"`);
      expect(full[0]).toContain(`${new URL(s.url).origin}/api/`);
      const short = all.find((t) => !t.includes('config-lock><remove>'));
      expect(short).toMatch(/not done, because of a failure reported in full/);
      expect(s.config.candidate().includes('lock-live-2')).toBe(false);
    } finally {
      await second.shutdown();
      await holder.shutdown();
    }
  });
});

async function locks(s: Simulator): Promise<Array<{ owner: string; comment: string }>> {
  const res = await fetch(`${s.url}/api/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-pan-key': s.apiKey },
    body: new URLSearchParams({ type: 'op', cmd: '<show><config-locks><vsys>all</vsys></config-locks></show>' }).toString(),
  });
  const body = await res.text();
  return [...body.matchAll(/<entry name="([^"]*)">.*?<comment>(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?<\/comment>/g)].map((m) => ({ owner: m[1], comment: m[2] }));
}
