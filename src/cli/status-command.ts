/**
 * `panos-ipsec status`: is the tunnel up, and if not, why. Reads SA state from one device (PANOS_*) or every device of
 * `--inventory FILE`. Exit 0 all up, 4 some down, 1 error; `--json`, `--junit FILE`, `--mermaid FILE`,
 * `--wait SECONDS` (poll until all are up, for a pipeline step after deploy).
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { readInventory, type InventoryDevice } from '../cycle/status/inventory';
import { STATUS_EXIT, statusExitCode } from '../cycle/status/status-model';
import { mermaidFileContent } from '../cycle/status/status-mermaid';
import { renderStatusJUnit, renderStatusText, statusDocument } from '../cycle/status/status-render';
import { collectStatus, singleDevice } from '../cycle/status/status';
import { CONNECTION_ENV_VARS, connectionFromEnv } from './connection';
import type { Io } from './downgrade-check-command';

/** Options of the command. */
export interface StatusCommandOptions {
  inventory?: string;
  json?: boolean;
  junit?: string;
  mermaid?: string;
  wait?: string;
  interval?: string;
}

const stdio: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

function seconds(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(value.trim())) throw new Error(`--${name} must be a number of seconds, got '${value}'`);
  return Number(value);
}

/** Runs `status` and prints the report; returns the exit code (exported for tests and the demo). */
export async function runStatus(o: StatusCommandOptions, env: NodeJS.ProcessEnv = process.env, io: Io = stdio): Promise<number> {
  try {
    const devices: InventoryDevice[] = o.inventory !== undefined ? readInventory(o.inventory, env) : [singleDevice(connectionFromEnv(env))];
    const wait = seconds(o.wait, 'wait');
    const interval = seconds(o.interval, 'interval');
    const report = await collectStatus(devices, {
      ...(wait !== undefined ? { waitSeconds: wait } : {}),
      ...(interval !== undefined ? { intervalMs: interval * 1000 } : {}),
      progress: (l) => io.err(`panos-ipsec status: ${l}\n`),
    });
    if (o.junit) writeFileSync(o.junit, renderStatusJUnit(report));
    if (o.mermaid) writeFileSync(o.mermaid, mermaidFileContent(report, o.mermaid));
    io.out(o.json ? `${JSON.stringify(statusDocument(report), null, 2)}\n` : renderStatusText(report));
    return statusExitCode(report);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (o.json) io.out(`${JSON.stringify({ command: 'status', exitCode: STATUS_EXIT.error, error: message }, null, 2)}\n`);
    io.err(`panos-ipsec status: ${message}\n`);
    return STATUS_EXIT.error;
  }
}

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
