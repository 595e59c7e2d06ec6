/**
 * The object model and the simulator keep independent tables (a codec mistake must show up as a simulator error),
 * both written from docs/panos/. This test compares them, so a disagreement on an enum, a range, a length or a name
 * limit is found here rather than on a device.
 */
import { ALL_DESCRIPTORS, NAME_MAX_LENGTH, type FieldSpec, type Location } from '../../src/panos/objects';
import { CONFIG_SCHEMA } from '../../src/sim/schema/schema-tables';
import type { EnumValue, Spec } from '../../src/sim/schema/schema-types';
import { childSpec } from '../../src/sim/schema/validate';
import { parseSimVersion } from '../../src/sim/sim-version';

const V = parseSimVersion('11.1.0');
const LOC: Location = { type: 'vsys' };

/** The simulator's spec at a path of element names below a spec. */
function specAt(from: Spec, path: readonly string[]): Spec | undefined {
  let cur: Spec | undefined = from;
  for (const step of path) cur = cur === undefined ? undefined : childSpec(cur, step, V);
  return cur;
}

const values = (vs: readonly EnumValue[] | undefined): string[] => (vs ?? []).map((v) => (typeof v === 'string' ? v : v.value)).sort();

interface Row {
  readonly where: string;
  readonly codec: unknown;
  readonly sim: unknown;
}

/** Every enum, range and length of a field table next to the simulator's at the same element. */
function compare(fields: readonly FieldSpec[], node: Spec, where: string, rows: Row[]): void {
  for (const f of fields) {
    if (f.external || f.custom || f.xmlPath.some((s) => s.startsWith('$'))) continue;
    const at = `${where}/${f.xmlPath.join('/') || f.key}`;
    if (f.choice) {
      const container = specAt(node, f.xmlPath);
      const group = container?.kind === 'container' ? container.oneOf?.find((g) => f.choice!.every((a) => g.includes(a))) : undefined;
      rows.push({ where: `${at} (choice)`, codec: [...f.choice].sort(), sim: group ? [...group].filter((a) => f.choice!.includes(a)).sort() : undefined });
      continue;
    }
    if (f.xmlPath.length === 0) continue;
    const spec = specAt(node, f.xmlPath);
    if (spec === undefined) {
      rows.push({ where: at, codec: 'element', sim: undefined });
      continue;
    }
    const leaf = spec.kind === 'members' ? childSpec(spec, 'member', V) : spec;
    if (f.enum && leaf?.kind === 'leaf') rows.push({ where: `${at} (enum)`, codec: [...f.enum].sort(), sim: values(leaf.values) });
    if (f.range && leaf?.kind === 'leaf') rows.push({ where: `${at} (range)`, codec: [f.range.min, f.range.max], sim: leaf.range });
    if (f.maxLength !== undefined && leaf?.kind === 'leaf') rows.push({ where: `${at} (length)`, codec: f.maxLength, sim: leaf.maxLen });
    if (f.unitRanges) {
      for (const [unit, r] of Object.entries(f.unitRanges)) {
        const u = specAt(spec, [unit]);
        rows.push({ where: `${at}/${unit} (range)`, codec: [r.min, r.max], sim: u?.kind === 'leaf' ? u.range : undefined });
      }
    }
    if (f.type === 'object' && !f.unitValue) compare(f.fields ?? [], spec, at, rows);
    if (f.type === 'object-list' && spec.kind === 'entries') compare(f.fields ?? [], spec.entry, at, rows);
  }
}

describe('object model and simulator tables', () => {
  const rows: Row[] = [];
  const names: Row[] = [];
  for (const d of ALL_DESCRIPTORS) {
    const steps = d.containerXpath(LOC).replace(/\[[^\]]*\]/g, '').split('/').filter(Boolean).slice(1);
    const list = specAt(CONFIG_SCHEMA, steps);
    if (list?.kind !== 'entries') throw new Error(`the simulator has no entry list at ${steps.join('/')}`);
    names.push({ where: d.kind, codec: NAME_MAX_LENGTH[d.kind], sim: list.nameMax });
    compare(d.fields, list.entry, d.kind, rows);
  }

  it('GIVEN every enum, range and length the object model declares THEN the simulator holds the same one', () => {
    expect(rows.length).toBeGreaterThan(40);
    expect(rows.filter((r) => JSON.stringify(r.codec) !== JSON.stringify(r.sim))).toEqual([]);
  });

  it('GIVEN the name limit of each kind THEN both allow the same longest name (the tunnel interface pattern aside)', () => {
    expect(names.filter((r) => r.where !== 'tunnel-interface' && r.codec !== r.sim)).toEqual([]);
  });
});
