import { startSimulator, Simulator } from '../../src/sim';
import { pathOf } from '../../src/sim/xml-tree';
import { DEV, api, config, keygen, lines, op } from './helpers';

const MON = `${DEV}/network/profiles/monitor-profile`;

describe('simulator locks', () => {
  let sim: Simulator;
  let key2: string;
  beforeEach(async () => {
    sim = await startSimulator({ commitDurationMs: 10, users: { admin: 'pw', admin2: 'pw2' } });
    key2 = await keygen(sim, 'admin2', 'pw2');
  });
  afterEach(() => sim.close());

  test('GIVEN admin2 holds the config lock THEN admin cannot write or commit, admin2 can, and the lock is listed', async () => {
    const add = await op(sim, '<request><config-lock><add><comment>vpn change</comment></add></config-lock></request>', key2);
    expect(add.body).toContain('Successfully acquired lock. Other administrators will not be able to modify configuration for scope shared');
    const blocked = await config(sim, 'set', MON, '<entry name="m"><interval>4</interval></entry>');
    expect(blocked.body).toBe('<response status="error"><msg><line>Configuration is locked by admin2</line></msg></response>');
    expect((await config(sim, 'set', MON, '<entry name="m"><interval>4</interval></entry>', key2)).doc.attrs.code).toBe('20');
    const commit = await api(sim, { type: 'commit', cmd: '<commit/>' });
    expect(lines(commit)).toEqual(['Configuration is locked by admin2']);
    const list = await op(sim, '<show><config-locks><vsys>all</vsys></config-locks></show>');
    const entry = pathOf(list.doc, 'result', 'config-locks', 'entry');
    expect(entry?.attrs.name).toBe('admin2');
    expect(pathOf(entry, 'comment')?.text).toBe('vpn change');
    const again = await op(sim, '<request><config-lock><add></add></config-lock></request>');
    expect(lines(again)).toEqual(['Config for scope shared is currently locked by admin2']);
    await op(sim, '<request><config-lock><remove></remove></config-lock></request>', key2);
    expect((await config(sim, 'set', MON, '<entry name="m2"><interval>4</interval></entry>')).doc.attrs.code).toBe('20');
    const none = await op(sim, '<show><config-locks><vsys>all</vsys></config-locks></show>');
    expect(none.body).toBe('<response status="success"><result><config-locks></config-locks></result></response>');
  });

  test('fails when removing a config lock nobody holds, or listing config locks without <vsys>', async () => {
    expect(lines(await op(sim, '<request><config-lock><remove></remove></config-lock></request>'))).toEqual(['Config is not currently locked for scope shared']);
    expect(lines(await op(sim, '<show><config-locks></config-locks></show>'))).toEqual(['vsys not provided']);
  });

  test('GIVEN admin2 holds the commit lock THEN admin can write but not commit until it is released', async () => {
    await op(sim, '<request><commit-lock><add><comment>vpn</comment></add></commit-lock></request>', key2);
    expect((await config(sim, 'set', MON, '<entry name="m"><interval>4</interval></entry>')).doc.attrs.code).toBe('20');
    const commit = await api(sim, { type: 'commit', cmd: '<commit/>' });
    expect(lines(commit)).toEqual(['Commit lock is already held by admin2']);
    const list = await op(sim, '<show><commit-locks></commit-locks></show>');
    expect(pathOf(list.doc, 'result', 'commit-locks', 'entry')?.attrs.name).toBe('admin2');
    await op(sim, '<request><commit-lock><remove><admin>admin2</admin></remove></commit-lock></request>');
    expect(pathOf((await api(sim, { type: 'commit', cmd: '<commit/>' })).doc, 'result', 'job')).toBeDefined();
  });

  test('fails when an op command is unknown (code 17) or malformed (code 18)', async () => {
    const a = await op(sim, '<show><bogus></bogus></show>');
    expect(a.doc.attrs).toEqual({ status: 'error', code: '17' });
    expect(lines(a)).toEqual(['show -> bogus is unexpected']);
    expect((await op(sim, '<show><system>')).doc.attrs.code).toBe('18');
  });
});
