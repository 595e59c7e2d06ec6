/**
 * Self-signed TLS certificates made in-process (ECDSA P-256, fast), for the plugin server's AutoMTLS and the
 * simulator's HTTPS listener. Node's crypto makes the key; @peculiar/x509 builds the certificate.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

/** A certificate with its key, PEM-encoded, and the certificate's DER bytes. */
export interface SelfSignedCertificate {
  readonly certPem: string;
  readonly keyPem: string;
  readonly certDer: Buffer;
}

/** Options for {@link makeSelfSignedCertificate}. */
export interface SelfSignedOptions {
  /** Subject common name. @default 'localhost' */
  readonly commonName?: string;
  /** DNS names for the subjectAltName extension. @default ['localhost'] */
  readonly dnsNames?: readonly string[];
  /** IP addresses for the subjectAltName extension. @default ['127.0.0.1'] */
  readonly ipAddresses?: readonly string[];
  /** Validity in days, starting one hour ago (clock skew). @default 30 */
  readonly days?: number;
}

let providerSet = false;

/** Makes a self-signed CA:TRUE certificate usable for both server and client authentication. */
export async function makeSelfSignedCertificate(opts: SelfSignedOptions = {}): Promise<SelfSignedCertificate> {
  if (!providerSet) {
    x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
    providerSet = true;
  }
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const now = Date.now();
  const serial = Buffer.from(webcrypto.getRandomValues(new Uint8Array(8))).toString('hex').replace(/^[89a-f]/, '1');
  const san = [
    ...(opts.dnsNames ?? ['localhost']).map((value) => ({ type: 'dns' as const, value })),
    ...(opts.ipAddresses ?? ['127.0.0.1']).map((value) => ({ type: 'ip' as const, value })),
  ];
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial,
    name: `CN=${opts.commonName ?? 'localhost'}`,
    notBefore: new Date(now - 3600_000),
    notAfter: new Date(now + (opts.days ?? 30) * 86400_000),
    keys,
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment | x509.KeyUsageFlags.keyCertSign,
        true,
      ),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
      new x509.SubjectAlternativeNameExtension(san),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey as never));
  const keyPem = `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END PRIVATE KEY-----\n`;
  return { certPem: cert.toString('pem') + '\n', keyPem, certDer: Buffer.from(cert.rawData) };
}
