import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES, renderRulesMarkdown } from '../../src/rules';

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
