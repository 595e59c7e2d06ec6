import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const SIM = resolve(__dirname, '..', '..', 'src', 'sim');
const ALLOWED_PACKAGES = ['fast-xml-parser'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('GIVEN the simulator sources THEN they import only node:, fast-xml-parser, src/util/self-signed-cert and themselves (independent witness)', () => {
  const offences: string[] = [];
  for (const file of sources(SIM)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) {
      const spec = m[1];
      if (spec.startsWith('node:') || ALLOWED_PACKAGES.includes(spec)) continue;
      if (spec.startsWith('.')) {
        const target = relative(SIM, resolve(file, '..', spec));
        if (!target.startsWith('..') || target === join('..', 'util', 'self-signed-cert')) continue;
      }
      offences.push(`${relative(SIM, file)} imports ${spec}`);
    }
  }
  expect(offences).toEqual([]);
});
