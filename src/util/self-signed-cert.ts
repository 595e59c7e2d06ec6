/**
 * Self-signed TLS certificates made in-process (ECDSA P-256), for the plugin server's AutoMTLS and the simulator's
 * HTTPS listener. Node's crypto makes the key and the signature; asn1js writes the DER. The certificate structure
 * is RFC 5280's (a v3 certificate, signed with ecdsa-with-SHA256).
 *
 * Every provider start makes one of these before it can answer Terraform's handshake, so this module stays light:
 * asn1js loads in about 10 ms where a full X.509 toolkit took over 150 ms of each start (bench: provider launch).
 */
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import * as asn1 from 'asn1js';
import * as ipaddr from 'ipaddr.js';

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

/** Object identifiers used below (RFC 5280, RFC 5758). */
const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
} as const;

const der = (block: asn1.AsnType): ArrayBuffer => block.toBER(false);
const oid = (value: string): asn1.ObjectIdentifier => new asn1.ObjectIdentifier({ value });

/** Context-specific tag `n` around `inner` (EXPLICIT tagging). */
function explicit(n: number, inner: asn1.AsnType): asn1.Constructed {
  return new asn1.Constructed({ idBlock: { tagClass: 3, tagNumber: n }, value: [inner] });
}

/** Context-specific primitive tag `n` holding `bytes` (IMPLICIT tagging of a string type). */
function implicitPrimitive(n: number, bytes: Uint8Array): asn1.Primitive {
  return new asn1.Primitive({ idBlock: { tagClass: 3, tagNumber: n }, valueHex: bytes });
}

function extension(id: string, critical: boolean, value: asn1.AsnType): asn1.Sequence {
  return new asn1.Sequence({
    value: [oid(id), ...(critical ? [new asn1.Boolean({ value: true })] : []), new asn1.OctetString({ valueHex: der(value) })],
  });
}

function ipBytes(ip: string): Uint8Array {
  if (!ipaddr.isValid(ip)) throw new Error(`makeSelfSignedCertificate: "${ip}" is not an IP address`);
  return Uint8Array.from(ipaddr.parse(ip).toByteArray());
}

function pem(label: string, body: Buffer): string {
  const lines = body.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Makes a self-signed CA:TRUE certificate usable for both server and client authentication. */
export async function makeSelfSignedCertificate(opts: SelfSignedOptions = {}): Promise<SelfSignedCertificate> {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const now = Date.now();
  const serial = randomBytes(8);
  serial[0] &= 0x7f; // a positive INTEGER
  serial[0] |= 0x10; // and no leading zero byte to strip
  const name = new asn1.Sequence({
    value: [new asn1.Set({ value: [new asn1.Sequence({ value: [oid(OID.commonName), new asn1.Utf8String({ value: opts.commonName ?? 'localhost' })] })] })],
  });
  const sigAlg = new asn1.Sequence({ value: [oid(OID.ecdsaWithSha256)] });
  const spki = asn1.fromBER(publicKey.export({ type: 'spki', format: 'der' }));
  if (spki.offset === -1) throw new Error('makeSelfSignedCertificate: could not read the generated public key');
  const altNames = [
    ...(opts.dnsNames ?? ['localhost']).map((d) => implicitPrimitive(2, Buffer.from(d, 'ascii'))),
    ...(opts.ipAddresses ?? ['127.0.0.1']).map((ip) => implicitPrimitive(7, ipBytes(ip))),
  ];
  // keyUsage bits: digitalSignature (0), keyEncipherment (2), keyCertSign (5) → 1010 0100, two unused bits.
  const keyUsage = new asn1.BitString({ valueHex: Uint8Array.of(0xa4), unusedBits: 2 });
  const tbs = new asn1.Sequence({
    value: [
      explicit(0, new asn1.Integer({ value: 2 })), // v3
      new asn1.Integer({ valueHex: serial }),
      sigAlg,
      name,
      new asn1.Sequence({
        value: [new asn1.UTCTime({ valueDate: new Date(now - 3600_000) }), new asn1.UTCTime({ valueDate: new Date(now + (opts.days ?? 30) * 86400_000) })],
      }),
      name,
      spki.result,
      explicit(
        3,
        new asn1.Sequence({
          value: [
            extension(OID.basicConstraints, true, new asn1.Sequence({ value: [new asn1.Boolean({ value: true })] })),
            extension(OID.keyUsage, true, keyUsage),
            extension(OID.extKeyUsage, false, new asn1.Sequence({ value: [oid(OID.serverAuth), oid(OID.clientAuth)] })),
            extension(OID.subjectAltName, false, new asn1.Sequence({ value: altNames })),
          ],
        }),
      ),
    ],
  });
  const tbsDer = Buffer.from(der(tbs));
  const signature = sign('sha256', tbsDer, privateKey); // DER-encoded ECDSA signature
  const cert = new asn1.Sequence({ value: [tbs, sigAlg, new asn1.BitString({ valueHex: signature })] });
  const certDer = Buffer.from(der(cert));
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  return { certPem: pem('CERTIFICATE', certDer), keyPem, certDer };
}
