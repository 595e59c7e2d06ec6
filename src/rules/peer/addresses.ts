/**
 * Address text as the pair rules compare it: a gateway's local address is usually written with its prefix length
 * (`198.51.100.1/30`), the peer's without (`198.51.100.1`), and IPv6 has many spellings of one address.
 */
import * as ipaddr from 'ipaddr.js';

function parseHost(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (ipaddr.IPv6.isValid(text)) return ipaddr.IPv6.parse(text);
  return undefined;
}

/**
 * The host address of `198.51.100.1/30` or `2001:db8::1`, normalized (`2001:db8:0:0:0:0:0:1`); other text (an
 * address object name) is returned trimmed, so equal names still compare equal.
 */
export function hostAddress(text: string): string {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const host = slash < 0 ? trimmed : trimmed.slice(0, slash);
  return parseHost(host)?.toNormalizedString() ?? trimmed;
}

/**
 * A proxy-ID subnet in one spelling: `10.0.0.0/16` stays, `10.0.0.5` becomes `10.0.0.5/32`, IPv6 is normalized, and
 * an unset side means any (`0.0.0.0/0` or `::/0`).
 */
export function subnet(text: string | undefined, v6: boolean): string {
  if (text === undefined || text.trim() === '') return v6 ? '::/0' : '0.0.0.0/0';
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const host = parseHost(slash < 0 ? trimmed : trimmed.slice(0, slash));
  if (!host) return trimmed;
  const bits = host.kind() === 'ipv4' ? 32 : 128;
  const length = slash < 0 ? bits : Number(trimmed.slice(slash + 1));
  if (!Number.isInteger(length) || length < 0 || length > bits) return trimmed;
  // The network, not the host that was written: 10.1.2.3/16 selects 10.1.0.0/16.
  const network = ipaddr.fromByteArray(host.toByteArray().map((byte, i) => byte & maskByte(length, i)));
  return `${network.toNormalizedString()}/${length}`;
}

function maskByte(length: number, index: number): number {
  const bits = Math.max(0, Math.min(8, length - index * 8));
  return (0xff << (8 - bits)) & 0xff;
}

/**
 * True when two subnets (as {@link subnet} writes them) share an address. Prefixes are nested or disjoint, so they
 * overlap exactly when one's network address lies in the other. Text that is no subnet (an address object name)
 * overlaps only itself.
 */
export function subnetsOverlap(a: string, b: string): boolean {
  if (!ipaddr.isValidCIDR(a) || !ipaddr.isValidCIDR(b)) return a === b;
  const [x, xBits] = ipaddr.parseCIDR(a);
  const [y, yBits] = ipaddr.parseCIDR(b);
  if (x instanceof ipaddr.IPv4 && y instanceof ipaddr.IPv4) return x.match(y, yBits) || y.match(x, xBits);
  if (x instanceof ipaddr.IPv6 && y instanceof ipaddr.IPv6) return x.match(y, yBits) || y.match(x, xBits);
  return false;
}
