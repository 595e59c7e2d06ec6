/**
 * The cty msgpack codec: Terraform's wire form of values (hashicorp/terraform object-wire-format.md), shaped by a
 * cty type. Also the JSON decoding of stored state (UpgradeResourceState), shaped the same way.
 */
import { type CtyType, typeFromJson, typeFromJsonBytes, typeName, typeToJsonBytes, cty } from './cty';
import { MAX_DEPTH, MpBin, MpExt, MpMap, type MpNode, MsgpackReader, MsgpackWriter, readMsgpack } from './msgpack-wire';
import { TypedValue, UNKNOWN, type Value, type ValueObject, formatPath, isValueObject, newObject } from './values';

/**
 * Where a value lies inside the one being (de)coded: a chain of steps, each linking to its parent, so that going one
 * level down costs one small object and the list of steps is made only for an error's message.
 */
type Path = { readonly up: Path; readonly key: string | number } | null;

/** One step down from `path`. */
const at = (path: Path, key: string | number): Path => ({ up: path, key });

/** The steps of a path, outermost first. */
function steps(path: Path): Array<string | number> {
  const out: Array<string | number> = [];
  for (let p = path; p !== null; p = p.up) out.push(p.key);
  return out.reverse();
}

/** An object type's attribute names in the order they go on the wire (sorted), computed once per type. */
const sortedNamesOf = new WeakMap<object, readonly string[]>();
function sortedNames(attributes: Readonly<Record<string, CtyType>>): readonly string[] {
  let names = sortedNamesOf.get(attributes);
  if (!names) sortedNamesOf.set(attributes, (names = Object.keys(attributes).sort()));
  return names;
}

/** A value did not match its type; `path` locates it inside the value. */
export class CtyValueError extends Error {
  readonly path: ReadonlyArray<string | number>;

  constructor(path: ReadonlyArray<string | number> | Path, problem: string) {
    const list = Array.isArray(path) ? path : steps(path as Path);
    super(`${formatPath(list)}: ${problem}`);
    this.name = 'CtyValueError';
    this.path = list;
  }
}

const DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;

/** Encodes a value of the given type as msgpack bytes (null → nil, {@link UNKNOWN} → ext 0). */
export function encodeMsgpack(type: CtyType, value: Value): Buffer {
  const w = new MsgpackWriter();
  writeValue(w, type, value, null);
  return w.finish();
}

/**
 * Decodes msgpack bytes as a value of the given type. Any extension type decodes as {@link UNKNOWN}.
 *
 * Two ways, one result: {@link plainValue} reads the forms Terraform writes straight into values, token by token; when
 * it meets anything else (a dynamic value, a mismatch, malformed bytes), the bytes are read again as a node tree and
 * converted by {@link fromNode}, which accepts every form and words every error. A plan decodes a few hundred values
 * of some 30 attributes; the tree cost an object per node, which is most of the work.
 */
export function decodeMsgpack(type: CtyType, bytes: Uint8Array): Value {
  try {
    const r = new MsgpackReader(bytes);
    const v = plainValue(r, type, 0);
    if (r.pos === bytes.length) return v;
  } catch {
    // Not the plain form (or not msgpack at all): the general reading decides, and words any error.
  }
  return decodeMsgpackTree(type, bytes);
}

/** {@link decodeMsgpack} through the node tree only: every form, every error worded (exported for its tests). */
export function decodeMsgpackTree(type: CtyType, bytes: Uint8Array): Value {
  let node: MpNode;
  try {
    node = readMsgpack(bytes);
  } catch (e) {
    throw new CtyValueError([], (e as Error).message);
  }
  return fromNode(type, node, null);
}

function writeValue(w: MsgpackWriter, type: CtyType, v: Value | undefined, path: Path): void {
  if (v === UNKNOWN) return w.unknown();
  if (v === null) return w.nil();
  if (v === undefined) throw new CtyValueError(path, `value is missing (use null for an absent ${typeName(type)})`);
  if (type === 'dynamic') return writeDynamic(w, v, path);
  if (v instanceof TypedValue) throw new CtyValueError(path, `a TypedValue is only valid where the type is dynamic, not ${typeName(type)}`);
  // Built only when thrown: a closure made at every call would cost an allocation per value.
  const mismatch = writeMismatch;
  switch (type) {
    case 'string':
      if (typeof v !== 'string') throw mismatch(type, v, path);
      return w.str(v);
    case 'bool':
      if (typeof v !== 'boolean') throw mismatch(type, v, path);
      return w.bool(v);
    case 'number':
      return writeNumber(w, v, path);
  }
  switch (type.kind) {
    case 'list':
    case 'set': {
      if (!Array.isArray(v)) throw mismatch(type, v, path);
      w.arrayHeader(v.length);
      v.forEach((e, i) => writeValue(w, type.element, e, at(path, i)));
      return;
    }
    case 'tuple': {
      if (!Array.isArray(v)) throw mismatch(type, v, path);
      if (v.length !== type.elements.length) {
        throw new CtyValueError(path, `a tuple of ${type.elements.length} elements is required, got ${v.length}`);
      }
      w.arrayHeader(v.length);
      v.forEach((e, i) => writeValue(w, type.elements[i], e, at(path, i)));
      return;
    }
    case 'map': {
      if (!isValueObject(v)) throw mismatch(type, v, path);
      const keys = Object.keys(v).sort();
      w.mapHeader(keys.length);
      for (const k of keys) {
        w.str(k);
        writeValue(w, type.element, v[k], at(path, k));
      }
      return;
    }
    case 'object': {
      if (!isValueObject(v)) throw mismatch(type, v, path);
      const names = sortedNames(type.attributes);
      for (const k of Object.keys(v)) {
        if (!(k in type.attributes)) {
          throw new CtyValueError(path, `unsupported attribute "${k}" (the type has: ${names.join(', ') || 'none'})`);
        }
      }
      w.mapHeader(names.length);
      for (const k of names) {
        if (!(k in v)) {
          throw new CtyValueError(at(path, k), `attribute is missing: every attribute must be present, null when unset`);
        }
        w.str(k);
        writeValue(w, type.attributes[k], v[k], at(path, k));
      }
      return;
    }
  }
}

/**
 * Numbers go on the wire as decimal strings, which the format allows for any number. Terraform reads a string number
 * exactly as it reads one from the state file (512-bit precision), but an int or float64 with 64 or 53 bits. Terraform
 * 1.11 compares the refreshed state with the stored one by deep equality, precision included: with int forms, every
 * resource holding a number looked changed after a refresh, and `plan -refresh-only -detailed-exitcode` said 2 on a
 * workspace where nothing had changed. Non-finite numbers have no decimal form and stay float64.
 */
/** The error for a value of the wrong kind when encoding. */
function writeMismatch(type: CtyType, v: Value, path: Path): CtyValueError {
  return new CtyValueError(path, `expected ${typeName(type)}, got ${Array.isArray(v) ? 'array' : typeof v}`);
}

function writeNumber(w: MsgpackWriter, v: Value, path: Path): void {
  if (typeof v === 'number') {
    if (Number.isNaN(v)) throw new CtyValueError(path, 'NaN is not a valid number');
    if (!Number.isFinite(v)) return w.float64(v);
    return w.str(decimalText(v));
  }
  if (typeof v === 'bigint') return w.str(v.toString());
  if (typeof v === 'string') {
    if (!DECIMAL.test(v)) throw new CtyValueError(path, `"${v}" is not a decimal number`);
    return w.str(v);
  }
  throw writeMismatch('number', v, path);
}

/** The shortest decimal text of a finite number (`-0` is `0`, as in cty). */
function decimalText(v: number): string {
  if (Object.is(v, -0)) return '0';
  return Number.isSafeInteger(v) ? String(v) : Number.isInteger(v) ? BigInt(v).toString() : String(v);
}

/** The JS number a decimal string denotes, when the number holds it exactly (its shortest text is the string). */
function exactNumber(text: string): number | undefined {
  const n = Number(text);
  return Number.isFinite(n) && (decimalText(n) === text || String(n) === text) ? n : undefined;
}

function writeDynamic(w: MsgpackWriter, v: Value, path: Path): void {
  const typed = v instanceof TypedValue ? v : new TypedValue(inferType(v, path), v);
  w.arrayHeader(2);
  w.bin(typeToJsonBytes(typed.type));
  writeValue(w, typed.type, typed.value, path);
}

/** Guesses the cty type of a plain JS value, for `dynamic` slots given a value without a TypedValue. */
export function inferType(v: Value, path: Path = null): CtyType {
  if (v === null || v === UNKNOWN) return cty.dynamic;
  if (v instanceof TypedValue) return v.type;
  if (typeof v === 'string') return cty.string;
  if (typeof v === 'number' || typeof v === 'bigint') return cty.number;
  if (typeof v === 'boolean') return cty.bool;
  if (Array.isArray(v)) return cty.tuple(v.map((e, i) => inferType(e, at(path, i))));
  // Prototype-less, so an attribute named like an Object.prototype member (`constructor`) stays plain data.
  const attrs: Record<string, CtyType> = Object.create(null) as Record<string, CtyType>;
  for (const k of Object.keys(v)) attrs[k] = inferType(v[k], at(path, k));
  return cty.object(attrs);
}

function describe(n: MpNode): string {
  if (n === null) return 'nil';
  if (Array.isArray(n)) return 'array';
  if (n instanceof MpMap) return 'map';
  if (n instanceof MpBin) return 'bin';
  if (n instanceof MpExt) return `ext ${n.type}`;
  return typeof n;
}

/** The error for a node of the wrong kind when decoding. */
function readMismatch(type: CtyType, n: MpNode, path: Path): CtyValueError {
  return new CtyValueError(path, `expected ${typeName(type)}, got ${describe(n)}`);
}

/** Thrown by {@link plainValue} at the first form it does not read. */
const NOT_PLAIN = new Error('not the plain form');

/**
 * A value of `type` read straight from the reader: nil, extensions (unknown), and for each type the forms Terraform
 * writes for it; anything else throws {@link NOT_PLAIN}. Its results equal {@link fromNode}'s for the same bytes.
 */
function plainValue(r: MsgpackReader, type: CtyType, depth: number): Value {
  if (depth > MAX_DEPTH) throw NOT_PLAIN;
  const b = r.u8();
  if (b === 0xc0) return null;
  if (r.skipExt(b)) return UNKNOWN;
  switch (type) {
    case 'string': {
      const n = r.strLength(b);
      if (n < 0) throw NOT_PLAIN;
      return r.str(n);
    }
    case 'bool':
      if (b === 0xc3) return true;
      if (b === 0xc2) return false;
      throw NOT_PLAIN;
    case 'number': {
      const n = r.strLength(b);
      if (n >= 0) {
        const text = r.str(n);
        if (!DECIMAL.test(text)) throw NOT_PLAIN;
        return exactNumber(text) ?? text;
      }
      r.pos--;
      const v = r.read(depth);
      if (typeof v === 'number') return v;
      if (typeof v === 'bigint') return v.toString();
      throw NOT_PLAIN;
    }
    case 'dynamic':
      throw NOT_PLAIN;
  }
  switch (type.kind) {
    case 'list':
    case 'set':
    case 'tuple': {
      const n = r.arrayLength(b);
      if (n < 0 || (type.kind === 'tuple' && n !== type.elements.length)) throw NOT_PLAIN;
      const out: Value[] = [];
      for (let i = 0; i < n; i++) out.push(plainValue(r, type.kind === 'tuple' ? type.elements[i] : type.element, depth + 1));
      return out;
    }
    case 'map':
    case 'object': {
      const n = r.mapLength(b);
      if (n < 0) throw NOT_PLAIN;
      const out: ValueObject = newObject();
      const attributes = type.kind === 'object' ? type.attributes : undefined;
      let present = 0;
      for (let i = 0; i < n; i++) {
        const length = r.strLength(r.u8());
        if (length < 0) throw NOT_PLAIN;
        const k = r.str(length);
        if (attributes === undefined) {
          out[k] = plainValue(r, (type as { element: CtyType }).element, depth + 1);
          continue;
        }
        if (!(k in attributes)) throw NOT_PLAIN;
        if (!(k in out)) present++;
        out[k] = plainValue(r, attributes[k], depth + 1);
      }
      if (attributes !== undefined && present !== sortedNames(attributes).length) throw NOT_PLAIN;
      return out;
    }
  }
}

function fromNode(type: CtyType, n: MpNode, path: Path): Value {
  // Terraform marks unknowns with ext 0, and refined unknowns with ext 12; any extension is treated as unknown.
  if (n instanceof MpExt) return UNKNOWN;
  if (n === null) return null;
  const mismatch = readMismatch; // a function, not a closure made at every call (see writeValue)
  switch (type) {
    case 'string':
      if (typeof n !== 'string') throw mismatch(type, n, path);
      return n;
    case 'bool':
      if (typeof n !== 'boolean') throw mismatch(type, n, path);
      return n;
    case 'number':
      if (typeof n === 'number') return n;
      if (typeof n === 'bigint') return n.toString();
      if (typeof n === 'string' && DECIMAL.test(n)) return exactNumber(n) ?? n;
      throw mismatch(type, n, path);
    case 'dynamic': {
      if (!Array.isArray(n) || n.length !== 2) throw new CtyValueError(path, `expected a [type, value] pair for a dynamic value, got ${describe(n)}`);
      const t = n[0];
      const raw = t instanceof MpBin ? t.data : typeof t === 'string' ? Buffer.from(t, 'utf8') : undefined;
      if (!raw) throw new CtyValueError(path, `dynamic value type must be JSON bytes, got ${describe(t)}`);
      const inner = typeFromJsonBytes(raw);
      return new TypedValue(inner, fromNode(inner, n[1], path));
    }
  }
  switch (type.kind) {
    case 'list':
    case 'set':
      if (!Array.isArray(n)) throw mismatch(type, n, path);
      return n.map((e, i) => fromNode(type.element, e, at(path, i)));
    case 'tuple':
      if (!Array.isArray(n)) throw mismatch(type, n, path);
      if (n.length !== type.elements.length) throw new CtyValueError(path, `a tuple of ${type.elements.length} elements is required, got ${n.length}`);
      return n.map((e, i) => fromNode(type.elements[i], e, at(path, i)));
    case 'map': {
      if (!(n instanceof MpMap)) throw mismatch(type, n, path);
      const out = newObject();
      for (const [k, v] of n.entries) {
        if (typeof k !== 'string') throw new CtyValueError(path, `map keys must be strings, got ${describe(k)}`);
        out[k] = fromNode(type.element, v, at(path, k));
      }
      return out;
    }
    case 'object': {
      if (!(n instanceof MpMap)) throw mismatch(type, n, path);
      const out: ValueObject = newObject();
      let present = 0;
      for (const [k, v] of n.entries) {
        if (typeof k !== 'string') throw new CtyValueError(path, `object keys must be strings, got ${describe(k)}`);
        if (!(k in type.attributes)) throw new CtyValueError(path, `unsupported attribute "${k}"`);
        if (!(k in out)) present++;
        out[k] = fromNode(type.attributes[k], v, at(path, k));
      }
      const names = Object.keys(type.attributes);
      const missing = present === names.length ? [] : names.filter((k) => !(k in out));
      if (missing.length > 0) {
        throw new CtyValueError(path, `an object with ${names.length} attributes is required; missing: ${missing.join(', ')}`);
      }
      return out;
    }
  }
}

/**
 * Decodes stored state JSON (UpgradeResourceState raw_state.json) into a value of the current type. Lenient on
 * purpose, because the state was written with an older schema: attributes the type lacks are dropped and attributes
 * the state lacks become null. JSON numbers beyond 2^53 lose precision in JSON.parse.
 */
export function decodeJsonState(type: CtyType, json: Uint8Array | string): Value {
  const text = typeof json === 'string' ? json : Buffer.from(json).toString('utf8');
  return fromJson(type, JSON.parse(text) as unknown, null);
}

/** The error for stored JSON of the wrong kind. */
function jsonMismatch(type: CtyType, j: unknown, path: Path): CtyValueError {
  return new CtyValueError(path, `expected ${typeName(type)}, got JSON ${Array.isArray(j) ? 'array' : typeof j}`);
}

function fromJson(type: CtyType, j: unknown, path: Path): Value {
  if (j === null || j === undefined) return null;
  switch (type) {
    case 'string':
      if (typeof j === 'string') return j;
      if (typeof j === 'number' || typeof j === 'boolean') return String(j);
      throw jsonMismatch(type, j, path);
    case 'bool':
      if (typeof j === 'boolean') return j;
      if (j === 'true' || j === 'false') return j === 'true';
      throw jsonMismatch(type, j, path);
    case 'number':
      if (typeof j === 'number') return j;
      if (typeof j === 'string' && DECIMAL.test(j)) return Number.isSafeInteger(Number(j)) ? Number(j) : j;
      throw jsonMismatch(type, j, path);
    case 'dynamic': {
      // cty's JSON for a dynamic value wraps it as {"value": ..., "type": ...}.
      if (j === null || typeof j !== 'object' || Array.isArray(j) || !('type' in j)) throw jsonMismatch(type, j, path);
      const w = j as { type: unknown; value?: unknown };
      const inner = typeFromJson(w.type);
      return new TypedValue(inner, fromJson(inner, w.value, path));
    }
  }
  switch (type.kind) {
    case 'list':
    case 'set':
      if (!Array.isArray(j)) throw jsonMismatch(type, j, path);
      return j.map((e, i) => fromJson(type.element, e, at(path, i)));
    case 'tuple':
      if (!Array.isArray(j) || j.length !== type.elements.length) throw jsonMismatch(type, j, path);
      return j.map((e, i) => fromJson(type.elements[i], e, at(path, i)));
    case 'map': {
      if (typeof j !== 'object' || Array.isArray(j)) throw jsonMismatch(type, j, path);
      const out = newObject();
      for (const [k, v] of Object.entries(j as Record<string, unknown>)) out[k] = fromJson(type.element, v, at(path, k));
      return out;
    }
    case 'object': {
      if (typeof j !== 'object' || Array.isArray(j)) throw jsonMismatch(type, j, path);
      const src = j as Record<string, unknown>;
      const out = newObject();
      for (const k of Object.keys(type.attributes)) {
        out[k] = Object.prototype.hasOwnProperty.call(src, k) ? fromJson(type.attributes[k], src[k], at(path, k)) : null;
      }
      return out;
    }
  }
}
