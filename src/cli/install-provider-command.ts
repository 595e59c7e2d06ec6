/**
 * `panos-ipsec install-provider [--mirror DIR]`: registers the command; src/cycle/provider-install.ts does the work.
 * Prints one JSON line on stdout (source, version, mirror, file, and cliConfig for an explicit mirror) and, on
 * stderr, where it wrote and why.
 */
import type { Command } from 'commander';
import { PROVIDER_TYPE } from '../provider/address';
import { describeInstall, installProvider } from '../cycle/provider-install';

/** Registers `install-provider` on the program. */
export function registerInstallProviderCommand(
  program: Command,
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
): void {
  program
    .command('install-provider')
    .description(
      `Install the ${PROVIDER_TYPE} Terraform provider (one self-contained file run by node) where Terraform finds it offline: ` +
        '~/.terraform.d/plugins by default, which needs no CLI config; prints one JSON line {source, version, mirror, file[, cliConfig]}',
    )
    .option('--mirror <dir>', 'install into this filesystem mirror instead and write a CLI config for it (then export TF_CLI_CONFIG_FILE=<cliConfig>)')
    .action((o: { mirror?: string }) => {
      const result = installProvider(o.mirror !== undefined ? { mirror: o.mirror } : {});
      out(`${JSON.stringify(result)}\n`);
      err(describeInstall(result));
    });
}
