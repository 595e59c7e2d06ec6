/**
 * Every fact the code relies on is stated in this repository (docs/), and every citation of it resolves: the file
 * exists and, for `file.md#anchor`, the anchor does (an explicit `id="…"` or a heading with that slug). Nothing
 * cites notes that live outside the repository.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

function files(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'generated' && e.name !== 'node_modules') out.push(...files(rel, ext));
    } else if (e.name.endsWith(ext)) out.push(rel);
  }
  return out;
}

const slug = (heading: string): string =>
  heading.toLowerCase().replace(/<[^>]*>/g, '').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-');

function anchorsOf(file: string): Set<string> {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const ids = [...text.matchAll(/id="([\w.-]+)"/g)].map((m) => m[1]);
  const headings = [...text.matchAll(/^#+\s+(.*)$/gm)].map((m) => slug(m[1]));
  return new Set([...ids, ...headings]);
}

/** `docs/x.md#a` citations in code comments and catalogue text, plus relative links between the docs pages. */
function citations(): { from: string; target: string; anchor?: string }[] {
  const out: { from: string; target: string; anchor?: string }[] = [];
  const sources = [...files('src', '.ts'), ...files('constructs', '.ts'), 'RULES.md', 'README.md'];
  for (const from of sources) {
    const text = fs.readFileSync(path.join(ROOT, from), 'utf8');
    for (const m of text.matchAll(/\b(docs\/[\w/.-]+\.md)(?:#([\w-]+))?/g)) out.push({ from, target: m[1], anchor: m[2] });
  }
  for (const from of files('docs', '.md')) {
    const text = fs.readFileSync(path.join(ROOT, from), 'utf8');
    for (const m of text.matchAll(/\]\(((?![a-z]+:)[\w/.-]+\.md)?(?:#([\w-]+))?\)/g)) {
      if (m[1] === undefined && m[2] === undefined) continue;
      out.push({ from, target: m[1] ? path.normalize(path.join(path.dirname(from), m[1])) : from, anchor: m[2] });
    }
  }
  return out;
}

describe('citations of PAN-OS facts', () => {
  it('GIVEN every docs/ citation in src, constructs, RULES.md, README and the docs themselves THEN its file and anchor exist', () => {
    const found = citations();
    expect(found.length).toBeGreaterThan(100);
    const broken = found
      .filter((c) => !fs.existsSync(path.join(ROOT, c.target)) || (c.anchor !== undefined && !anchorsOf(c.target).has(c.anchor)))
      .map((c) => `${c.from} -> ${c.target}${c.anchor ? `#${c.anchor}` : ''}`);
    expect(broken).toEqual([]);
  });

  it('GIVEN src, constructs and RULES.md THEN none cites the notes outside the repository (panos-xml.md, xml-api-exchanges.md, reference/)', () => {
    const offenders = [...files('src', '.ts'), ...files('constructs', '.ts'), 'RULES.md'].filter((f) =>
      /panos-xml\.md|xml-api-exchanges|ike-negotiation\.md|reference\/|(?<!docs\/)\btransport-mode\.md/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('GIVEN each transport-mode fact a rule cites THEN docs/transport-mode.md states it under its own anchor', () => {
    const anchors = anchorsOf('docs/transport-mode.md');
    for (const item of ['t1', 't5', 't10', 't19', 'x1', 'x6', 'w1', 'w2']) expect([item, anchors.has(item)]).toEqual([item, true]);
  });
});
