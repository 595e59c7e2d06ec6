/**
 * The lab negotiates from two running configurations, and `panos-ipsec status` reports the outcome: every property
 * of the negotiation, changed on one side only, brings the tunnel down with a reason naming it; matching pairs come
 * up. Each case configures fw-b first, then fw-a, through the XML API; fw-a's commit starts the exchange. On the same
 * lab `panos-ipsec pair-check` judges the two running configurations without negotiating, and must agree: exit 3 with
 * a finding naming the same property where the tunnel stays down, exit 0 where it comes up.
 */
import { startLab } from '../../../src/sim';
import type { StatusReport, TunnelStatus } from '../../../src/cycle/status/status-model';
import { SideOptions, clientFor, deploy, failureMessages, pairCheck, sideConfig, status } from './lab-helpers';
import type { PairCheckDocument } from '../../../src/cycle/pair-check/pair-check-render';
import { childrenNamed, textAt } from '../../../src/panos/xml';
import { parseVpnTime } from '../../../src/cycle/status/status-read';

const LAN_A = [{ name: 'lan', local: '10.1.0.0/16', remote: '10.2.0.0/16' }];
const LAN_B = [{ name: 'lan', local: '10.2.0.0/16', remote: '10.1.0.0/16' }];
const A: SideOptions = { local: '198.51.100.1/30', peer: '198.51.100.2', proxyIds: LAN_A };
const B: SideOptions = { local: '198.51.100.2/30', peer: '198.51.100.1', proxyIds: LAN_B };

interface PairOptions {
  readonly a?: Partial<SideOptions>;
  readonly b?: Partial<SideOptions>;
  readonly bBehindNat?: boolean;
}

interface PairOutcome {
  readonly code: number;
  readonly report: StatusReport;
  /** pair-check on the same lab. */
  readonly check: { readonly code: number; readonly doc: PairCheckDocument; readonly text: string };
}

async function pair(o: PairOptions, inspect?: (lab: Awaited<ReturnType<typeof startLab>>) => Promise<void>): Promise<PairOutcome> {
  const lab = await startLab({ devices: [{ name: 'fw-a' }, { name: 'fw-b', behindNat: o.bBehindNat === true }], commitDurationMs: 5 });
  try {
    await deploy(lab.device('fw-b'), sideConfig({ ...B, ...o.b }));
    await deploy(lab.device('fw-a'), sideConfig({ ...A, ...o.a }));
    const r = await status(lab);
    const check = await pairCheck(lab, { text: true });
    if (inspect) await inspect(lab);
    return { ...r, check };
  } finally {
    await lab.close();
  }
}

function rows(r: StatusReport): TunnelStatus[] {
  return r.devices.flatMap((d) => d.tunnels);
}

/** pair-check agrees that the pair comes up: exit 0, one compatible pair, no error; returns the other rule ids it noted. */
function expectCompatible(check: PairOutcome['check']): string[] {
  expect(check.code).toBe(0);
  expect(check.doc.pairs).toHaveLength(1);
  expect(check.doc.pairs[0]).toMatchObject({ a: { device: 'fw-a', gateway: 'gw-peer' }, b: { device: 'fw-b', gateway: 'gw-peer' }, compatible: true });
  expect(check.doc.findings.filter((f) => f.level === 'error')).toEqual([]);
  expect(check.text).toMatch(/All 1 gateway pair\(s\) compatible on 2 device\(s\)\./);
  return check.doc.findings.map((f) => f.ruleId);
}

const NAT_B: Partial<SideOptions> = { local: '172.16.1.2/24' };

/**
 * [mismatch, fw-a changes, fw-b changes, what a failure must name, IKE SA state afterwards, fw-b behind NAT,
 *  the pair rule pair-check must report, the property (model key) its finding names]
 */
const MISMATCHES: [string, Partial<SideOptions>, Partial<SideOptions>, RegExp, 'up' | 'down', boolean, string, string][] = [
  ['IKE version (ikev1 against ikev2 only)', { version: 'ikev1' }, {}, /IKE version mismatch/, 'down', false, 'PANOS-PEER-001', 'version'],
  ['IKEv1 exchange mode (aggressive against main)', { version: 'ikev1', exchangeMode: 'aggressive' }, { version: 'ikev1', exchangeMode: 'main' }, /exchange mode mismatch/, 'down', false, 'PANOS-PEER-003', 'ikev1ExchangeMode'],
  ['IKE encryption', { ikeEnc: ['aes-128-cbc'] }, {}, /encryption: peer offers AES128-CBC, configured AES256-GCM16/, 'down', false, 'PANOS-PEER-004', 'encryption'],
  ['IKE hash', { ikeHash: ['sha256'] }, {}, /hash: peer offers SHA256, configured SHA384/, 'down', false, 'PANOS-PEER-004', 'authentication'],
  ['IKE DH group', { ikeDh: ['group19'] }, {}, /DH group: peer offers DH19, configured DH20/, 'down', false, 'PANOS-PEER-004', 'dhGroups'],
  ['pre-shared key', { psk: 'not-the-same-secret' }, {}, /pre-shared key mismatch/, 'down', false, 'PANOS-PEER-010', 'preSharedKey'],
  ['authentication method (certificate against pre-shared key)', { certificate: true }, {}, /authentication method mismatch/, 'down', false, 'PANOS-PEER-010', 'authentication'],
  ['peer ID the responder expects', {}, { peerId: { type: 'fqdn', id: 'fw-a.example.net' } }, /peer ID ipaddr:198\.51\.100\.1 does not match .*fqdn:fw-a\.example\.net.*identity mismatch/, 'down', false, 'PANOS-PEER-012', 'peerId'],
  ['peer ID the initiator expects', { peerId: { type: 'fqdn', id: 'fw-b.example.net' } }, { localId: { type: 'fqdn', id: 'vpn.example.org' } }, /identity mismatch/, 'down', false, 'PANOS-PEER-012', 'peerId'],
  ['NAT traversal (NAT in between, off on one side)', { natT: true }, { ...NAT_B, natT: false }, /NAT-T mismatch/, 'down', true, 'PANOS-PEER-014', 'natTraversal'],
  ['IPSec protocol (AH against ESP)', { ipsecProtocol: 'ah', auth: ['sha256'] }, {}, /IPSec protocol: peer offers AH, configured ESP/, 'up', false, 'PANOS-PEER-005', 'protocol'],
  ['ESP encryption', { espEnc: ['aes-128-gcm'] }, {}, /ESP encryption: peer offers AES128-GCM16, configured AES256-GCM16/, 'up', false, 'PANOS-PEER-005', 'espEncryption'],
  ['ESP authentication', { espEnc: ['aes-256-cbc'], auth: ['sha256'] }, { espEnc: ['aes-256-cbc'], auth: ['sha1'] }, /ESP authentication: peer offers SHA256, configured SHA1/, 'up', false, 'PANOS-PEER-005', 'espAuthentication'],
  ['PFS group', { pfs: 'group19' }, {}, /PFS group mismatch/, 'up', false, 'PANOS-PEER-006', 'dhGroup'],
  ['PFS on one side only', {}, { pfs: 'no-pfs' }, /lacks KE payload/, 'up', false, 'PANOS-PEER-006', 'dhGroup'],
  ['IPSec mode (transport against tunnel)', { mode: 'transport', proxyIds: [] }, { proxyIds: [] }, /IPSec mode mismatch/, 'up', false, 'PANOS-PEER-007', 'ipsecMode'],
  ['IPSec mode (tunnel against transport)', { proxyIds: [] }, { mode: 'transport', proxyIds: [] }, /IPSec mode mismatch/, 'up', false, 'PANOS-PEER-007', 'ipsecMode'],
  ['proxy IDs that do not mirror (IKEv2)', { proxyIds: [{ name: 'lan', local: '10.1.0.0/16', remote: '10.3.0.0/16' }] }, {}, /proxy ID mismatch/, 'up', false, 'PANOS-PEER-015', 'proxyIds'],
  ['proxy IDs that do not mirror exactly (IKEv1)', { version: 'ikev1', proxyIds: [{ name: 'lan', local: '10.1.0.0/16', remote: '10.2.0.0/24' }] }, { version: 'ikev1' }, /proxy ID mismatch/, 'up', false, 'PANOS-PEER-015', 'proxyIds'],
  ['peer address that is no lab device', { peer: '203.0.113.9' }, {}, /due to timeout/, 'down', false, 'PANOS-PEER-009', 'peerIp'],
];

describe('lab negotiation seen through panos-ipsec status', () => {
  test.each(MISMATCHES)('fails when they differ in %s: status exits 4 and a failure names it; pair-check exits 3 naming it', async (_kind, a, b, reason, ike, nat, ruleId, field) => {
    const { code, report, check } = await pair({ a, b, bBehindNat: nat });
    expect(check.code).toBe(3);
    const errors = check.doc.findings.filter((f) => f.level === 'error');
    expect(errors.map((f) => [f.ruleId, f.object.field])).toContainEqual([ruleId, field]);
    expect(check.doc.pairs).toHaveLength(1);
    expect(check.doc.pairs[0]?.compatible).toBe(false);
    const finding = errors.find((f) => f.ruleId === ruleId && f.object.field === field);
    expect(check.text).toContain(`gateway gw-peer`);
    expect(check.text).toContain(finding?.message);
    expect(finding?.message).toMatch(/; fix: /);
    expect(code).toBe(4);
    const fwA = report.devices.find((d) => d.name === 'fw-a');
    expect(fwA?.tunnels.length).toBeGreaterThan(0);
    for (const t of fwA?.tunnels ?? []) {
      expect(t.up).toBe(false);
      expect(t.child.state).toBe('down');
      expect(t.ike.state).toBe(ike);
    }
    expect(failureMessages(report).join('\n')).toMatch(reason);
  });

  test('GIVEN mirrored tunnel-mode configurations WHEN fw-a commits THEN both ends report the tunnel up with its proposal and status exits 0', async () => {
    const { code, report, check } = await pair({}, async (lab) => {
      // Two PAN-OS ends of one tunnel: each end's inbound SPI is the other's outbound SPI.
      const sa = async (name: string): Promise<{ i: string; o: string; life: string }> => {
        const c = clientFor(lab.device(name));
        try {
          const r = await c.op('<show><vpn><ipsec-sa></ipsec-sa></vpn></show>');
          const e = childrenNamed(childrenNamed(r, 'entries')[0], 'entry')[0];
          return { i: textAt(e, 'i_spi') ?? '', o: textAt(e, 'o_spi') ?? '', life: textAt(e, 'life') ?? '' };
        } finally {
          await c.close();
        }
      };
      const [x, y] = [await sa('fw-a'), await sa('fw-b')];
      expect(x.i).toBe(y.o);
      expect(x.o).toBe(y.i);
    });
    expect(code).toBe(0);
    expect(rows(report)).toHaveLength(2);
    for (const t of rows(report)) {
      expect(t).toMatchObject({ tunnel: 'vpn:lan', gateway: 'gw-peer', mode: 'tunnel', up: true, ike: { state: 'up', proposal: 'PSK/DH20/AES256-GCM16/SHA384', exchange: 'IKEv2' }, child: { state: 'up' } });
      expect(t.failure).toBeUndefined();
      expect(Date.now() - new Date(t.since as string).getTime()).toBeLessThan(60_000);
    }
    expect(rows(report).map((t) => t.ike.role).sort()).toEqual(['Init', 'Resp']);
    // Same key on both ends: compared by the digest each device stores, so nothing is left unverified.
    expect(expectCompatible(check)).toEqual([]);
    expect(check.doc.unverified).toEqual([]);
    expect(check.doc.pairs[0]).toMatchObject({ basis: 'mirrored', tunnels: [{ a: 'vpn', b: 'vpn' }] });
  });

  test('GIVEN the transport-mode pair of examples/transport-bgp WHEN both commit THEN the tunnel is up in transport mode', async () => {
    const { code, report, check } = await pair({ a: { mode: 'transport', proxyIds: [] }, b: { mode: 'transport', proxyIds: [] } });
    expect(code).toBe(0);
    expect(expectCompatible(check)).toEqual([]);
    expect(rows(report).map((t) => [t.tunnel, t.mode, t.up, t.peer])).toEqual([
      ['vpn', 'transport', true, '198.51.100.2'],
      ['vpn', 'transport', true, '198.51.100.1'],
    ]);
  });

  test('GIVEN ikev2-preferred against an IKEv1-only peer WHEN fw-a commits THEN it falls back to IKEv1 main mode and comes up', async () => {
    const { code, report, check } = await pair({ a: { version: 'ikev2-preferred' }, b: { version: 'ikev1' } });
    expect(code).toBe(0);
    expect(expectCompatible(check)).toEqual(['PANOS-PEER-002']);
    expect(rows(report).map((t) => t.ike.exchange)).toEqual(['Main', 'Main']);
  });

  test('GIVEN a NAT in front of fw-b and NAT-T on both gateways WHEN fw-a commits THEN the tunnel comes up through the NAT', async () => {
    const { code, report, check } = await pair({ a: { natT: true }, b: { ...NAT_B, natT: true }, bBehindNat: true });
    expect(code).toBe(0);
    // Paired through the NAT address the inventory gives for fw-b.
    expect(expectCompatible(check)).toEqual([]);
    expect(check.doc.pairs[0]?.basis).toBe('nat');
    const b = report.devices.find((d) => d.name === 'fw-b');
    expect(b?.tunnels[0]).toMatchObject({ local: '172.16.1.2', peer: '198.51.100.1', up: true });
  });

  test('GIVEN proxy IDs where fw-b is narrower WHEN fw-a (IKEv2) proposes the wider ones THEN fw-b narrows them and the tunnel comes up', async () => {
    const { code, check } = await pair({ b: { proxyIds: [{ name: 'lan', local: '10.2.1.0/24', remote: '10.1.1.0/24' }] } });
    expect(code).toBe(0);
    expect(expectCompatible(check)).toEqual([]);
  });

  test('GIVEN a passive responder with a dynamic peer WHEN fw-a commits THEN fw-a initiates and both come up', async () => {
    const { code, check } = await pair({ b: { peer: 'dynamic', passive: true } });
    expect(code).toBe(0);
    expect(expectCompatible(check)).toEqual([]);
  });

  test('GIVEN passive gateways on both ends WHEN both commit THEN nobody initiates: down, and no failure in the log', async () => {
    const { code, report, check } = await pair({ a: { passive: true }, b: { passive: true } });
    expect(code).toBe(4);
    // pair-check sees it in the configurations: both gateways only respond.
    expect(check.code).toBe(3);
    expect(check.doc.findings.filter((f) => f.level === 'error').map((f) => [f.ruleId, f.device, f.object.field])).toEqual([['PANOS-PEER-019', 'fw-a', 'passiveMode']]);
    for (const t of rows(report)) {
      expect(t.up).toBe(false);
      expect(t.failure).toBeUndefined();
    }
  });

  test('GIVEN proposals with several algorithms in different orders and different lifetimes WHEN they negotiate THEN the responder picks from its own order and the lower lifetimes win', async () => {
    const a: Partial<SideOptions> = { ikeEnc: ['aes-128-cbc', 'aes-256-cbc'], ikeHash: ['sha256'], ikeDh: ['group14', 'group19'], ikeLifetime: '<hours>8</hours>', ipsecLifetime: '<hours>2</hours>' };
    const b: Partial<SideOptions> = { ikeEnc: ['aes-256-cbc', 'aes-128-cbc'], ikeHash: ['sha256'], ikeDh: ['group19', 'group14'], ikeLifetime: '<hours>2</hours>', ipsecLifetime: '<minutes>30</minutes>' };
    let life = '';
    let ikeSeconds = 0;
    const { code, report, check } = await pair({ a, b }, async (lab) => {
      const c = clientFor(lab.device('fw-a'));
      try {
        const r = await c.op('<show><vpn><ipsec-sa></ipsec-sa></vpn></show>');
        life = textAt(childrenNamed(childrenNamed(r, 'entries')[0], 'entry')[0], 'life') ?? '';
        const ike = childrenNamed(await c.op('<show><vpn><ike-sa></ike-sa></vpn></show>'), 'entry')[0];
        const [created, expires] = ['created', 'expires'].map((f) => parseVpnTime(textAt(ike, f) ?? '')?.getTime() ?? NaN);
        ikeSeconds = (expires - created) / 1000;
      } finally {
        await c.close();
      }
    });
    expect(code).toBe(0);
    // Different lifetimes are noted (IKE and IPSec), not refused.
    expect(expectCompatible(check)).toEqual(['PANOS-PEER-016', 'PANOS-PEER-016']);
    expect(rows(report).map((t) => t.ike.proposal)).toEqual(['PSK/DH19/AES256-CBC/SHA256', 'PSK/DH19/AES256-CBC/SHA256']);
    expect(life).toBe('1800');
    expect(ikeSeconds).toBe(7200);
  });
});
