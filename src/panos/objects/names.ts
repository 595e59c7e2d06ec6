/**
 * Name rules and xpath quoting.
 *
 * Names become xpath predicates (`entry[@name='…']`), so a name that could close the predicate or add a step would
 * let a declaration address a different node. The validator accepts only a conservative character set, and
 * {@link xpathLiteral} quotes with the quote character the value does not contain, so an accepted name can never
 * change an xpath's shape.
 *
 * Limits (each from docs/panos/README.md#names, which gives the vendor source):
 * - The object kinds: each descriptor's `nameMaxLength`, in its object module (registry.ts derives
 *   `NAME_MAX_LENGTH` from them). Template and template stack: 63 (inferred: the same limit as the other named
 *   network objects). Zone, virtual router: 31 (inferred: PAN-OS's limit for profile-like names; the simulator holds
 *   the same). Proxy IDs: see `TUNNEL_AND_PROXY_ID_MAX_LENGTH`.
 * - Characters (#name-characters): ASCII letters, digits, space, `_`, `-`, `.`; the first character is a letter,
 *   digit or `_`; no trailing space.
 * - Tunnel interfaces: `tunnel.N` with N from 1 to 9999, no leading zero (#name-tunnel-interface; the upper bound is
 *   inferred).
 * - vsys: `vsysN` with N from 1 to 999 (inferred: the largest firewalls support a few hundred vsys).
 */
import type { ObjectKind } from './types';

/** The rule of a tunnel interface's name (docs/panos/README.md#name-tunnel-interface), as messages state it. */
export const TUNNEL_INTERFACE_NAME_RULE = 'must be tunnel.N with N from 1 to 9999';

/** The characters of an object or container name (docs/panos/README.md#name-characters), as messages state them. */
export const NAME_CHARACTERS = 'ASCII letters, digits, space, "_", "-" or "."';
/** The first and last character of such a name, as messages state it. */
export const NAME_EDGES = 'start with a letter, digit or "_" and not end with a space';

/** The containers and device objects the objects live in or refer to: their name limits are here, not on a descriptor. */
export type ContainerNameKind = 'zone' | 'virtual-router' | 'vsys' | 'template' | 'template-stack' | 'interface';

/** Kinds of names this module validates: the object kinds plus the containers they refer to or live in. */
export type NameKind = ObjectKind | ContainerNameKind;

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

/** Maximum name length of the containers (docs/panos/README.md#names); an object kind's is its descriptor's `nameMaxLength`. */
export const CONTAINER_NAME_MAX_LENGTH: Readonly<Record<ContainerNameKind, number>> = {
  zone: 31,
  'virtual-router': 31,
  vsys: 7,
  template: 63,
  'template-stack': 63,
  interface: 31,
};

/** The limit of a kind: the one given (an object kind's descriptor passes its own), else the container's. */
function maxLengthOf(kind: NameKind, maxLength: number | undefined): number {
  const max = maxLength ?? (CONTAINER_NAME_MAX_LENGTH as Partial<Record<NameKind, number>>)[kind];
  if (max === undefined) throw new Error(`no name length limit given for ${kind}: use its descriptor`);
  return max;
}

/** What is wrong with a name: empty, longer than the kind allows, or not of the kind's pattern; undefined when fine. */
export type NameFault = 'empty' | 'too-long' | 'pattern';

/**
 * The first fault of `name` as a name of `kind` (the one definition of the name patterns, shared by the codec and
 * the rule PANOS-REF-007).
 */
export function nameFault(kind: ContainerNameKind, name: string): NameFault | undefined;
export function nameFault(kind: NameKind, name: string, maxLength: number): NameFault | undefined;
export function nameFault(kind: NameKind, name: string, maxLength?: number): NameFault | undefined {
  if (typeof name !== 'string' || name.length === 0) return 'empty';
  if (name.length > maxLengthOf(kind, maxLength)) return 'too-long';
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
  return ok ? undefined : 'pattern';
}

/** Human description of the rule for a kind (used in error messages and docs). */
export function nameRule(kind: ContainerNameKind): string;
export function nameRule(kind: NameKind, maxLength: number): string;
export function nameRule(kind: NameKind, maxLength?: number): string {
  switch (kind) {
    case 'tunnel-interface':
      return `${TUNNEL_INTERFACE_NAME_RULE} (for example tunnel.1)`;
    case 'vsys':
      return 'must be vsysN with N from 1 to 999 (for example vsys1)';
    case 'interface':
      return 'must be a PAN-OS interface name such as ethernet1/1, ae1.100, loopback.1 or tunnel.1';
    default:
      return `must be 1-${maxLengthOf(kind, maxLength)} characters of ${NAME_CHARACTERS}, ${NAME_EDGES}`;
  }
}

/** Throws {@link InvalidNameError} unless `name` is a valid name of this kind. */
export function validateName(kind: ContainerNameKind, name: string): void;
export function validateName(kind: NameKind, name: string, maxLength: number): void;
export function validateName(kind: NameKind, name: string, maxLength?: number): void {
  const max = maxLengthOf(kind, maxLength);
  const fault = nameFault(kind, name, max);
  if (fault === 'empty') throw new InvalidNameError(kind, String(name ?? ''), `is empty; it ${nameRule(kind, max)}`);
  if (fault === 'too-long') throw new InvalidNameError(kind, name, `is ${name.length} characters long; it ${nameRule(kind, max)}`);
  if (fault === 'pattern') throw new InvalidNameError(kind, name, nameRule(kind, max));
}

/** True when `name` is valid for the kind. */
export function isValidName(kind: ContainerNameKind, name: string): boolean;
export function isValidName(kind: NameKind, name: string, maxLength: number): boolean;
export function isValidName(kind: NameKind, name: string, maxLength?: number): boolean {
  return nameFault(kind, name, maxLengthOf(kind, maxLength)) === undefined;
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
export function entryStep(kind: ContainerNameKind, name: string): string;
export function entryStep(kind: NameKind, name: string, maxLength: number): string;
export function entryStep(kind: NameKind, name: string, maxLength?: number): string {
  validateName(kind, name, maxLengthOf(kind, maxLength));
  return `entry[@name=${xpathLiteral(name, kind)}]`;
}
