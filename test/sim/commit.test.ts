import { startSimulator, Simulator } from '../../src/sim';
import { SimNode, pathOf, textOf } from '../../src/sim/xml-tree';
import { DEV, api, commitAndWait, config, keygen, lines, op, waitJob } from './helpers';
import { PATHS, writeTransportSet } from './transport-fixture';

const TUN = `${PATHS.tunnel}/entry[@name='tun-tm']`;
const GW = `${PATHS.gateway}/entry[@name='gw-tm']`;
const detailLines = (job: SimNode): string[] => (pathOf(job, 'details')?.children ?? []).map((l) => l.text);

describe('simulator commits', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = await startSimulator({ panosVersion: '11.1.0', commitDurationMs: 60, users: { admin: 'pw', admin2: 'pw2' } });
  });
  afterEach(() => sim.close());

  test('GIVEN no changes WHEN commit THEN "There are no changes to commit." and no job', async () => {
    const a = await api(sim, { type: 'commit', cmd: '<commit></commit>' });
    expect(a.body).toBe('<response status="success" code="19"><msg>There are no changes to commit.</msg></response>');
    expect(sim.counters.snapshot().commits).toBe(0);
  });

  test('GIVEN the engineer-written transport set on 11.1 WHEN committed THEN the job ends FIN/OK and running holds it', async () => {
    await writeTransportSet(sim);
    expect(textOf((await op(sim, '<check><pending-changes></pending-changes></check>')).doc, 'result')).toBe('yes');
    const job = await commitAndWait(sim, '<commit><description>vpn tun-tm</description></commit>');
    expect(detailLines(job)).toEqual(['Configuration committed successfully']);
    expect(textOf(job, 'result')).toBe('OK');
    expect(textOf(job, 'description')).toBe('vpn tun-tm');
    expect(sim.config.running(`${TUN}/ipsec-mode`)).toBe('<ipsec-mode>transport</ipsec-mode>');
    expect(textOf((await op(sim, '<check><pending-changes></pending-changes></check>')).doc, 'result')).toBe('no');
  });

  test('GIVEN a commit WHEN polled THEN ACT with progress below 100 and result PEND, then FIN with progress 100 together', async () => {
    await writeTransportSet(sim);
    const enq = await api(sim, { type: 'commit', cmd: '<commit></commit>' });
    const id = textOf(enq.doc, 'result', 'job') as string;
    expect(lines(enq)).toEqual([`Commit job enqueued with jobid ${id}`]);
    const running = pathOf((await op(sim, `<show><jobs><id>${id}</id></jobs></show>`)).doc, 'result', 'job');
    expect(textOf(running, 'status')).toBe('ACT');
    expect(textOf(running, 'result')).toBe('PEND');
    expect(textOf(running, 'tfin')).toBe('Still Active');
    expect(Number(textOf(running, 'progress'))).toBeLessThan(100);
    const done = await waitJob(sim, id);
    expect(textOf(done, 'progress')).toBe('100');
    expect(textOf(done, 'type')).toBe('Commit');
    expect(textOf(done, 'user')).toBe('admin');
  });

  test('GIVEN two commits back to back THEN the second queues (PEND, increasing id) and both finish', async () => {
    await writeTransportSet(sim);
    const a = await api(sim, { type: 'commit', cmd: '<commit/>' });
    await config(sim, 'set', `${TUN}`, '<comment>second</comment>');
    const b = await api(sim, { type: 'commit', cmd: '<commit/>' });
    const [ida, idb] = [textOf(a.doc, 'result', 'job'), textOf(b.doc, 'result', 'job')].map(Number);
    expect(idb).toBeGreaterThan(ida);
    const queued = pathOf((await op(sim, `<show><jobs><id>${idb}</id></jobs></show>`)).doc, 'result', 'job');
    expect(textOf(queued, 'status')).toBe('PEND');
    expect(textOf(queued, 'queued')).toBe('YES');
    expect(textOf(await waitJob(sim, String(idb)), 'result')).toBe('OK');
    expect(sim.config.running(`${TUN}/comment`)).toBe('<comment>second</comment>');
    expect(sim.counters.snapshot().commits).toBe(2);
  });

  test('fails when a tunnel references a missing gateway: FAIL with Validation Error lines, running unchanged, candidate kept', async () => {
    await config(sim, 'set', PATHS.tunnel, '<entry name="tun1"><auto-key><ike-gateway><entry name="gw1"/></ike-gateway></auto-key><tunnel-interface>tunnel.9</tunnel-interface></entry>');
    const before = sim.config.running();
    const job = await commitAndWait(sim);
    expect(textOf(job, 'result')).toBe('FAIL');
    expect(textOf(job, 'status')).toBe('FIN');
    expect(detailLines(job)).toEqual([
      'Validation Error:',
      " network -> tunnel -> ipsec -> tun1 -> auto-key -> ike-gateway 'gw1' is not a valid reference",
      ' network -> tunnel -> ipsec -> tun1 -> auto-key -> ike-gateway is invalid',
      ' network -> tunnel -> ipsec is invalid',
      ' network is invalid',
      " network -> tunnel -> ipsec -> tun1 -> tunnel-interface 'tunnel.9' is not a valid reference",
      ' network -> tunnel -> ipsec -> tun1 -> tunnel-interface is invalid',
      ' devices is invalid',
    ]);
    expect(sim.config.running()).toBe(before);
    expect(sim.config.candidate(`${PATHS.tunnel}/entry[@name='tun1']`)).not.toBe('');
    expect(sim.counters.snapshot().commitsFailed).toBe(1);
  });

  test.each([
    ['IKEv1 gateway (T5)', GW + '/protocol/version', '<version>ikev1</version>', /requires IKEv2 only: ike-gateway 'gw-tm' has protocol version 'ikev1'/],
    ['NAT-T on (T8)', GW + '/protocol-common/nat-traversal/enable', '<enable>yes</enable>', /NAT traversal/],
    ['gateway on a loopback (T9)', GW + '/local-address', '<local-address><interface>loopback.1</interface></local-address>', /loopback interface: ike-gateway 'gw-tm' is on 'loopback.1'/],
    ['ESP aes-128-gcm (T7)', `${PATHS.ipsecCrypto}/entry[@name='ipsec-tm']/esp/encryption`, '<encryption><member>aes-128-gcm</member></encryption>', /ESP encryption aes-256-gcm only/],
    ['PFS group19 (T6)', `${PATHS.ipsecCrypto}/entry[@name='ipsec-tm']/dh-group`, '<dh-group>group19</dh-group>', /PFS dh-group group20/],
    ['IKE group14 (T6)', `${PATHS.ikeCrypto}/entry[@name='ike-tm']/dh-group`, '<dh-group><member>group14</member></dh-group>', /DH group20 only: ike-crypto-profile 'ike-tm' has \[group14\]/],
    ['a proxy ID (T10)', `${TUN}/auto-key/proxy-id`, '<proxy-id><entry name="p1"><local>10.0.0.0/24</local><remote>10.1.0.0/24</remote></entry></proxy-id>', /does not use proxy IDs/],
    ['GRE without a tunnel address (T14)', `${PATHS.tunnelIf}/entry[@name='tunnel.1']/ip`, '<ip/>', /needs an IPv4 address on tunnel interface 'tunnel.1'/],
    ['a monitor without destination (T17)', `${TUN}/tunnel-monitor`, '<tunnel-monitor><enable>yes</enable></tunnel-monitor>', /destination-ip is missing/],
  ])('fails when the transport set has %s', async (_name, xpath, element, expected) => {
    await writeTransportSet(sim);
    const e = await config(sim, 'edit', xpath, element);
    expect(e.doc.attrs.code).toBe('20');
    const job = await commitAndWait(sim);
    expect(textOf(job, 'result')).toBe('FAIL');
    expect(detailLines(job).join('\n')).toMatch(expected);
    expect(sim.config.running(TUN)).toBe('');
  });

  test('GIVEN a window with anti-replay off WHEN committed THEN the device takes it (the schema allows the pair)', async () => {
    await writeTransportSet(sim);
    await config(sim, 'edit', `${TUN}/anti-replay`, '<anti-replay>no</anti-replay>');
    const job = await commitAndWait(sim);
    expect({ result: textOf(job, 'result'), details: detailLines(job) }).toMatchObject({ result: 'OK' });
    expect(sim.config.running(TUN)).toContain('<anti-replay>no</anti-replay>');
    expect(sim.config.running(`${TUN}/anti-replay-window`)).toContain('512');
  });

  test('fails when a proxy ID name and its tunnel name together pass 63 characters', async () => {
    const tunnel = `${PATHS.tunnel}/entry[@name='${'t'.repeat(40)}']`;
    await config(sim, 'set', tunnel, `<tunnel-interface>tunnel.1</tunnel-interface><auto-key><ike-gateway><entry name="gw-tm"/></ike-gateway><proxy-id><entry name="${'p'.repeat(23)}"><local>10.0.0.0/24</local><remote>10.1.0.0/24</remote></entry></proxy-id></auto-key>`);
    const job = await commitAndWait(sim);
    expect(detailLines(job).join('\n')).toMatch(/is 64 characters; a tunnel name and its proxy ID name together can be at most 63/);
  });

  test('fails when an interface sits in two zones or two routers', async () => {
    await config(sim, 'set', `${DEV}/vsys/entry[@name='vsys1']/zone/entry[@name='untrust']/network/layer3`, '<member>ethernet1/2</member>');
    const job = await commitAndWait(sim);
    expect(detailLines(job).join('\n')).toMatch(/zone -> untrust -> network -> layer3 'ethernet1\/2' is already in use by zone 'trust'/);
  });

  test('GIVEN an unknown job id THEN "job N not found"', async () => {
    const a = await op(sim, '<show><jobs><id>4294967295</id></jobs></show>');
    expect(a.body).toBe('<response status="error"><msg><line>job 4294967295 not found</line></msg></response>');
  });

  test('GIVEN validate full THEN a Validate job reports FAIL without touching running', async () => {
    await config(sim, 'set', PATHS.tunnel, '<entry name="tun1"><tunnel-interface>tunnel.9</tunnel-interface></entry>');
    const a = await op(sim, '<validate><full></full></validate>');
    const id = textOf(a.doc, 'result', 'job') as string;
    expect(lines(a)).toEqual([`Validate job enqueued with jobid ${id}`]);
    const job = await waitJob(sim, id);
    expect(textOf(job, 'type')).toBe('Validate');
    expect(textOf(job, 'result')).toBe('FAIL');
    expect(sim.counters.snapshot().commits).toBe(0);
  });

  test('GIVEN load config from running-config.xml THEN the candidate reverts and nothing is pending', async () => {
    await writeTransportSet(sim);
    const a = await op(sim, '<load><config><from>running-config.xml</from></config></load>');
    expect(lines(a)).toEqual(['Config loaded from running-config.xml']);
    expect(sim.config.pendingChanges()).toBe(false);
    expect((await config(sim, 'get', TUN)).doc.attrs.code).toBe('7');
  });

  test('GIVEN two admins with changes WHEN admin2 commits partially THEN only admin2\'s changes become running', async () => {
    const key2 = await keygen(sim, 'admin2', 'pw2');
    await config(sim, 'set', `${DEV}/network/profiles/monitor-profile`, '<entry name="mine"><interval>5</interval></entry>');
    await config(sim, 'set', `${DEV}/network/profiles/monitor-profile`, '<entry name="theirs"><interval>7</interval></entry>', key2);
    const cmd = '<commit><partial><admin><member>admin2</member></admin></partial></commit>';
    const job = await commitAndWait(sim, cmd, key2, 'partial');
    expect(textOf(job, 'result')).toBe('OK');
    expect(sim.config.running(`${DEV}/network/profiles/monitor-profile/entry[@name='theirs']`)).not.toBe('');
    expect(sim.config.running(`${DEV}/network/profiles/monitor-profile/entry[@name='mine']`)).toBe('');
    const g = await config(sim, 'get', `${DEV}/network/profiles/monitor-profile`);
    expect(g.body).toMatch(/<entry name="mine" admin="admin"/);
    expect(g.body).toMatch(/<entry name="theirs"><interval>/);
    expect(sim.config.pendingChanges()).toBe(true);
    const again = await api(sim, { type: 'commit', action: 'partial', cmd }, { key: key2 });
    expect(again.body).toContain('There are no changes to commit.');
    expect(sim.counters.snapshot().byAction['commit:partial']).toBe(2);
  });

  test('GIVEN out-of-band changes THEN the config view commits them, and rejects a dangling reference with the detail lines', async () => {
    sim.config.set(`${DEV}/network/profiles/monitor-profile`, '<entry name="oob"><interval>9</interval></entry>');
    expect(sim.config.pendingChanges()).toBe(true);
    await sim.config.commit();
    expect(sim.config.running(`${DEV}/network/profiles/monitor-profile/entry[@name='oob']/interval`)).toBe('<interval>9</interval>');
    sim.config.set(PATHS.tunnel, '<entry name="t"><tunnel-interface>tunnel.77</tunnel-interface></entry>');
    await expect(sim.config.commit()).rejects.toThrow(/tunnel-interface 'tunnel.77' is not a valid reference/);
    expect(() => sim.config.set(PATHS.tunnel, '<entry name="t"><nope/></entry>')).toThrow(/t -> nope unexpected here/);
  });
});
