/**
 * `panos-ipsec sim`: runs the embedded PAN-OS simulator in the foreground. The first stdout line is one JSON object
 * with the connection facts (so scripts can read it); request logs go to stderr without keys or passwords.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
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
  const stop = async (): Promise<void> => {
    await sim.close();
    if (caDir) rmSync(caDir, { recursive: true, force: true });
  };
  return { sim, stop };
}

/** Registers `sim` on the program. */
export function registerSimCommand(program: Command): void {
  program
    .command('sim')
    .description('start the embedded PAN-OS XML API simulator (first stdout line: JSON with url, apiKey, username, password)')
    .option('--panos-version <version>', 'PAN-OS version to simulate (10.2.x, 11.0.x, 11.1.x)', '11.1.0')
    .option('--port <n>', 'TCP port (0 = any free port)', '0')
    .option('--host <address>', 'listen address', '127.0.0.1')
    .option('--tls', 'serve HTTPS with a self-signed certificate (its PEM is printed and written to caFile)')
    .option('--user <name>', 'admin username (with --password)')
    .option('--password <password>', 'admin password (with --user)')
    .option('--commit-ms <n>', 'duration of one commit job in milliseconds', '300')
    .option('--quiet', 'do not log requests to stderr')
    .action(async (o: SimCommandOptions) => {
      const { stop } = await runSim(o);
      await new Promise<void>((resolve) => {
        const onSignal = (): void => {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          resolve();
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
      });
      await stop();
      process.stderr.write('panos-ipsec sim: stopped\n');
    });
}
