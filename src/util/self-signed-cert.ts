/**
 * Self-signed TLS certificates made in-process (ECDSA P-256), for the plugin server's AutoMTLS and the simulator's
 * HTTPS listener. Node's crypto makes the key and the signature; this file writes the DER. The certificate structure
 * is RFC 5280's (a v3 certificate, signed with ecdsa-with-SHA256), encoded with X.690's distinguished rules.
 *
 * Why the DER by hand: every provider start makes one of these before it can answer Terraform's handshake, three or
 * four times per Terraform command. A full X.509 toolkit took over 150 ms of each start; asn1js, which replaced it,
 * still cost 20-30 ms of each (its load and first use, bench machine). The structure is fixed, and its encoding needs
 * only a handful of the simplest DER forms (below), whose bytes test/util/self-signed-cert.test.ts checks against
 * X.690's examples and Node's own certificate parser.
 */
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

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

/** A DER element: one tag byte, the definite length, the content (X.690 8.1). */
export function tlv(tag: number, ...content: Uint8Array[]): Buffer {
  const body = Buffer.concat(content);
  const n = body.length;
  const len = n < 0x80 ? [n] : n <= 0xff ? [0x81, n] : n <= 0xffff ? [0x82, n >> 8, n & 0xff] : [0x83, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...len]), body]);
}

const seq = (...content: Uint8Array[]): Buffer => tlv(0x30, ...content);
const TRUE = Buffer.from([0x01, 0x01, 0xff]);

/** An OBJECT IDENTIFIER (X.690 8.19): the first two arcs in one byte, each further arc in base 128. */
export function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const out = [arcs[0] * 40 + arcs[1]];
  for (const arc of arcs.slice(2)) {
    const bytes = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) bytes.unshift(0x80 | (v & 0x7f));
    out.push(...bytes);
  }
  return tlv(0x06, Buffer.from(out));
}

/** A validity time: UTCTime through 2049, GeneralizedTime from 2050 (RFC 5280 4.1.2.5), to the second, in UTC. */
export function time(d: Date): Buffer {
  const text = d.toISOString().replace(/[-:T]/g, '').replace(/\.\d+Z$/, 'Z'); // YYYYMMDDHHMMSSZ
  return d.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(text.slice(2), 'ascii')) : tlv(0x18, Buffer.from(text, 'ascii'));
}

/** Context-specific tag `n` around `inner` (EXPLICIT tagging). */
const explicit = (n: number, inner: Uint8Array): Buffer => tlv(0xa0 | n, inner);

/** Context-specific primitive tag `n` holding `bytes` (IMPLICIT tagging of a string type). */
const implicitPrimitive = (n: number, bytes: Uint8Array): Buffer => tlv(0x80 | n, bytes);

function extension(id: string, critical: boolean, value: Uint8Array): Buffer {
  return seq(oid(id), ...(critical ? [TRUE] : []), tlv(0x04, value));
}

/** The 4 or 16 bytes of an IP address (an IPv6 zone, `%eth0`, is not part of it). */
export function ipBytes(ip: string): Buffer {
  if (isIPv4(ip)) return Buffer.from(ip.split('.').map(Number));
  if (!isIPv6(ip)) throw new Error(`makeSelfSignedCertificate: "${ip}" is not an IP address`);
  const groups = (part: string): number[] =>
    part === '' ? [] : part.split(':').flatMap((g) => {
      if (!g.includes('.')) return [parseInt(g, 16)];
      const v4 = ipBytes(g); // an IPv4 tail (::ffff:10.0.0.1) is the last two groups
      return [v4[0] * 256 + v4[1], v4[2] * 256 + v4[3]];
    });
  const [head, tail] = ip.replace(/%.*$/, '').split('::');
  const h = groups(head);
  const t = tail === undefined ? [] : groups(tail);
  const all = tail === undefined ? h : [...h, ...new Array<number>(8 - h.length - t.length).fill(0), ...t];
  return Buffer.from(all.flatMap((g) => [g >> 8, g & 0xff]));
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
  const name = seq(tlv(0x31, seq(oid(OID.commonName), tlv(0x0c, Buffer.from(opts.commonName ?? 'localhost', 'utf8')))));
  const sigAlg = seq(oid(OID.ecdsaWithSha256));
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const altNames = [
    ...(opts.dnsNames ?? ['localhost']).map((d) => implicitPrimitive(2, Buffer.from(d, 'ascii'))),
    ...(opts.ipAddresses ?? ['127.0.0.1']).map((ip) => implicitPrimitive(7, ipBytes(ip))),
  ];
  // keyUsage bits: digitalSignature (0), keyEncipherment (2), keyCertSign (5) -> 1010 0100, two unused bits.
  const keyUsage = tlv(0x03, Buffer.from([2, 0xa4]));
  const tbs = seq(
    explicit(0, tlv(0x02, Buffer.from([2]))), // v3
    tlv(0x02, serial),
    sigAlg,
    name,
    seq(time(new Date(now - 3600_000)), time(new Date(now + (opts.days ?? 30) * 86400_000))),
    name,
    spki,
    explicit(
      3,
      seq(
        extension(OID.basicConstraints, true, seq(TRUE)),
        extension(OID.keyUsage, true, keyUsage),
        extension(OID.extKeyUsage, false, seq(oid(OID.serverAuth), oid(OID.clientAuth))),
        extension(OID.subjectAltName, false, seq(...altNames)),
      ),
    ),
  );
  const signature = sign('sha256', tbs, privateKey); // DER-encoded ECDSA signature
  const certDer = seq(tbs, sigAlg, tlv(0x03, Buffer.from([0]), signature));
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  return { certPem: pem('CERTIFICATE', certDer), keyPem, certDer };
}
