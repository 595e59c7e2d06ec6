/**
 * What `panos-ipsec lab` does (src/cli/lab-command.ts registers it): runs several simulated firewalls that negotiate IKE/IPSec with each other, in the foreground.
 * The first stdout line is one JSON document `{"devices":[…]}` (the inventory format of `status --inventory`);
 * request logs go to stderr without keys or passwords.
 */
import { parseLabDevices, startLab, type Lab } from '../sim';
import type { RequestLogEntry } from '../sim';

/** Options of the `lab` command. */
export interface LabCommandOptions {
  devices: string;
  port: string;
  host: string;
  nat?: string;
  user?: string;
  password?: string;
  commitMs?: string;
  quiet?: boolean;
}

function intOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a non-negative integer, got '${value}'`);
  return Number(value);
}

function logLine(device: string, e: RequestLogEntry): string {
  const what = [e.type || '-', e.action, e.xpath ? `xpath=${e.xpath}` : ''].filter(Boolean).join(' ');
  return `${new Date().toISOString()} [${device}] ${e.method} ${what} user=${e.user ?? '-'} -> ${e.status} (${e.ms} ms)\n`;
}

/** Starts the lab from CLI options and prints the start line (exported so tests can run the command in-process). */
export async function runLab(
  o: LabCommandOptions,
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
): Promise<Lab> {
  if ((o.user === undefined) !== (o.password === undefined)) throw new Error('--user and --password go together; give both or neither');
  const nat = (o.nat ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  const lab = await startLab({
    devices: parseLabDevices(o.devices, nat),
    port: intOption(o.port, 'port'),
    host: o.host,
    commitDurationMs: intOption(o.commitMs, 'commit-ms'),
    ...(o.user !== undefined && o.password !== undefined ? { users: { [o.user]: o.password } } : {}),
    ...(o.quiet ? {} : { onRequest: (device: string, e: RequestLogEntry) => err(logLine(device, e)) }),
  });
  out(`${JSON.stringify(lab.describe())}\n`);
  for (const d of lab.devices) {
    const addr = Object.entries(d.interfaces).map(([i, a]) => `${i} ${a}`).join(', ');
    err(`panos-ipsec lab: ${d.name} PAN-OS ${d.panosVersion} at ${d.url}/api/ (${addr}${d.natAddress ? `; behind NAT as ${d.natAddress}` : ''})\n`);
  }
  err('panos-ipsec lab: devices negotiate after each commit (Ctrl-C to stop)\n');
  return lab;
}

