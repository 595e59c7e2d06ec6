import { startSimulator, type Simulator } from '../../src/sim';
import { runDowngradeCheck, type DowngradeCheckDocument } from '../../src/cycle/downgrade-check';
import { checkDowngrade } from '../../src/panos/downgrade';
import { captureIo, simEnv, writeTunnelOutOfBand } from './fixtures';

describe('panos-ipsec downgrade-check against the simulator', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = await startSimulator({ panosVersion: '11.1.0', commitDurationMs: 10 });
  });
  afterEach(() => sim.close());

  test('GIVEN a transport tunnel created out of band (no stack manages it) WHEN checking 10.2.9 THEN exit 3 naming the tunnel, field, value, version and fix', async () => {
    await writeTunnelOutOfBand(sim, 'oob-transport', 'transport');
    const io = captureIo();
    const code = await runDowngradeCheck({ to: '10.2.9' }, simEnv(sim), io);
    expect(code).toBe(3);
    const out = io.stdout();
    expect(out).toMatch(/IPSec tunnel\s+oob-transport\s+ipsec_mode\s+transport\s+11\.0\.0\s+remove IPSec tunnel "oob-transport", or switch it to tunnel mode/);
    expect(out).toContain('Not safe to downgrade from PAN-OS 11.1.0 to PAN-OS 10.2.9: 1 configuration item(s)');
    expect(out).not.toContain('oob-secret-psk');
    expect(out).not.toContain(sim.apiKey);
  });

  test('GIVEN a tunnel-mode tunnel without the ipsec-mode element WHEN checking 10.2.9 THEN exit 0, safe', async () => {
    await writeTunnelOutOfBand(sim, 'plain', 'absent');
    const io = captureIo();
    expect(await runDowngradeCheck({ to: '10.2.9' }, simEnv(sim), io)).toBe(0);
    expect(io.stdout()).toContain('Safe to downgrade from PAN-OS 11.1.0 to PAN-OS 10.2.9');
    expect(io.stdout()).toContain('1 ipsec-tunnel');
  });

  test('GIVEN ipsec-mode tunnel set explicitly WHEN checking 10.2.9 THEN exit 3 with the fix to delete the element', async () => {
    await writeTunnelOutOfBand(sim, 'explicit', 'tunnel');
    const io = captureIo();
    expect(await runDowngradeCheck({ to: '10.2.9', json: true }, simEnv(sim), io)).toBe(3);
    const doc = JSON.parse(io.stdout()) as DowngradeCheckDocument;
    expect(doc.blockers).toHaveLength(1);
    expect(doc.blockers[0]).toMatchObject({ kind: 'ipsec-tunnel', name: 'explicit', field: 'ipsec_mode', value: 'tunnel', introducedIn: '11.0.0' });
    expect(doc.blockers[0].fix).toContain('delete the ipsec-mode element');
  });

  test('GIVEN --json WHEN checking THEN one document with device, target, verdict, blockers and counts', async () => {
    await writeTunnelOutOfBand(sim, 'tm', 'transport');
    const io = captureIo();
    await runDowngradeCheck({ to: '10.2.9', json: true }, simEnv(sim), io);
    const doc = JSON.parse(io.stdout()) as DowngradeCheckDocument;
    expect(doc).toMatchObject({
      command: 'downgrade-check',
      exitCode: 3,
      device: { hostname: 'fw-sim-01', version: '11.1.0' },
      target: '10.2.9',
      current: '11.1.0',
      isDowngrade: true,
      safe: false,
      config: 'running',
      pendingChanges: false,
      location: 'vsys vsys1 on the firewall',
    });
    expect(doc.checked['ipsec-tunnel']).toBe(1);
    expect(doc.checked['ike-gateway']).toBe(1);
    expect(doc.blockers[0].message).toContain('a downgrade to PAN-OS 10.2.9 would fail');
  });

  test('GIVEN a target not older than the device WHEN checking THEN exit 0 and it says this is not a downgrade', async () => {
    await writeTunnelOutOfBand(sim, 'tm', 'transport');
    const io = captureIo();
    expect(await runDowngradeCheck({ to: '11.1.0' }, simEnv(sim), io)).toBe(0);
    expect(io.stdout()).toContain('is not older than the device');
  });

  test('GIVEN an uncommitted transport tunnel WHEN checking running config THEN safe with a note, and --candidate finds it', async () => {
    await writeTunnelOutOfBand(sim, 'pending', 'transport', { commit: false });
    const io = captureIo();
    expect(await runDowngradeCheck({ to: '10.2.9' }, simEnv(sim), io)).toBe(0);
    expect(io.stdout()).toContain('uncommitted changes');
    expect(await runDowngradeCheck({ to: '10.2.9', candidate: true }, simEnv(sim), captureIo())).toBe(3);
  });

  test('fails when the API key is wrong: exit 1, the key is not printed', async () => {
    const io = captureIo();
    const env = { ...simEnv(sim), PANOS_API_KEY: 'wrong-key-0123456789' };
    expect(await runDowngradeCheck({ to: '10.2.9', json: true }, env, io)).toBe(1);
    expect(JSON.parse(io.stdout())).toMatchObject({ exitCode: 1 });
    expect(io.stdout() + io.stderr()).not.toContain('wrong-key-0123456789');
  });

  test('fails when PANOS_HOSTNAME is missing or --to is not a version: exit 1 naming the fix', async () => {
    const io = captureIo();
    expect(await runDowngradeCheck({ to: '10.2.9' }, {}, io)).toBe(1);
    expect(io.stderr()).toContain('PANOS_HOSTNAME is not set');
    const io2 = captureIo();
    expect(await runDowngradeCheck({ to: 'ten' }, simEnv(sim), io2)).toBe(1);
    expect(io2.stderr()).toContain('--to "ten" is not a PAN-OS version');
  });
});

describe('checkDowngrade (pure)', () => {
  const tunnel = (name: string, ipsecMode?: 'tunnel' | 'transport') => ({
    model: { name, tunnelInterface: 'tunnel.1', ...(ipsecMode ? { ipsecMode } : {}) },
    raw: { name: 'entry', attrs: { name }, children: [], text: '' },
  });
  const loc = { type: 'template' as const, template: 'branch' };

  test('GIVEN tunnels in a template WHEN no current version is known THEN blockers name the template location', () => {
    const r = checkDowngrade({ target: '10.2.9', sets: [{ kind: 'ipsec-tunnel', location: loc, objects: [tunnel('a', 'transport'), tunnel('b')] }] });
    expect(r.safe).toBe(false);
    expect(r.blockers.map((b) => b.name)).toEqual(['a']);
    expect(r.blockers[0].location).toBe('Panorama template "branch" (vsys vsys1)');
    expect(r.summary).toContain('Not safe to downgrade to PAN-OS 10.2.9');
  });

  test('GIVEN a target of 11.0.0 WHEN a transport tunnel exists THEN it is safe (11.0 holds transport mode)', () => {
    const r = checkDowngrade({ target: '11.0.0', current: '11.1.2', sets: [{ kind: 'ipsec-tunnel', location: loc, objects: [tunnel('a', 'transport')] }] });
    expect(r).toMatchObject({ safe: true, isDowngrade: true, blockers: [] });
  });
});

describe('panos-ipsec downgrade-check against an endpoint that never finishes its answer', () => {
  test('fails with exit 1 at the request deadline, naming PANOS_REQUEST_TIMEOUT_SECONDS, although bytes keep coming', async () => {
    const http = await import('node:http');
    let sent = 0;
    let cut = false;
    const body = '<response status="success"><result><system><sw-version>11.1.0</sw-version></system></result></response>';
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      const timer = setInterval(() => (sent < body.length ? res.write(body[sent++]) : (clearInterval(timer), res.end())), 300);
      res.on('close', () => {
        clearInterval(timer);
        cut ||= sent < body.length;
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as import('node:net').AddressInfo).port;
    const io = captureIo();
    try {
      const env = { PANOS_HOSTNAME: '127.0.0.1', PANOS_PORT: String(port), PANOS_PROTOCOL: 'http', PANOS_API_KEY: 'drip-key', PANOS_REQUEST_TIMEOUT_SECONDS: '1.5' };
      expect(await runDowngradeCheck({ to: '10.2.9' }, env, io)).toBe(1);
      expect(io.stderr()).toContain('no complete answer within 1.5 s (PANOS_REQUEST_TIMEOUT_SECONDS)');
      expect(io.stderr()).toContain('raise PANOS_REQUEST_TIMEOUT_SECONDS');
      await new Promise((r) => setTimeout(r, 100));
      expect(cut).toBe(true);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  }, 30_000);
});
