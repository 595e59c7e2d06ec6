import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES, renderRulesMarkdown, RULE_NAME_MAX_LENGTH } from '../../src/rules';
import { NAME_MAX_LENGTH } from '../../src/panos/objects/names';

describe('RULES.md', () => {
  it('GIVEN the registry THEN RULES.md equals the rendered catalogue (regenerate: npx tsx test/rules/write-rules-md.ts)', () => {
    const onDisk = readFileSync(join(__dirname, '..', '..', 'RULES.md'), 'utf8');
    expect(onDisk).toBe(renderRulesMarkdown());
  });

  it('GIVEN the rendered catalogue THEN every rule id appears with its source', () => {
    const md = renderRulesMarkdown();
    for (const r of ALL_RULES) expect(md).toMatch(new RegExp(`\\| \`${r.id}\` \\| ${r.level} \\|.*\\| ${r.source} \\|`));
    expect(md).toContain('PANOS-ACK-001');
    expect(md).toMatch(/## Acknowledgements/);
  });
});

describe('name limits', () => {
  it('GIVEN the object model name limits THEN PANOS-REF-007 uses the same maximum lengths', () => {
    for (const [kind, max] of Object.entries(RULE_NAME_MAX_LENGTH)) {
      expect([kind, max]).toEqual([kind, NAME_MAX_LENGTH[kind as keyof typeof NAME_MAX_LENGTH]]);
    }
  });
});
