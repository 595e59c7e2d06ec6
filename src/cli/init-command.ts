/**
 * `panos-ipsec init [--dir DIR]`: registers the command; src/cycle/new-project.ts writes the project files.
 */
import type { Command } from 'commander';
import { initProject } from '../cycle/new-project';

/** Registers `init` on the program. */
export function registerInitCommand(program: Command, out: (s: string) => void = (s) => process.stdout.write(s)): void {
  program
    .command('init')
    .description('write a new project here: main.ts (one transport-mode tunnel), cdktf.json, .gitignore, npm scripts; never overwrites')
    .option('--dir <dir>', 'project directory, holding its package.json (default: current directory)')
    .action((o: { dir?: string }) => {
      const r = initProject(o.dir ?? process.cwd());
      out(`panos-ipsec init: wrote ${r.written.join(', ')} in ${r.dir}\n`);
      for (const k of r.kept) out(`panos-ipsec init: kept ${k}\n`);
      out('Next: edit main.ts for your firewall, export the PANOS_* variables and TF_VAR_bgp_psk, then npm run plan / npm run deploy.\n');
    });
}
