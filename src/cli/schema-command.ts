/**
 * `panos-ipsec schema`: prints the provider schema in the `terraform providers schema -json` format, keyed by the
 * provider's full source address, without Terraform or a device (the constructs generate their L1 bindings from it).
 */
import type { Command } from 'commander';

/** Registers `schema` on the program. */
export function registerSchemaCommand(program: Command): void {
  program
    .command('schema')
    .description('Print the panosipsec provider schema as `terraform providers schema -json` prints it')
    .option('--pretty', 'indent the JSON')
    .action((opts: { pretty?: boolean }) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { providerSchemaJson } = require('../provider/schema') as typeof import('../provider/schema');
      process.stdout.write(JSON.stringify(providerSchemaJson(), null, opts.pretty ? 2 : undefined) + '\n');
    });
}
