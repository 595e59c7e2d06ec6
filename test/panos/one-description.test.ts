/**
 * One description per object kind (issue 13): the registry of descriptors (src/panos/objects/registry.ts) is the one
 * hand-written list of kinds, and each kind's facts (title, facts key, name limit, predefined entries) sit on its
 * descriptor. Everything that goes per kind (resources, schema, name limits, device configurations, facts) follows
 * the registry; and no other module of src/ or constructs/ writes three or more kinds as entries of one list.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configurationFromNetwork } from '../../src/cycle/pair-check/read-config';
import { declaredDevices } from '../../src/cycle/graph/declared';
import * as ENUMS from '../../constructs/enums';
import { PROP_NAMES } from '../../constructs/vocabulary';
import { ALL_DESCRIPTORS, ALL_KINDS, descriptorFor, NAME_MAX_LENGTH, type FieldSpec, type ObjectKind } from '../../src/panos/objects';
import { PREDEFINED_OBJECTS } from '../../src/panos/predefined';
import { providerSchema, resourceTypeName } from '../../src/provider';
import { OBJECT_RESOURCES } from '../../src/provider/resources/all';
import { allFieldNames, deviceFacts, FACTS_KEY, RULE_NAME_MAX_LENGTH } from '../../src/rules';
import { KIND_TITLES } from '../../src/rules/resolve';

const ROOT = path.join(__dirname, '..', '..');

describe('the registry of descriptors', () => {
  it('GIVEN the registry THEN each kind appears once, with a title, its own facts key and a name limit', () => {
    expect(new Set(ALL_KINDS).size).toBe(ALL_KINDS.length);
    expect(ALL_KINDS.length).toBeGreaterThanOrEqual(6);
    expect(new Set(ALL_DESCRIPTORS.map((d) => d.factsKey)).size).toBe(ALL_KINDS.length);
    for (const d of ALL_DESCRIPTORS) {
      expect(descriptorFor(d.kind)).toBe(d);
      expect(d.title.length).toBeGreaterThan(0);
      expect(KIND_TITLES[d.kind].toLowerCase()).toBe(d.title.toLowerCase());
      expect(FACTS_KEY[d.kind]).toBe(d.factsKey);
      expect(Number.isInteger(d.nameMaxLength) && d.nameMaxLength > 0).toBe(true);
      expect(NAME_MAX_LENGTH[d.kind]).toBe(d.nameMaxLength);
      expect(RULE_NAME_MAX_LENGTH[d.kind]).toBe(d.nameMaxLength);
      expect(PREDEFINED_OBJECTS[d.kind] ?? []).toEqual(d.predefined);
    }
    expect(Object.keys(PREDEFINED_OBJECTS).every((k) => (ALL_KINDS as readonly string[]).includes(k))).toBe(true);
  });

  it('GIVEN the registry THEN the provider has one resource per kind, in the registry order, and its schema has each', () => {
    expect(OBJECT_RESOURCES.map((r) => r.kind)).toEqual(ALL_KINDS);
    const schema = providerSchema();
    for (const [i, d] of ALL_DESCRIPTORS.entries()) {
      expect(OBJECT_RESOURCES[i]!.descriptor).toBe(d);
      expect(OBJECT_RESOURCES[i]!.typeName).toBe(resourceTypeName(d.kind));
      expect(schema.resources[resourceTypeName(d.kind)]).toBeDefined();
    }
  });

  it('GIVEN one object of every kind WHEN a device configuration is read or declared THEN every kind has its list', () => {
    const nameOf = (kind: string): string => (kind === 'tunnel-interface' ? 'tunnel.1' : 'x');
    const doc = { resource: Object.fromEntries(ALL_KINDS.map((k) => [resourceTypeName(k), { r: { name: nameOf(k) } }])) };
    const [declared] = declaredDevices('hq', doc);
    const read = configurationFromNetwork('fw', undefined) as unknown as Record<string, unknown[]>;
    const facts = deviceFacts(declared!) as Record<string, unknown[]>;
    for (const d of ALL_DESCRIPTORS) {
      expect((declared as unknown as Record<string, { name: string }[]>)[d.factsKey]!.map((m) => m.name)).toEqual([nameOf(d.kind)]);
      expect(read[d.factsKey]).toEqual([]);
      expect(facts[d.factsKey]).toHaveLength(1);
    }
  });
});

// ---- No other hand-written kind list ----

/** .ts files of src/ and constructs/, without the generated bindings and the simulator (an independent witness). */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'generated' && rel !== path.join('src', 'sim')) out.push(...sources(rel));
    } else if (e.name.endsWith('.ts')) out.push(rel);
  }
  return out;
}

const camel = (kind: string): string => kind.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * How a kind shows as the entry of a list: a key (`'ike-gateway':`, `ikeGateways:`, `panosipsec_ike_gateway:`) or an
 * element (`ikeGateway,`, `ikeGatewayResource,`, `'panosipsec_ike_gateway',` or `'ike-gateway',`).
 */
function entryPattern(kind: string, factsKey: string): string {
  const type = `panosipsec_${kind.replace(/-/g, '_')}`;
  const key = `(?:'${escape(kind)}'|'?${type}'?|\\b${factsKey})\\??\\s*:`;
  const element = `(?:\\b(?:${camel(kind)}|${camel(kind)}Resource)\\b|'${type}'|'${escape(kind)}')\\s*[,\\]]`;
  return `(?:${key}|${element})`;
}

const KIND_ENTRIES = ALL_DESCRIPTORS.map((d) => ({
  kind: d.kind,
  /** A line that starts with the kind as an entry (a row of a list written one kind per line). */
  leading: new RegExp(`^\\s*(?:readonly\\s+)?\\[?\\s*${entryPattern(d.kind, d.factsKey)}`),
  /** The kind as an entry anywhere on a line (a list written on one line). */
  anywhere: new RegExp(entryPattern(d.kind, d.factsKey)),
}));

/** Where a file lists three or more kinds: one line, or rows within 12 lines. Import statements aside. */
function kindLists(text: string): string[] {
  const lines = text.replace(/^import\s[^;]*;/gm, (m) => m.replace(/[^\n]/g, '')).split('\n');
  const found: string[] = [];
  lines.forEach((line, i) => {
    const kinds = KIND_ENTRIES.filter((k) => k.anywhere.test(line)).map((k) => k.kind);
    if (kinds.length >= 3) found.push(`line ${i + 1}: ${kinds.join(', ')}`);
  });
  for (let i = 0; i < lines.length; i++) {
    if (!KIND_ENTRIES.some((k) => k.leading.test(lines[i]!))) continue;
    const window = lines.slice(i, i + 12);
    const kinds = KIND_ENTRIES.filter((k) => window.some((l) => k.leading.test(l))).map((k) => k.kind);
    if (kinds.length >= 3) {
      found.push(`lines ${i + 1}-${i + 12}: ${kinds.join(', ')}`);
      break;
    }
  }
  return found;
}

describe('hand-written kind lists', () => {
  it('GIVEN a list written like the ones issue 13 removed THEN the scan finds it', () => {
    // The shapes of the lists this project once held: a per-kind table, rows of resource types, a record of lists.
    expect(kindLists("const LIMITS = {\n  'tunnel-interface': 14,\n  'ike-gateway': 63,\n  'ipsec-tunnel': 63,\n};")).not.toEqual([]);
    expect(kindLists("const KINDS = [\n  ['panosipsec_ike_gateway', ikeGateway],\n  ['panosipsec_ipsec_tunnel', ipsecTunnel],\n  ['panosipsec_ike_crypto_profile', ikeCryptoProfile],\n];")).not.toEqual([]);
    expect(kindLists('d = { name, ikeCryptoProfiles: [], ikeGateways: [], ipsecTunnels: [] };')).not.toEqual([]);
    expect(kindLists('export const ALL = [tunnelInterfaceResource, ikeGatewayResource, ipsecTunnelResource];')).not.toEqual([]);
    // Naming fields after kinds, or importing descriptors, is no list.
    expect(kindLists("import { ikeGateway, ipsecTunnel, tunnelInterface } from './objects';\nconst m = { tunnelInterface: a.name, ikeGateways: [g], ipsecCryptoProfile: p };")).toEqual([]);
  });

  it('GIVEN src/ and constructs/ (generated bindings and the simulator aside) THEN only the registry lists the kinds', () => {
    const files = [...sources('src'), ...sources('constructs')];
    expect(files.length).toBeGreaterThan(100);
    const lists = files.flatMap((f) => kindLists(fs.readFileSync(path.join(ROOT, f), 'utf8')).map((where) => `${f} ${where}`));
    const registry = path.join('src', 'panos', 'objects', 'registry.ts');
    expect(lists.filter((l) => !l.startsWith(`${registry} `))).toEqual([]);
    expect(lists.filter((l) => l.startsWith(`${registry} `))).toHaveLength(1);
  });
});

// ---- The construct props' documented device defaults ----

/**
 * The L2 props document each device default in TSDoc (`@default 1024 (device default)`), which jsii and editors show
 * and no code can fill in; so the copy is checked against the field table's `deviceDefault` instead.
 */
describe('documented device defaults and ranges of the construct props', () => {
  const pascal = (kind: string): string => kind.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
  /** Props interfaces that are not named after a kind: the kind and the model path their props sit under. */
  const NESTED: Readonly<Record<string, readonly [string, string]>> = {
    ProxyId: ['ipsec-tunnel', 'autoKey.proxyIds'],
    TunnelMonitor: ['ipsec-tunnel', 'tunnelMonitor'],
  };
  /** Props of TransportModeCryptoProps, which stand for fields of the two profiles it builds. */
  const PRESET: Readonly<Record<string, readonly [string, string]>> = {
    ikeLifetime: ['ike-crypto-profile', 'lifetime'],
    ipsecLifetime: ['ipsec-crypto-profile', 'lifetime'],
  };
  const fieldNames = allFieldNames(PROP_NAMES);

  /** The table field a prop stands for: by its folded prop name (`mode` → `ipsecMode`, `antiReplay` → `autoKey.antiReplay`). */
  function fieldOf(kind: string, under: string | undefined, prop: string): string | undefined {
    if (under !== undefined) return `${under}.${prop}`;
    return fieldNames.find((n) => n.kind === kind && n.prop.filter((s) => s !== '').join('.') === prop)?.model.join('.');
  }

  function specOf(kind: string, path: string): FieldSpec | undefined {
    let fields = descriptorFor(kind as ObjectKind).fields;
    let found: FieldSpec | undefined;
    for (const key of path.split('.')) {
      found = fields.find((f) => f.key === key);
      fields = found?.fields ?? [];
    }
    return found;
  }
  const deviceDefaultOf = (kind: string, path: string): unknown => specOf(kind, path)?.deviceDefault;

  /** A documented default as a table would write it: `'ikev1'`, `1024`, `false`, `MonitorAction.WAIT_RECOVER`, `1 hour`. */
  function asTableValue(doc: string): unknown {
    const quoted = /^'(.*)'$/.exec(doc);
    if (quoted) return quoted[1];
    if (/^\d+$/.test(doc)) return Number(doc);
    if (doc === 'true' || doc === 'false') return doc === 'true';
    const constant = /^(\w+)\.(\w+)$/.exec(doc);
    if (constant) return (ENUMS as unknown as Record<string, Record<string, string>>)[constant[1]!]?.[constant[2]!];
    return doc;
  }
  const lifetime = (v: unknown): unknown => (typeof v === 'string' ? v.replace(/^(\d+) (\w+?)s?$/, '$1 $2s') : v);

  const rows: { where: string; documented: unknown; table: unknown }[] = [];
  const ranges: { where: string; documented: string; table: string | undefined }[] = [];
  for (const file of fs.readdirSync(path.join(ROOT, 'constructs')).filter((f) => f.endsWith('.ts'))) {
    const text = fs.readFileSync(path.join(ROOT, 'constructs', file), 'utf8');
    for (const m of text.matchAll(/^export interface (\w+) \{\n([\s\S]*?)^\}/gm)) {
      const name = m[1]!;
      const kind = ALL_KINDS.find((k) => `${pascal(k)}Props` === name) ?? NESTED[name]?.[0];
      if (kind === undefined && name !== 'TransportModeCryptoProps') continue;
      for (const d of m[2]!.matchAll(/@default (.+?) \(device default\)[\s\S]*?\*\/\s*readonly (\w+)\?:/g)) {
        const prop = d[2]!;
        const [k, field] = kind !== undefined ? [kind, fieldOf(kind, NESTED[name]?.[1], prop)] : (PRESET[prop] ?? []);
        const table = k !== undefined && field !== undefined ? deviceDefaultOf(k, field) : undefined;
        rows.push({ where: `${file} ${name}.${prop}`, documented: lifetime(asTableValue(d[1]!)), table: lifetime(table) });
      }
      if (kind === undefined) continue;
      // Every prop whose TSDoc states a numeric range (`MTU in bytes, 576-9216.`).
      for (const d of m[2]!.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*?)\*\/\s*readonly (\w+)\?:/g)) {
        const range = /\b(\d+)-(\d+)\b/.exec(d[1]!);
        if (!range) continue;
        const field = fieldOf(kind, NESTED[name]?.[1], d[2]!);
        const spec = field !== undefined ? specOf(kind, field) : undefined;
        ranges.push({ where: `${file} ${name}.${d[2]}`, documented: `${range[1]}-${range[2]}`, table: spec?.range ? `${spec.range.min}-${spec.range.max}` : undefined });
      }
    }
  }

  it('GIVEN every "@default … (device default)" of a construct prop THEN it is the deviceDefault of the field it sets', () => {
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((r) => r.table === undefined || String(r.documented) !== String(r.table))).toEqual([]);
  });

  it('GIVEN every numeric range a construct prop states in TSDoc (`576-9216`) THEN it is the range of the field it sets', () => {
    expect(ranges.length).toBeGreaterThan(5);
    expect(ranges.filter((r) => r.documented !== r.table)).toEqual([]);
  });
});
