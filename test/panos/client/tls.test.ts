import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PanosApiError } from '../../../src/panos/client';
import { makeSelfSignedCertificate } from '../../../src/util/self-signed-cert';
import { startFakeDevice, xml, type FakeDevice } from './fake-device';

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

  test('fails at construction when caFile cannot be read, naming the file', () => {
    expect(() => device.client({ caFile: join(dir, 'missing.pem') })).toThrow(/caFile: cannot read .*missing\.pem/);
  });
});
