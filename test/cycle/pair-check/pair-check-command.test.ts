/**
 * `panos-ipsec pair-check` against a two-device lab, beyond the agreement with the lab's negotiation
 * (test/sim/lab/negotiation.test.ts): the request budget, the text report, gateways it cannot check, what the
 * configurations cannot show, and the errors that name the device and the fix.
 */
import { writeFileSync } from 'node:fs';
import { runPairCheck } from '../../../src/cycle/pair-check-run';
import type { PairCheckDocument } from '../../../src/cycle/pair-check/pair-check-render';
import type { Lab } from '../../../src/sim';
import { SideOptions, deploy, sideConfig, twoDeviceLab, type LabWithInventory } from '../../sim/lab/lab-helpers';
import { captureIo } from '../fixtures';

const A: SideOptions = { local: '198.51.100.1/30', peer: '198.51.100.2' };
const B: SideOptions = { local: '198.51.100.2/30', peer: '198.51.100.1' };

describe('panos-ipsec pair-check', () => {
  let fixture: LabWithInventory;
  let lab: Lab;
  let inventory: string;
  const requests = new Map<string, number>();

  beforeEach(async () => {
    requests.clear();
    fixture = await twoDeviceLab({ onRequest: (d) => void requests.set(d, (requests.get(d) ?? 0) + 1) });
    ({ lab, inventory } = fixture);
  });

  afterEach(() => fixture.close());

  test('GIVEN an IKE proposal mismatch WHEN pair-check runs THEN it reads each device once, exits 3 and the text names device, gateway, rule, mismatch and fix', async () => {
    await deploy(lab.device('fw-b'), sideConfig(B));
    await deploy(lab.device('fw-a'), sideConfig({ ...A, ikeDh: ['group19'] }));
    requests.clear();
    const io = captureIo();
    expect(await runPairCheck({ inventory }, {}, io)).toBe(3);
    expect(Object.fromEntries(requests)).toEqual({ 'fw-a': 1, 'fw-b': 1 });
    const text = io.stdout();
    expect(text).toMatch(/DEVICE\s+GATEWAY\s+LOCAL\s+PEER DEVICE\s+PEER GATEWAY\s+PEER LOCAL\s+TUNNELS\s+PAIRED BY\s+RESULT/);
    expect(text).toMatch(/fw-a\s+gw-peer\s+198\.51\.100\.1\s+fw-b\s+gw-peer\s+198\.51\.100\.2\s+vpn\s+mirrored\s+NOT COMPATIBLE/);
    expect(text).toMatch(/Not compatible \(the tunnel cannot come up\):\n {2}fw-a gateway gw-peer \(peer fw-b gateway gw-peer\): \[fw-a\/ike-crypto-profile\/lab-ike\] PANOS-PEER-004: .*group19.*group20.*; fix: /);
    expect(text).toContain('1 of 1 gateway pair(s) not compatible on 2 device(s).');
  });

  test('GIVEN a gateway whose peer is no device of the inventory WHEN pair-check runs THEN it is listed as not checked and the exit is 0', async () => {
    await deploy(lab.device('fw-a'), sideConfig({ ...A, peer: '203.0.113.9' }));
    const io = captureIo();
    expect(await runPairCheck({ inventory, json: true }, {}, io)).toBe(0);
    const doc = JSON.parse(io.stdout()) as PairCheckDocument;
    expect(doc).toMatchObject({ command: 'pair-check', exitCode: 0, compatible: true, pairs: [], findings: [] });
    expect(doc.unpaired).toEqual([{ device: 'fw-a', gateway: 'gw-peer', peerAddress: '203.0.113.9', reason: expect.stringContaining('no gateway of another device in the inventory has local address 203.0.113.9') }]);
  });

  test('GIVEN keys stored without the digest PAN-OS keeps with them WHEN pair-check runs THEN it says it could not verify the pre-shared key, and does not fail the pair for it', async () => {
    // A stored form this project cannot read a digest from (written already encrypted, so the device keeps it as is).
    const opaque = (o: SideOptions): [string, string][] => sideConfig({ ...o, psk: '-AQ==opaque' });
    await deploy(lab.device('fw-b'), opaque(B));
    await deploy(lab.device('fw-a'), opaque(A));
    const json = captureIo();
    expect(await runPairCheck({ inventory, json: true }, {}, json)).toBe(0);
    const doc = JSON.parse(json.stdout()) as PairCheckDocument;
    expect(doc.unverified).toEqual([expect.objectContaining({ device: 'fw-a', gateway: 'gw-peer', peerDevice: 'fw-b', property: 'pre-shared key' })]);
    const text = captureIo();
    await runPairCheck({ inventory }, {}, text);
    expect(text.stdout()).toContain('Could not verify from the configurations:\n  fw-a gateway gw-peer and fw-b gateway gw-peer: could not verify the pre-shared key');
    expect(text.stdout()).not.toContain('opaque');
  });

  test('GIVEN a device that does not answer WHEN pair-check runs THEN it exits 1 naming the device, its address and the fix', async () => {
    const doc = lab.describe();
    const down = { devices: [doc.devices[0], { ...doc.devices[1], url: 'http://127.0.0.1:9' }] };
    writeFileSync(inventory, JSON.stringify(down));
    const io = captureIo();
    expect(await runPairCheck({ inventory }, {}, io)).toBe(1);
    expect(io.stderr()).toMatch(/could not read the running configuration of 1 of 2 device\(s\)[\s\S]*fw-b \(127\.0\.0\.1:9\): .*Fix:/);
    expect(io.stdout()).toBe('');
  });

  test('GIVEN an inventory whose device names a key variable that is not set WHEN pair-check runs THEN it exits 1 naming the file, device, variable and fix', async () => {
    writeFileSync(inventory, JSON.stringify({ devices: [{ name: 'fw-a', url: 'https://fw-a.example.net', apiKeyEnv: 'FW_A_KEY' }] }));
    const io = captureIo();
    expect(await runPairCheck({ inventory, json: true }, {}, io)).toBe(1);
    expect(JSON.parse(io.stdout())).toMatchObject({ command: 'pair-check', exitCode: 1, error: expect.stringContaining('apiKeyEnv names FW_A_KEY, which is not set. Fix: export FW_A_KEY=') });
  });

  test('GIVEN an unmanaged pair written straight into the running configurations WHEN pair-check runs THEN it judges it like any other', async () => {
    for (const [name, side] of [['fw-b', B], ['fw-a', { ...A, pfs: 'group14' }]] as const) {
      const sim = lab.device(name).sim;
      for (const [x, e] of sideConfig(side)) sim.config.set(x, e);
      await sim.config.commit();
    }
    const io = captureIo();
    expect(await runPairCheck({ inventory, json: true }, {}, io)).toBe(3);
    const doc = JSON.parse(io.stdout()) as PairCheckDocument;
    expect(doc.findings.filter((f) => f.level === 'error').map((f) => [f.ruleId, f.device, f.tunnel, f.object.field])).toEqual([['PANOS-PEER-006', 'fw-a', 'vpn', 'dhGroup']]);
  });
});
