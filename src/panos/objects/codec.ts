/**
 * The generic field engine: turns a model into XML and back, driven only by `FieldSpec` tables.
 *
 * Merge rule (encode onto a base entry): start from the base, then for every modelled field replace its elements
 * when set and remove them when unset. Elements and attributes no field names are left exactly where they were,
 * so a read-modify-write never drops configuration this project does not model (certificates, manual keys,
 * future PAN-OS knobs, `uuid`).
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

/** True when the codec handles this field itself (not external, not custom, not the name attribute). */
function isCodecField(f: FieldSpec): boolean {
  return !f.external && !f.custom && !isNameField(f);
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
 * Writes the model's fields into `node` (the entry, or an enclosing object's element), merging as described in
 * the module comment. Choice fields run last so that exactly one alternative survives.
 */
export function encodeFields(fields: readonly FieldSpec[], model: ModelRecord, node: XmlElement, ctx: CodecContext, fieldPath = ''): void {
  const emptied: XmlElement[][] = [];
  const keep = new Set<XmlElement>();
  for (const f of fields) {
    if (!isCodecField(f) || f.choice) continue;
    const path = resolvePath(f.xmlPath, model);
    if (!path) continue;
    const value = model[f.key];
    if (!isSet(value) || (f.type === 'bool' && f.presence && value !== true)) {
      removePath(node, path, emptied);
      continue;
    }
    if (f.conflictsWith) {
      const parent = findPath(node, path.slice(0, -1));
      if (parent) removeChildren(parent, f.conflictsWith);
    }
    encodeValue(f, value, ensurePath(node, path), ctx, `${fieldPath}${f.key}`);
  }
  for (const f of fields) {
    if (!f.choice || f.external || f.custom) continue;
    const chosen = encodeChoice(f, model[f.key], node, ctx, `${fieldPath}${f.key}`, emptied);
    if (chosen) keep.add(chosen);
  }
  pruneEmpty(emptied, keep);
}

function encodeValue(f: FieldSpec, value: unknown, target: XmlElement, ctx: CodecContext, fieldPath: string): void {
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
      encodeFields(f.fields ?? [], obj, target, ctx, `${fieldPath}.`);
      return;
    }
    case 'object-list': {
      const items = value as readonly ModelRecord[];
      const existing = new Map(target.children.filter((c) => c.name === 'entry').map((c) => [c.attrs.name, c]));
      const others = target.children.filter((c) => c.name !== 'entry');
      const entries = items.map((item, i) => {
        const name = String(item.name);
        const e = existing.get(name) ?? el('entry', [], { name });
        e.attrs.name = name;
        encodeFields(f.fields ?? [], item, e, ctx, `${fieldPath}[${i}].`);
        return e;
      });
      target.text = '';
      target.children = [...others, ...entries];
      return;
    }
  }
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
