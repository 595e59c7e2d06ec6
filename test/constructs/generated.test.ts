import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_TARGET, GENERATED_HEADER, generateL1 } from '../../constructs/scripts/generate-l1';

function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(path.relative(dir, full), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

describe('generated L1 bindings', () => {
  let fresh: string;
  beforeAll(async () => {
    fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'l1-drift-'));
    await generateL1(path.join(fresh, 'generated'));
  }, 120_000);
  afterAll(() => fs.rmSync(fresh, { recursive: true, force: true }));

  test('GIVEN the provider schema WHEN bindings are generated afresh THEN they equal the committed constructs/generated (run `npm run generate` if not)', () => {
    const committed = tree(DEFAULT_TARGET);
    const regenerated = tree(path.join(fresh, 'generated'));
    expect([...committed.keys()].sort()).toEqual([...regenerated.keys()].sort());
    const differing = [...committed.keys()].filter((k) => committed.get(k) !== regenerated.get(k));
    expect(differing).toEqual([]);
  });

  test('GIVEN the committed bindings WHEN read THEN every file carries the generated header', () => {
    for (const [file, text] of tree(DEFAULT_TARGET)) expect(`${file}: ${text.slice(0, GENERATED_HEADER.length)}`).toBe(`${file}: ${GENERATED_HEADER}`);
  });
});
