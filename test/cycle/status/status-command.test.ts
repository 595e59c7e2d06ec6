/**
 * `panos-ipsec status` against a two-device lab: exit codes, the JSON / JUnit / Mermaid reports, --wait, the
 * inventory's secret-free form, and the request budget (bulk op commands, not one request per tunnel).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runStatus } from '../../../src/cycle/status-run';
import { connectionEnvFor as simulatorEnv } from '../../../src/panos/connection-env';
import type { Lab } from '../../../src/sim';
import type { StatusReport } from '../../../src/cycle/status/status-model';
import { DEV, SideOptions, deploy, sideConfig, twoDeviceLab, type LabWithInventory } from '../../sim/lab/lab-helpers';
import { captureIo } from '../fixtures';

const A: SideOptions = { local: '198.51.100.1/30', peer: '198.51.100.2' };
const B: SideOptions = { local: '198.51.100.2/30', peer: '198.51.100.1' };

/** `count` tunnels on one gateway, each with its own proxy ID; `side` a or b mirrors the selectors. */
function manyTunnels(side: 'a' | 'b', count: number, broken: number[] = []): [string, string][] {
  const base = sideConfig({ ...(side === 'a' ? A : B), proxyIds: [] }).slice(0, 4);
  const tunnels = Array.from({ length: count }, (_, i) => {
    const [mine, theirs] = side === 'a' ? [`10.1.${i}.0/24`, `10.2.${i}.0/24`] : [`10.2.${i}.0/24`, `10.1.${i}.0/24`];
    const remote = broken.includes(i) ? '10.99.0.0/24' : theirs;
    return (
      `<entry name="t${i}"><tunnel-interface>tunnel.20</tunnel-interface><auto-key><ike-gateway><entry name="gw-peer"/></ike-gateway>` +
      `<ipsec-crypto-profile>lab-ipsec</ipsec-crypto-profile><proxy-id><entry name="p"><local>${mine}</local><remote>${remote}</remote></entry></proxy-id></auto-key></entry>`
    );
  });
  return [...base, [`${DEV}/network/tunnel/ipsec`, tunnels.join('')]];
}

async function oob(lab: Lab, name: string, writes: readonly [string, string][]): Promise<void> {
  const sim = lab.device(name).sim;
  for (const [x, e] of writes) sim.config.set(x, e);
  await sim.config.commit();
}

describe('panos-ipsec status', () => {
  let fixture: LabWithInventory;
  let lab: Lab;
  let dir: string;
  let inventory: string;

  beforeEach(async () => {
    fixture = await twoDeviceLab();
    ({ lab, inventory } = fixture);
    dir = dirname(inventory);
  });

  afterEach(() => fixture.close());

  test('GIVEN 200 tunnels up on fw-a WHEN status runs against it (PANOS_*) THEN it answers with at most 4 XML API requests and exits 0', async () => {
    await oob(lab, 'fw-b', manyTunnels('b', 200));
    await oob(lab, 'fw-a', manyTunnels('a', 200));
    const sim = lab.device('fw-a').sim;
    sim.counters.reset();
    const io = captureIo();
    const code = await runStatus({ json: true }, simulatorEnv(sim), io);
    const doc = JSON.parse(io.stdout()) as StatusReport;
    expect(code).toBe(0);
    expect(doc.counts).toMatchObject({ tunnels: 200, up: 200, down: 0 });
    expect(sim.counters.snapshot().requests).toBeLessThanOrEqual(4);
  });

  test('GIVEN 200 tunnels on fw-a of which 3 do not mirror WHEN status runs THEN it still needs at most 4 requests, exits 4 and names those 3 with their reason', async () => {
    await oob(lab, 'fw-b', manyTunnels('b', 200));
    await oob(lab, 'fw-a', manyTunnels('a', 200, [7, 42, 199]));
    const sim = lab.device('fw-a').sim;
    sim.counters.reset();
    const io = captureIo();
    const code = await runStatus({ json: true }, simulatorEnv(sim), io);
    const doc = JSON.parse(io.stdout()) as StatusReport;
    expect(code).toBe(4);
    expect(sim.counters.snapshot().requests).toBeLessThanOrEqual(4);
    const down = doc.devices[0].tunnels.filter((t) => !t.up);
    expect(down.map((t) => t.tunnel)).toEqual(['t7:p', 't42:p', 't199:p']);
    for (const t of down) expect(t.failure?.message).toMatch(/TS_UNACCEPTABLE/);
  });

  test('GIVEN a matching pair WHEN status runs over the inventory THEN the text shows both ends up with the IKE proposal, and exit is 0', async () => {
    await deploy(lab.device('fw-b'), sideConfig(B));
    await deploy(lab.device('fw-a'), sideConfig(A));
    const io = captureIo();
    expect(await runStatus({ inventory }, {}, io)).toBe(0);
    const text = io.stdout();
    expect(text).toMatch(/DEVICE\s+TUNNEL\s+GATEWAY\s+PEER\s+MODE\s+IKE SA\s+CHILD SA\s+SINCE/);
    expect(text).toMatch(/fw-a\s+vpn\s+gw-peer\s+198\.51\.100\.2\s+tunnel\s+up\s+up\s+up since \d{4}-\d{2}-\d{2} /);
    expect(text).toMatch(/fw-b\s+vpn\s+gw-peer\s+198\.51\.100\.1\s+tunnel\s+up\s+up/);
    expect(text).toContain('All 2 tunnel(s) up on 2 device(s).');
  });

  test('GIVEN a pre-shared key mismatch WHEN status writes JUnit and Mermaid THEN each tunnel is a failing testcase with the reason and the chart draws one red edge between the two gateways', async () => {
    await deploy(lab.device('fw-b'), sideConfig(B));
    await deploy(lab.device('fw-a'), sideConfig({ ...A, psk: 'a-different-key' }));
    const junit = join(dir, 'status.xml');
    const mermaid = join(dir, 'status.md');
    const io = captureIo();
    expect(await runStatus({ inventory, junit, mermaid }, {}, io)).toBe(4);
    expect(io.stdout()).toMatch(/Down:\n {2}fw-a vpn: IKEv2 IKE SA negotiation is failed as initiator.*AUTHENTICATION_FAILED/);
    expect(io.stdout()).toMatch(/fw-b vpn: .*pre-shared key mismatch/);

    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuites name="panos-ipsec status" tests="2" failures="2" errors="0">/);
    expect(xml).toMatch(/<testcase classname="status\.fw-b" name="vpn \(gw-peer -&gt; 198\.51\.100\.1\)">\s*<failure type="status\.down" message="[^"]*pre-shared key mismatch/);

    const md = readFileSync(mermaid, 'utf8');
    expect(md.startsWith('```mermaid\nflowchart LR\n')).toBe(true);
    expect(md).toMatch(/subgraph d0\["fw-a"\]\n {4}d0g0\["gw-peer<br\/>198\.51\.100\.1"\]/);
    expect(md).toContain('d0g0 <-->|"vpn · tunnel · down: pre-shared key mismatch"| d1g0');
    expect(md).toContain('class d0g0,d1g0 down');
    expect(md).toContain('linkStyle 0 stroke:#c62828');
    expect(md.trimEnd().endsWith('```')).toBe(true);
  });

  test('GIVEN a matching pair WHEN status writes a .mmd chart THEN it is bare Mermaid with a green edge labelled with mode and chosen proposal', async () => {
    await deploy(lab.device('fw-b'), sideConfig({ ...B, mode: 'transport' }));
    await deploy(lab.device('fw-a'), sideConfig({ ...A, mode: 'transport' }));
    const mermaid = join(dir, 'status.mmd');
    expect(await runStatus({ inventory, mermaid }, {}, captureIo())).toBe(0);
    const chart = readFileSync(mermaid, 'utf8');
    expect(chart.startsWith('flowchart LR\n')).toBe(true);
    expect(chart).toContain('d0g0 <-->|"vpn · transport · PSK/DH20/AES256-GCM16/SHA384"| d1g0');
    expect(chart).toContain('class d0g0,d1g0 up');
    expect(chart).toContain('linkStyle 0 stroke:#2e7d32,stroke-width:2px\n');
  });

  test('GIVEN only fw-a configured WHEN status --wait runs and fw-b is deployed meanwhile THEN it prints progress and exits 0 once both are up', async () => {
    await deploy(lab.device('fw-a'), sideConfig(A));
    const io = captureIo();
    const running = runStatus({ inventory, wait: '20', interval: '0.2' }, {}, io);
    await new Promise((r) => setTimeout(r, 600));
    await deploy(lab.device('fw-b'), sideConfig(B));
    expect(await running).toBe(0);
    expect(io.stderr()).toMatch(/panos-ipsec status: waiting: 0\/1 tunnel\(s\) up; not yet: fw-a\/vpn; \d+s left/);
    expect(io.stdout()).toContain('All 2 tunnel(s) up');
  });

  test('GIVEN a tunnel that stays down WHEN status --wait 1 runs THEN it gives up after the time and exits 4', async () => {
    await deploy(lab.device('fw-a'), sideConfig({ ...A, peer: '203.0.113.9' }));
    const io = captureIo();
    expect(await runStatus({ inventory, wait: '1', interval: '0.2' }, {}, io)).toBe(4);
    // It polled more than once before giving up.
    expect(io.stderr().match(/waiting: 0\/1 tunnel\(s\) up/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(io.stdout()).toMatch(/fw-a vpn: .*due to timeout/);
  });

  test('GIVEN an inventory whose device names its key through apiKeyEnv WHEN the variable is set THEN status reads it; WHEN it is not THEN exit 1 names the variable', async () => {
    const doc = lab.describe();
    const secretFree = { devices: doc.devices.map(({ apiKey: _k, password: _p, username: _u, ...d }) => ({ ...d, apiKeyEnv: `KEY_${d.name.replace('-', '_').toUpperCase()}` })) };
    const file = join(dir, 'secret-free.json');
    writeFileSync(file, JSON.stringify(secretFree));
    const env = { KEY_FW_A: lab.device('fw-a').apiKey, KEY_FW_B: lab.device('fw-b').apiKey };
    expect(await runStatus({ inventory: file }, env, captureIo())).toBe(0);
    const io = captureIo();
    expect(await runStatus({ inventory: file, json: true }, { KEY_FW_A: env.KEY_FW_A }, io)).toBe(1);
    expect(io.stderr()).toContain('devices[1] (fw-b): apiKeyEnv names KEY_FW_B, which is not set. Fix: export KEY_FW_B=');
    expect(JSON.parse(io.stdout())).toMatchObject({ command: 'status', exitCode: 1 });
    expect(io.stderr()).not.toContain(env.KEY_FW_A);
  });

  test('GIVEN an inventory device that does not answer WHEN status runs THEN exit 1, the others are still reported, and the JUnit file has an error for it', async () => {
    const doc = lab.describe();
    const dead = { ...doc.devices[1], name: 'fw-gone', url: 'http://127.0.0.1:9' };
    writeFileSync(inventory, JSON.stringify({ devices: [doc.devices[0], dead] }));
    const junit = join(dir, 'status.xml');
    const io = captureIo();
    expect(await runStatus({ inventory, junit }, {}, io)).toBe(1);
    expect(io.stdout()).toMatch(/fw-gone \(127\.0\.0\.1:9\): could not read tunnel state: .*connection refused.*Fix: nothing accepts connections at http:\/\/127\.0\.0\.1:9: check hostname and port/);
    expect(io.stdout()).toContain('fw-a (');
    expect(readFileSync(junit, 'utf8')).toMatch(/<testcase classname="status\.fw-gone" name="fw-gone \(device\)">\s*<error type="status\.unreadable"/);
  });

  test('fails when the inventory is not JSON or has no devices: exit 1 with the file and the fix', async () => {
    writeFileSync(inventory, '{"devices": [');
    const io = captureIo();
    expect(await runStatus({ inventory }, {}, io)).toBe(1);
    expect(io.stderr()).toMatch(/inventory\.json: not JSON .*Fix: write the inventory as one JSON document/);
    writeFileSync(inventory, '{"hosts": []}');
    const io2 = captureIo();
    expect(await runStatus({ inventory }, {}, io2)).toBe(1);
    expect(io2.stderr()).toMatch(/no "devices" list\. Fix:/);
  });
});
