/**
 * The generic field engine: turns a model into XML and back, driven only by `FieldSpec` tables.
 *
 * Two ways to encode onto a base entry (the entry as last read from the device):
 * - **Diff** (given the model as last known, `previous`): only the fields whose value differs between `previous` and
 *   the new model are written or removed; every other element and attribute of the base stays exactly as it was,
 *   in its place. This is what an update uses, so decoding then encoding is the identity on everything undeclared.
 * - **Merge** (no `previous`): every modelled field is replaced when set and removed when unset; elements and
 *   attributes no field names stay where they were (a read-modify-write for callers that have no earlier model).
 * Without a base (a create) only the fields that are set are written.
 */
import { el, type XmlElement } from '../xml';
import { InvalidFieldError } from './errors';
import { ensurePath, findPath, pruneEmpty, removeChildren, removePath, setText } from './xml-path';
import type { FieldSpec } from './types';

/** A model seen by the engine: plain data keyed by `FieldSpec.key`. */
export type ModelRecord = Record<string, unknown>;

/** Context for messages. */
export interface CodecContext {
  readonly title: string;
  readonly name: string;
}

/** True for the `name` field that is the entry's `name` attribute rather than an element. */
export function isNameField(f: FieldSpec): boolean {
  return f.key === 'name' && f.xmlPath.length === 0 && f.choice === undefined;
}

/** True when the codec handles this field itself (not external, not custom, not declaration only, not the name attribute). */
function isCodecField(f: FieldSpec): boolean {
  return !f.external && !f.custom && !f.declarationOnly && !isNameField(f);
}

/**
 * Resolves `$key` segments of an xmlPath from sibling values (a proxy-id's ports sit under `protocol/tcp` or
 * `protocol/udp` depending on `protocol`). Undefined when a referenced sibling is unset.
 */
export function resolvePath(path: readonly string[], model: ModelRecord): string[] | undefined {
  const out: string[] = [];
  for (const seg of path) {
    if (seg.startsWith('$')) {
      const v = model[seg.slice(1)];
      if (typeof v !== 'string') return undefined;
      out.push(v);
    } else out.push(seg);
  }
  return out;
}

/** The choice field and alternative a field's xmlPath runs through, if any. */
export function variantOf(f: FieldSpec, siblings: readonly FieldSpec[]): { choice: FieldSpec; alt: string } | undefined {
  for (const c of siblings) {
    if (!c.choice || c === f) continue;
    const p = c.xmlPath;
    if (f.xmlPath.length <= p.length) continue;
    if (!p.every((seg, i) => f.xmlPath[i] === seg)) continue;
    const alt = f.xmlPath[p.length];
    if (c.choice.includes(alt)) return { choice: c, alt };
  }
  return undefined;
}

function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/** Deep equality of model values; unset (undefined or null) equals unset, and unset object keys are ignored. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (!isSet(a) || !isSet(b)) return !isSet(a) && !isSet(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const ra = a as ModelRecord;
    const rb = b as ModelRecord;
    return [...new Set([...Object.keys(ra), ...Object.keys(rb)])].every((k) => sameValue(ra[k], rb[k]));
  }
  return a === b;
}

// ------------------------------------------------------------------------------------------------ decode

/** Decodes the fields found below `node` into a model record (unset fields are absent). */
export function decodeFields(fields: readonly FieldSpec[], node: XmlElement): ModelRecord {
  const out: ModelRecord = {};
  // Choices first: other paths may depend on them (`$protocol`).
  for (const f of fields) {
    if (!f.choice || f.external || f.custom) continue;
    const container = findPath(node, f.xmlPath);
    const present = container?.children.find((c) => f.choice!.includes(c.name));
    if (present) out[f.key] = present.name;
  }
  for (const f of fields) {
    if (!isCodecField(f) || f.choice) continue;
    const path = resolvePath(f.xmlPath, out);
    if (!path) continue;
    const target = findPath(node, path);
    if (target === undefined) continue;
    const value = decodeValue(f, target);
    if (value !== undefined) out[f.key] = value;
  }
  return out;
}

function decodeValue(f: FieldSpec, target: XmlElement): unknown {
  switch (f.type) {
    case 'string':
      return target.text;
    case 'number': {
      const t = target.text.trim();
      const n = Number(t);
      return t !== '' && Number.isFinite(n) ? n : undefined;
    }
    case 'bool':
      if (f.presence) return true;
      return target.text === 'yes' ? true : target.text === 'no' ? false : undefined;
    case 'string-list':
      return f.listStyle === 'entry'
        ? target.children.filter((c) => c.name === 'entry').map((c) => c.attrs.name ?? '')
        : target.children.filter((c) => c.name === 'member').map((c) => c.text);
    case 'object': {
      if (f.unitValue) {
        const units = unitField(f).enum ?? [];
        const u = target.children.find((c) => units.includes(c.name));
        if (!u) return undefined;
        const n = Number(u.text.trim());
        return { unit: u.name, value: Number.isFinite(n) ? n : u.text };
      }
      return decodeFields(f.fields ?? [], target);
    }
    case 'object-list':
      return target.children
        .filter((c) => c.name === 'entry')
        .map((e) => ({ name: e.attrs.name ?? '', ...decodeFields(f.fields ?? [], e) }));
    default:
      return undefined;
  }
}

/** The `unit` sub-field of a unit/value object. */
export function unitField(f: FieldSpec): FieldSpec {
  const u = f.fields?.find((x) => x.key === 'unit');
  if (!u) throw new Error(`field ${f.key} is unitValue but has no "unit" sub-field`);
  return u;
}

// ------------------------------------------------------------------------------------------------ encode

/**
 * Writes the model's fields into `node` (the entry, or an enclosing object's element), as described in the module
 * comment: with `previous` only the differences, without it every modelled field. Choice fields run last so that
 * exactly one alternative survives.
 */
export function encodeFields(
  fields: readonly FieldSpec[],
  model: ModelRecord,
  node: XmlElement,
  ctx: CodecContext,
  fieldPath = '',
  previous?: ModelRecord,
): void {
  const emptied: XmlElement[][] = [];
  const keep = new Set<XmlElement>();
  for (const f of fields) {
    if (!isCodecField(f) || f.choice) continue;
    const value = model[f.key];
    const before = previous?.[f.key];
    const path = resolvePath(f.xmlPath, model);
    // Unchanged, and still in the same place (a port stays under `tcp` only while the protocol stays tcp).
    if (previous && sameValue(value, before) && path?.join('/') === resolvePath(f.xmlPath, previous)?.join('/')) continue;
    const unset = !isSet(value) || (f.type === 'bool' && f.presence && value !== true);
    if (unset || !path) {
      // Where the value was: the previous model's path when it depended on a sibling that changed.
      const oldPath = previous ? resolvePath(f.xmlPath, previous) : path;
      if (oldPath) removePath(node, oldPath, emptied);
      if (path && oldPath && path.join('/') !== oldPath.join('/')) removePath(node, path, emptied);
      continue;
    }
    if (f.conflictsWith) {
      const parent = findPath(node, path.slice(0, -1));
      if (parent) removeChildren(parent, f.conflictsWith);
    }
    encodeValue(f, value, ensurePath(node, path), ctx, `${fieldPath}${f.key}`, previous ? { before } : undefined);
  }
  for (const f of fields) {
    if (!f.choice || f.external || f.custom) continue;
    if (previous && sameValue(model[f.key], previous[f.key])) continue;
    const chosen = encodeChoice(f, model[f.key], node, ctx, `${fieldPath}${f.key}`, emptied);
    if (chosen) keep.add(chosen);
  }
  pruneEmpty(emptied, keep);
}

/** In diff mode: the value as last known (possibly unset), for nested diffs. */
interface Diff {
  readonly before: unknown;
}

/** Writes one set value at `target` (nested blocks and entries by difference when `diff` is given). */
function encodeValue(f: FieldSpec, value: unknown, target: XmlElement, ctx: CodecContext, fieldPath: string, diff?: Diff): void {
  switch (f.type) {
    case 'string':
    case 'number':
      setText(target, String(value));
      return;
    case 'bool':
      if (f.presence) {
        setText(target, '');
        return;
      }
      setText(target, value ? 'yes' : 'no');
      return;
    case 'string-list': {
      const items = value as readonly string[];
      if (f.listStyle === 'entry') {
        const existing = new Map(target.children.filter((c) => c.name === 'entry').map((c) => [c.attrs.name, c]));
        const others = target.children.filter((c) => c.name !== 'entry');
        target.children = [...others, ...items.map((n) => existing.get(n) ?? el('entry', [], { name: n }))];
      } else {
        const others = target.children.filter((c) => c.name !== 'member');
        target.children = [...others, ...items.map((m) => el('member', m))];
      }
      target.text = '';
      return;
    }
    case 'object': {
      const obj = value as ModelRecord;
      target.text = '';
      if (f.unitValue) {
        removeChildren(target, unitField(f).enum ?? []);
        target.children.push(el(String(obj.unit), String(obj.value)));
        return;
      }
      // Diff mode: a block unknown before is compared with an empty one, so only what is set in it is written and
      // the device's other settings inside it stay.
      const prev = diff ? (isSet(diff.before) && typeof diff.before === 'object' ? (diff.before as ModelRecord) : {}) : undefined;
      encodeFields(f.fields ?? [], obj, target, ctx, `${fieldPath}.`, prev);
      return;
    }
    case 'object-list':
      encodeEntryList(f, value as readonly ModelRecord[], target, ctx, fieldPath, diff ? (Array.isArray(diff.before) ? (diff.before as ModelRecord[]) : []) : undefined);
      return;
  }
}

/**
 * Writes a keyed list of `<entry name>` blocks. Without `before` the list becomes exactly the model's entries (others
 * dropped). With `before` (diff mode) only entries that were added, removed or changed are touched: an unchanged entry
 * keeps its place and content; entries neither the model nor `before` names (added on the device) stay; the entries
 * are reordered only when the declared order of the kept ones changed.
 */
function encodeEntryList(
  f: FieldSpec,
  items: readonly ModelRecord[],
  target: XmlElement,
  ctx: CodecContext,
  fieldPath: string,
  before?: readonly ModelRecord[],
): void {
  const existing = new Map(target.children.filter((c) => c.name === 'entry').map((c) => [c.attrs.name, c]));
  const written = items.map((item, i) => {
    const name = String(item.name);
    const prev = before?.find((b) => b.name === name);
    const found = existing.get(name);
    if (before && prev && found && sameValue(item, prev)) return found;
    const e = found ?? el('entry', [], { name });
    e.attrs.name = name;
    // An entry new to the device is written whole; one the device holds is changed by difference.
    encodeFields(f.fields ?? [], item, e, ctx, `${fieldPath}[${i}].`, before && found ? (prev ?? {}) : undefined);
    return e;
  });
  target.text = '';
  if (!before) {
    target.children = [...target.children.filter((c) => c.name !== 'entry'), ...written];
    return;
  }
  const wanted = new Set(written);
  const dropped = new Set(before.map((b) => String(b.name)).filter((n) => !items.some((i) => String(i.name) === n)));
  const kept = target.children.filter((c) => !(c.name === 'entry' && !wanted.has(c) && dropped.has(c.attrs.name ?? '')));
  const present = kept.filter((c) => wanted.has(c));
  const declaredOrder = written.filter((w) => present.includes(w));
  target.children = present.every((c, i) => c === declaredOrder[i])
    ? [...kept, ...written.filter((w) => !present.includes(w))]
    : [...kept.filter((c) => !wanted.has(c)), ...written];
}

/** Leaves exactly the chosen alternative (or none when unset); returns the chosen element. */
function encodeChoice(
  f: FieldSpec,
  value: unknown,
  node: XmlElement,
  ctx: CodecContext,
  fieldPath: string,
  emptied: XmlElement[][],
): XmlElement | undefined {
  const alts = f.choice ?? [];
  if (!isSet(value)) {
    for (const a of alts) removePath(node, [...f.xmlPath, a], emptied);
    return undefined;
  }
  const chosen = String(value);
  const container = ensurePath(node, f.xmlPath);
  removeChildren(container, alts.filter((a) => a !== chosen));
  const existing = container.children.find((c) => c.name === chosen);
  if (existing) return existing;
  if (f.opaqueChoices?.includes(chosen)) {
    throw new InvalidFieldError([
      {
        field: fieldPath,
        tfName: f.tfName,
        value: chosen,
        message:
          `${ctx.title} ${JSON.stringify(ctx.name)}: ${f.tfName} = ${JSON.stringify(chosen)} is read-only here: this ` +
          `project keeps such configuration as read from the device but cannot build it. Fix: manage it on the ` +
          `device, or declare one of ${alts.filter((a) => !f.opaqueChoices!.includes(a)).join(', ')}.`,
      },
    ]);
  }
  const created = el(chosen);
  container.children.push(created);
  return created;
}
