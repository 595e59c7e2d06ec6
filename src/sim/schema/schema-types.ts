/**
 * The shape of the simulator's schema tables and the builders the tables are written with. One table carries
 * every supported version: nodes and enum values introduced later carry `since` (major.minor).
 */

/** An enum value, optionally gated on the version that introduced it. */
export type EnumValue = string | { readonly value: string; readonly since: string };

interface Gated {
  /** First major.minor whose schema has this node. */
  readonly since?: string;
}

/** A node with named children. */
export interface ContainerSpec extends Gated {
  readonly kind: 'container';
  readonly children: Record<string, Spec>;
  /** Groups of children of which at most one may be present (PAN-OS "choice"). */
  readonly oneOf?: readonly (readonly string[])[];
  /** Unknown children are accepted without validation (subtrees the tables do not cover). */
  readonly open?: boolean;
}

/** A keyed list of `<entry name="...">` children. */
export interface EntriesSpec extends Gated {
  readonly kind: 'entries';
  readonly entry: ContainerSpec;
  readonly nameMax: number;
  /** Names must match, e.g. `tunnel.N` for tunnel interfaces. */
  readonly namePattern?: { readonly re: RegExp; readonly hint: string };
  /** Entries are named objects: error paths start at the entry name. */
  readonly object?: boolean;
  /** Entries are location steps (device, vsys, template): error paths restart below them. */
  readonly structural?: boolean;
}

/** A list of `<member>` values. */
export interface MembersSpec extends Gated {
  readonly kind: 'members';
  readonly values?: readonly EnumValue[];
  readonly maxLen?: number;
}

/** A text leaf. */
export interface LeafSpec extends Gated {
  readonly kind: 'leaf';
  readonly values?: readonly EnumValue[];
  readonly range?: readonly [number, number];
  readonly maxLen?: number;
  readonly minLen?: number;
  /** Stored encrypted and read back encrypted (pre-shared and manual keys). */
  readonly secret?: boolean;
}

/** An empty marker element such as `<dynamic/>` or `<any/>`. */
export interface EmptySpec extends Gated {
  readonly kind: 'empty';
}

/** A subtree accepted without validation. */
export interface AnySpec extends Gated {
  readonly kind: 'any';
}

/** Any schema node. */
export type Spec = ContainerSpec | EntriesSpec | MembersSpec | LeafSpec | EmptySpec | AnySpec;

/**
 * The longest entry name a list accepts unless its table says otherwise: 63, the limit of the longest-named objects
 * (docs/panos/README.md#names). Lists of shorter-named objects set `nameMax` themselves.
 */
export const NAME_MAX = 63;

/** Container builder. */
export function c(children: Record<string, Spec>, extra: Partial<Omit<ContainerSpec, 'kind' | 'children'>> = {}): ContainerSpec {
  return { kind: 'container', children, ...extra };
}

/** Entries builder. */
export function entries(entry: ContainerSpec, extra: Partial<Omit<EntriesSpec, 'kind' | 'entry'>> = {}): EntriesSpec {
  return { kind: 'entries', entry, nameMax: NAME_MAX, ...extra };
}

/** Object entries (error paths start at the object's name). */
export function objects(entry: ContainerSpec, extra: Partial<Omit<EntriesSpec, 'kind' | 'entry'>> = {}): EntriesSpec {
  return entries(entry, { object: true, ...extra });
}

/** Member-list builder. */
export function members(values?: readonly EnumValue[], extra: Partial<Omit<MembersSpec, 'kind'>> = {}): MembersSpec {
  return { kind: 'members', values, ...extra };
}

/** Free text with a maximum length. */
export function str(maxLen: number, minLen = 0): LeafSpec {
  return { kind: 'leaf', maxLen, minLen };
}

/** A secret: validated as text of at most `maxLen` characters, stored encrypted. */
export function secret(maxLen: number): LeafSpec {
  return { kind: 'leaf', maxLen, secret: true };
}

/** Integer within an inclusive range. */
export function int(min: number, max: number): LeafSpec {
  return { kind: 'leaf', range: [min, max] };
}

/** One of the listed keywords. */
export function oneOfValues(...values: EnumValue[]): LeafSpec {
  return { kind: 'leaf', values };
}

/** yes / no. */
export const yesno: LeafSpec = { kind: 'leaf', values: ['yes', 'no'] };

/** Empty marker element. */
export const empty: EmptySpec = { kind: 'empty' };

/** Unvalidated subtree. */
export const anything: AnySpec = { kind: 'any' };

/** The same spec, present only from `since`. */
export function since<T extends Spec>(version: string, spec: T): T {
  return { ...spec, since: version };
}
