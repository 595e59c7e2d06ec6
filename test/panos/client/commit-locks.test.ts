import { CommitFailedError, CommitTimeoutError, commitCommand } from '../../../src/panos/client';
import type { JobProgress } from '../../../src/panos/client';
import { ENVELOPES, startFakeDevice, xml, type FakeDevice, type Recorded, type Scripted } from './fake-device';
import { caught } from './caught';

let device: FakeDevice;
let handle: (req: Recorded) => Scripted;

beforeAll(async () => {
  device = await startFakeDevice((req) => handle(req));
});
afterAll(() => device.close());
beforeEach(() => device.requests.splice(0));

/** A device whose commit job goes through the given poll answers (the last one repeats). */
function commitScript(polls: string[], enqueue: string = ENVELOPES.enqueued(42)): (req: Recorded) => Scripted {
  let n = 0;
  return (req) => {
    if (req.params.type === 'commit') return xml(enqueue);
    if (req.params.cmd === '<show><jobs><id>42</id></jobs></show>') return xml(polls[Math.min(n++, polls.length - 1)]);
    return xml('<response status="error" code="17"><msg><line>unexpected</line></msg></response>');
  };
}

describe('GIVEN a commit job', () => {
  test('WHEN it finishes OK THEN progress is reported, warnings and details returned, and commit is sent once', async () => {
    handle = commitScript([
      ENVELOPES.job(42, 'ACT', 'PEND', '0'),
      ENVELOPES.job(42, 'ACT', 'PEND', '55'),
      ENVELOPES.job(42, 'FIN', 'OK', '100', '<line>Configuration committed successfully</line>', "<line>vsys1: rule 'allow-vpn' warning</line>"),
    ]);
    const seen: JobProgress[] = [];
    const result = await device.client().commit({ description: 'vpn <tun1>', pollIntervalMs: 5, onProgress: (p) => seen.push(p) });
    expect(result).toEqual({
      jobId: 42,
      noChanges: false,
      result: 'OK',
      details: ['Configuration committed successfully'],
      warnings: ["vsys1: rule 'allow-vpn' warning"],
    });
    expect(seen.map((p) => [p.status, p.progress])).toEqual([
      ['ACT', 0],
      ['ACT', 55],
      ['FIN', 100],
    ]);
    const commits = device.requests.filter((r) => r.params.type === 'commit');
    expect(commits).toHaveLength(1);
    expect(commits[0].params.cmd).toBe('<commit><description>vpn &lt;tun1&gt;</description></commit>');
  });

  test('WHEN progress holds a timestamp (old builds) THEN it is tolerated', async () => {
    handle = commitScript([ENVELOPES.job(42, 'ACT', 'PEND', '09:31:02'), ENVELOPES.job(42, 'FIN', 'OK', '09:31:40')]);
    const seen: JobProgress[] = [];
    await device.client().commit({ pollIntervalMs: 5, onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => p.progress)).toEqual([undefined, undefined]);
  });

  test('WHEN there is nothing to commit THEN no job is polled', async () => {
    handle = (req) => xml(req.params.type === 'commit' ? ENVELOPES.noChanges : '<response status="success"><result></result></response>');
    await expect(device.client().commit()).resolves.toEqual({ noChanges: true, result: 'OK', details: ['There are no changes to commit.'], warnings: [] });
    expect(device.requests.filter((r) => r.params.cmd?.includes('<id>'))).toEqual([]);
    expect(device.requests.filter((r) => r.params.type === 'commit')).toHaveLength(1);
  });

  test('fails with CommitFailedError carrying the job id, details and warnings when the job result is FAIL', async () => {
    handle = commitScript([
      ENVELOPES.job(
        42,
        'FIN',
        'FAIL',
        '100',
        "<line>Validation Error:</line><line><![CDATA[ network -> tunnel -> ipsec -> tun1 -> auto-key -> ike-gateway 'gw1' is not a valid reference]]></line><line><![CDATA[ devices is invalid]]></line>",
        '<line>w1</line>',
      ),
    ]);
    const err = await caught(device.client().commit({ pollIntervalMs: 5 }));
    expect(err).toBeInstanceOf(CommitFailedError);
    const cf = err as CommitFailedError;
    expect(cf.code).toBe('PANOS_COMMIT_FAILED');
    expect(cf.jobId).toBe(42);
    expect(cf.details).toEqual([
      'Validation Error:',
      "network -> tunnel -> ipsec -> tun1 -> auto-key -> ike-gateway 'gw1' is not a valid reference",
      'devices is invalid',
    ]);
    expect(cf.warnings).toEqual(['w1']);
    expect(cf.message).toContain("ike-gateway 'gw1' is not a valid reference");
  });

  test('fails with CommitTimeoutError naming the job when it does not finish in time', async () => {
    handle = commitScript([ENVELOPES.job(42, 'ACT', 'PEND', '30')]);
    const err = await caught(device.client().commit({ pollIntervalMs: 10, timeoutMs: 60 }));
    expect(err).toBeInstanceOf(CommitTimeoutError);
    expect((err as CommitTimeoutError).jobId).toBe(42);
    expect(err.message).toMatch(/job 42 did not finish within 60 ms .*progress 30%.*may still finish/);
  });

  test('fails without sending the commit again when it gets a 503 and the job list cannot be read', async () => {
    handle = () => ({ status: 503, body: 'busy' });
    const err = await caught(device.client().commit());
    expect(err.code).toBe('PANOS_HTTP');
    expect(err.maybeDelivered).toBe(true);
    expect(device.requests.filter((r) => r.params.type === 'commit')).toHaveLength(1);
  });

  test('WHEN a partial, forced commit is asked THEN action=partial and the admin list are sent', async () => {
    handle = () => xml(ENVELOPES.noChanges);
    await device.client().commit({ partial: { admins: ['api-admin'] }, force: true });
    expect(device.requests.find((r) => r.params.type === 'commit')?.params).toMatchObject({ type: 'commit', action: 'partial' });
    expect(commitCommand({ partial: { admins: ['a', 'b'] }, force: true })).toBe(
      '<commit><force></force><partial><admin><member>a</member><member>b</member></admin></partial></commit>',
    );
  });

  test('WHEN validate runs THEN a FAIL job is returned as data', async () => {
    let n = 0;
    handle = (req) =>
      req.params.cmd === '<validate><full></full></validate>'
        ? xml('<response status="success" code="19"><result><msg><line>Validate job enqueued with jobid 42</line></msg><job>42</job></result></response>')
        : xml(n++ === 0 ? ENVELOPES.job(42, 'ACT', 'PEND', '50') : ENVELOPES.job(42, 'FIN', 'FAIL', '100', '<line>bad</line>'));
    await expect(device.client().validate({ pollIntervalMs: 5 })).resolves.toMatchObject({ jobId: 42, result: 'FAIL', details: ['bad'] });
  });
});

describe('GIVEN config locks', () => {
  const lockCmd = (req: Recorded): string => req.params.cmd ?? '';

  test('WHEN the work throws THEN withConfigLock still releases the lock and rethrows the work error', async () => {
    handle = (req) =>
      xml(
        lockCmd(req).includes('<add>')
          ? '<response status="success"><result>Successfully acquired lock.</result></response>'
          : '<response status="success"><result>Config lock released for scope shared</result></response>',
      );
    const client = device.client();
    await expect(
      client.withConfigLock('vpn change', async () => {
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    const cmds = device.requests.map(lockCmd);
    expect(cmds).toEqual([
      '<request><config-lock><add><comment>vpn change</comment></add></config-lock></request>',
      '<request><config-lock><remove></remove></config-lock></request>',
    ]);
  });

  test('WHEN the lock is already ours THEN acquiring counts as acquired and the work runs', async () => {
    handle = (req) =>
      xml(
        lockCmd(req).includes('<add>')
          ? '<response status="error"><msg><line>You already own a config lock for scope shared</line></msg></response>'
          : '<response status="error"><msg><line>Config is not currently locked for scope shared</line></msg></response>',
      );
    await expect(device.client().withConfigLock('c', async () => 7, { vsys: 'vsys1' })).resolves.toBe(7);
    expect(device.requests.every((r) => r.params.vsys === 'vsys1')).toBe(true);
  });

  test('fails with PANOS_LOCKED when another admin holds the lock, and the work does not run', async () => {
    handle = () => xml('<response status="error"><msg><line>Config for scope shared is currently locked by admin2</line></msg></response>');
    let ran = false;
    const err = await caught(
      device.client().withConfigLock('c', async () => {
        ran = true;
      }),
    );
    expect(err.code).toBe('PANOS_LOCKED');
    expect(ran).toBe(false);
    expect(err.hint).toMatch(/owner/);
  });

  test('WHEN locks are listed THEN owner, type, name and comment are parsed', async () => {
    handle = (req) =>
      xml(
        lockCmd(req).includes('config-locks')
          ? '<response status="success"><result><config-locks><entry name="api-admin"><type>shared</type><name>shared</name><loggedin>yes</loggedin><comment><![CDATA[vpn change]]></comment></entry></config-locks></result></response>'
          : '<response status="success"><result><commit-locks></commit-locks></result></response>',
      );
    const client = device.client();
    await expect(client.configLocks()).resolves.toEqual([{ owner: 'api-admin', type: 'shared', name: 'shared', comment: 'vpn change', loggedIn: true }]);
    await expect(client.commitLocks()).resolves.toEqual([]);
    expect(device.requests[0].params.cmd).toBe('<show><config-locks><vsys>all</vsys></config-locks></show>');
  });

  test('WHEN the commit lock is taken and released THEN the documented commands are sent', async () => {
    handle = () => xml('<response status="success"><result>ok</result></response>');
    const client = device.client();
    await client.acquireCommitLock('vpn');
    await client.releaseCommitLock({ admin: 'api-admin' });
    expect(device.requests.map(lockCmd)).toEqual([
      '<request><commit-lock><add><comment>vpn</comment></add></commit-lock></request>',
      '<request><commit-lock><remove><admin>api-admin</admin></remove></commit-lock></request>',
    ]);
  });
});
