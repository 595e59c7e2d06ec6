/**
 * A real-terraform workspace for the end-to-end suites: installs the provider into a temporary mirror with
 * `panos-ipsec install-provider` (the user's path), copies an HCL fixture, points the PANOS_* env at a simulator and
 * runs terraform asynchronously (the simulator answers from this same process, so a blocking spawnSync would hang).
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Simulator } from '../../../src/sim';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(__dirname, 'fixtures');
const NO_COLOR_COMMANDS = new Set(['init', 'validate', 'plan', 'apply', 'destroy', 'import', 'refresh', 'show', 'output']);

/** Output and exit code of one terraform command. */
export interface TfResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr together, for assertions on what a user sees. */
  readonly out: string;
  /** How long the command ran (reported, never asserted). */
  readonly ms: number;
}

/** What `panos-ipsec install-provider` printed. */
export interface InstallLine {
  readonly source: string;
  readonly version: string;
  readonly mirror: string;
  readonly cliConfig: string;
}

/** Fails the suite (not skips) when terraform is missing: it ships with the project's machine image. */
export function requireTerraform(): void {
  const r = spawnSync('terraform', ['version'], { encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(
      'terraform is required for the real-terraform end-to-end tests but is not on PATH. It ships with the project machine image (v1.11.4); install it or run on that image.',
    );
  }
}

/** The compiled provider must exist: terraform launches dist/src/provider/main.js, not the TypeScript sources. */
export function requireBuiltProvider(): void {
  const entry = path.join(ROOT, 'dist', 'src', 'provider', 'main.js');
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" (npm test does it first)`);
}

/** One temporary directory with a mirror, a terraform working dir and the env to run terraform against a simulator. */
export class TerraformWorkspace {
  readonly dir: string;
  readonly workDir: string;
  readonly install: InstallLine;
  /** `<command> <ms>` per run, for the suite's summary line. */
  readonly timings: string[] = [];
  private env: NodeJS.ProcessEnv;

  private constructor(dir: string, install: InstallLine, sim: Simulator) {
    this.dir = dir;
    this.workDir = path.join(dir, 'work');
    this.install = install;
    fs.mkdirSync(this.workDir);
    const url = new URL(sim.url);
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const k of Object.keys(env)) if (k.startsWith('PANOS_') || k.startsWith('TF_')) delete env[k];
    this.env = {
      ...env,
      TF_CLI_CONFIG_FILE: install.cliConfig,
      TF_IN_AUTOMATION: '1',
      CHECKPOINT_DISABLE: '1',
      PANOS_HOSTNAME: url.hostname,
      PANOS_PORT: url.port,
      PANOS_PROTOCOL: url.protocol.replace(':', ''),
      PANOS_API_KEY: sim.apiKey,
    };
  }

  /** Installs the provider with the CLI into a fresh temp dir and copies `fixture` into the working dir. */
  static create(fixture: string, sim: Simulator): TerraformWorkspace {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-e2e-'));
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'panos-ipsec'), 'install-provider', '--mirror', path.join(dir, 'mirror')], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`install-provider failed (${r.status}): ${r.stderr}`);
    const lines = r.stdout.trim().split('\n');
    if (lines.length !== 1) throw new Error(`install-provider printed ${lines.length} lines, expected one JSON line: ${r.stdout}`);
    const ws = new TerraformWorkspace(dir, JSON.parse(lines[0]) as InstallLine, sim);
    ws.addFixture(fixture);
    return ws;
  }

  /** Copies every file of `fixtures/<name>` into the working dir. */
  addFixture(name: string): void {
    const from = path.join(FIXTURES, name);
    for (const f of fs.readdirSync(from)) fs.copyFileSync(path.join(from, f), path.join(this.workDir, f));
  }

  /** Runs terraform; single-word commands that take `-no-color` get it, so output is plain text. */
  run(args: readonly string[], timeoutMs = 180_000): Promise<TfResult> {
    const [cmd, ...rest] = args;
    const argv = NO_COLOR_COMMANDS.has(cmd) ? [cmd, '-no-color', ...rest] : [...args];
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const child = spawn('terraform', argv, { cwd: this.workDir, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`terraform ${argv.join(' ')} did not finish within ${timeoutMs} ms\n${stdout}\n${stderr}`));
      }, timeoutMs);
      child.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      child.on('close', (status) => {
        clearTimeout(timer);
        this.timings.push(`${argv[0]} ${Date.now() - started}ms`);
        resolve({ status, stdout, stderr, out: `${stdout}\n${stderr}`, ms: Date.now() - started });
      });
    });
  }

  /** Runs terraform and fails with its whole output unless it exits with `expected`. */
  async expectRun(args: readonly string[], expected: number, timeoutMs?: number): Promise<TfResult> {
    const r = await this.run(args, timeoutMs);
    if (r.status !== expected) {
      throw new Error(`terraform ${args.join(' ')} exited ${r.status}, expected ${expected}:\n${r.out}`);
    }
    return r;
  }

  /** The raw state file (to prove secrets never land in it). */
  stateText(): string {
    const file = path.join(this.workDir, 'terraform.tfstate');
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  }

  /** Removes the temp dir. */
  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
