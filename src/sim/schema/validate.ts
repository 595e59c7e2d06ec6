/**
 * Write-time schema validation with PAN-OS's error wording (docs/panos/xml-api.md#schema-errors, #value-errors):
 * lines start with a space, paths are `->`-separated and start at the named object the request addressed.
 */
import { SimVersion, atLeast } from '../sim-version';
import { SimNode } from '../xml-tree';
import { XpathStep } from '../xpath';
import { CONFIG_SCHEMA } from './schema-tables';
import { ContainerSpec, EnumValue, Spec } from './schema-types';

/** Where a node sits: its spec, its display path and whether the path is already inside a named object. */
export interface SpecPosition {
  readonly spec: Spec;
  readonly path: readonly string[];
  readonly inObject: boolean;
}

/** Error lines of a rejected write (each starting with a space, as PAN-OS writes them). */
export type SchemaLines = string[];

function allowed(v: SimVersion, gate: { since?: string }): boolean {
  return gate.since === undefined || atLeast(v, gate.since);
}

function enumAllows(values: readonly EnumValue[], value: string, v: SimVersion): boolean {
  return values.some((e) => (typeof e === 'string' ? e === value : e.value === value && atLeast(v, e.since)));
}

/** PAN-OS's encrypted-secret prefix. */
export const ENCRYPTED_PREFIX = '-AQ==';

/** True for a value in the device's encrypted form. */
export function isEncrypted(value: string): boolean {
  return value.startsWith(ENCRYPTED_PREFIX);
}

const join = (path: readonly string[]): string => ` ${path.join(' -> ')}`;

function childPosition(pos: SpecPosition, spec: Spec, step: { name: string; entryName?: string }): SpecPosition {
  if (pos.spec.kind === 'entries') {
    const label = step.entryName ?? '';
    if (pos.spec.structural) return { spec, path: [], inObject: false };
    if (pos.spec.object && !pos.inObject) return { spec, path: [label], inObject: true };
    return { spec, path: [...pos.path, label], inObject: pos.inObject };
  }
  return { spec, path: [...pos.path, step.name], inObject: pos.inObject };
}

/** The spec at an xpath, or undefined when the xpath runs past the schema ("Could not find schema node"). */
export function specAtXpath(steps: readonly XpathStep[], v: SimVersion): SpecPosition | undefined {
  if (steps.length === 0 || steps[0].name !== 'config') return undefined;
  let pos: SpecPosition = { spec: CONFIG_SCHEMA, path: [], inObject: false };
  for (const step of steps.slice(1)) {
    const next = childSpec(pos.spec, step.name, v);
    if (next === undefined) return undefined;
    pos = childPosition(pos, next, step);
  }
  return pos;
}

/** The spec of a child named `name` under a node of spec `spec`; undefined when the schema has no such child. */
export function childSpec(spec: Spec, name: string, v: SimVersion): Spec | undefined {
  switch (spec.kind) {
    case 'any':
      return spec;
    case 'container': {
      const cs = Object.prototype.hasOwnProperty.call(spec.children, name) ? spec.children[name] : undefined;
      if (cs === undefined) return spec.open ? { kind: 'any' } : undefined;
      return allowed(v, cs) ? cs : undefined;
    }
    case 'entries':
      return name === 'entry' ? spec.entry : undefined;
    case 'members':
      return name === 'member' ? { kind: 'leaf', values: spec.values, maxLen: spec.maxLen } : undefined;
    default:
      return undefined;
  }
}

/** Validates `children` as (new) children of a node at `pos`; returns the first error's lines. */
export function validateChildren(children: readonly SimNode[], pos: SpecPosition, v: SimVersion): SchemaLines | undefined {
  const spec = pos.spec;
  if (spec.kind === 'any') return undefined;
  if (spec.kind === 'container') return validateContainerChildren(children, spec, pos, v);
  for (const ch of children) {
    const cs = childSpec(spec, ch.name, v);
    if (cs === undefined) return [`${join([...pos.path, ch.name])} unexpected here`, `${join(pos.path)} is invalid`];
    const err = validateListItem(ch, pos, v);
    if (err) return err;
  }
  return undefined;
}

function validateContainerChildren(children: readonly SimNode[], spec: ContainerSpec, pos: SpecPosition, v: SimVersion): SchemaLines | undefined {
  const seen = new Set<string>();
  for (const ch of children) {
    const cs = childSpec(spec, ch.name, v);
    const group = spec.oneOf?.find((g) => g.includes(ch.name));
    const clash = group?.some((g) => g !== ch.name && seen.has(g)) ?? false;
    if (cs === undefined || seen.has(ch.name) || clash) {
      return [`${join([...pos.path, ch.name])} unexpected here`, `${join(pos.path)} is invalid`];
    }
    seen.add(ch.name);
    const err = validateNode(ch, childPosition(pos, cs, { name: ch.name }), v);
    if (err) return err;
  }
  return undefined;
}

/** Validates one node (the node itself, as `edit` supplies it) against the spec at `pos`. */
export function validateNode(n: SimNode, pos: SpecPosition, v: SimVersion): SchemaLines | undefined {
  const spec = pos.spec;
  const here = join(pos.path);
  switch (spec.kind) {
    case 'any':
      return undefined;
    case 'empty':
      if (n.children.length > 0 || n.text.trim() !== '') return [`${here} is invalid`];
      return undefined;
    case 'leaf':
      // A secret read back from the device (already encrypted) may be written back as is.
      if (spec.secret && isEncrypted(n.text)) return undefined;
      return validateLeaf(n, spec.values, spec.range, spec.maxLen, spec.minLen, pos.path, v);
    case 'container':
      if (n.text.trim() !== '' && n.children.length === 0) return [`${here} '${n.text}' is invalid`, `${here} is invalid`];
      return validateContainerChildren(n.children, spec, pos, v);
    case 'members':
    case 'entries':
      if (n.text.trim() !== '' && n.children.length === 0) {
        const want = spec.kind === 'members' ? '<member>' : '<entry name="...">';
        return [`${here} '${n.text}' is not a list of ${want} elements`, `${here} is invalid`];
      }
      return validateChildren(n.children, pos, v);
  }
}

function validateListItem(n: SimNode, listPos: SpecPosition, v: SimVersion): SchemaLines | undefined {
  const list = listPos.spec;
  if (list.kind === 'members') {
    return validateLeaf(n, list.values, undefined, list.maxLen, undefined, listPos.path, v);
  }
  if (list.kind !== 'entries') return undefined;
  const name = n.attrs.name;
  if (name === undefined || name === '') return [`${join([...listPos.path, 'entry'])} is missing 'name'`, `${join(listPos.path)} is invalid`];
  if (name.length > list.nameMax) return [` ${name} can be at most ${list.nameMax} characters, but current length: ${name.length}`];
  if (list.namePattern && !list.namePattern.re.test(name)) {
    return [` ${name} is not a valid name here (expected ${list.namePattern.hint})`, `${join(listPos.path)} is invalid`];
  }
  return validateNode(n, childPosition(listPos, list.entry, { name: 'entry', entryName: name }), v);
}

function validateLeaf(
  n: SimNode,
  values: readonly EnumValue[] | undefined,
  range: readonly [number, number] | undefined,
  maxLen: number | undefined,
  minLen: number | undefined,
  path: readonly string[],
  v: SimVersion,
): SchemaLines | undefined {
  const here = join(path);
  if (n.children.length > 0) return [`${join([...path, n.children[0].name])} unexpected here`, `${here} is invalid`];
  const value = n.text;
  if (values && !enumAllows(values, value, v)) return [`${here} '${value}' is not an allowed keyword`, `${here} is invalid`];
  if (range) {
    const num = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || num < range[0] || num > range[1]) {
      return [`${here} '${value}' is not a valid value (range ${range[0]}-${range[1]})`, `${here} is invalid`];
    }
  }
  if (maxLen !== undefined && value.length > maxLen) {
    return [`${here} can be at most ${maxLen} characters, but current length: ${value.length}`, `${here} is invalid`];
  }
  if (minLen !== undefined && value.length < minLen) {
    return [`${here} must be at least ${minLen} characters`, `${here} is invalid`];
  }
  return undefined;
}

/** Checks the entry names an xpath would create against the list limits (length, `tunnel.N` pattern…). */
export function checkXpathNames(steps: readonly XpathStep[], v: SimVersion): SchemaLines | undefined {
  let pos: SpecPosition = { spec: CONFIG_SCHEMA, path: [], inObject: false };
  for (const step of steps.slice(1)) {
    const next = childSpec(pos.spec, step.name, v);
    if (next === undefined) return undefined;
    if (pos.spec.kind === 'entries' && step.entryName !== undefined) {
      const list = pos.spec;
      const name = step.entryName;
      if (name.length > list.nameMax) return [` ${name} can be at most ${list.nameMax} characters, but current length: ${name.length}`];
      if (name === '') return [`${join([...pos.path, 'entry'])} is missing 'name'`];
      if (list.namePattern && !list.namePattern.re.test(name)) {
        return [` ${name} is not a valid name here (expected ${list.namePattern.hint})`, `${join(pos.path)} is invalid`];
      }
    }
    pos = childPosition(pos, next, step);
  }
  return undefined;
}
