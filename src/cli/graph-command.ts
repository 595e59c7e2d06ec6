/** `panos-ipsec graph`: registers the command and its options; src/cycle/graph-run.ts does the work. */
import type { Command } from 'commander';
import { runGraph, type GraphOptions } from '../cycle/graph-run';

/** Registers `graph` on the program. */
export function registerGraphCommand(program: Command): void {
  program
    .command('graph')
    .description(
      'draw the declared topology of a cdktf app (firewalls, IKE gateways, tunnels with mode and the proposals both ends would choose) ' +
        'as the Mermaid flowchart status --mermaid draws, without a device; synthesizes when cdktf.out is missing or stale',
    )
    .option('--dir <dir>', 'the cdktf app directory (holds cdktf.json)', '.')
    .option('--output <dir>', 'its synth output directory', 'cdktf.out')
    .option('--out <file>', 'write the chart to this file (fenced when it ends in .md) instead of printing it')
    .action(async (o: GraphOptions) => {
      process.exitCode = await runGraph(o);
    });
}
