/**
 * Regenerates RULES.md at the repository root from the rule registry:
 *   npx tsx test/rules/write-rules-md.ts
 * Lives under test/ because src/rules stays free of node:fs.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRulesMarkdown } from '../../src/rules/catalogue';

const target = join(__dirname, '..', '..', 'RULES.md');
writeFileSync(target, renderRulesMarkdown());
process.stdout.write(`wrote ${target}\n`);
