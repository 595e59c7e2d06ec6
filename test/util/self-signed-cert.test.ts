import { X509Certificate } from 'node:crypto';
import * as tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { ipBytes, makeSelfSignedCertificate, oid, time, tlv } from '../../src/util/self-signed-cert';

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

describe('the DER forms the certificate is written with', () => {
  test('lengths: short form below 128 bytes, then 0x81 / 0x82 and the length bytes (X.690 8.1.3)', () => {
    expect(tlv(0x04, Buffer.alloc(3)).subarray(0, 2).toString('hex')).toBe('0403');
    expect(tlv(0x04, Buffer.alloc(127)).subarray(0, 2).toString('hex')).toBe('047f');
    expect(tlv(0x04, Buffer.alloc(128)).subarray(0, 3).toString('hex')).toBe('048180');
    expect(tlv(0x04, Buffer.alloc(300)).subarray(0, 4).toString('hex')).toBe('0482012c');
  });

  test('object identifiers: the first two arcs in one byte, larger arcs in base 128 (X.690 8.19 and RFC 5280 OIDs)', () => {
    expect(oid('2.5.4.3').toString('hex')).toBe('0603550403');
    expect(oid('1.2.840.10045.4.3.2').toString('hex')).toBe('06082a8648ce3d040302');
    expect(oid('1.3.6.1.5.5.7.3.1').toString('hex')).toBe('06082b06010505070301');
  });

  test('times: UTCTime through 2049, GeneralizedTime from 2050 (RFC 5280 4.1.2.5)', () => {
    expect(time(new Date(Date.UTC(2026, 11, 3, 7, 5, 9, 123))).toString('latin1')).toBe('\x17\x0d261203070509Z');
    expect(time(new Date(Date.UTC(2050, 0, 1, 0, 0, 0))).toString('latin1')).toBe('\x18\x0f20500101000000Z');
  });

  test('IP addresses: IPv4 in 4 bytes, IPv6 in 16 with :: expanded, an IPv4 tail and a zone handled', () => {
    expect(ipBytes('10.0.0.1').toString('hex')).toBe('0a000001');
    expect(ipBytes('::1').toString('hex')).toBe('00000000000000000000000000000001');
    expect(ipBytes('fe80::1:2%eth0').toString('hex')).toBe('fe800000000000000000000000010002');
    expect(ipBytes('2001:db8::').toString('hex')).toBe('20010db8000000000000000000000000');
    expect(ipBytes('::ffff:10.0.0.1').toString('hex')).toBe('00000000000000000000ffff0a000001');
    expect(() => ipBytes('10.0.0')).toThrow('"10.0.0" is not an IP address');
  });

  test('GIVEN a validity past 2049 THEN Node reads the GeneralizedTime end date', async () => {
    const c = await makeSelfSignedCertificate({ days: 365 * 30 });
    expect(new Date(new X509Certificate(c.certPem).validTo).getUTCFullYear()).toBeGreaterThanOrEqual(2056);
  });
});

