import { X509Certificate } from 'node:crypto';
import * as tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { makeSelfSignedCertificate } from '../../src/util/self-signed-cert';

describe('makeSelfSignedCertificate (AutoMTLS and the simulator)', () => {
  test('GIVEN defaults THEN a v3 self-signed CA certificate for localhost / 127.0.0.1, valid from an hour ago for 30 days', async () => {
    const before = Date.now();
    const c = await makeSelfSignedCertificate();
    const x = new X509Certificate(c.certPem);
    expect(x.subject).toBe('CN=localhost');
    expect(x.issuer).toBe('CN=localhost');
    expect(x.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1');
    expect(x.ca).toBe(true);
    expect(x.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']); // serverAuth, clientAuth
    expect(x.verify(x.publicKey)).toBe(true);
    expect(x.checkIssued(x)).toBe(true);
    expect(x.raw.equals(c.certDer)).toBe(true);
    expect(Math.abs(Date.parse(x.validFrom) - (before - 3600_000))).toBeLessThan(5000);
    expect(Math.abs(Date.parse(x.validTo) - (before + 30 * 86400_000))).toBeLessThan(5000);
    expect(x.publicKey.asymmetricKeyDetails).toEqual({ namedCurve: 'prime256v1' });
  });

  test('GIVEN names, IPv4 and IPv6 addresses THEN all are in subjectAltName; two certificates never share a serial', async () => {
    const a = await makeSelfSignedCertificate({ commonName: 'fw-sim', dnsNames: ['sim.test', 'localhost'], ipAddresses: ['10.0.0.1', '::1', 'fe80::1:2'] });
    const b = await makeSelfSignedCertificate();
    const xa = new X509Certificate(a.certPem);
    expect(xa.subject).toBe('CN=fw-sim');
    expect(xa.subjectAltName).toBe('DNS:sim.test, DNS:localhost, IP Address:10.0.0.1, IP Address:0:0:0:0:0:0:0:1, IP Address:FE80:0:0:0:0:0:1:2');
    expect(xa.serialNumber).not.toBe(new X509Certificate(b.certPem).serialNumber);
    await expect(makeSelfSignedCertificate({ ipAddresses: ['not-an-ip'] })).rejects.toThrow('"not-an-ip" is not an IP address');
  });

  test('GIVEN the certificate on both ends THEN a mutually authenticated TLS connection for localhost succeeds', async () => {
    const c = await makeSelfSignedCertificate();
    const server = tls.createServer({ cert: c.certPem, key: c.keyPem, ca: c.certPem, requestCert: true, rejectUnauthorized: true }, (s) => s.end(s.authorized ? 'client ok' : 'client refused'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const reply = await new Promise<string>((resolve, reject) => {
        const s = tls.connect({ port: (server.address() as AddressInfo).port, host: '127.0.0.1', servername: 'localhost', ca: c.certPem, cert: c.certPem, key: c.keyPem });
        let data = '';
        s.on('data', (d: Buffer) => (data += d.toString()));
        s.on('end', () => resolve(data));
        s.on('error', reject);
      });
      expect(reply).toBe('client ok');
    } finally {
      server.close();
    }
  });
});
