import { startSimulator, Simulator } from '../../src/sim';
import type { RequestLogEntry } from '../../src/sim/server';
import { DEV, config, op } from './helpers';

describe('GIVEN a simulator started with 200 ms of latency per request', () => {
  let sim: Simulator;
  const log: RequestLogEntry[] = [];
  beforeAll(async () => {
    sim = await startSimulator({ latencyMs: 200, onRequest: (e) => log.push(e) });
  });
  afterAll(async () => {
    await sim?.close();
  });

  test('WHEN reads, writes and op commands arrive, some at once THEN every one is held that long before its answer, side by side', async () => {
    sim.counters.reset();
    await Promise.all([1, 2, 3].map(() => config(sim, 'get', `${DEV}/network/profiles/monitor-profile`)));
    await config(sim, 'set', `${DEV}/network/profiles/monitor-profile`, '<entry name="slow"><interval>4</interval></entry>');
    await op(sim, '<show><system><info/></system></show>');
    // The simulator's own handling time of each request includes the wait (setTimeout may round 1 ms down).
    expect(log.map((e) => e.ms >= 199)).toEqual([true, true, true, true, true]);
    expect(sim.counters.snapshot().maxInFlight).toBe(3);
  });
});
