/**
 * `panos-ipsec downgrade-check --to <version>`: reads the device and lists every configuration item that would block
 * a downgrade to that version, with its fix. Exit 0 safe, 3 not safe, 1 on error.
 */
import type { Command } from 'commander';
import { PanosClient } from '../panos/client';
import { describeLocation } from '../panos/objects/location';
import { InvalidVersionError, parseVersion } from '../panos/version';
import { checkDowngrade, readDeviceObjects, type DowngradeReport } from '../cycle/downgrade';
import { connectionFromEnv, locationFromOptions, type LocationOptions } from './connection';
import { formatTable } from '../cycle/table';

/** Exit codes of `downgrade-check`. */
export const DOWNGRADE_EXIT = { safe: 0, error: 1, notSafe: 3 } as const;

/** Options of the command. */
export interface DowngradeCheckOptions extends LocationOptions {
  to: string;
  json?: boolean;
  /** Check the candidate configuration instead of the running one. */
  candidate?: boolean;
}

/** The `--json` document. */
export interface DowngradeCheckDocument extends DowngradeReport {
  readonly command: 'downgrade-check';
  readonly exitCode: number;
  readonly device: { readonly hostname: string; readonly model: string; readonly version: string };
  readonly location: string;
  readonly config: 'running' | 'candidate';
  /** The candidate holds uncommitted changes that the check (of the running config) did not look at. */
  readonly pendingChanges: boolean;
}

/** Where output goes (tests capture it). */
export interface Io {
  out(s: string): void;
  err(s: string): void;
}

const stdio: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

function human(doc: DowngradeCheckDocument): string {
  const lines = [
    `Device ${doc.device.hostname || '(unnamed)'} (${doc.device.model || 'unknown model'}) runs PAN-OS ${doc.device.version}; ` +
      `downgrade target PAN-OS ${doc.target}; ${doc.config} config of ${doc.location}.`,
  ];
  const counts = Object.entries(doc.checked).map(([k, n]) => `${n} ${k}`).join(', ');
  lines.push(`Checked: ${counts || 'nothing'}.`);
  if (doc.blockers.length > 0) {
    lines.push('');
    const rows = doc.blockers.map((b) => [b.title, b.name, b.field, b.value ?? '(set)', b.introducedIn, b.fix]);
    lines.push(formatTable(['KIND', 'NAME', 'FIELD', 'VALUE', 'INTRODUCED', 'FIX'], rows, { wrapLast: true }));
  }
  lines.push('');
  lines.push(doc.summary);
  if (doc.pendingChanges) {
    lines.push('Note: the candidate config has uncommitted changes; they were not checked (use --candidate to check them).');
  }
  return `${lines.join('\n')}\n`;
}

/** Runs the check and returns the exit code (exported so tests run it in-process). */
export async function runDowngradeCheck(o: DowngradeCheckOptions, env: NodeJS.ProcessEnv = process.env, io: Io = stdio): Promise<number> {
  let client: PanosClient | undefined;
  try {
    try {
      parseVersion(o.to);
    } catch (err) {
      if (err instanceof InvalidVersionError) throw new Error(`--to ${JSON.stringify(o.to)} is not a PAN-OS version. Fix: give one like 10.2.9.`);
      throw err;
    }
    const location = locationFromOptions(o);
    client = new PanosClient(connectionFromEnv(env));
    const c = client;
    const [info, sets] = await Promise.all([c.systemInfo(), readDeviceObjects(c, location, { candidate: o.candidate === true })]);
    const pendingChanges = o.candidate === true ? false : await c.pendingChanges();
    const report = checkDowngrade({ target: o.to, current: info.version, sets });
    const exitCode = report.safe ? DOWNGRADE_EXIT.safe : DOWNGRADE_EXIT.notSafe;
    const doc: DowngradeCheckDocument = {
      command: 'downgrade-check',
      exitCode,
      device: { hostname: info.hostname, model: info.model, version: info.swVersion },
      location: describeLocation(location),
      config: o.candidate === true ? 'candidate' : 'running',
      pendingChanges,
      ...report,
    };
    io.out(o.json ? `${JSON.stringify(doc, null, 2)}\n` : human(doc));
    return exitCode;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (o.json) io.out(`${JSON.stringify({ command: 'downgrade-check', exitCode: DOWNGRADE_EXIT.error, error: message }, null, 2)}\n`);
    io.err(`panos-ipsec downgrade-check: ${message}\n`);
    return DOWNGRADE_EXIT.error;
  } finally {
    await client?.close().catch(() => undefined);
  }
}

/** Registers `downgrade-check` on the program. */
export function registerDowngradeCheckCommand(program: Command): void {
  program
    .command('downgrade-check')
    .description(
      'list the configuration on the device that would block a downgrade to an older PAN-OS version (exit 0 safe, 3 not safe, 1 error); ' +
        'connection from PANOS_HOSTNAME, PANOS_PORT, PANOS_PROTOCOL, PANOS_API_KEY or PANOS_USERNAME/PANOS_PASSWORD, ' +
        'PANOS_SKIP_VERIFY_CERTIFICATE, PANOS_CA_FILE',
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
