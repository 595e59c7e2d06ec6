/** Provider launch to handshake, timed side by side with `node -e 0` (the floor any Node.js provider pays). */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeSelfSignedCertificate } from '../../src/util/self-signed-cert';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from '../../src/tfplugin/serve';

/** Finds the provider executable Terraform would run inside a mirror. */
export function mirrorLauncher(mirrorDir: string): string {
  const stack = [mirrorDir];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.name.startsWith('terraform-provider-panosipsec')) return p;
    }
  }
  throw new Error(`no terraform-provider-panosipsec executable under ${mirrorDir}`);
}

function timeUntilFirstLine(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let done = false;
    const finish = (err?: Error): void => {
      if (done) return;
      done = true;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      child.kill('SIGKILL');
      if (err) reject(err);
      else resolve(ms);
    };
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString('utf8');
      if (out.includes('\n')) finish();
    });
    child.on('error', (e) => finish(e));
    child.on('exit', (code) => (out.includes('\n') || args[0] === '-e' ? finish() : finish(new Error(`${command} exited ${code} before a handshake`))));
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Launch figures of one environment. */
export interface LaunchFigures {
  readonly providerMs: number;
  readonly nodeMs: number;
}

/**
 * Median ms of `runs` provider launches (AutoMTLS, like Terraform) and of `runs` `node -e 0`. When the environment sets
 * NODE_EXTRA_CA_CERTS (which makes node parse root certificates at every start, and which the provider's launcher moves
 * aside), the same pair is also measured without it, interleaved with the first, so the ratio can be read both ways.
 */
export async function measureLaunch(
  launcher: string,
  runs = 9,
): Promise<LaunchFigures & { runs: number; nodeExtraCaCerts: boolean; withoutNodeExtraCaCerts?: LaunchFigures }> {
  const cert = await makeSelfSignedCertificate();
  const env: NodeJS.ProcessEnv = { ...process.env, [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '6', PLUGIN_CLIENT_CERT: cert.certPem };
  delete env.TF_DISABLE_PLUGIN_TLS;
  const nodeExtraCaCerts = !!process.env.NODE_EXTRA_CA_CERTS;
  const bare = (e: NodeJS.ProcessEnv): NodeJS.ProcessEnv => {
    const out = { ...e };
    delete out.NODE_EXTRA_CA_CERTS;
    return out;
  };
  const provider: number[] = [];
  const node: number[] = [];
  const providerBare: number[] = [];
  const nodeBare: number[] = [];
  // Interleaved, so a slow moment of the machine hits both sides alike.
  for (let i = 0; i < runs; i++) {
    provider.push(await timeUntilFirstLine(launcher, [], env));
    node.push(await timeUntilFirstLine(process.execPath, ['-e', '0'], process.env));
    if (nodeExtraCaCerts) {
      providerBare.push(await timeUntilFirstLine(launcher, [], bare(env)));
      nodeBare.push(await timeUntilFirstLine(process.execPath, ['-e', '0'], bare(process.env)));
    }
  }
  return {
    providerMs: median(provider),
    nodeMs: median(node),
    runs,
    nodeExtraCaCerts,
    ...(nodeExtraCaCerts ? { withoutNodeExtraCaCerts: { providerMs: median(providerBare), nodeMs: median(nodeBare) } } : {}),
  };
}

/**
 * Median ms to handshake of several provider executables and of `node -e 0`, started in turn (interleaved) so a slow
 * moment of the machine hits each alike.
 */
export async function measureLaunches(launchers: Readonly<Record<string, string>>, runs = 15): Promise<Record<string, number> & { nodeMs: number }> {
  const cert = await makeSelfSignedCertificate();
  const env: NodeJS.ProcessEnv = { ...process.env, [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '6', PLUGIN_CLIENT_CERT: cert.certPem };
  delete env.TF_DISABLE_PLUGIN_TLS;
  const samples: Record<string, number[]> = Object.fromEntries([...Object.keys(launchers), 'nodeMs'].map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, file] of Object.entries(launchers)) samples[name].push(await timeUntilFirstLine(file, [], env));
    samples.nodeMs.push(await timeUntilFirstLine(process.execPath, ['-e', '0'], process.env));
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])) as Record<string, number> & { nodeMs: number };
}
