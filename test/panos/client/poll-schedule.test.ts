import { FIRST_POLL_MS, nextPollDelay } from '../../../src/panos/client';

/**
 * A job as the simulator runs it (src/sim/jobs.ts): ACT from its start, progress climbing evenly to 99 over its
 * duration, FIN with 100 at its end. Returns when each poll happens until one sees FIN, following the client's schedule.
 */
function pollTimes(durationMs: number, intervalMs: number, report: 'progress' | 'none' = 'progress'): number[] {
  const polls: number[] = [];
  let t = Math.min(intervalMs, FIRST_POLL_MS);
  for (;;) {
    polls.push(t);
    if (t >= durationMs) return polls;
    const progress = report === 'progress' ? Math.min(99, Math.floor((t * 100) / durationMs)) : undefined;
    t += nextPollDelay({ elapsedMs: t, status: 'ACT', progress }, intervalMs);
    if (polls.length > 10_000) throw new Error('the schedule never reaches the end of the job');
  }
}

describe('GIVEN the commit poll schedule with the default 2000 ms interval', () => {
  test('WHEN a commit job runs 300 ms THEN a poll sees it finished within 150 ms of its end, after at most 3 polls', () => {
    const polls = pollTimes(300, 2000);
    expect(polls[polls.length - 1] - 300).toBeLessThanOrEqual(150);
    expect(polls.length).toBeLessThanOrEqual(3);
  });

  test('WHEN the job reports no progress THEN the 300 ms job is still seen within 150 ms of its end', () => {
    const polls = pollTimes(300, 2000, 'none');
    expect(polls[polls.length - 1] - 300).toBeLessThanOrEqual(150);
  });

  test('WHEN a commit job runs for minutes THEN the polls back off to the interval and never wait longer', () => {
    for (const report of ['progress', 'none'] as const) {
      const polls = pollTimes(180_000, 2000, report);
      const gaps = polls.slice(1).map((t, i) => t - polls[i]);
      expect(Math.max(...gaps)).toBe(2000);
      expect(polls.length).toBeLessThan(180_000 / 2000 + 10);
      expect(polls[polls.length - 1] - 180_000).toBeLessThanOrEqual(2000);
    }
  });

  test('WHEN the job is nearly done THEN the next poll still waits the minimum, and a queued job is polled with back-off', () => {
    expect(nextPollDelay({ elapsedMs: 290, status: 'ACT', progress: 99 }, 2000)).toBe(50);
    expect(nextPollDelay({ elapsedMs: 400, status: 'PEND', progress: 0 }, 2000)).toBe(400);
    expect(nextPollDelay({ elapsedMs: 100, status: 'ACT', progress: 1 }, 2000)).toBe(2000);
  });

  test('WHEN the configured interval is shorter than the schedule THEN it wins', () => {
    expect(nextPollDelay({ elapsedMs: 1000, status: 'ACT' }, 20)).toBe(20);
    expect(pollTimes(300, 20).every((t, i, a) => i === 0 || t - a[i - 1] <= 20)).toBe(true);
  });
});
