import { cty } from '../../src/tfplugin/cty';
import { fillEmptyBlocks } from '../../src/tfplugin/plan';
import type { BlockSchema } from '../../src/tfplugin/schema';
import { objectOf, UNKNOWN, type ValueObject } from '../../src/tfplugin/values';

const inner: BlockSchema = { attributes: { v: { type: cty.string, optional: true } }, blocks: { deep: { nesting: 'list', block: { attributes: { x: { type: cty.string, optional: true } } } } } };
const block: BlockSchema = {
  attributes: { name: { type: cty.string, required: true } },
  blocks: {
    items: { nesting: 'list', block: inner },
    tags: { nesting: 'map', block: inner },
    timeouts: { nesting: 'group', block: { attributes: { create: { type: cty.string, optional: true } } } },
    one: { nesting: 'single', block: inner },
  },
};
const full = (): ValueObject =>
  objectOf([
    ['name', 'a'],
    ['items', [objectOf([['v', '1'], ['deep', []]])]],
    ['tags', objectOf([['k', objectOf([['v', '2'], ['deep', []]])]])],
    ['timeouts', objectOf([['create', null]])],
    ['one', null],
  ]);

describe('fillEmptyBlocks (every state the provider returns)', () => {
  test('GIVEN absent blocks at each nesting, also inside list and map items THEN they take their empty form, and the input is not changed', () => {
    const v = objectOf([
      ['name', 'a'],
      ['items', [objectOf([['v', '1'], ['deep', null]])]],
      ['tags', objectOf([['k', objectOf([['v', '2'], ['deep', null]])]])],
      ['timeouts', null],
      ['one', null],
    ]);
    const before = JSON.stringify(v);
    expect(fillEmptyBlocks(block, v)).toEqual(full());
    expect(JSON.stringify(v)).toBe(before);
  });

  test('GIVEN a value with nothing to fill THEN the same object comes back (no copy), and unknown blocks stay unknown', () => {
    const v = full();
    expect(fillEmptyBlocks(block, v)).toBe(v);
    const u = objectOf([...Object.entries(full()).filter(([k]) => k !== 'items'), ['items', UNKNOWN]]);
    expect(fillEmptyBlocks(block, u)).toBe(u);
    expect(fillEmptyBlocks(block, null)).toBeNull();
  });
});
