/**
 * Real terraform for the benchmarks and the fault / secret suites: a provider mirror written by
 * `panos-ipsec install-provider` (the user's path), HCL generated for N transport tunnels (or the same number of
 * `terraform_data` resources, Terraform's own floor), and asynchronous runs (the simulator answers from this same
 * process, so a blocking spawnSync would deadlock).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The package root (bench/support or dist/bench/support). */
export const ROOT = findRoot(__dirname);

function findRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'bin', 'panos-ipsec'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find bin/panos-ipsec above ${from}`);
    dir = parent;
  }
  return dir;
}

/** Output of one terraform command. */
export interface TfRun {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr together. */
  readonly out: string;
  /** Wall time in ms (reported, never asserted). */
  readonly ms: number;
}

/** A terraform command that outlived its timeout (it was killed). */
export class TfTimeoutError extends Error {
  constructor(
    message: string,
    readonly timeoutMs: number,
  ) {
    super(message);
    this.name = 'TfTimeoutError';
  }
}

/** Options of {@link TfWorkspace.run}. */
export interface RunOptions {
  /** Extra environment for this run only (e.g. TF_LOG). */
  readonly env?: NodeJS.ProcessEnv;
  /** @default 300000 */
  readonly timeoutMs?: number;
  /** Called once terraform is spawned (to kill it, or to sample its children). */
  readonly onSpawn?: (child: ChildProcess) => void;
}

/** What `panos-ipsec install-provider` printed (one JSON line). */
export interface InstallLine {
  readonly source: string;
  readonly version: string;
  readonly mirror: string;
  /** The provider executable in the mirror. */
  readonly file: string;
  /** Always written for the explicit `--mirror` used here. */
  readonly cliConfig: string;
}

/** Commands that take `-no-color` right after their name (so output is plain text). */
const NO_COLOR_COMMANDS = new Set(['init', 'validate', 'plan', 'apply', 'destroy', 'import', 'refresh', 'show', 'output']);

/** Fails (never skips) when terraform is missing: it ships with the project's machine image. */
export function requireTerraform(): void {
  const r = spawnSync('terraform', ['version'], { encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error('terraform is required by this suite but is not on PATH (the project image ships v1.11.4): install terraform, then rerun');
  }
  const entry = path.join(ROOT, 'dist', 'provider', 'terraform-provider-panosipsec.cjs');
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first (npm test does it in pretest)`);
}

/** Connection of the provider to a device (PANOS_* variables). */
export interface DeviceEnv {
  readonly url: string;
  readonly apiKey?: string;
  readonly username?: string;
  readonly password?: string;
}

/** A temporary directory holding a provider mirror and a terraform working directory. */
export class TfWorkspace {
  readonly dir: string;
  readonly workDir: string;
  readonly cliConfig: string;
  readonly install: InstallLine;
  /** `<command> <ms>` per run, for a suite's summary line. */
  readonly timings: string[] = [];
  private readonly env: NodeJS.ProcessEnv;

  constructor(device: DeviceEnv | undefined, prefix = 'panos-tf-') {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    this.workDir = path.join(this.dir, 'work');
    fs.mkdirSync(this.workDir);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'panos-ipsec'), 'install-provider', '--mirror', path.join(this.dir, 'mirror')], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`panos-ipsec install-provider failed (${r.status}): ${r.stderr}`);
    const lines = r.stdout.trim().split('\n');
    if (lines.length !== 1) throw new Error(`install-provider printed ${lines.length} lines, expected one JSON line: ${r.stdout}`);
    this.install = JSON.parse(lines[0]) as InstallLine;
    this.cliConfig = this.install.cliConfig;
    const base: NodeJS.ProcessEnv = { ...process.env };
    for (const k of Object.keys(base)) if (k.startsWith('PANOS_') || k.startsWith('TF_')) delete base[k];
    const env: NodeJS.ProcessEnv = { ...base, TF_CLI_CONFIG_FILE: this.cliConfig, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
    if (device) {
      const u = new URL(device.url);
      Object.assign(env, { PANOS_HOSTNAME: u.hostname, PANOS_PORT: u.port, PANOS_PROTOCOL: u.protocol.replace(':', '') });
      if (device.apiKey !== undefined) env.PANOS_API_KEY = device.apiKey;
      if (device.username !== undefined) env.PANOS_USERNAME = device.username;
      if (device.password !== undefined) env.PANOS_PASSWORD = device.password;
    }
    this.env = env;
  }

  /** Writes main.tf (replacing the previous one). */
  writeMain(hcl: string): void {
    fs.writeFileSync(path.join(this.workDir, 'main.tf'), hcl);
  }

  /** Runs terraform (commands that take it get `-no-color`); resolves with the outcome whatever the exit code. */
  run(args: readonly string[], opts: RunOptions = {}): Promise<TfRun> {
    const [cmd, ...rest] = args;
    const argv = NO_COLOR_COMMANDS.has(cmd) ? [cmd, '-no-color', ...rest] : [...args];
    const started = Date.now();
    const timeoutMs = opts.timeoutMs ?? 300_000;
    return new Promise((resolve, reject) => {
      const child = spawn('terraform', argv, { cwd: this.workDir, env: { ...this.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new TfTimeoutError(`terraform ${argv.join(' ')} did not finish within ${timeoutMs} ms\n…${`${stdout}\n${stderr}`.slice(-3000)}`, timeoutMs));
      }, timeoutMs);
      child.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      child.on('close', (status, signal) => {
        clearTimeout(timer);
        this.timings.push(`${argv[0]} ${Date.now() - started}ms`);
        resolve({ status, signal, stdout, stderr, out: `${stdout}\n${stderr}`, ms: Date.now() - started });
      });
      opts.onSpawn?.(child);
    });
  }

  /** Runs terraform and throws with its whole output unless it exits with `expected`. */
  async expect(args: readonly string[], expected: number, opts: RunOptions = {}): Promise<TfRun> {
    const r = await this.run(args, opts);
    if (r.status !== expected) throw new Error(`terraform ${args.join(' ')} exited ${r.status} (signal ${r.signal}), expected ${expected}:\n${r.out}`);
    return r;
  }

  /** `terraform init` from the mirror, offline. */
  init(): Promise<TfRun> {
    return this.expect(['init', '-input=false'], 0, { timeoutMs: 120_000 });
  }

  /** The raw state file ('' before the first apply). */
  stateText(): string {
    const file = path.join(this.workDir, 'terraform.tfstate');
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  }

  /** Removes the temporary directory. */
  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
