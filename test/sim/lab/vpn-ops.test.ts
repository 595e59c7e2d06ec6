/**
 * The VPN op commands as a device answers them: a lone simulator's gateway times out, `test vpn` starts a new
 * attempt, `show log system` filters and orders, and a commit that does not touch a tunnel keeps its SAs.
 */
import { startLab, startSimulator, type Lab, type Simulator } from '../../../src/sim';
import { pathOf, type SimNode } from '../../../src/sim/xml-tree';
import { op } from '../helpers';
import { DEV, SideOptions, sideConfig } from './lab-helpers';

const A: SideOptions = { local: '198.51.100.1/30', peer: '198.51.100.2' };
const B: SideOptions = { local: '198.51.100.2/30', peer: '198.51.100.1' };

async function apply(sim: Simulator, writes: readonly [string, string][]): Promise<void> {
  for (const [x, e] of writes) sim.config.set(x, e);
  await sim.config.commit();
}

function entries(n: SimNode | undefined): SimNode[] {
  return (n?.children ?? []).filter((c) => c.name === 'entry');
}

const text = (n: SimNode | undefined, ...path: string[]): string => pathOf(n, ...path)?.text ?? '';

async function logOf(sim: Simulator, filter = ''): Promise<SimNode[]> {
  const r = await op(sim, `<show><log><system>${filter}</system></log></show>`);
  return entries(pathOf(r.doc, 'result', 'log', 'logs'));
}

describe('VPN op commands', () => {
  test('GIVEN a lone simulator with a gateway WHEN it commits THEN the tunnel stays init and the log says the attempt timed out', async () => {
    const sim = await startSimulator({ commitDurationMs: 5 });
    try {
      await apply(sim, sideConfig({ ...A, peer: '203.0.113.9' }));
      const flow = await op(sim, '<show><vpn><flow></flow></vpn></show>');
      expect(entries(pathOf(flow.doc, 'result', 'IPSec')).map((e) => [text(e, 'name'), text(e, 'state'), text(e, 'peerip')])).toEqual([['vpn', 'init', '203.0.113.9']]);
      expect((await op(sim, '<show><vpn><ike-sa></ike-sa></vpn></show>')).body).toBe('<response status="success"><result/></response>');
      const log = await logOf(sim, '<subtype><equal>vpn</equal></subtype>');
      expect(log).toHaveLength(1);
      expect(text(log[0], 'eventid')).toBe('ike-nego-p1-fail');
      expect(text(log[0], 'object')).toBe('gw-peer');
      expect(text(log[0], 'opaque')).toMatch(/^IKEv2 IKE SA negotiation is failed as initiator, non-rekey\. Failed SA: 198\.51\.100\.1\[500\]-203\.0\.113\.9\[500\] SPI:[0-9a-f]{16}:0{16}\. due to timeout\.$/);

      // test vpn answers at once and starts another attempt.
      const t = await op(sim, '<test><vpn><ike-sa><gateway>gw-peer</gateway></ike-sa></vpn></test>');
      expect(text(t.doc, 'result')).toMatch(/^Start time: [A-Z][a-z]{2}\.\d{2} \d{2}:\d{2}:\d{2}\nInitiate 1 IKE SA\.\n$/);
      expect(await logOf(sim)).toHaveLength(2);
      const unknown = await op(sim, '<test><vpn><ike-sa><gateway>nope</gateway></ike-sa></vpn></test>');
      expect(unknown.body).toContain('status="error"');
      expect(unknown.body).toContain('IKE gateway nope does not exist');
    } finally {
      await sim.close();
    }
  });

  describe('in a lab', () => {
    let lab: Lab;
    beforeEach(async () => {
      lab = await startLab({ devices: [{ name: 'fw-a' }, { name: 'fw-b' }], commitDurationMs: 5 });
      await apply(lab.device('fw-b').sim, sideConfig(B));
      await apply(lab.device('fw-a').sim, sideConfig(A));
    });
    afterEach(() => lab.close());

    const ikeSa = async (name: string): Promise<SimNode> => entries(pathOf((await op(lab.device(name).sim, '<show><vpn><ike-sa></ike-sa></vpn></show>')).doc, 'result'))[0];
    const ipsecSa = async (name: string): Promise<SimNode> =>
      entries(pathOf((await op(lab.device(name).sim, '<show><vpn><ipsec-sa></ipsec-sa></vpn></show>')).doc, 'result', 'entries'))[0];

    test('GIVEN an established pair WHEN fw-a commits a change that does not touch the VPN THEN the SAs stay (same created time and SPIs); WHEN the key changes THEN they go', async () => {
      const before = [await ikeSa('fw-a'), await ipsecSa('fw-a')];
      expect(text(before[0], 'role')).toBe('Init');
      expect(text(before[1], 'remote')).toBe('198.51.100.2      ');
      const sim = lab.device('fw-a').sim;
      sim.config.set(`${DEV}/deviceconfig/system`, '<login-banner>authorised use only</login-banner>');
      await sim.config.commit();
      const after = [await ikeSa('fw-a'), await ipsecSa('fw-a')];
      expect(text(after[0], 'created')).toBe(text(before[0], 'created'));
      expect(text(after[1], 'i_spi')).toBe(text(before[1], 'i_spi'));

      await apply(sim, sideConfig({ ...A, psk: 'rotated-on-one-side-only' }));
      expect(await ikeSa('fw-a')).toBeUndefined();
      expect(await ipsecSa('fw-b')).toBeUndefined();
    });

    test('GIVEN log entries on fw-b WHEN show log system filters by eventid and reads backward THEN only those come, newest first', async () => {
      const all = await logOf(lab.device('fw-b').sim);
      expect(all.map((e) => text(e, 'eventid'))).toEqual(['ike-nego-p1-fail', 'ike-nego-p1-succ', 'ike-nego-p2-succ']);
      const succ = await logOf(lab.device('fw-b').sim, '<eventid><equal>ike-nego-p1-succ</equal></eventid>');
      expect(succ.map((e) => text(e, 'opaque'))).toEqual([expect.stringMatching(/^IKEv2 IKE SA negotiation is succeeded as responder, non-rekey\. Established SA: 198\.51\.100\.2\[500\]-198\.51\.100\.1\[500\]/)]);
      const backward = await logOf(lab.device('fw-b').sim, '<direction><equal>backward</equal></direction>');
      expect(backward.map((e) => Number(text(e, 'seqno')))).toEqual([3, 2, 1]);
      const bad = await op(lab.device('fw-b').sim, '<show><log><system><colour><equal>red</equal></colour></system></log></show>');
      expect(bad.body).toContain('status="error"');
    });

    test('GIVEN an established pair WHEN show vpn tunnel and show vpn gateway run THEN they list the configuration the SAs came from', async () => {
      const t = entries(pathOf((await op(lab.device('fw-a').sim, '<show><vpn><tunnel></tunnel></vpn></show>')).doc, 'result', 'entries'))[0];
      expect([text(t, 'name'), text(t, 'gw'), text(t, 'mode'), text(t, 'enc'), text(t, 'dh'), text(t, 'life')]).toEqual(['vpn', 'gw-peer', 'tunl', 'AES256-GCM16', 'DH20', '3600']);
      const g = entries(pathOf((await op(lab.device('fw-a').sim, '<show><vpn><gateway></gateway></vpn></show>')).doc, 'result', 'entries'))[0];
      expect(text(g, 'v2', 'peer-id')).toBe('198.51.100.2(ipaddr:198.51.100.2)');
      expect(text(g, 'v2', 'local-id')).toBe('198.51.100.1(ipaddr:198.51.100.1)');
    });
  });
});
