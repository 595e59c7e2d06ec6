/**
 * When a write batch goes out. A batch that waits for writes that cannot come delays every resource that depends on
 * it: Terraform starts those only once this batch's applies return. So the batch goes out, after a short grace, as
 * soon as every resource change in flight in the provider process is held by the batcher or waits in the candidate
 * view for a write of this process, and none that Terraform has planned there is still on its way to its apply; a
 * change still on its way keeps the batch open (the quiet time). Timers are
 * Jest's fake timers: the times below are the batcher's rules, not measurements of a run.
 */
import type { ConfigOp, PanosClient } from '../../src/panos/client';
import type { ProviderSettings } from '../../src/provider/config';
import { DeviceSession } from '../../src/provider/session';
import { BATCH_GRACE_MS, BATCH_QUIET_MS, WriteBatcher } from '../../src/provider/write-batcher';
import type { Logger } from '../../src/tfplugin';

const silent: Logger = { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const op = (xpath: string): ConfigOp[] => [{ action: 'edit', xpath }];

/** A client that records each multi-config request as the xpaths it carried. */
function recordingClient(): { client: PanosClient; sent: string[][] } {
  const sent: string[][] = [];
  const client = { multiConfig: async (ops: ConfigOp[]) => void sent.push(ops.map((o) => o.xpath)) } as unknown as PanosClient;
  return { client, sent };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('GIVEN the write batcher, a full batch of six and three resource changes in flight', () => {
  const QUIET = 100;
  const GRACE = 5;

  function setup(): { batcher: WriteBatcher; sent: string[][]; inFlight: { n: number } } {
    const { client, sent } = recordingClient();
    const inFlight = { n: 3 };
    const batcher: WriteBatcher = new WriteBatcher(() => client, silent, {
      fullBatch: () => 6,
      settled: () => batcher.holding >= inFlight.n,
      quietMs: QUIET,
      windowMs: 400,
      graceMs: GRACE,
    });
    return { batcher, sent, inFlight };
  }

  test('WHEN all three have submitted THEN they go out together after the grace, without waiting the quiet time', async () => {
    const { batcher, sent } = setup();
    const done = Promise.all([batcher.submit(op('a'), 'a'), batcher.submit(op('b'), 'b'), batcher.submit(op('c'), 'c')]);
    await jest.advanceTimersByTimeAsync(GRACE);
    expect(sent).toEqual([['a', 'b', 'c']]);
    await done;
    expect(batcher.holding).toBe(0);
  });

  test('WHEN one of them has not submitted yet THEN the batch stays open past the grace and goes out after the quiet time', async () => {
    const { batcher, sent } = setup();
    void batcher.submit(op('a'), 'a');
    void batcher.submit(op('b'), 'b');
    await jest.advanceTimersByTimeAsync(QUIET - 1);
    expect(sent).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([['a', 'b']]);
  });

  test('WHEN a fourth change arrives during the grace and submits THEN it joins the batch', async () => {
    const { batcher, sent, inFlight } = setup();
    void batcher.submit(op('a'), 'a');
    void batcher.submit(op('b'), 'b');
    void batcher.submit(op('c'), 'c');
    await jest.advanceTimersByTimeAsync(GRACE - 2);
    inFlight.n = 4; // Terraform's next call has arrived and is still preparing its write
    await jest.advanceTimersByTimeAsync(2);
    expect(sent).toEqual([]);
    void batcher.submit(op('d'), 'd');
    await jest.advanceTimersByTimeAsync(GRACE);
    expect(sent).toEqual([['a', 'b', 'c', 'd']]);
  });

  test('WHEN a change that had not submitted ends without writing THEN the batch goes out once the batcher is nudged', async () => {
    const { batcher, sent, inFlight } = setup();
    inFlight.n = 4;
    void batcher.submit(op('a'), 'a');
    void batcher.submit(op('b'), 'b');
    void batcher.submit(op('c'), 'c');
    await jest.advanceTimersByTimeAsync(GRACE);
    expect(sent).toEqual([]);
    inFlight.n = 3; // e.g. an update of declaration-only attributes: nothing to write
    batcher.nudge();
    await jest.advanceTimersByTimeAsync(GRACE);
    expect(sent).toEqual([['a', 'b', 'c']]);
  });

  test('WHEN all have submitted but the batch holds less than half a full batch THEN it waits the quiet time', async () => {
    const { batcher, sent, inFlight } = setup();
    inFlight.n = 2; // at scale Terraform's own work leaves few changes in flight while more are on their way
    void batcher.submit(op('a'), 'a');
    void batcher.submit(op('b'), 'b');
    await jest.advanceTimersByTimeAsync(QUIET - 1);
    expect(sent).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([['a', 'b']]);
  });
});

describe('GIVEN a provider session whose resource changes wait for each other', () => {
  const settings: ProviderSettings = {
    location: { type: 'vsys' },
    commitScope: 'admin',
    commitTimeoutMs: 600_000,
    commitDescription: 'test',
    commitPollIntervalMs: 2000,
    configLock: false,
    acknowledgements: [],
  };

  function session(): { s: DeviceSession; sent: string[][] } {
    const { client, sent } = recordingClient();
    const s = new DeviceSession(settings, silent);
    (s as unknown as { client: () => PanosClient }).client = () => client;
    return { s, sent };
  }

  test('WHEN one change waits in the view for the object another has submitted THEN that write goes out after the grace, and the waiting one follows', async () => {
    const { s, sent } = session();
    let profileWritten = false;
    // The gateway names a profile this process is writing: it waits in the view, as object-apply does.
    const gateway = s.trackWriter(undefined, async () => {
      await s.candidate.until(() => profileWritten, 1500, 6000);
      await s.write(op('gateway'), 'gateway');
    });
    const profile = s.trackWriter(undefined, async () => {
      await s.write(op('profile'), 'profile');
      profileWritten = true;
      s.candidate.noteDeleted('ike-crypto-profile', 'unrelated'); // any change of the view wakes its waiters
    });
    await jest.advanceTimersByTimeAsync(BATCH_GRACE_MS);
    expect(sent).toEqual([['profile']]);
    await jest.advanceTimersByTimeAsync(BATCH_GRACE_MS);
    expect(sent).toEqual([['profile'], ['gateway']]);
    await Promise.all([gateway, profile]);
  });

  test('WHEN Terraform has planned another change in this process and not yet handed it over THEN the batch waits for it to join', async () => {
    const { s, sent } = session();
    // In the apply's process Terraform plans each resource again right before applying it.
    s.announceChange('panosipsec_ike_gateway:gw');
    const profile = s.trackWriter(undefined, () => s.write(op('profile'), 'profile'));
    await jest.advanceTimersByTimeAsync(BATCH_GRACE_MS);
    expect(sent).toEqual([]);
    const gateway = s.trackWriter('panosipsec_ike_gateway:gw', () => s.write(op('gateway'), 'gateway'));
    await jest.advanceTimersByTimeAsync(BATCH_GRACE_MS);
    expect(sent).toEqual([['profile', 'gateway']]);
    await Promise.all([profile, gateway]);
  });

  test('WHEN another change is still preparing its write THEN the submitted write waits the quiet time for it', async () => {
    const { s, sent } = session();
    let release!: () => void;
    const preparing = s.trackWriter(undefined, () => new Promise<void>((r) => (release = r)));
    const written = s.trackWriter(undefined, () => s.write(op('profile'), 'profile'));
    await jest.advanceTimersByTimeAsync(BATCH_QUIET_MS - 1);
    expect(sent).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([['profile']]);
    release();
    await Promise.all([preparing, written]);
  });
});
