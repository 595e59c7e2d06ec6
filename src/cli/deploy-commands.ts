/**
 * `panos-ipsec deploy | plan | destroy [--dir DIR] [--stack NAME] [-- extra cdktf args]`: the cdktf commands with
 * the offline provider mirror, `--skip-provider-lock`, `--auto-approve` and commit progress on the terminal.
 * The exit code is cdktf's.
 */
import type { Command } from 'commander';
import { runCdktf, type CdktfVerb } from '../cycle/deploy';

interface WrapperOptions {
  dir?: string;
  output?: string;
  stack?: string;
  mirror?: string;
}

const DESCRIPTIONS: Record<CdktfVerb, string> = {
  deploy: 'cdktf deploy --auto-approve with the offline provider mirror; prints commit progress',
  plan: 'cdktf diff (attribute-level plan) with the offline provider mirror',
  destroy: 'cdktf destroy --auto-approve with the offline provider mirror; prints commit progress',
};

/** Registers `deploy`, `plan` and `destroy` on the program. */
export function registerDeployCommands(program: Command): void {
  for (const verb of ['deploy', 'plan', 'destroy'] as const) {
    program
      .command(verb)
      .description(DESCRIPTIONS[verb])
      .option('--dir <dir>', 'cdktf app directory (default: current directory)')
      .option('--output <dir>', 'synth output directory, relative to --dir (default: cdktf.out)')
      .option('--stack <name>', 'stack (default: the only stack)')
      .option('--mirror <dir>', 'provider filesystem mirror to install into and use (default: ~/.terraform.d/plugins, which Terraform searches by itself)')
      .argument('[extra...]', 'further cdktf arguments, after --')
      .action(async (extra: string[], o: WrapperOptions) => {
        try {
          process.exitCode = await runCdktf(verb, { ...o, extra });
        } catch (err) {
          process.stderr.write(`panos-ipsec ${verb}: ${err instanceof Error ? err.message : String(err)}\n`);
          process.exitCode = 1;
        }
      });
  }
}
