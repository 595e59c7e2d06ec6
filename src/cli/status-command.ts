/** `panos-ipsec status`: registers the command and its options; src/cycle/status-run.ts does the work. */
import type { Command } from 'commander';
import { CONNECTION_ENV_VARS } from '../panos/connection-env';
import { runStatus, type StatusCommandOptions } from '../cycle/status-run';

/** Registers `status` on the program. */
export function registerStatusCommand(program: Command): void {
  program
    .command('status')
    .description(
      'show whether each IPSec tunnel is up (IKE SA and child SA), since when, and why a down tunnel failed, from the ' +
        `device's op commands (exit 0 all up, 4 some down, 1 error); one device from ${CONNECTION_ENV_VARS.slice(0, 4).join(', ')}…, or --inventory`,
    )
    .option('--inventory <file>', 'JSON {"devices":[{"name","url","apiKey"|"apiKeyEnv"|"username"+"password"}]} (the format panos-ipsec lab prints)')
    .option('--json', 'print the report as one JSON document')
    .option('--junit <file>', 'also write a JUnit XML report (one testcase per tunnel, a failure when down)')
    .option('--mermaid <file>', 'also write a Mermaid flowchart of devices, gateways and tunnels (fenced when the file ends in .md)')
    .option('--wait <seconds>', 'poll until every tunnel is up or this many seconds have passed')
    .option('--interval <seconds>', 'pause between polls with --wait', '2')
    .action(async (o: StatusCommandOptions) => {
      process.exitCode = await runStatus(o);
    });
}
