/**
 * The `panos-ipsec` command. Each subcommand lives in its own module and registers itself on the program.
 */
import { Command } from 'commander';
import { registerInstallProviderCommand } from './install-provider-command';
import { registerSchemaCommand } from './schema-command';
import { registerSimCommand } from './sim-command';
import { registerDowngradeCheckCommand } from './downgrade-check-command';
import { registerDriftCommand } from './drift-command';
import { registerDeployCommands } from './deploy-commands';
import { registerInitCommand } from './init-command';
import { registerLabCommand } from './lab-command';
import { registerStatusCommand } from './status-command';
import { registerPairCheckCommand } from './pair-check-command';
import { registerGraphCommand } from './graph-command';

/** Builds the command-line program (exported for tests). */
export function buildProgram(): Command {
  const program = new Command('panos-ipsec')
    .description('PAN-OS IPSec VPN as code: new project, simulator and two-device lab, deploy wrappers, Terraform provider installation, schema, drift and downgrade checks, tunnel status, pair check and topology graph')
    .showHelpAfterError();
  registerInitCommand(program);
  registerSimCommand(program);
  registerLabCommand(program);
  registerSchemaCommand(program);
  registerDowngradeCheckCommand(program);
  registerDriftCommand(program);
  registerStatusCommand(program);
  registerPairCheckCommand(program);
  registerGraphCommand(program);
  registerDeployCommands(program);
  registerInstallProviderCommand(program);
  return program;
}

/** Runs the program with process arguments; exits with the command's code. */
export async function main(argv: string[] = process.argv): Promise<void> {
  await buildProgram().parseAsync(argv);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`panos-ipsec: ${(err as Error).message ?? String(err)}\n`);
    process.exit(1);
  });
}
