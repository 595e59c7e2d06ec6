/**
 * cty types (Terraform's type system) as plain TypeScript data, with the compact JSON encoding Terraform uses for
 * schema attribute types and for the type half of a `dynamic` value.
 */

/** A primitive cty type, or `dynamic` (any type, decided per value). */
export type CtyPrimitive = 'string' | 'number' | 'bool' | 'dynamic';

/** A list, set or map of one element type. */
export interface CtyCollection {
  readonly kind: 'list' | 'set' | 'map';
  readonly element: CtyType;
}

/** An object with a fixed set of attributes; `optional` names attributes a config may omit (type constraints). */
export interface CtyObjectType {
  readonly kind: 'object';
  readonly attributes: Readonly<Record<string, CtyType>>;
  readonly optional?: readonly string[];
}

/** A fixed-length sequence of element types. */
export interface CtyTupleType {
  readonly kind: 'tuple';
  readonly elements: readonly CtyType[];
}

/** Any cty type. */
export type CtyType = CtyPrimitive | CtyCollection | CtyObjectType | CtyTupleType;

/** Builders for cty types, e.g. `cty.list(cty.object({ a: cty.string }))`. */
export const cty = {
  string: 'string' as const,
  number: 'number' as const,
  bool: 'bool' as const,
  dynamic: 'dynamic' as const,
  list: (element: CtyType): CtyCollection => ({ kind: 'list', element }),
  set: (element: CtyType): CtyCollection => ({ kind: 'set', element }),
  map: (element: CtyType): CtyCollection => ({ kind: 'map', element }),
  object: (attributes: Record<string, CtyType>, optional?: readonly string[]): CtyObjectType =>
    optional && optional.length > 0 ? { kind: 'object', attributes, optional } : { kind: 'object', attributes },
  tuple: (elements: readonly CtyType[]): CtyTupleType => ({ kind: 'tuple', elements }),
};

/** JSON shape of a cty type as Terraform writes it. */
export type CtyTypeJson = string | [string, unknown] | [string, unknown, unknown];

/** Converts a type to its JSON form: `"string"`, `["list","string"]`, `["object",{"a":"number"},["a"]]`. */
export function typeToJson(type: CtyType): CtyTypeJson {
  if (typeof type === 'string') return type;
  switch (type.kind) {
    case 'list':
    case 'set':
    case 'map':
      return [type.kind, typeToJson(type.element)];
    case 'tuple':
      return ['tuple', type.elements.map(typeToJson)];
    case 'object': {
      const attrs: Record<string, unknown> = {};
      // cty writes attributes in sorted order; doing the same keeps schema bytes stable across runs.
      for (const name of Object.keys(type.attributes).sort()) attrs[name] = typeToJson(type.attributes[name]);
      return type.optional && type.optional.length > 0 ? ['object', attrs, [...type.optional].sort()] : ['object', attrs];
    }
  }
}

/** Compact JSON bytes of a type, as carried in `Schema.Attribute.type` and in `dynamic` values. */
export function typeToJsonBytes(type: CtyType): Buffer {
  return Buffer.from(JSON.stringify(typeToJson(type)), 'utf8');
}

/** Parses the JSON form of a type; throws a descriptive error on anything cty would not accept. */
export function typeFromJson(json: unknown): CtyType {
  if (json === 'string' || json === 'number' || json === 'bool' || json === 'dynamic') return json;
  if (Array.isArray(json) && typeof json[0] === 'string') {
    const [kind, arg, opt] = json as [string, unknown, unknown];
    switch (kind) {
      case 'list':
      case 'set':
      case 'map':
        return { kind, element: typeFromJson(arg) };
      case 'tuple':
        if (!Array.isArray(arg)) break;
        return cty.tuple(arg.map(typeFromJson));
      case 'object': {
        if (arg === null || typeof arg !== 'object' || Array.isArray(arg)) break;
        const attrs: Record<string, CtyType> = Object.create(null) as Record<string, CtyType>;
        for (const [name, t] of Object.entries(arg as Record<string, unknown>)) attrs[name] = typeFromJson(t);
        const optional = Array.isArray(opt) ? opt.filter((o): o is string => typeof o === 'string') : undefined;
        return cty.object(attrs, optional);
      }
    }
  }
  throw new Error(`invalid cty type JSON ${JSON.stringify(json)}: expected "string", "number", "bool", "dynamic", ` +
    `["list"|"set"|"map", T], ["tuple", [T...]] or ["object", {name: T}]`);
}

/** Parses type JSON bytes (as found in a schema attribute or the first half of a `dynamic` value). */
export function typeFromJsonBytes(bytes: Uint8Array): CtyType {
  return typeFromJson(JSON.parse(Buffer.from(bytes).toString('utf8')));
}

/** Structural type equality (optional-attribute markers are ignored: they only matter for type conversion). */
export function typeEquals(a: CtyType, b: CtyType): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (a.kind !== b.kind) return false;
  if ((a.kind === 'list' || a.kind === 'set' || a.kind === 'map') && (b.kind === 'list' || b.kind === 'set' || b.kind === 'map')) {
    return typeEquals(a.element, b.element);
  }
  if (a.kind === 'tuple' && b.kind === 'tuple') {
    return a.elements.length === b.elements.length && a.elements.every((t, i) => typeEquals(t, b.elements[i]));
  }
  if (a.kind === 'object' && b.kind === 'object') {
    const ak = Object.keys(a.attributes);
    const bk = Object.keys(b.attributes);
    return ak.length === bk.length && ak.every((k) => k in b.attributes && typeEquals(a.attributes[k], b.attributes[k]));
  }
  return false;
}

/** True when the type is or contains `dynamic` (cty then cannot give block lists/maps a collection type). */
export function hasDynamic(type: CtyType): boolean {
  if (typeof type === 'string') return type === 'dynamic';
  switch (type.kind) {
    case 'list':
    case 'set':
    case 'map':
      return hasDynamic(type.element);
    case 'tuple':
      return type.elements.some(hasDynamic);
    case 'object':
      return Object.values(type.attributes).some(hasDynamic);
  }
}

/** Human-readable type name for error messages, e.g. `list(object)`. */
export function typeName(type: CtyType): string {
  if (typeof type === 'string') return type;
  if (type.kind === 'list' || type.kind === 'set' || type.kind === 'map') return `${type.kind}(${typeName(type.element)})`;
  return type.kind;
}
