/**
 * Builds an `ObjectDescriptor` from a field table plus the few object-specific hooks, so each object module is
 * mostly data.
 */
import { toVersion, type PanosVersion } from '../version';
import { el, type XmlElement } from '../xml';
import { decodeFields, encodeFields, type CodecContext, type ModelRecord } from './codec';
import { type FieldProblem, InvalidFieldError, VersionGateError } from './errors';
import { entryStep, validateName, type NameKind } from './names';
import { fieldSpecs, type FieldDef, type ModelOf } from './field-table';
import { collectVersionIssues, inferChoices, validateFields } from './validate';
import { referencesIn, referringFields, type ReferringField } from './references';
import { stripBookkeeping } from './xml-path';
import type { Location, ObjectDescriptor, ObjectKind, VersionIssue } from './types';

/** What an object module supplies: its kind, its field table and the few hooks a table cannot express. */
export interface ObjectSpec<K extends string, S extends readonly FieldDef[], FK extends string, M extends { name: string } = ModelOf<S> & { name: string }> {
  readonly kind: K;
  /** Human name at the start of a sentence, e.g. `IPSec tunnel`. */
  readonly title: string;
  /** Where the rules keep this kind's facts in `StackFacts`, e.g. `ipsecTunnels`. */
  readonly factsKey: FK;
  /** The field table, the one hand-written description of the object (see field-table.ts). */
  readonly fields: S;
  /** Longest name PAN-OS accepts for this kind (docs/panos/README.md#names). */
  readonly nameMaxLength: number;
  /**
   * Entries PAN-OS ships in every factory configuration (docs/panos/predefined-objects.md): not the user's to create
   * or delete. @default - none
   */
  readonly predefined?: readonly string[];
  /** Xpath of the container of all entries. */
  containerXpath(loc: Location): string;
  /** Model clean-up before validation and encoding (for example inferring a variant). */
  normalize?(model: ModelRecord): ModelRecord;
  /** Decodes `custom` fields from the (bookkeeping-free) entry into the model. */
  decodeCustom?(entry: XmlElement, model: ModelRecord): void;
  /**
   * Encodes `custom` fields into the entry (after the generic fields). With `previous` (diff mode) it writes only
   * what differs from that model.
   */
  encodeCustom?(model: ModelRecord, entry: XmlElement, previous?: ModelRecord): void;
  /** Rules across fields that a table cannot express. */
  validateCustom?(model: ModelRecord, ctx: CodecContext): FieldProblem[];
}

/** An `ObjectDescriptor` with the model checks exposed too. */
export interface PanosObjectDescriptor<
  M extends { name: string },
  K extends string = ObjectKind,
  S extends readonly FieldDef[] = readonly FieldDef[],
  FK extends string = string,
> extends ObjectDescriptor<M, K> {
  /** The field table as written (its literal type carries the model and the facts types). */
  readonly table: S;
  /** Where the rules keep this kind's facts in `StackFacts`. */
  readonly factsKey: FK;
  /** Longest name PAN-OS accepts for this kind (docs/panos/README.md#names). */
  readonly nameMaxLength: number;
  /** Entries PAN-OS ships in every factory configuration (docs/panos/predefined-objects.md); empty when none. */
  readonly predefined: readonly string[];
  /** The fields that name other objects (from the table's `refersTo`). */
  readonly referringFields: readonly ReferringField[];
  /** Value problems of a model (enum, range, length, required, one-of, variants); empty when fine. */
  validate(model: M): FieldProblem[];
  /** As {@link ObjectDescriptor.encode}; the target may also be given as text (`'11.1.2-h3'`). */
  encode(model: M, target: PanosVersion | string, base?: XmlElement, previous?: M): XmlElement;
  /** As {@link ObjectDescriptor.versionIssues}; the target may also be given as text. */
  versionIssues(model: M, target: PanosVersion | string): VersionIssue[];
}

/**
 * The type of the descriptor {@link defineObject} builds from a spec's data (kind, title, facts key, table). Object
 * modules annotate their descriptor with it: the kind list is derived from the descriptors, so letting the compiler
 * infer a descriptor's type through the hooks (which name `ObjectKind`) would be circular.
 */
export type DescriptorOfSpec<T extends { kind: string; factsKey: string; fields: readonly FieldDef[] }> = PanosObjectDescriptor<
  ModelOf<T['fields']> & { name: string },
  T['kind'],
  T['fields'],
  T['factsKey']
>;

/** Builds the descriptor for one object kind; the model type is the one its field table describes. */
export function defineObject<const K extends string, const S extends readonly FieldDef[], const FK extends string>(
  spec: ObjectSpec<K, S, FK>,
): PanosObjectDescriptor<ModelOf<S> & { name: string }, K, S, FK> {
  type M = ModelOf<S> & { name: string };
  // The kinds are the registry's (ObjectKind is derived from it), so a spec's literal kind is one of them.
  const kind = spec.kind as string as ObjectKind;
  const nameKind: NameKind = kind;
  const maxName = spec.nameMaxLength;
  const fields = fieldSpecs(spec.fields);
  const referring = referringFields(fields);
  const ctxOf = (m: { name: string }): CodecContext => ({ title: spec.title, name: m.name });
  const prepare = (model: M): ModelRecord => {
    const inferred = inferChoices(fields, model as ModelRecord);
    return spec.normalize ? spec.normalize(inferred) : inferred;
  };
  const problemsOf = (m: ModelRecord): FieldProblem[] => {
    const ctx = ctxOf(m as { name: string });
    return [...validateFields(fields, m, ctx), ...(spec.validateCustom?.(m, ctx) ?? [])];
  };
  const issuesOf = (m: ModelRecord, target: PanosVersion): VersionIssue[] =>
    collectVersionIssues(kind, ctxOf(m as { name: string }), fields, m, target);

  return {
    kind: spec.kind,
    title: spec.title,
    table: spec.fields,
    factsKey: spec.factsKey,
    nameMaxLength: maxName,
    predefined: spec.predefined ?? [],
    fields: fields,
    validateName: (name: string) => validateName(nameKind, name, maxName),
    containerXpath: (loc: Location) => spec.containerXpath(loc),
    entryXpath: (loc: Location, name: string) => `${spec.containerXpath(loc)}/${entryStep(nameKind, name, maxName)}`,
    decode(entry: XmlElement) {
      const raw = stripBookkeeping(entry);
      const model: ModelRecord = { name: raw.attrs.name ?? '', ...decodeFields(fields, raw) };
      spec.decodeCustom?.(raw, model);
      return { model: model as M, raw };
    },
    encode(model: M, target: PanosVersion | string, base?: XmlElement, previous?: M) {
      validateName(nameKind, model.name, maxName);
      const m = prepare(model);
      const problems = problemsOf(m);
      if (problems.length > 0) throw new InvalidFieldError(problems);
      const issues = issuesOf(m, toVersion(target));
      if (issues.length > 0) throw new VersionGateError(issues);
      const entry = base ? stripBookkeeping(base) : el('entry');
      entry.name = 'entry';
      entry.attrs.name = model.name;
      // Differences are taken against the model as last known; without a base there is nothing to keep.
      const before = base && previous ? prepare(previous) : undefined;
      encodeFields(fields, m, entry, ctxOf(model), '', before);
      spec.encodeCustom?.(m, entry, before);
      return entry;
    },
    versionIssues: (model: M, target: PanosVersion | string) => issuesOf(prepare(model), toVersion(target)),
    validate: (model: M) => problemsOf(prepare(model)),
    referringFields: referring,
    references: (model: M) => referencesIn(referring, model as ModelRecord),
  };
}
