/** `panos-ipsec pair-check`: registers the command and its options; src/cycle/pair-check-run.ts does the work. */
import type { Command } from 'commander';
import { runPairCheck, type PairCheckOptions } from '../cycle/pair-check-run';

/** Registers `pair-check` on the program. */
export function registerPairCheckCommand(program: Command): void {
  program
    .command('pair-check')
    .description(
      "compare the running configurations of the inventory's devices: pair their IKE gateways by mirrored addresses and " +
        'run the pair rules (PANOS-PEER-…) on each pair, managed by this project or not (exit 0 compatible, 3 not compatible, 1 error)',
    )
    .requiredOption('--inventory <file>', 'JSON {"devices":[{"name","url","apiKey"|"apiKeyEnv"|"username"+"password"}]} (the format panos-ipsec lab prints)')
    .option('--json', 'print the report as one JSON document')
    .action(async (o: PairCheckOptions) => {
      process.exitCode = await runPairCheck(o);
    });
}
