/**
 * Builds an `ObjectDescriptor` from a field table plus the few object-specific hooks, so each object module is
 * mostly data.
 */
import { toVersion, type PanosVersion } from '../version';
import { el, type XmlElement } from '../xml';
import { decodeFields, encodeFields, type CodecContext, type ModelRecord } from './codec';
import { type FieldProblem, InvalidFieldError, VersionGateError } from './errors';
import { entryStep, validateName, type NameKind } from './names';
import { collectVersionIssues, inferChoices, validateFields } from './validate';
import { stripBookkeeping } from './xml-path';
import type { FieldSpec, Location, ObjectDescriptor, ObjectKind, ObjectRef, VersionIssue } from './types';

/** What an object module supplies. */
export interface ObjectSpec<M extends { name: string }> {
  readonly kind: ObjectKind;
  readonly title: string;
  readonly fields: readonly FieldSpec[];
  /** Xpath of the container of all entries. */
  containerXpath(loc: Location): string;
  references(model: M): ObjectRef[];
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
export interface PanosObjectDescriptor<M extends { name: string }> extends ObjectDescriptor<M> {
  /** Value problems of a model (enum, range, length, required, one-of, variants); empty when fine. */
  validate(model: M): FieldProblem[];
  /** As {@link ObjectDescriptor.encode}; the target may also be given as text (`'11.1.2-h3'`). */
  encode(model: M, target: PanosVersion | string, base?: XmlElement, previous?: M): XmlElement;
  /** As {@link ObjectDescriptor.versionIssues}; the target may also be given as text. */
  versionIssues(model: M, target: PanosVersion | string): VersionIssue[];
}

/** Builds the descriptor for one object kind. */
export function defineObject<M extends { name: string }>(spec: ObjectSpec<M>): PanosObjectDescriptor<M> {
  const nameKind: NameKind = spec.kind;
  const ctxOf = (m: { name: string }): CodecContext => ({ title: spec.title, name: m.name });
  const prepare = (model: M): ModelRecord => {
    const inferred = inferChoices(spec.fields, model as unknown as ModelRecord);
    return spec.normalize ? spec.normalize(inferred) : inferred;
  };
  const problemsOf = (m: ModelRecord): FieldProblem[] => {
    const ctx = ctxOf(m as { name: string });
    return [...validateFields(spec.fields, m, ctx), ...(spec.validateCustom?.(m, ctx) ?? [])];
  };
  const issuesOf = (m: ModelRecord, target: PanosVersion): VersionIssue[] =>
    collectVersionIssues(spec.kind, ctxOf(m as { name: string }), spec.fields, m, target);

  return {
    kind: spec.kind,
    title: spec.title,
    fields: spec.fields,
    validateName: (name: string) => validateName(nameKind, name),
    containerXpath: (loc: Location) => spec.containerXpath(loc),
    entryXpath: (loc: Location, name: string) => `${spec.containerXpath(loc)}/${entryStep(nameKind, name)}`,
    decode(entry: XmlElement) {
      const raw = stripBookkeeping(entry);
      const model: ModelRecord = { name: raw.attrs.name ?? '', ...decodeFields(spec.fields, raw) };
      spec.decodeCustom?.(raw, model);
      return { model: model as unknown as M, raw };
    },
    encode(model: M, target: PanosVersion | string, base?: XmlElement, previous?: M) {
      validateName(nameKind, model.name);
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
      encodeFields(spec.fields, m, entry, ctxOf(model), '', before);
      spec.encodeCustom?.(m, entry, before);
      return entry;
    },
    versionIssues: (model: M, target: PanosVersion | string) => issuesOf(prepare(model), toVersion(target)),
    validate: (model: M) => problemsOf(prepare(model)),
    references: (model: M) => spec.references(model),
  };
}
