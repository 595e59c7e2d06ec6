/**
 * The command layer's shape: src/cycle (what the commands do) never imports src/cli, and src/cli modules only
 * register commands and parse their options (they export registrations, the program and its entry, nothing else).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '..', '..', 'src');

function moduleSpecifiers(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

test('GIVEN every module of src/cycle WHEN its imports are read THEN none reaches into src/cli', () => {
  const offenders: string[] = [];
  for (const f of fs.readdirSync(path.join(SRC, 'cycle')).filter((f) => f.endsWith('.ts'))) {
    for (const spec of moduleSpecifiers(path.join(SRC, 'cycle', f))) {
      if (spec.startsWith('.') && path.resolve(SRC, 'cycle', spec).startsWith(path.join(SRC, 'cli'))) offenders.push(`${f} imports ${spec}`);
    }
  }
  expect(offenders).toEqual([]);
});

test('GIVEN every module of src/cli WHEN loaded THEN it exports only command registrations (and main.ts the program)', () => {
  const extra: string[] = [];
  for (const f of fs.readdirSync(path.join(SRC, 'cli')).filter((f) => f.endsWith('.ts'))) {
    const mod = require(path.join(SRC, 'cli', f)) as Record<string, unknown>;
    for (const name of Object.keys(mod)) {
      const allowed = /^register[A-Z]\w*Commands?$/.test(name) || (f === 'main.ts' && (name === 'main' || name === 'buildProgram'));
      if (!allowed) extra.push(`${f} exports ${name}`);
    }
  }
  expect(extra).toEqual([]);
});
