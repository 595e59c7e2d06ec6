/**
 * A provider schema described in TypeScript, with its conversions: to the value type Terraform uses on the wire,
 * to the protobuf `Schema` message, and to the `terraform providers schema -json` document.
 */
import { type CtyType, cty, hasDynamic, typeToJson, typeToJsonBytes } from './cty';

/** An attribute of a block. Exactly one of required / optional / computed, or optional + computed. */
export interface AttributeSchema {
  readonly type: CtyType;
  readonly description?: string;
  /** Markdown instead of plain text. @default false */
  readonly markdown?: boolean;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  /** Hidden in plan output. @default false */
  readonly sensitive?: boolean;
  /** Sent in config but never stored in state (Terraform 1.11+). @default false */
  readonly writeOnly?: boolean;
  readonly deprecated?: boolean;
}

/** How a nested block repeats: single/group is one object, list/set are sequences, map is keyed by label. */
export type NestingMode = 'single' | 'group' | 'list' | 'set' | 'map';

/** A nested block type inside a block. */
export interface NestedBlockSchema {
  readonly nesting: NestingMode;
  readonly block: BlockSchema;
  /** @default 0 (no minimum) */
  readonly minItems?: number;
  /** @default 0 (no maximum) */
  readonly maxItems?: number;
}

/** A block: attributes and nested block types. */
export interface BlockSchema {
  readonly attributes?: Readonly<Record<string, AttributeSchema>>;
  readonly blocks?: Readonly<Record<string, NestedBlockSchema>>;
  readonly description?: string;
  readonly markdown?: boolean;
  readonly deprecated?: boolean;
}

/** The schema of a provider config, a resource type or a data source. */
export interface Schema {
  /** State schema version, compared at UpgradeResourceState. @default 0 */
  readonly version?: number;
  readonly block: BlockSchema;
}

/** Everything a provider declares. */
export interface ProviderSchema {
  readonly provider: Schema;
  readonly resources: Readonly<Record<string, Schema>>;
  readonly dataSources?: Readonly<Record<string, Schema>>;
  /** Ask Terraform to call PlanResourceChange on destroy too. @default false */
  readonly planDestroy?: boolean;
}

/** The value type of a block, as cty derives it: attributes plus one key per nested block type. */
export function blockType(block: BlockSchema): CtyType {
  const attrs: Record<string, CtyType> = {};
  for (const [name, a] of Object.entries(block.attributes ?? {})) attrs[name] = a.type;
  for (const [name, nb] of Object.entries(block.blocks ?? {})) {
    const inner = blockType(nb.block);
    switch (nb.nesting) {
      case 'single':
      case 'group':
        attrs[name] = inner;
        break;
      // cty cannot type a collection of objects holding `dynamic`; it then treats the whole block as dynamic.
      case 'list':
        attrs[name] = hasDynamic(inner) ? cty.dynamic : cty.list(inner);
        break;
      case 'set':
        attrs[name] = cty.set(inner);
        break;
      case 'map':
        attrs[name] = hasDynamic(inner) ? cty.dynamic : cty.map(inner);
        break;
    }
  }
  return cty.object(attrs);
}

/**
 * Checks a schema for mistakes Terraform would reject at GetProviderSchema; returns one message per mistake,
 * each naming the place (`aws_thing.block.attr`) and the fix.
 */
export function checkSchema(schema: ProviderSchema): string[] {
  const problems: string[] = [];
  const visit = (where: string, block: BlockSchema): void => {
    for (const [name, a] of Object.entries(block.attributes ?? {})) {
      const at = `${where}.${name}`;
      if (!/^[a-z0-9_]+$/.test(name)) problems.push(`${at}: attribute names use only a-z, 0-9 and _`);
      if (a.required && (a.optional || a.computed)) problems.push(`${at}: required cannot be combined with optional or computed`);
      if (!a.required && !a.optional && !a.computed) problems.push(`${at}: set one of required, optional or computed`);
      if (a.writeOnly && a.computed) problems.push(`${at}: a write-only attribute cannot be computed`);
    }
    for (const [name, nb] of Object.entries(block.blocks ?? {})) {
      const at = `${where}.${name}`;
      if (block.attributes && name in block.attributes) problems.push(`${at}: name used by both an attribute and a block`);
      if ((nb.nesting === 'single' || nb.nesting === 'group') && (nb.maxItems ?? 0) > 1) {
        problems.push(`${at}: a ${nb.nesting} block holds at most one item; drop maxItems`);
      }
      visit(at, nb.block);
    }
  };
  visit('provider', schema.provider.block);
  for (const [t, s] of Object.entries(schema.resources)) visit(t, s.block);
  for (const [t, s] of Object.entries(schema.dataSources ?? {})) visit(t, s.block);
  return problems;
}

/** Protobuf shapes (as @grpc/proto-loader objects) of tfplugin6 Schema messages. */
export interface ProtoAttribute {
  name: string;
  type: Buffer;
  description: string;
  required: boolean;
  optional: boolean;
  computed: boolean;
  sensitive: boolean;
  description_kind: 'PLAIN' | 'MARKDOWN';
  deprecated: boolean;
  write_only: boolean;
}

/** tfplugin6 Schema.NestedBlock. */
export interface ProtoNestedBlock {
  type_name: string;
  block: ProtoBlock;
  nesting: 'SINGLE' | 'LIST' | 'SET' | 'MAP' | 'GROUP';
  min_items: number;
  max_items: number;
}

/** tfplugin6 Schema.Block. */
export interface ProtoBlock {
  version: number;
  attributes: ProtoAttribute[];
  block_types: ProtoNestedBlock[];
  description: string;
  description_kind: 'PLAIN' | 'MARKDOWN';
  deprecated: boolean;
}

/** tfplugin6 Schema. */
export interface ProtoSchema {
  version: number;
  block: ProtoBlock;
}

function blockToProto(block: BlockSchema, version: number): ProtoBlock {
  return {
    version,
    attributes: Object.keys(block.attributes ?? {}).sort().map((name) => {
      const a = (block.attributes ?? {})[name];
      return {
        name,
        type: typeToJsonBytes(a.type),
        description: a.description ?? '',
        required: !!a.required,
        optional: !!a.optional,
        computed: !!a.computed,
        sensitive: !!a.sensitive,
        description_kind: a.markdown ? 'MARKDOWN' : 'PLAIN',
        deprecated: !!a.deprecated,
        write_only: !!a.writeOnly,
      };
    }),
    block_types: Object.keys(block.blocks ?? {}).sort().map((name) => {
      const nb = (block.blocks ?? {})[name];
      return {
        type_name: name,
        block: blockToProto(nb.block, version),
        nesting: nb.nesting.toUpperCase() as ProtoNestedBlock['nesting'],
        min_items: nb.minItems ?? 0,
        max_items: nb.maxItems ?? 0,
      };
    }),
    description: block.description ?? '',
    description_kind: block.markdown ? 'MARKDOWN' : 'PLAIN',
    deprecated: !!block.deprecated,
  };
}

/** Converts a schema to the protobuf `Schema` message. */
export function schemaToProto(schema: Schema): ProtoSchema {
  const version = schema.version ?? 0;
  return { version, block: blockToProto(schema.block, version) };
}

/** The `terraform providers schema -json` form of a block. */
export interface JsonBlock {
  attributes?: Record<string, JsonAttribute>;
  block_types?: Record<string, JsonBlockType>;
  description?: string;
  description_kind: 'plain' | 'markdown';
  deprecated?: boolean;
}

/** The `terraform providers schema -json` form of an attribute. */
export interface JsonAttribute {
  type: unknown;
  description?: string;
  description_kind: 'plain' | 'markdown';
  deprecated?: boolean;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  write_only?: boolean;
}

/** The `terraform providers schema -json` form of a nested block type. */
export interface JsonBlockType {
  nesting_mode: NestingMode;
  block: JsonBlock;
  min_items?: number;
  max_items?: number;
}

/** The `terraform providers schema -json` form of a schema. */
export interface JsonSchema {
  version: number;
  block: JsonBlock;
}

/** The whole `terraform providers schema -json` document. */
export interface ProvidersSchemaDocument {
  format_version: '1.0';
  provider_schemas: Record<string, {
    provider: JsonSchema;
    resource_schemas?: Record<string, JsonSchema>;
    data_source_schemas?: Record<string, JsonSchema>;
  }>;
}

// Terraform omits false flags, empty strings, zero limits and empty maps (Go `omitempty`); we do the same.
function blockToJson(block: BlockSchema): JsonBlock {
  const out: JsonBlock = { description_kind: block.markdown ? 'markdown' : 'plain' };
  const attrNames = Object.keys(block.attributes ?? {}).sort();
  if (attrNames.length > 0) {
    out.attributes = {};
    for (const name of attrNames) {
      const a = (block.attributes ?? {})[name];
      const j: JsonAttribute = { type: typeToJson(a.type), description_kind: a.markdown ? 'markdown' : 'plain' };
      if (a.description) j.description = a.description;
      if (a.deprecated) j.deprecated = true;
      if (a.required) j.required = true;
      if (a.optional) j.optional = true;
      if (a.computed) j.computed = true;
      if (a.sensitive) j.sensitive = true;
      if (a.writeOnly) j.write_only = true;
      out.attributes[name] = j;
    }
  }
  const blockNames = Object.keys(block.blocks ?? {}).sort();
  if (blockNames.length > 0) {
    out.block_types = {};
    for (const name of blockNames) {
      const nb = (block.blocks ?? {})[name];
      const j: JsonBlockType = { nesting_mode: nb.nesting, block: blockToJson(nb.block) };
      if (nb.minItems) j.min_items = nb.minItems;
      if (nb.maxItems) j.max_items = nb.maxItems;
      out.block_types[name] = j;
    }
  }
  if (block.description) out.description = block.description;
  if (block.deprecated) out.deprecated = true;
  return out;
}

function schemaToJson(schema: Schema): JsonSchema {
  return { version: schema.version ?? 0, block: blockToJson(schema.block) };
}

function mapToJson(schemas: Readonly<Record<string, Schema>> | undefined): Record<string, JsonSchema> | undefined {
  const names = Object.keys(schemas ?? {}).sort();
  if (names.length === 0) return undefined;
  return Object.fromEntries(names.map((n) => [n, schemaToJson((schemas ?? {})[n])]));
}

/**
 * Builds the document `terraform providers schema -json` prints, for one provider.
 * @param source the provider's full source address, e.g. `example.com/me/demo` (registry hosts included as written)
 */
export function providerSchemaToJson(schema: ProviderSchema, source: string): ProvidersSchemaDocument {
  const entry: ProvidersSchemaDocument['provider_schemas'][string] = { provider: schemaToJson(schema.provider) };
  const resources = mapToJson(schema.resources);
  const dataSources = mapToJson(schema.dataSources);
  if (resources) entry.resource_schemas = resources;
  if (dataSources) entry.data_source_schemas = dataSources;
  return { format_version: '1.0', provider_schemas: { [source]: entry } };
}
