/**
 * The README's "Start a new project" section as data, so tests use it as written: the project files (each a fenced
 * block under a bold file name) and the shell commands of its blocks.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const README = path.resolve(__dirname, '..', '..', 'README.md');

/** The text of the section, from its heading to the next `## ` heading. */
export function newProjectSection(): string {
  const text = fs.readFileSync(README, 'utf8');
  const start = text.indexOf('## Start a new project\n');
  if (start < 0) throw new Error('README.md has no "## Start a new project" section');
  const end = text.indexOf('\n## ', start + 5);
  return text.slice(start, end < 0 ? undefined : end);
}

/** The content of the block under `**<name>**` in that section. */
export function readmeFile(name: string): string {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`\\*\\*${escaped}\\*\\*\\n\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\`\`\``).exec(newProjectSection());
  if (!m) throw new Error(`README "Start a new project" shows no file ${name}`);
  return m[1];
}

/** Every `sh` block of the section, as command lines without comments, in order. */
export function readmeShellBlocks(): string[][] {
  return [...newProjectSection().matchAll(/```sh\n([\s\S]*?)```/g)].map((m) =>
    m[1]
      .split('\n')
      .map((l) => l.replace(/\s+#.*$/, '').trim())
      .filter((l) => l !== ''),
  );
}
