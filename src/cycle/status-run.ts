/**
 * What `panos-ipsec status` does (src/cli/status-command.ts registers it): is the tunnel up, and if not, why. Reads SA state from one device (PANOS_*) or every device of
 * `--inventory FILE`. Exit 0 all up, 4 some down, 1 error; `--json`, `--junit FILE`, `--mermaid FILE`,
 * `--wait SECONDS` (poll until all are up, for a pipeline step after deploy).
 */
import { writeFileSync } from 'node:fs';
import { readInventory, type InventoryDevice } from './status/inventory';
import { STATUS_EXIT, statusExitCode } from './status/status-model';
import { mermaidFileContent } from './status/status-mermaid';
import { renderStatusJUnit, renderStatusText, statusDocument } from './status/status-render';
import { collectStatus, singleDevice } from './status/status';
import { connectionFromEnv } from '../panos/connection-env';
import { stdio, type Io } from './io';

/** Options of the command. */
export interface StatusCommandOptions {
  inventory?: string;
  json?: boolean;
  junit?: string;
  mermaid?: string;
  wait?: string;
  interval?: string;
}

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

