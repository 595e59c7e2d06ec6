import { request } from 'undici';
import { startSimulator, Simulator } from '../../src/sim';
import { pathOf, textOf } from '../../src/sim/xml-tree';
import { DEV, api, commitAndWait, config, lines, op } from './helpers';

const MON = `${DEV}/network/profiles/monitor-profile`;
const INFO = '<show><system><info></info></system></show>';

describe('simulator faults and counters', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = await startSimulator({ commitDurationMs: 10 });
  });
  afterEach(() => sim.close());

  test('GIVEN an http-error fault for two requests THEN exactly those two answer 503 and it expires', async () => {
    sim.faults.add({ kind: 'http-error', status: 503, times: 2 });
    expect((await op(sim, INFO)).status).toBe(503);
    expect((await op(sim, INFO)).status).toBe(503);
    expect((await op(sim, INFO)).status).toBe(200);
    expect(sim.faults.injected()).toBe(2);
  });

  test('GIVEN a reset fault THEN the socket closes without an answer', async () => {
    sim.faults.add({ kind: 'reset', times: 1 });
    await expect(op(sim, INFO)).rejects.toThrow();
    expect((await op(sim, INFO)).status).toBe(200);
  });

  test('GIVEN a reset fault after the device acted THEN the write is in the candidate although no answer came', async () => {
    sim.faults.add({ kind: 'reset', after: true, times: 1, match: { action: 'config:set' } });
    await expect(config(sim, 'set', MON, '<entry name="lost-answer"><interval>4</interval></entry>')).rejects.toThrow();
    expect(sim.config.candidate(`${MON}/entry[@name='lost-answer']`)).toContain('lost-answer');
    expect(sim.faults.injected()).toBe(1);
  });

  test('GIVEN an http-error fault after the device acted THEN a commit answers 502 and its job is queued all the same', async () => {
    await config(sim, 'set', MON, '<entry name="m"><interval>4</interval></entry>');
    sim.faults.add({ kind: 'http-error', status: 502, after: true, times: 1, match: { type: 'commit' } });
    expect((await api(sim, { type: 'commit', cmd: '<commit></commit>' })).status).toBe(502);
    expect(sim.counters.snapshot().commits).toBe(1);
    const all = await op(sim, '<show><jobs><all></all></jobs></show>');
    expect(textOf(pathOf(all.doc, 'result', 'job')!, 'type')).toBe('Commit');
  });

  test('GIVEN a write-error fault on one xpath THEN a multi-config holding it fails as a whole and writes nothing, others pass', async () => {
    sim.faults.add({ kind: 'write-error', lines: ['m-bad -> interval is invalid'], match: { xpathIncludes: "entry[@name='m-bad']" } });
    const element =
      `<multi-config><edit id="1" xpath="${MON}/entry[@name='m-ok']"><entry name="m-ok"><interval>4</interval></entry></edit>` +
      `<edit id="2" xpath="${MON}/entry[@name='m-bad']"><entry name="m-bad"><interval>4</interval></entry></edit></multi-config>`;
    const multi = await api(sim, { type: 'config', action: 'multi-config', element });
    expect(multi.doc.attrs.status).toBe('error');
    expect(multi.body).toContain('m-bad -&gt; interval is invalid');
    expect(sim.config.candidate(`${MON}/entry[@name='m-ok']`)).toBe('');
    expect((await config(sim, 'set', MON, '<entry name="m-ok"><interval>4</interval></entry>')).doc.attrs.code).toBe('20');
    expect(lines(await config(sim, 'edit', `${MON}/entry[@name='m-bad']`, '<entry name="m-bad"><interval>4</interval></entry>'))).toEqual(['m-bad -> interval is invalid']);
  });

  test('GIVEN a session-timeout fault matched on config:get THEN get answers code 22 unauth and other requests pass', async () => {
    sim.faults.add({ kind: 'session-timeout', match: { type: 'config', action: 'get' } });
    const a = await config(sim, 'get', MON);
    expect(a.body).toBe('<response status="unauth" code="22"><msg><line>Session timed out</line></msg></response>');
    expect((await config(sim, 'show', MON)).doc.attrs.status).toBe('success');
  });

  test('GIVEN a commit-fail fault THEN the next commit job ends FAIL with its lines and running is unchanged', async () => {
    sim.faults.add({ kind: 'commit-fail', lines: ['vsys1', ' Error: simulated', 'Commit failed'], times: 1 });
    await config(sim, 'set', MON, '<entry name="m"><interval>4</interval></entry>');
    const job = await commitAndWait(sim);
    expect(textOf(job, 'result')).toBe('FAIL');
    expect((pathOf(job, 'details')?.children ?? []).map((l) => l.text)).toEqual(['vsys1', ' Error: simulated', 'Commit failed']);
    expect(sim.config.running(`${MON}/entry[@name='m']`)).toBe('');
    expect(textOf(await commitAndWait(sim), 'result')).toBe('OK');
    expect(sim.counters.snapshot()).toMatchObject({ commits: 2, commitsFailed: 1 });
  });

  test('GIVEN a lock-held fault THEN writes are refused as locked by its owner until the fault is removed', async () => {
    const id = sim.faults.add({ kind: 'lock-held', lock: 'config', owner: 'netops' });
    const a = await config(sim, 'set', MON, '<entry name="m"><interval>4</interval></entry>');
    expect(lines(a)).toEqual(['Configuration is locked by netops']);
    const list = await op(sim, '<show><config-locks><vsys>all</vsys></config-locks></show>');
    expect(pathOf(list.doc, 'result', 'config-locks', 'entry')?.attrs.name).toBe('netops');
    sim.faults.remove(id);
    expect((await config(sim, 'set', MON, '<entry name="m"><interval>4</interval></entry>')).doc.attrs.code).toBe('20');
    sim.faults.add({ kind: 'lock-held', lock: 'commit' });
    expect(lines(await api(sim, { type: 'commit', cmd: '<commit/>' }))).toEqual(['Commit lock is already held by admin2']);
  });

  test('GIVEN a latency fault THEN concurrent requests overlap and maxInFlight shows the concurrency', async () => {
    sim.counters.reset();
    sim.faults.add({ kind: 'latency', ms: 150, match: { xpathIncludes: 'monitor-profile' } });
    await Promise.all([1, 2, 3, 4].map(() => config(sim, 'get', MON)));
    const c = sim.counters.snapshot();
    expect(c.maxInFlight).toBe(4);
    expect(c.inFlight).toBe(0);
    expect(c.byAction['config:get']).toBe(4);
  });

  test('GIVEN a probability fault with a seed THEN the same seed hits the same requests', async () => {
    const run = async (): Promise<number[]> => {
      sim.faults.clear();
      sim.faults.add({ kind: 'http-error', status: 500, probability: 0.5, seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await op(sim, INFO)).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first).toContain(500);
    expect(first).toContain(200);
  });

  test('GIVEN mixed requests THEN counters count them by type and action, and reset clears them', async () => {
    sim.counters.reset();
    await config(sim, 'get', MON);
    await config(sim, 'set', MON, '<entry name="m"><interval>4</interval></entry>');
    await op(sim, INFO);
    await commitAndWait(sim);
    await api(sim, { type: 'version' });
    const c = sim.counters.snapshot();
    expect(c.byType.config).toBe(2);
    expect(c.byAction).toMatchObject({ 'config:get': 1, 'config:set': 1, 'op:show-system-info': 1, commit: 1, version: 1 });
    expect(c.byAction['op:show-jobs']).toBeGreaterThanOrEqual(1);
    expect(c.commits).toBe(1);
    expect(c.requests).toBe(Object.values(c.byType).reduce((a, b) => a + b, 0));
    sim.counters.reset();
    expect(sim.counters.snapshot()).toMatchObject({ requests: 0, commits: 0, byAction: {} });
  });
});

test('fails when a body exceeds maxBodyBytes: HTTP 413, and the simulator keeps serving', async () => {
  const sim = await startSimulator({ maxBodyBytes: 1024 });
  try {
    const big = await api(sim, { type: 'config', action: 'set', xpath: MON, element: `<entry name="m"><comment>${'x'.repeat(5000)}</comment></entry>` });
    expect(big.status).toBe(413);
    expect((await api(sim, { type: 'version' })).status).toBe(200);
    const notApi = await request(`${sim.url}/php/login.php`);
    expect(notApi.statusCode).toBe(404);
    await notApi.body.dump();
  } finally {
    await sim.close();
  }
});
