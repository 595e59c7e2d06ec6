import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_PAIR_SOURCES, ALL_RULES, PAIR_RULES, renderRulesMarkdown } from '../../src/rules';
import { PAIR_FACTS_PAGE, PAIR_SOURCE_TITLES } from '../../src/rules/catalogue';

describe('RULES.md', () => {
  it('GIVEN the registry THEN RULES.md equals the rendered catalogue (regenerate: npx tsx test/rules/write-rules-md.ts)', () => {
    const onDisk = readFileSync(join(__dirname, '..', '..', 'RULES.md'), 'utf8');
    expect(onDisk).toBe(renderRulesMarkdown());
  });

  it('GIVEN the rendered catalogue THEN every rule id appears with its source', () => {
    const md = renderRulesMarkdown();
    for (const r of ALL_RULES) {
      expect(md).toMatch(new RegExp(`\\| \`${r.id}\` \\| ${r.level} \\|.*\\| \\[${r.source}\\]\\(docs/transport-mode\\.md#${r.source.toLowerCase()}\\) \\|`));
    }
    expect(md).toContain('PANOS-ACK-001');
    expect(md).toMatch(/## Acknowledgements/);
  });
});

describe('pair rules in RULES.md', () => {
  it('GIVEN every pair rule THEN RULES.md has its row with level and a link to its item of docs/peer-compatibility.md', () => {
    const md = renderRulesMarkdown();
    for (const r of PAIR_RULES) {
      expect(md).toMatch(new RegExp(`\\| \`${r.id}\` \\| ${r.level} \\|.*\\| \\[${r.source}\\]\\(docs/peer-compatibility\\.md#${r.source.toLowerCase()}\\) \\|`));
    }
  });

  it('GIVEN docs/peer-compatibility.md THEN every source item is a heading with its anchor and names the rules that rest on it', () => {
    const doc = readFileSync(join(__dirname, '..', '..', PAIR_FACTS_PAGE), 'utf8');
    for (const s of ALL_PAIR_SOURCES) {
      const heading = `## ${s}. ${PAIR_SOURCE_TITLES[s]} <a id="${s.toLowerCase()}"></a>`;
      expect(doc).toContain(`\n${heading}\n`);
      const section = doc.split(`\n${heading}\n`)[1]!.split('\n## ')[0]!;
      for (const r of PAIR_RULES.filter((x) => x.source === s)) expect([s, section.includes(r.id)]).toEqual([s, true]);
    }
  });

  it('GIVEN the registry THEN pair rule ids are unique, well formed and every item N1-N15 is covered', () => {
    const all = [...ALL_RULES.map((r) => r.id), ...PAIR_RULES.map((r) => r.id)];
    expect(new Set(all).size).toBe(all.length);
    for (const r of PAIR_RULES) expect(r.id).toMatch(/^PANOS-PEER-\d{3}$/);
    const covered = new Set(PAIR_RULES.map((r) => r.source));
    expect(ALL_PAIR_SOURCES.filter((s) => !covered.has(s))).toEqual([]);
  });
});
