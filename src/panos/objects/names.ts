/**
 * Name rules and xpath quoting.
 *
 * Names become xpath predicates (`entry[@name='…']`), so a name that could close the predicate or add a step would
 * let a declaration address a different node. The validator accepts only a conservative character set, and
 * {@link xpathLiteral} quotes with the quote character the value does not contain, so an accepted name can never
 * change an xpath's shape.
 *
 * Limits (each from docs/panos/README.md#names, which gives the vendor source):
 * - IKE gateway, IPSec tunnel: 1–63 characters (#name-ike-gateway, #name-ipsec-tunnel). Template and template stack:
 *   63 as well (inferred: the same limit as the other named network objects).
 * - IKE crypto profile, IPSec crypto profile, tunnel monitor profile: 1–31 characters (#name-ike-crypto-profile,
 *   #name-ipsec-crypto-profile, #name-tunnel-monitor-profile). Zone, virtual router: 31 (inferred: PAN-OS's limit
 *   for profile-like names; the simulator holds the same). Proxy IDs: see `TUNNEL_AND_PROXY_ID_MAX_LENGTH`.
 * - Characters (#name-characters): ASCII letters, digits, space, `_`, `-`, `.`; the first character is a letter,
 *   digit or `_`; no trailing space.
 * - Tunnel interfaces: `tunnel.N` with N from 1 to 9999, no leading zero (#name-tunnel-interface; the upper bound is
 *   inferred).
 * - vsys: `vsysN` with N from 1 to 999 (inferred: the largest firewalls support a few hundred vsys).
 */
import type { ObjectKind } from './types';

/** Kinds of names this module validates: the six objects plus the containers they refer to or live in. */
export type NameKind = ObjectKind | 'zone' | 'virtual-router' | 'vsys' | 'template' | 'template-stack' | 'interface';

/** Raised when a name breaks the PAN-OS naming rules for its kind. */
export class InvalidNameError extends Error {
  readonly code = 'PANOS_INVALID_NAME';
  constructor(
    readonly kind: NameKind,
    readonly value: string,
    readonly rule: string,
  ) {
    super(`Invalid ${kind} name ${JSON.stringify(value)}: ${rule}`);
    this.name = 'InvalidNameError';
  }
}

const GENERIC_CHARS = /^[A-Za-z0-9_][A-Za-z0-9 _.-]*$/;
const TUNNEL_RE = /^tunnel\.([1-9]\d{0,3})$/;
const VSYS_RE = /^vsys([1-9]\d{0,2})$/;
/** Interfaces a gateway binds to or a router holds: `ethernet1/1`, `ae1.100`, `loopback.2`, `tunnel.3`, `vlan`. */
const INTERFACE_RE = /^[a-z]+(?:\d+(?:\/\d+)*)?(?:\.\d{1,4})?$/;

/** Maximum name length per kind (docs/panos/README.md#names). */
export const NAME_MAX_LENGTH: Readonly<Record<NameKind, number>> = {
  'tunnel-interface': 14,
  'ike-gateway': 63,
  'ipsec-tunnel': 63,
  'ike-crypto-profile': 31,
  'ipsec-crypto-profile': 31,
  'tunnel-monitor-profile': 31,
  zone: 31,
  'virtual-router': 31,
  vsys: 7,
  template: 63,
  'template-stack': 63,
  interface: 31,
};

/** Human description of the rule for a kind (used in error messages and docs). */
export function nameRule(kind: NameKind): string {
  switch (kind) {
    case 'tunnel-interface':
      return 'must be tunnel.N with N from 1 to 9999 (for example tunnel.1)';
    case 'vsys':
      return 'must be vsysN with N from 1 to 999 (for example vsys1)';
    case 'interface':
      return 'must be a PAN-OS interface name such as ethernet1/1, ae1.100, loopback.1 or tunnel.1';
    default:
      return (
        `must be 1-${NAME_MAX_LENGTH[kind]} characters of ASCII letters, digits, space, "_", "-" or ".", ` +
        'start with a letter, digit or "_" and not end with a space'
      );
  }
}

/** Throws {@link InvalidNameError} unless `name` is a valid name of this kind. */
export function validateName(kind: NameKind, name: string): void {
  if (typeof name !== 'string' || name.length === 0) throw new InvalidNameError(kind, String(name ?? ''), `is empty; it ${nameRule(kind)}`);
  const max = NAME_MAX_LENGTH[kind];
  if (name.length > max) {
    throw new InvalidNameError(kind, name, `is ${name.length} characters long; it ${nameRule(kind)}`);
  }
  let ok: boolean;
  switch (kind) {
    case 'tunnel-interface':
      ok = TUNNEL_RE.test(name);
      break;
    case 'vsys':
      ok = VSYS_RE.test(name);
      break;
    case 'interface':
      ok = INTERFACE_RE.test(name);
      break;
    default:
      ok = GENERIC_CHARS.test(name) && !name.endsWith(' ');
  }
  if (!ok) throw new InvalidNameError(kind, name, nameRule(kind));
}

/** True when `name` is valid for the kind. */
export function isValidName(kind: NameKind, name: string): boolean {
  try {
    validateName(kind, name);
    return true;
  } catch {
    return false;
  }
}

/**
 * Quotes a value as an XPath 1.0 string literal: single quotes unless the value holds one, then double quotes.
 * A value holding both cannot be written as one literal and is refused.
 */
export function xpathLiteral(value: string, kind: NameKind = 'interface'): string {
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value}"`;
  throw new InvalidNameError(kind, value, 'contains both single and double quotes and cannot be quoted in an xpath');
}

/** `entry[@name='…']` step for a validated name. */
export function entryStep(kind: NameKind, name: string): string {
  validateName(kind, name);
  return `entry[@name=${xpathLiteral(name, kind)}]`;
}
