import { startSimulator, Simulator } from '../../src/sim';
import { DEV, VSYS, config, lines } from './helpers';

const TUN = `${DEV}/network/tunnel/ipsec/entry[@name='tun1']`;
const IKE = `${DEV}/network/ike/crypto-profiles/ike-crypto-profiles`;

describe('simulator schema on PAN-OS 10.2', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ panosVersion: '10.2.9' });
  });
  afterAll(() => sim.close());

  test('fails when ipsec-mode is sent to 10.2: code 12 with the "unexpected here" CDATA lines, nothing written', async () => {
    const a = await config(sim, 'set', TUN, '<ipsec-mode>transport</ipsec-mode>');
    expect(a.body).toBe(
      '<response status="error" code="12"><msg><line><![CDATA[ tun1 -> ipsec-mode unexpected here]]></line>' +
        '<line><![CDATA[ tun1 is invalid]]></line></msg></response>',
    );
    expect((await config(sim, 'get', TUN)).doc.attrs.code).toBe('7');
  });

  test('fails when even ipsec-mode tunnel is sent to 10.2, and when the xpath itself runs past the schema', async () => {
    expect((await config(sim, 'set', `${DEV}/network/tunnel/ipsec`, '<entry name="t2"><ipsec-mode>tunnel</ipsec-mode></entry>')).doc.attrs.code).toBe('12');
    const a = await config(sim, 'edit', `${TUN}/ipsec-mode`, '<ipsec-mode>tunnel</ipsec-mode>');
    expect(lines(a)).toEqual([`Could not find schema node for xpath ${TUN}/ipsec-mode`]);
  });

  test('fails when a zone carries net-inspection (11.0+) on 10.2', async () => {
    const a = await config(sim, 'set', `${VSYS}/zone/entry[@name='trust']/network`, '<net-inspection>yes</net-inspection>');
    expect(lines(a)).toEqual(['trust -> network -> net-inspection unexpected here', 'trust -> network is invalid']);
  });

  test('GIVEN group21 (10.2+) THEN the IKE profile is accepted on 10.2', async () => {
    expect((await config(sim, 'set', IKE, '<entry name="p21"><dh-group><member>group21</member></dh-group></entry>')).doc.attrs.code).toBe('20');
  });
});

describe('simulator schema on PAN-OS 11.1', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ panosVersion: '11.1.0' });
  });
  afterAll(() => sim.close());

  test('GIVEN ipsec-mode transport on 11.1 THEN the write is accepted', async () => {
    expect((await config(sim, 'set', TUN, '<ipsec-mode>transport</ipsec-mode>')).doc.attrs.code).toBe('20');
  });

  test('fails when an enum value is unknown: §4.3 wording with the member value quoted', async () => {
    const a = await config(sim, 'set', IKE, '<entry name="ike-p1"><dh-group><member>group99</member></dh-group></entry>');
    expect(a.doc.attrs.code).toBe('12');
    expect(lines(a)).toEqual(["ike-p1 -> dh-group 'group99' is not an allowed keyword", 'ike-p1 -> dh-group is invalid']);
    const mode = await config(sim, 'set', TUN, '<ipsec-mode>sideways</ipsec-mode>');
    expect(lines(mode)[0]).toBe("tun1 -> ipsec-mode 'sideways' is not an allowed keyword");
    const window = await config(sim, 'set', TUN, '<anti-replay-window>100</anti-replay-window>');
    expect(lines(window)[0]).toBe("tun1 -> anti-replay-window '100' is not an allowed keyword");
  });

  test('fails when a number is out of range or a value too long', async () => {
    const a = await config(sim, 'set', `${DEV}/network/profiles/monitor-profile`, '<entry name="m1"><interval>1</interval></entry>');
    expect(lines(a)[0]).toBe("m1 -> interval '1' is not a valid value (range 2-100)");
    const b = await config(sim, 'set', `${DEV}/network/interface/tunnel/units`, `<entry name="tunnel.5"><comment>${'x'.repeat(1024)}</comment></entry>`);
    expect(lines(b)[0]).toBe('tunnel.5 -> comment can be at most 1023 characters, but current length: 1024');
  });

  test('fails when an object name is over 63 characters or a tunnel interface is not named tunnel.N', async () => {
    const long = 'g'.repeat(64);
    const a = await config(sim, 'set', `${DEV}/network/ike/gateway`, `<entry name="${long}"><disabled>no</disabled></entry>`);
    expect(lines(a)).toEqual([`${long} can be at most 63 characters, but current length: 64`]);
    const b = await config(sim, 'set', `${DEV}/network/ike/gateway/entry[@name='${long}']`, '<disabled>no</disabled>');
    expect(b.doc.attrs.code).toBe('12');
    const c = await config(sim, 'set', `${DEV}/network/interface/tunnel/units`, '<entry name="tun.1"/>');
    expect(lines(c)[0]).toMatch(/^tun\.1 is not a valid name here \(expected tunnel\.<1-9999>\)$/);
  });

  test('fails when two branches of a choice arrive together, or a member list is written as text', async () => {
    const a = await config(sim, 'set', `${DEV}/network/ike/gateway/entry[@name='g']`, '<peer-address><ip>1.2.3.4</ip><fqdn>x.example</fqdn></peer-address>');
    expect(lines(a)[0]).toBe('g -> peer-address -> fqdn unexpected here');
    const b = await config(sim, 'set', IKE, '<entry name="p"><dh-group>group20</dh-group></entry>');
    expect(b.doc.attrs.code).toBe('12');
  });

  test('GIVEN a uuid attribute on an entry THEN it is accepted and kept', async () => {
    await config(sim, 'set', `${DEV}/network/profiles/monitor-profile`, '<entry name="m2" uuid="0b8a-11"><interval>5</interval></entry>');
    expect(sim.config.candidate(`${DEV}/network/profiles/monitor-profile/entry[@name='m2']`)).toBe('<entry name="m2" uuid="0b8a-11"><interval>5</interval></entry>');
  });
});
