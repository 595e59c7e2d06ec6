/**
 * What `panos-ipsec drift` does: compares a cdktf stack's declaration with the device. Exit 0 no drift, 2 drift,
 * 1 error; `--json` prints the report, `--junit FILE` writes one testcase per resource for CI.
 */
import { writeFileSync } from 'node:fs';
import { detectDrift } from './drift';
import { renderDriftJUnit, renderDriftText } from './drift-render';
import { stdio, type Io } from './io';

/** Exit codes of `drift` (those of `terraform plan -detailed-exitcode`). */
export const DRIFT_EXIT = { clean: 0, error: 1, drift: 2 } as const;

/** Options of the command. */
export interface DriftCommandOptions {
  dir?: string;
  output?: string;
  stack?: string;
  json?: boolean;
  junit?: string;
  mirror?: string;
}

/** Runs drift detection and prints the report; returns the exit code (exported for tests and the demo). */
export async function runDrift(o: DriftCommandOptions, env: NodeJS.ProcessEnv = process.env, io: Io = stdio): Promise<number> {
  try {
    const report = await detectDrift({ ...o, env, log: (l) => io.err(`panos-ipsec drift: ${l}\n`) });
    const exitCode = report.drifted ? DRIFT_EXIT.drift : DRIFT_EXIT.clean;
    if (o.junit) writeFileSync(o.junit, renderDriftJUnit(report));
    io.out(o.json ? `${JSON.stringify({ command: 'drift', exitCode, ...report }, null, 2)}\n` : renderDriftText(report));
    return exitCode;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (o.json) io.out(`${JSON.stringify({ command: 'drift', exitCode: DRIFT_EXIT.error, error: message }, null, 2)}\n`);
    io.err(`panos-ipsec drift: ${message}\n`);
    return DRIFT_EXIT.error;
  }
}

