/**
 * The client against the embedded simulator: the same behaviours as the scripted-device tests, now with the
 * simulator's faults and server-side counters as the witness.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommitFailedError, CommitTimeoutError, PanosClient } from '../../../src/panos/client';
import type { ClientOptions, JobProgress, LogLevel } from '../../../src/panos/client';
import { startSimulator } from '../../../src/sim';
import type { Simulator } from '../../../src/sim/types';
import { el } from '../../../src/panos/xml';
import { caught } from './caught';

const DEV = "/config/devices/entry[@name='localhost.localdomain']";
const PROFILES = `${DEV}/network/ike/crypto-profiles/ike-crypto-profiles`;
const profile = (name: string) =>
  el(
    'entry',
    [el('encryption', [el('member', 'aes-256-gcm')]), el('hash', [el('member', 'non-auth')]), el('dh-group', [el('member', 'group20')])],
    { name },
  );

const OPS_PASSWORD = 'Ops=pw+2';
let sim: Simulator;
const clients: PanosClient[] = [];

function client(extra: Partial<ClientOptions> = {}): PanosClient {
  const url = new URL(sim.url);
  const c = new PanosClient({
    hostname: url.hostname,
    port: Number(url.port),
    protocol: url.protocol === 'https:' ? 'https' : 'http',
    apiKey: sim.apiKey,
    retries: { baseDelayMs: 5, maxDelayMs: 20 },
    ...extra,
  } as ClientOptions);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  // A second user for keygen tests: a keygen invalidates that user's earlier key, and sim.apiKey belongs to the first.
  sim = await startSimulator({ panosVersion: '11.1.0', commitDurationMs: 60, users: { 'api-admin': 'Adm1n&pw', ops: OPS_PASSWORD } });
});
afterAll(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await sim.close();
});
beforeEach(() => {
  sim.faults.clear();
  sim.counters.reset();
});

describe('GIVEN the simulator', () => {
  test('WHEN the client logs in with username and password THEN it reads the version', async () => {
    const c = client({ apiKey: undefined, username: 'ops', password: OPS_PASSWORD });
    const info = await c.systemInfo();
    expect(sim.username).toBe('api-admin');
    expect(info.swVersion).toBe(sim.panosVersion);
    expect(sim.counters.snapshot().byAction.keygen).toBe(1);
  });

  test('WHEN a read meets two 503s THEN it succeeds on the third try', async () => {
    sim.faults.add({ kind: 'http-error', status: 503, times: 2, match: { action: 'config:get' } });
    await client().get(PROFILES);
    expect(sim.counters.snapshot().byAction['config:get']).toBe(3);
  });

  test('WHEN a read meets a reset THEN it succeeds on the retry', async () => {
    const before = sim.faults.injected();
    sim.faults.add({ kind: 'reset', times: 1, match: { action: 'config:get' } });
    await client().get(PROFILES);
    expect(sim.faults.injected() - before).toBe(1);
    expect(sim.counters.snapshot().byAction['config:get']).toBe(2);
  });

  test.each([
    ['a 503 before the device applied it', { kind: 'http-error', status: 503 }],
    ['a 502 after the device applied it', { kind: 'http-error', status: 502, after: true }],
    ['a reset after the device applied it', { kind: 'reset', after: true }],
  ] as const)('WHEN an edit of a whole entry meets %s THEN it is sent again and the entry is there once', async (_label, fault) => {
    sim.faults.add({ ...fault, times: 1, match: { action: 'config:edit' } });
    await client().edit(`${PROFILES}/entry[@name='p-again']`, profile('p-again'));
    expect(sim.counters.snapshot().byAction['config:edit']).toBe(2);
    expect(sim.config.candidate(PROFILES).match(/name="p-again"/g)).toHaveLength(1);
    await client().revertCandidate();
  });

  test('fails with PANOS_HTTP, transient, when every try of a write meets a 503', async () => {
    sim.faults.add({ kind: 'http-error', status: 503, match: { action: 'config:set' } });
    const err = await caught(client({ retries: { attempts: 3, baseDelayMs: 1 } }).set(PROFILES, profile('p-503')));
    expect(err.code).toBe('PANOS_HTTP');
    expect(err.transient).toBe(true);
    expect(err.message).toContain('transient; 3 tries');
    expect(sim.counters.snapshot().byAction['config:set']).toBe(3);
  });

  test('fails with PANOS_TIMEOUT when a latency fault outlasts headersMs', async () => {
    sim.faults.add({ kind: 'latency', ms: 3000, match: { action: 'config:get' } });
    const err = await caught(client({ timeouts: { headersMs: 200 }, retries: { attempts: 1 } }).get(PROFILES));
    expect(err.code).toBe('PANOS_TIMEOUT');
  });

  test('WHEN the session times out (code 22) on a client holding only an API key THEN the request is sent again and succeeds', async () => {
    sim.faults.add({ kind: 'session-timeout', times: 2, match: { action: 'config:get' } });
    await expect(client().get(PROFILES)).resolves.toBeDefined();
    expect(sim.counters.snapshot().byAction['config:get']).toBe(3);
    expect(sim.counters.snapshot().byAction.keygen ?? 0).toBe(0);
  });

  test('fails with PANOS_SESSION_TIMEOUT worded as transient when code 22 outlasts every try of an API-key client', async () => {
    sim.faults.add({ kind: 'session-timeout', match: { action: 'config:get' } });
    const err = await caught(client({ retries: { attempts: 2, baseDelayMs: 1 } }).get(PROFILES));
    expect(err.code).toBe('PANOS_SESSION_TIMEOUT');
    expect(err.transient).toBe(true);
    expect(err.message).toContain('Session timed out');
    expect(err.message).toContain('transient; 2 tries');
  });

  test('WHEN the session times out THEN the client re-keys and the request succeeds', async () => {
    const c = client({ apiKey: undefined, username: 'ops', password: OPS_PASSWORD });
    await c.get(PROFILES);
    sim.faults.add({ kind: 'session-timeout', times: 1, match: { action: 'config:get' } });
    await c.get(PROFILES);
    expect(sim.counters.snapshot().byAction.keygen).toBe(2);
  });

  test.each([5, 2])('WHEN 20 gets run against a latency fault with maxInFlight %i THEN the device never sees more', async (cap) => {
    sim.faults.add({ kind: 'latency', ms: 40, match: { action: 'config:get' } });
    const c = client({ maxInFlight: cap });
    await Promise.all(Array.from({ length: 20 }, () => c.get(PROFILES)));
    const snap = sim.counters.snapshot();
    expect(snap.byAction['config:get']).toBe(20);
    expect(snap.maxInFlight).toBeLessThanOrEqual(cap);
    expect(snap.maxInFlight).toBeGreaterThan(1);
  });

  test('WHEN a change is committed THEN progress is reported and the running config holds it', async () => {
    const c = client();
    await c.set(PROFILES, profile('p-commit'));
    expect(await c.pendingChanges()).toBe(true);
    const seen: JobProgress[] = [];
    const result = await c.commit({ description: 'client test', pollIntervalMs: 10, onProgress: (p) => seen.push(p) });
    expect(result.noChanges).toBe(false);
    expect(seen[seen.length - 1]).toMatchObject({ status: 'FIN', result: 'OK' });
    expect(sim.config.running(`${PROFILES}/entry[@name='p-commit']`)).toContain('p-commit');
    expect(await c.show(`${PROFILES}/entry[@name='p-commit']`)).toMatchObject({ name: 'entry' });
    await expect(c.commit({ pollIntervalMs: 10 })).resolves.toMatchObject({ noChanges: true });
    expect(sim.counters.snapshot().commits).toBe(1);
  });

  test.each([
    ['the device queued it and the answer was lost (reset)', { kind: 'reset', after: true }, 1, 'p-lost-1'],
    ['the device queued it and a proxy answered 502', { kind: 'http-error', status: 502, after: true }, 1, 'p-lost-2'],
    ['the connection dropped before the device saw it', { kind: 'reset' }, 2, 'p-lost-3'],
  ] as const)('WHEN a commit request fails because %s THEN the job list decides, and exactly one commit job runs', async (_label, fault, commitRequests, name) => {
    const c = client();
    await c.set(PROFILES, profile(name));
    sim.faults.add({ ...fault, times: 1, match: { type: 'commit' } });
    const result = await c.commit({ description: 'lost answer', pollIntervalMs: 10 });
    expect(result).toMatchObject({ noChanges: false, result: 'OK' });
    const snap = sim.counters.snapshot();
    expect(snap.commits).toBe(1);
    expect(snap.byAction.commit).toBe(commitRequests);
    expect(sim.config.running(`${PROFILES}/entry[@name='${name}']`)).toContain(name);
  });

  test("WHEN a commit is queued behind another admin's running commit THEN it goes PEND, ACT, FIN and only then succeeds", async () => {
    const busy = await startSimulator({ panosVersion: '11.1.0', commitDurationMs: 400, users: { 'api-admin': 'Adm1n&pw', ops: OPS_PASSWORD } });
    const url = new URL(busy.url);
    const base = { hostname: url.hostname, port: Number(url.port), protocol: 'http' as const };
    const mine = new PanosClient({ ...base, username: 'api-admin', password: 'Adm1n&pw' });
    const theirs = new PanosClient({ ...base, username: 'ops', password: OPS_PASSWORD });
    try {
      await theirs.set(PROFILES, profile('p-theirs'));
      await mine.set(PROFILES, profile('p-mine'));
      const first = theirs.commit({ partial: { admins: ['ops'] }, pollIntervalMs: 20 }).catch((e: unknown) => e);
      while (busy.counters.snapshot().commits === 0) await new Promise((r) => setTimeout(r, 5));
      const seen: JobProgress[] = [];
      const result = await mine.commit({ partial: { admins: ['api-admin'] }, pollIntervalMs: 20, onProgress: (p) => seen.push(p) }).finally(() => first);
      expect(await first).toMatchObject({ result: 'OK' });
      const statuses = seen.map((p) => p.status).filter((st, i, all) => i === 0 || all[i - 1] !== st);
      expect(statuses).toEqual(['PEND', 'ACT', 'FIN']);
      expect(result).toMatchObject({ noChanges: false, result: 'OK' });
      expect(seen[seen.length - 1]).toMatchObject({ status: 'FIN', result: 'OK', progress: 100 });
      expect(busy.config.running(`${PROFILES}/entry[@name='p-mine']`)).toContain('p-mine');
    } finally {
      await Promise.all([mine.close(), theirs.close()]);
      await busy.close();
    }
  });

  test('fails with CommitFailedError carrying the job lines (secrets redacted) when the commit fails', async () => {
    const PSK = 'psk-Secret-77';
    const logs: Array<{ level: LogLevel; message: string }> = [];
    const c = client({ logger: (level, message) => logs.push({ level, message }) });
    c.addSecret(PSK);
    await c.set(PROFILES, profile('p-fail'));
    sim.faults.add({ kind: 'commit-fail', times: 1, lines: ['Validation Error:', `gw1 -> pre-shared-key '${PSK}' is invalid`] });
    const err = await caught(c.commit({ pollIntervalMs: 10 }));
    expect(err).toBeInstanceOf(CommitFailedError);
    expect((err as CommitFailedError).details).toContain("gw1 -> pre-shared-key '***' is invalid");
    expect(err.message).not.toContain(PSK);
    expect(err.message).not.toContain(sim.apiKey);
    expect(JSON.stringify(logs)).not.toContain(PSK);
    await c.revertCandidate();
  });

  test('fails with CommitTimeoutError naming the job when the job outlasts timeoutMs', async () => {
    const slow = await startSimulator({ commitDurationMs: 5000 });
    const url = new URL(slow.url);
    const c = new PanosClient({ hostname: url.hostname, port: Number(url.port), protocol: 'http', apiKey: slow.apiKey });
    try {
      await c.set(PROFILES, profile('p-slow'));
      const err = await caught(c.commit({ pollIntervalMs: 20, timeoutMs: 100 }));
      expect(err).toBeInstanceOf(CommitTimeoutError);
      expect((err as CommitTimeoutError).jobId).toBeGreaterThan(0);
    } finally {
      await c.close();
      await slow.close();
    }
  });

  test('WHEN the work inside withConfigLock throws THEN the lock is released', async () => {
    const c = client();
    await expect(
      c.withConfigLock('client test', async () => {
        expect((await c.configLocks()).map((l) => l.comment)).toContain('client test');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await c.configLocks()).toEqual([]);
  });

  test('fails with PANOS_LOCKED when an exclusive acquire finds the lock already held by the same admin (another run)', async () => {
    const first = client();
    const second = client();
    await first.acquireConfigLock('run one', { exclusive: true });
    try {
      // Non-exclusive: owning the lock already counts as acquired (a retried run converges).
      await expect(second.acquireConfigLock('run two')).resolves.toBeUndefined();
      const err = await caught(second.acquireConfigLock('run two', { exclusive: true }));
      expect(err.code).toBe('PANOS_LOCKED');
      expect(err.message).toContain('another run');
      expect(err.message).toContain('config-lock');
    } finally {
      await first.releaseConfigLock();
    }
    expect(await first.configLocks()).toEqual([]);
  });

  test('fails with PANOS_LOCKED naming the owner when another admin holds the config lock during a write', async () => {
    sim.faults.add({ kind: 'lock-held', lock: 'config', owner: 'admin2' });
    const c = client();
    expect((await c.configLocks()).map((l) => l.owner)).toContain('admin2');
    const err = await caught(c.set(PROFILES, profile('p-locked')));
    expect(err.code).toBe('PANOS_LOCKED');
    expect(err.message).toContain('admin2');
  });
});

describe('GIVEN the simulator over HTTPS', () => {
  let tlsSim: Simulator;
  let dir: string;
  beforeAll(async () => {
    tlsSim = await startSimulator({ tls: true });
    dir = mkdtempSync(join(tmpdir(), 'panos-client-sim-tls-'));
    writeFileSync(join(dir, 'ca.pem'), tlsSim.caCertPem ?? '');
  });
  afterAll(async () => {
    await tlsSim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function tlsClient(extra: Partial<ClientOptions>): PanosClient {
    const url = new URL(tlsSim.url);
    const c = new PanosClient({ hostname: url.hostname, port: Number(url.port), protocol: 'https', apiKey: tlsSim.apiKey, ...extra } as ClientOptions);
    clients.push(c);
    return c;
  }

  test("WHEN the simulator's certificate is the CA THEN the version is read", async () => {
    await expect(tlsClient({ caFile: join(dir, 'ca.pem') }).version()).resolves.toMatchObject({ major: 11 });
  });

  test('fails with PANOS_TLS without the CA', async () => {
    const err = await caught(tlsClient({}).version());
    expect(err.code).toBe('PANOS_TLS');
  });
});
