import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PanosApiError } from '../../../src/panos/client';
import { DEFERRED_EXTRA_CA_CERTS_ENV } from '../../../src/panos/client/trust';
import { makeSelfSignedCertificate } from '../../../src/util/self-signed-cert';
import { startFakeDevice, xml, type FakeDevice } from './fake-device';
import { caught } from './caught';

const XPATH = "/config/devices/entry[@name='localhost.localdomain']/network/ike/gateway";
const FOUND = '<response status="success" code="19"><result><gateway/></result></response>';

let device: FakeDevice;
let dir: string;
let caFile: string;

beforeAll(async () => {
  const cert = await makeSelfSignedCertificate();
  dir = mkdtempSync(join(tmpdir(), 'panos-client-tls-'));
  caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, cert.certPem);
  device = await startFakeDevice(() => xml(FOUND), { tls: cert });
});
afterAll(async () => {
  await device.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GIVEN a device with a self-signed certificate', () => {
  test('WHEN the client is given the certificate as caFile THEN requests succeed over verified TLS', async () => {
    await expect(device.client({ caFile }).get(XPATH)).resolves.toMatchObject({ name: 'gateway' });
  });

  test('fails with PANOS_TLS and a fix naming caFile when the CA is not given, without retrying', async () => {
    const before = device.requests.length;
    let err: unknown;
    try {
      await device.client().get(XPATH);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PanosApiError);
    expect((err as PanosApiError).code).toBe('PANOS_TLS');
    expect((err as PanosApiError).hint).toContain('caFile');
    expect(device.requests.length).toBe(before);
  });

  test('WHEN verifyTls is false explicitly THEN requests succeed and one warning is logged', async () => {
    const warnings: string[] = [];
    const client = device.client({ verifyTls: false, logger: (level, message) => level === 'warn' && warnings.push(message) });
    await client.get(XPATH);
    await client.get(XPATH);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/verification is disabled/);
  });

  describe('WHEN the provider launcher moved NODE_EXTRA_CA_CERTS aside', () => {
    const saved = process.env[DEFERRED_EXTRA_CA_CERTS_ENV];
    afterEach(() => {
      if (saved === undefined) delete process.env[DEFERRED_EXTRA_CA_CERTS_ENV];
      else process.env[DEFERRED_EXTRA_CA_CERTS_ENV] = saved;
    });

    test('AND it names the device CA THEN requests succeed over verified TLS, as with Node.js reading the variable itself', async () => {
      process.env[DEFERRED_EXTRA_CA_CERTS_ENV] = caFile;
      await expect(device.client().get(XPATH)).resolves.toMatchObject({ name: 'gateway' });
    });

    test('AND a caFile of another CA is given THEN only the caFile is trusted, as in Node.js', async () => {
      process.env[DEFERRED_EXTRA_CA_CERTS_ENV] = caFile;
      const other = join(dir, 'other-ca.pem');
      writeFileSync(other, (await makeSelfSignedCertificate({ commonName: 'other' })).certPem);
      expect((await caught(device.client({ caFile: other }).get(XPATH))).code).toBe('PANOS_TLS');
    });

    test('AND the file cannot be read THEN Node.js warning is given and the device is not trusted', async () => {
      process.env[DEFERRED_EXTRA_CA_CERTS_ENV] = join(dir, 'missing-extra.pem');
      const warned = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
      try {
        expect((await caught(device.client().get(XPATH))).code).toBe('PANOS_TLS');
        expect(String(warned.mock.calls[0]?.[0])).toContain('Ignoring extra certs from `' + join(dir, 'missing-extra.pem') + '`');
      } finally {
        warned.mockRestore();
      }
    });
  });

  test('fails at construction when caFile cannot be read, naming the file', () => {
    expect(() => device.client({ caFile: join(dir, 'missing.pem') })).toThrow(/caFile: cannot read .*missing\.pem/);
  });
});

describe('GIVEN https pointed at a port that serves plain HTTP', () => {
  let plain: FakeDevice;
  let connections = 0;
  beforeAll(async () => {
    plain = await startFakeDevice(() => xml(FOUND));
  });
  afterAll(() => plain.close());

  test('fails saying the port does not speak TLS, with a fix naming the protocol and port settings (not certificate settings)', async () => {
    const client = plain.client({ protocol: 'https' });
    const err = await caught(client.get(XPATH));
    expect(err.code).toBe('PANOS_TLS');
    expect(err.message).toContain('does not speak TLS');
    expect(err.message).not.toMatch(/verification failed/i);
    expect(err.hint).toContain('set protocol to "http"');
    expect(err.hint).not.toMatch(/caFile|verifyTls/);
  });

  test('WHEN the client speaks HCL THEN the fix names the HCL attributes', async () => {
    const client = plain.client({ protocol: 'https', settingNames: { protocol: 'protocol (PANOS_PROTOCOL)', port: 'port (PANOS_PORT)', caFile: 'ca_file', skipVerify: 'skip_verify_certificate = true' } });
    const err = await caught(client.get(XPATH));
    expect(err.hint).toBe('set protocol (PANOS_PROTOCOL) to "http" if the device really serves the API without TLS, or set port (PANOS_PORT) to its HTTPS management port');
  });

  test('WHEN one request failed that way THEN later requests of the same client fail at once, without connecting, pointing at the first error', async () => {
    const sockets = new Set<import('node:net').Socket>();
    const server = (await import('node:net')).createServer((s) => {
      connections += 1;
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('data', () => s.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { PanosClient } = await import('../../../src/panos/client');
    const client = new PanosClient({ hostname: '127.0.0.1', port: (server.address() as import('node:net').AddressInfo).port, apiKey: 'TEST-KEY-abc123==' });
    try {
      const first = await caught(client.get(XPATH));
      const seen = connections;
      const second = await caught(client.show(XPATH));
      expect(seen).toBeGreaterThan(0);
      expect(connections).toBe(seen);
      expect(second.firstFailure).toBe(first);
      expect(second.code).toBe(first.code);
      expect(second.message).toContain('not sent');
    } finally {
      await client.close();
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
