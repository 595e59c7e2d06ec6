/**
 * `panos-ipsec drift`: registers the command and its options; src/cycle/drift-run.ts does the work.
 */
import type { Command } from 'commander';
import { runDrift, type DriftCommandOptions } from '../cycle/drift-run';

/** Registers `drift` on the program. */
export function registerDriftCommand(program: Command): void {
  program
    .command('drift')
    .description(
      'compare a cdktf stack with the device, per resource and attribute (exit 0 no drift, 2 drift, 1 error); ' +
        'synthesizes when cdktf.out is missing or stale, runs terraform offline with the installed provider mirror',
    )
    .option('--dir <dir>', 'cdktf app directory (default: current directory)')
    .option('--output <dir>', 'synth output directory, relative to --dir (default: cdktf.out)')
    .option('--stack <name>', 'stack to check (default: the only stack)')
    .option('--json', 'print the report as one JSON document')
    .option('--junit <file>', 'also write a JUnit XML report (one testcase per resource, a failure on drift)')
    .option('--mirror <dir>', 'provider filesystem mirror to install into and use (default: ~/.terraform.d/plugins, which Terraform searches by itself)')
    .action(async (o: DriftCommandOptions) => {
      process.exitCode = await runDrift(o);
    });
}
