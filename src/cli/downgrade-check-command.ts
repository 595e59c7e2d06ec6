/**
 * `panos-ipsec downgrade-check --to <version>`: registers the command and its options; src/cycle/downgrade-check.ts
 * does the work.
 */
import type { Command } from 'commander';
import { CONNECTION_ENV_VARS } from '../panos/connection-env';
import { runDowngradeCheck, type DowngradeCheckOptions } from '../cycle/downgrade-check';

/** Registers `downgrade-check` on the program. */
export function registerDowngradeCheckCommand(program: Command): void {
  program
    .command('downgrade-check')
    .description(
      'list the configuration on the device that would block a downgrade to an older PAN-OS version (exit 0 safe, 3 not safe, 1 error); ' +
        `connection from ${CONNECTION_ENV_VARS.join(', ')}`,
    )
    .requiredOption('--to <version>', 'PAN-OS version to downgrade to, e.g. 10.2.9')
    .option('--json', 'print one JSON document')
    .option('--vsys <name>', 'vsys (default vsys1)')
    .option('--template <name>', 'Panorama template')
    .option('--template-stack <name>', 'Panorama template stack')
    .option('--candidate', 'check the candidate config instead of the running config')
    .action(async (o: DowngradeCheckOptions) => {
      process.exitCode = await runDowngradeCheck(o);
    });
}
