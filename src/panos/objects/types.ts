/**
 * The contract every PAN-OS object module fulfils. The client, the provider (schema, plan, apply, read) and the
 * rules' fact mapping all work through these descriptors, so an object's fields, XML names, enums, defaults and
 * version gates are declared exactly once: in its module's `fields`.
 */
import type { PanosVersion } from '../version';
import type { XmlElement } from '../xml';
import type { AnyObjectDescriptor } from './registry';

/** Where objects live. Network objects sit under the device; zones and vsys imports under `vsys`. */
export type Location =
  | { readonly type: 'vsys'; readonly vsys?: string }
  | { readonly type: 'template'; readonly template: string; readonly vsys?: string }
  | { readonly type: 'template-stack'; readonly templateStack: string; readonly vsys?: string };

/** The object kinds this project manages: those of the registry's descriptors (registry.ts). */
export type ObjectKind = AnyObjectDescriptor['kind'];

/** Value type of a field. `object` / `object-list` carry nested `fields`. */
export type FieldType = 'string' | 'number' | 'bool' | 'string-list' | 'object' | 'object-list';

/**
 * One modelled field: the single source of truth for the model key, the Terraform attribute, the XML location,
 * allowed values, the device default (documented, never sent) and the version that introduced it.
 */
export interface FieldSpec {
  /** Model property (camelCase), e.g. `antiReplayWindow`. */
  readonly key: string;
  /** Terraform attribute / block name (snake_case), e.g. `anti_replay_window`. */
  readonly tfName: string;
  readonly type: FieldType;
  /** Element path relative to the parent (the entry, or the enclosing object field), e.g. `['auto-key', 'ipsec-crypto-profile']`. */
  readonly xmlPath: readonly string[];
  /** Sentence(s) for schema descriptions and docs. */
  readonly description: string;
  readonly required?: boolean;
  /** Closed set of allowed values (for `string` and each member of `string-list`). */
  readonly enum?: readonly string[];
  /** Inclusive numeric range. */
  readonly range?: { readonly min: number; readonly max: number };
  /** Maximum string length. */
  readonly maxLength?: number;
  /** What the device assumes when the field is absent. Documentation only: never written to the device. */
  readonly deviceDefault?: string | number | boolean;
  /** First PAN-OS version that knows this element (`11.0.0`); absent = every supported version. */
  readonly minVersion?: string;
  /** Secret: redacted in logs, `sensitive` in the provider schema. */
  readonly sensitive?: boolean;
  /** PAN-OS cannot change this field in place. */
  readonly requiresReplace?: boolean;
  /** Nested fields for `object` and `object-list`. For `object-list` entries keyed by `name`, include a `name` field. */
  readonly fields?: readonly FieldSpec[];

  // ---- Codec hints (added; all optional). They tell the generic codec (codec.ts) how the value sits in the XML. ----

  /**
   * Stored outside the object's entry (zone, virtual-router and vsys-import membership of a tunnel interface).
   * The codec skips it; the provider reads and writes it through the membership xpaths.
   */
  readonly external?: boolean;
  /** Encoded and decoded by the object module itself (its value's place depends on other fields). */
  readonly custom?: boolean;
  /**
   * Declaration only: what the user states about the object that PAN-OS has no element for (a tunnel's routing
   * intent). It has no place on the device (`xmlPath` is empty): the codec never writes or reads it, a refresh keeps
   * the value in state, an import leaves it null, and a change to it alone writes nothing and commits nothing. The
   * rules read it like any other field (docs/declaration-only.md).
   */
  readonly declarationOnly?: boolean;
  /** Set by the device on read (for example an encrypted secret); the provider exposes it as computed. */
  readonly computed?: boolean;
  /** `string-list` layout: `<member>` children (default) or `<entry name="…"/>` children. */
  readonly listStyle?: 'member' | 'entry';
  /** `bool` stored as the presence of an empty element (`<dynamic/>`) instead of `yes`/`no` text. */
  readonly presence?: boolean;
  /**
   * `string` whose value is the name of the one child element, among these, present under `xmlPath` (a variant:
   * `esp` | `ah`, `auto-key` | `manual-key`). Fields whose `xmlPath` runs through an alternative belong to it.
   */
  readonly choice?: readonly string[];
  /** Choice values the model cannot build from scratch: encoding them needs a `base` entry that already holds them. */
  readonly opaqueChoices?: readonly string[];
  /**
   * Leaving the attribute out of a declaration never removes the device's value: the provider schema makes it
   * optional and computed, and the plan takes the value the other declared fields imply, or else keeps the one in
   * state. Used for the choices whose alternatives the provider does not all build (certificate authentication,
   * manual-key tunnels), so an unset attribute cannot delete configuration the provider does not model.
   */
  readonly keepWhenUnset?: boolean;
  /**
   * `object` written as `<unit>value</unit>` inside `xmlPath` (lifetimes, lifesizes). Nested fields are `unit`
   * (enum of element names) and `value`; `unitRanges` bounds the value per unit.
   */
  readonly unitValue?: boolean;
  readonly unitRanges?: Readonly<Record<string, { readonly min: number; readonly max: number }>>;
  /** Members of one group are mutually exclusive (at most one set). */
  readonly oneofGroup?: string;
  /** Sibling elements (names, relative to this field's parent element) removed when this field is set. */
  readonly conflictsWith?: readonly string[];
  /**
   * `object` whose fields the rules' facts hold at the top level of the object (a tunnel's `autoKey`: the rules read
   * `ikeGateways`, not `autoKey.ikeGateways`).
   */
  readonly factsInline?: boolean;
  /**
   * The field holds the name of another object (a `string`, or each member of a `string-list`): its kind. References
   * order writes and deletes and are checked by the rules (PANOS-REF-001) and at commit. Typed as text: the kinds
   * derive from the tables, so a table cannot name their type; the registry checks each value when it loads.
   */
  readonly refersTo?: string;
  /** What to do when the target version lacks this field (ends the version-gate message). */
  readonly versionFix?: string;
}

/** A field the target version cannot hold. */
export interface VersionIssue {
  readonly kind: ObjectKind;
  readonly name: string;
  /** Model key path, e.g. `ipsecMode`. */
  readonly field: string;
  /** Terraform attribute name, e.g. `ipsec_mode`. */
  readonly tfName: string;
  readonly value?: string;
  /** Version that introduced the field. */
  readonly minVersion: string;
  /** Version it was checked against. */
  readonly targetVersion: string;
  /** Full sentence: object, field, value, versions and the fix. */
  readonly message: string;
}

/** Device objects a field may name that this project does not manage. */
export const DEVICE_OBJECT_KINDS = ['interface', 'zone', 'virtual-router'] as const;

/** What a field may refer to: an object of this project, or a device object it only names. */
export type ReferenceKind = ObjectKind | (typeof DEVICE_OBJECT_KINDS)[number];

/** A reference from one object to another (for ordering writes and checking references). */
export interface ObjectRef {
  readonly kind: ReferenceKind;
  readonly name: string;
  /** Model key of the referring field. */
  readonly field: string;
}

/** A decoded entry: the typed model plus the element it came from, kept so re-encoding loses nothing. */
export interface Decoded<M> {
  readonly model: M;
  readonly raw: XmlElement;
}

/** Everything the rest of the project needs to know about one object kind. */
export interface ObjectDescriptor<M extends { name: string }, K extends string = ObjectKind> {
  readonly kind: K;
  /** Human name, e.g. `IPSec tunnel`. */
  readonly title: string;
  readonly fields: readonly FieldSpec[];
  /** Throws `InvalidNameError` naming the object kind, the value and the rule broken. */
  validateName(name: string): void;
  /** Xpath of the container holding every entry of this kind (one bulk read). */
  containerXpath(loc: Location): string;
  /** Xpath of one entry; the name is validated and quoted so it cannot change the xpath's shape. */
  entryXpath(loc: Location, name: string): string;
  /** Decodes an `<entry name="…">` element. Unknown children and attributes stay in `raw`. */
  decode(entry: XmlElement): Decoded<M>;
  /**
   * Encodes a model as an `<entry name="…">` element for the target version. Without `base` (a create) only the set
   * fields are written. With `base` (the entry as last read) and `previous` (the model as last known, e.g. from
   * Terraform's prior state) only the fields whose value differs are written or removed, and everything else in the
   * base stays byte for byte, in order. With `base` alone every modelled field is replaced or removed and unmodelled
   * children and attributes are kept. Throws `VersionGateError` when the model sets a field the target version lacks.
   */
  encode(model: M, target: PanosVersion, base?: XmlElement, previous?: M): XmlElement;
  /** Fields set in the model that the target version cannot hold (empty when fine). */
  versionIssues(model: M, target: PanosVersion): VersionIssue[];
  /** Other objects this one refers to. */
  references(model: M): ObjectRef[];
}
