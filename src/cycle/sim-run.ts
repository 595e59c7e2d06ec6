/**
 * What `panos-ipsec sim` does: starts the embedded PAN-OS simulator. The first stdout line is one JSON object with
 * the connection facts (so scripts can read it), the second the same facts as one `export PANOS_…` command for a
 * shell; request logs go to stderr without keys or passwords.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectionEnvFor } from '../panos/connection-env';
import { RequestLogEntry, Simulator, startSimulator } from '../sim';

/** Options of the `sim` command. */
export interface SimCommandOptions {
  panosVersion: string;
  port: string;
  host: string;
  tls?: boolean;
  user?: string;
  password?: string;
  commitMs?: string;
  latencyMs?: string;
  quiet?: boolean;
}

/** What the command prints first. */
export interface SimStartLine {
  url: string;
  apiKey: string;
  username: string;
  password: string;
  panosVersion: string;
  caCertPem?: string;
  caFile?: string;
}

function intOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a non-negative integer, got '${value}'`);
  return Number(value);
}

function logLine(e: RequestLogEntry): string {
  const what = [e.type || '-', e.action, e.xpath ? `xpath=${e.xpath}` : ''].filter(Boolean).join(' ');
  return `${new Date().toISOString()} ${e.method} ${what} user=${e.user ?? '-'} -> ${e.status} (${e.ms} ms)\n`;
}

/** Quotes a value for a POSIX shell (single quotes; embedded quotes closed and escaped). */
function shellQuote(s: string): string {
  return /^[\w./:@%+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * The start line as one `export PANOS_…=…` command: the url split into host, port and protocol, the API key, and
 * with --tls the CA file (so TLS stays verified).
 */
export function simulatorExports(start: Pick<SimStartLine, 'url' | 'apiKey' | 'caFile'>): string {
  const vars: Record<string, string> = { ...connectionEnvFor(start), ...(start.caFile ? { PANOS_CA_FILE: start.caFile } : {}) };
  return `export ${Object.entries(vars).map(([k, v]) => `${k}=${shellQuote(v)}`).join(' ')}`;
}

/**
 * Starts a simulator from CLI options and prints the start line. Returns the simulator and a cleanup function
 * (exported so tests can run the command in-process).
 */
export async function runSim(
  o: SimCommandOptions,
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
): Promise<{ sim: Simulator; stop: () => Promise<void> }> {
  if ((o.user === undefined) !== (o.password === undefined)) throw new Error('--user and --password go together; give both or neither');
  const sim = await startSimulator({
    panosVersion: o.panosVersion,
    port: intOption(o.port, 'port'),
    host: o.host,
    tls: o.tls === true,
    users: o.user !== undefined && o.password !== undefined ? { [o.user]: o.password } : undefined,
    commitDurationMs: intOption(o.commitMs, 'commit-ms'),
    latencyMs: intOption(o.latencyMs, 'latency-ms'),
    onRequest: o.quiet ? undefined : (e) => err(logLine(e)),
  });
  let caDir: string | undefined;
  const start: SimStartLine = { url: sim.url, apiKey: sim.apiKey, username: sim.username, password: sim.password, panosVersion: sim.panosVersion };
  if (sim.caCertPem) {
    caDir = mkdtempSync(join(tmpdir(), 'panos-sim-'));
    const caFile = join(caDir, 'ca.pem');
    writeFileSync(caFile, sim.caCertPem, { mode: 0o600 });
    start.caCertPem = sim.caCertPem;
    start.caFile = caFile;
  }
  out(`${JSON.stringify(start)}\n`);
  err(`panos-ipsec sim: PAN-OS ${sim.panosVersion} simulator listening on ${sim.url}/api/ (Ctrl-C to stop)\n`);
  // The variables go to stdout, after the JSON line: like that line they hold the API key, and stderr (the request
  // log) never does.
  err('panos-ipsec sim: to point the provider and the commands at it, run the export line below in another shell\n');
  out(`${simulatorExports(start)}\n`);
  const stop = async (): Promise<void> => {
    await sim.close();
    if (caDir) rmSync(caDir, { recursive: true, force: true });
  };
  return { sim, stop };
}

