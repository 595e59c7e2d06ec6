/**
 * What `panos-ipsec downgrade-check --to <version>` does: reads the device and lists every configuration item that
 * would block a downgrade to that version, with its fix. Exit 0 safe, 3 not safe, 1 on error.
 */
import { PanosClient } from '../panos/client';
import { connectionFromEnv, ConnectionConfigError } from '../panos/connection-env';
import { describeLocation } from '../panos/objects/location';
import type { Location } from '../panos/objects/types';
import { InvalidVersionError, parseVersion } from '../panos/version';
import { checkDowngrade, readDeviceObjects, type DowngradeReport } from '../panos/downgrade';
import { stdio, type Io } from './io';
import { formatTable } from './table';

/** The `--vsys`, `--template`, `--template-stack` options. */
export interface LocationOptions {
  vsys?: string;
  template?: string;
  templateStack?: string;
}

/**
 * The location the options name: a Panorama template or template stack, else a firewall vsys (vsys1 by default).
 * @throws ConnectionConfigError when both --template and --template-stack are given
 */
export function locationFromOptions(o: LocationOptions): Location {
  if (o.template !== undefined && o.templateStack !== undefined) {
    throw new ConnectionConfigError(
      `--template ${JSON.stringify(o.template)} and --template-stack ${JSON.stringify(o.templateStack)} exclude each other. Fix: give one.`,
    );
  }
  const vsys = o.vsys !== undefined ? { vsys: o.vsys } : {};
  if (o.template !== undefined) return { type: 'template', template: o.template, ...vsys };
  if (o.templateStack !== undefined) return { type: 'template-stack', templateStack: o.templateStack, ...vsys };
  return { type: 'vsys', ...vsys };
}

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

