/**
 * FieldSpec tables → Terraform schema. Object fields are generated, never retyped: a field added to a descriptor
 * appears in the provider schema, the `schema` command and the generated L1 bindings without touching this file.
 */
import { cty, type AttributeSchema, type BlockSchema, type CtyType, type NestedBlockSchema } from '../tfplugin';
import type { FieldSpec } from '../panos/objects';

/** The schema description of a field: its sentence plus allowed values, range, device default and minimum version. */
export function fieldDescription(f: FieldSpec): string {
  const parts = [f.description.trim()];
  if (f.enum) parts.push(`Allowed values: ${f.enum.join(', ')}.`);
  if (f.range) parts.push(`Range: ${f.range.min}-${f.range.max}.`);
  if (f.maxLength !== undefined) parts.push(`At most ${f.maxLength} characters.`);
  if (f.deviceDefault !== undefined) parts.push(`Device default when unset: ${String(f.deviceDefault)} (never written by the provider).`);
  if (f.minVersion) parts.push(`Requires PAN-OS ${f.minVersion} or later.`);
  if (f.requiresReplace && f.tfName !== 'name') parts.push('Changing it replaces the object.');
  return parts.join(' ');
}

function scalarType(f: FieldSpec): CtyType {
  switch (f.type) {
    case 'string':
      return cty.string;
    case 'number':
      return cty.number;
    case 'bool':
      return cty.bool;
    case 'string-list':
      return cty.list(cty.string);
    default:
      throw new Error(`field ${f.tfName} of type ${f.type} is not an attribute`);
  }
}

function attributeOf(f: FieldSpec): AttributeSchema {
  const base = { type: scalarType(f), description: fieldDescription(f), ...(f.sensitive ? { sensitive: true } : {}) };
  if (f.computed) return { ...base, computed: true };
  // Optional and computed: a declaration that leaves it out plans no change and keeps the device's value.
  if (f.keepWhenUnset) return { ...base, optional: true, computed: true };
  if (f.required) return { ...base, required: true };
  return { ...base, optional: true };
}

/** A block built from a field table (object and object-list fields become nested blocks). */
export function blockFromFields(fields: readonly FieldSpec[], description?: string): BlockSchema {
  const attributes: Record<string, AttributeSchema> = {};
  const blocks: Record<string, NestedBlockSchema> = {};
  for (const f of fields) {
    if (f.type === 'object' || f.type === 'object-list') {
      const inner = blockFromFields(f.fields ?? [], fieldDescription(f));
      blocks[f.tfName] = f.type === 'object'
        ? { nesting: 'single', block: inner, ...(f.required ? { minItems: 1 } : {}) }
        : { nesting: 'list', block: inner, ...(f.required ? { minItems: 1 } : {}) };
    } else {
      attributes[f.tfName] = attributeOf(f);
    }
  }
  return { attributes, blocks, ...(description ? { description } : {}) };
}
