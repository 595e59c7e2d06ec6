/** A simulator with two admins and a request log, plus terraform workspaces on it, for the fault suites. */
import { startSimulator, type RequestLogEntry, type Simulator } from '../../src/sim';
import { tunnelsHcl, type TunnelsHclOptions } from '../../bench/support/hcl';
import { TfWorkspace } from '../../bench/support/terraform';

export const USERS = { admin: 'fault-Admin-pw-1', admin2: 'fault-Admin2-pw-2' } as const;

/** The simulator and everything it was asked. */
export interface FaultDevice {
  readonly sim: Simulator;
  readonly log: RequestLogEntry[];
}

/** A PAN-OS 11.1 simulator with quick commits that records every request. */
export async function faultDevice(): Promise<FaultDevice> {
  const log: RequestLogEntry[] = [];
  const sim = await startSimulator({ panosVersion: '11.1.0', commitDurationMs: 100, users: { ...USERS }, onRequest: (e) => log.push(e) });
  return { sim, log };
}

/** A workspace logged in as `user`, holding n generated tunnels, already initialised. */
export async function tunnelWorkspace(
  dev: FaultDevice,
  n: number,
  user: keyof typeof USERS = 'admin',
  opts: TunnelsHclOptions & { apiKey?: string } = {},
): Promise<TfWorkspace> {
  const auth = opts.apiKey !== undefined ? { apiKey: opts.apiKey } : { username: user, password: USERS[user] };
  const ws = new TfWorkspace({ url: dev.sim.url, ...auth }, 'fault-tf-');
  ws.writeMain(tunnelsHcl(n, opts));
  await ws.init();
  return ws;
}

/** Terraform's apply arguments used throughout. */
export const APPLY = ['apply', '-auto-approve', '-input=false', '-parallelism=10'] as const;
/** A plan whose exit code says whether anything is pending. */
export const PLAN = ['plan', '-detailed-exitcode', '-input=false', '-parallelism=10'] as const;

/** True for config writes in the request log. */
export function isWrite(e: RequestLogEntry): boolean {
  // The log names actions by their counter key (`config:multi-config`).
  return e.type === 'config' && !['get', 'show'].includes(e.action.replace(/^config:/, ''));
}

/** The lines of a terraform output that a user reads as the error (the `Error:` blocks). */
export function errorBlocks(out: string): string {
  const i = out.indexOf('Error:');
  return i < 0 ? '' : out.slice(i, i + 2000);
}

/** Signs of a crash rather than an error written for a user. */
export const CRASH = /TypeError|ReferenceError|Cannot read propert|undefined is not|panic:|\n\s+at .*\.js:\d+/;

/** A fresh API key for a simulator user (keygen), as a pipeline would hold in PANOS_API_KEY. */
export async function apiKeyFor(dev: FaultDevice, user: keyof typeof USERS): Promise<string> {
  const res = await fetch(`${dev.sim.url}/api/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ type: 'keygen', user, password: USERS[user] }).toString(),
  });
  const key = /<key>([^<]+)<\/key>/.exec(await res.text())?.[1];
  if (!key) throw new Error(`keygen for ${user} failed (HTTP ${res.status})`);
  return key;
}
