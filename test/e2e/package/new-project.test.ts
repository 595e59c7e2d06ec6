/**
 * The package as a new user gets it: `npm pack`, then the README's "Start a new project" in a fresh folder with only
 * the packages the README names (from the tarball and the npm cache), its commands run as written against the
 * simulator started the documented way (synth, deploy, no-change plan, drift); then the project moves to another
 * folder, its node_modules are reinstalled, and a plan finds nothing to change with the same lock-file hash; destroy
 * last. HOME is a temporary directory, so the provider install and cdktf's plugin cache are this test's own.
 *
 * Slow by nature (npm installs cdktf-cli, ~450 MB, twice): about 4-6 minutes on the project's machine.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { requireTerraform } from '../../../bench/support/terraform';
import { readmeFile, readmeShellBlocks } from '../../harness/readme';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const PACKAGE_FILE = path.join(ROOT, 'dist', 'provider', 'terraform-provider-panosipsec.cjs');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  /** stdout and stderr as they came. */
  readonly out: string;
}

/** The base environment of every child: no PANOS_*, TF_* or npm_* settings of the test run, a private HOME. */
function cleanEnv(home: string, npmCache: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(PANOS_|TF_|npm_|NODE_OPTIONS$|JEST_|INIT_CWD$)/.test(k)) env[k] = v;
  return { ...env, HOME: home, npm_config_cache: npmCache, npm_config_update_notifier: 'false', CHECKPOINT_DISABLE: '1', CI: '1' };
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs = 600_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stdout = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString('utf8');
      stdout += b.toString('utf8');
    });
    child.stderr.on('data', (b: Buffer) => (out += b.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, out });
    });
  });
}

/** Runs a README command line (`npx …`, `npm …`) by splitting it like a shell would for these simple lines. */
async function runLine(line: string, cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const [command, ...args] = line.split(/\s+/);
  const started = Date.now();
  const r = await run(command, args, cwd, env);
  process.stdout.write(`new-project e2e: ${line} -> exit ${r.code} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  if (r.code !== 0) throw new Error(`${line} exited ${r.code} in ${cwd}:\n${r.out.slice(-6000)}`);
  return r;
}

/** The environment after running `exportLines` in a shell on top of `base`. */
function exported(base: NodeJS.ProcessEnv, exportLines: readonly string[]): NodeJS.ProcessEnv {
  const r = spawnSync('sh', ['-c', `${exportLines.join('\n')}\nenv -0`], { env: base });
  if (r.status !== 0) throw new Error(`the export lines failed: ${r.stderr.toString()}`);
  const env: NodeJS.ProcessEnv = {};
  for (const entry of r.stdout.toString('utf8').split('\0')) {
    const eq = entry.indexOf('=');
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return env;
}

/** The `h1:` hash(es) recorded for our provider in a stack's lock file. */
function lockHashes(project: string): string[] {
  const lock = fs.readFileSync(path.join(project, 'cdktf.out', 'stacks', 'fw-a', '.terraform.lock.hcl'), 'utf8');
  expect(lock).toContain('provider "cdktf-panos-ipsec.dev/panos/panosipsec"');
  return [...lock.matchAll(/"(h1:[^"]+)"/g)].map((m) => m[1]);
}

function findFiles(dir: string, name: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => name.test(path.basename(f))).map((f) => path.join(dir, f));
}

describe('GIVEN the packed package and a new project written from the README', () => {
  let tmp: string;
  let sim: ChildProcess | undefined;

  beforeAll(() => {
    requireTerraform();
    if (!fs.existsSync(PACKAGE_FILE)) throw new Error(`${PACKAGE_FILE} is missing: run "npm run build" first (npm test does it in pretest)`);
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'new-project-e2e-')));
  });

  afterAll(() => {
    if (sim?.pid !== undefined) {
      try {
        process.kill(-sim.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('WHEN packed, installed, deployed, planned, checked for drift, moved, reinstalled, planned again and destroyed THEN every documented command succeeds and the lock-file hash stays the same', async () => {
    const npmCache = spawnSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).stdout.trim();
    const home = path.join(tmp, 'home');
    fs.mkdirSync(home);
    const base = cleanEnv(home, npmCache);

    // npm pack: what a user downloads. The build is `npm test`'s pretest (prepack would only repeat it).
    const packDir = path.join(tmp, 'pack');
    fs.mkdirSync(packDir);
    const pack = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], ROOT, base);
    expect(pack.code).toBe(0);
    const [info] = JSON.parse(pack.stdout) as [{ filename: string; size: number; files: { path: string }[] }];
    const files = info.files.map((f) => f.path);
    // No tests, sources, build scripts, benchmarks, source maps or build caches; TypeScript only as declarations and
    // as the examples' apps.
    const unwanted = (f: string): boolean =>
      /^(test|bench|src|scripts|constructs|dist\/bench|dist\/constructs\/scripts)\/|\.map$|tsbuildinfo|tsconfig/.test(f) ||
      (f.endsWith('.ts') && !f.endsWith('.d.ts') && !/^examples\/[^/]+\/main\.ts$/.test(f));
    expect(files.filter(unwanted)).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['dist/provider/terraform-provider-panosipsec.cjs', 'dist/constructs/index.js', 'bin/panos-ipsec', 'README.md', 'RULES.md', 'package.json']));
    process.stdout.write(`new-project e2e: tarball ${info.filename} ${(info.size / 1e6).toFixed(2)} MB, ${files.length} files\n`);

    // The README's first block, as written, with the package taken from the tarball and packages from the npm cache.
    const [setup, simBlock, cycle] = readmeShellBlocks();
    expect(setup).toEqual([
      'mkdir my-vpn && cd my-vpn',
      'npm init -y',
      'npm install cdktf-panos-ipsec cdktf constructs',
      'npm install --save-dev cdktf-cli tsx',
      'npx panos-ipsec init',
    ]);
    const project = path.join(tmp, 'work', 'my-vpn');
    fs.mkdirSync(project, { recursive: true });
    fs.mkdirSync(path.join(project, 'vendor'));
    fs.copyFileSync(path.join(packDir, info.filename), path.join(project, 'vendor', info.filename));
    for (const line of setup.slice(1)) {
      const local = line.startsWith('npm install')
        ? `${line.replace(/(?<=\s)cdktf-panos-ipsec(?=\s|$)/, `./vendor/${info.filename}`)} --prefer-offline --no-audit --no-fund`
        : line;
      await runLine(local, project, base);
    }
    for (const f of ['main.ts', 'cdktf.json', '.gitignore']) expect(fs.readFileSync(path.join(project, f), 'utf8')).toBe(readmeFile(f));
    const deps = JSON.parse(fs.readFileSync(path.join(project, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    expect(Object.keys({ ...deps.dependencies, ...deps.devDependencies }).sort()).toEqual(['cdktf', 'cdktf-cli', 'cdktf-panos-ipsec', 'constructs', 'tsx']);

    // The simulator, started as the README says; its second line is the export command the README tells users to run.
    expect(simBlock).toEqual(['npx panos-ipsec sim']);
    sim = spawn('npx', ['panos-ipsec', 'sim', '--quiet'], { cwd: project, env: base, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    const simLines = await new Promise<string[]>((resolve, reject) => {
      let text = '';
      sim?.stdout?.on('data', (b: Buffer) => {
        text += b.toString('utf8');
        const lines = text.split('\n');
        if (lines.length >= 3) resolve(lines.slice(0, 2));
      });
      sim?.on('exit', (code) => reject(new Error(`panos-ipsec sim exited ${code} before printing its lines`)));
    });
    const start = JSON.parse(simLines[0]) as { url: string; apiKey: string };
    expect(simLines[1]).toMatch(/^export PANOS_HOSTNAME=127\.0\.0\.1 PANOS_PORT=\d+ PANOS_PROTOCOL=http PANOS_API_KEY=/);

    // The README's second block: its first line stands for the line sim printed; the rest runs as written.
    expect(cycle[0]).toMatch(/^export PANOS_HOSTNAME=/);
    expect(cycle.slice(1)).toEqual([
      "export TF_VAR_bgp_psk='use-a-long-random-key'",
      'npx cdktf synth',
      'npx panos-ipsec deploy',
      'npx panos-ipsec plan',
      'npx panos-ipsec drift',
      'npx panos-ipsec destroy',
    ]);
    const env = exported(base, [simLines[1], cycle[1]]);
    expect(env.PANOS_API_KEY).toBe(start.apiKey);
    const [synth, deploy, plan, drift, destroy] = cycle.slice(2);
    await runLine(synth, project, env);
    const deployed = await runLine(deploy, project, env);
    expect(deployed.out).toMatch(/Apply complete! Resources: 7 added/);
    expect((await runLine(plan, project, env)).out).toMatch(/No changes/);
    expect((await runLine(drift, project, env)).out).toMatch(/No drift in stack fw-a/);

    // The provider: installed once in HOME, copied by cdktf into its plugin cache; both are the package's own bytes.
    const packaged = fs.readFileSync(path.join(project, 'node_modules', 'cdktf-panos-ipsec', 'dist', 'provider', 'terraform-provider-panosipsec.cjs'));
    const installed = findFiles(path.join(home, '.terraform.d', 'plugins'), /^terraform-provider-panosipsec/);
    const cached = findFiles(path.join(home, '.terraform.d', 'plugin-cache'), /^terraform-provider-panosipsec/);
    expect(installed).toHaveLength(1);
    expect(cached).toHaveLength(1);
    for (const f of [...installed, ...cached]) {
      expect(fs.readFileSync(f).equals(packaged)).toBe(true);
      expect(fs.readFileSync(f, 'utf8')).not.toContain(tmp);
    }
    const installedInode = fs.statSync(installed[0]).ino;
    const hashes = lockHashes(project);
    expect(hashes).toHaveLength(1);

    // No state file holds the pre-shared key (written write-only).
    const states = findFiles(project, /\.tfstate(\.backup)?$/).filter((f) => !f.includes('node_modules') && !f.includes(`${path.sep}.terraform${path.sep}`));
    expect(states.map((f) => path.relative(project, f))).toContain('terraform.fw-a.tfstate');
    for (const f of states) expect(fs.readFileSync(f, 'utf8')).not.toContain('use-a-long-random-key');

    // Move the project and reinstall its node_modules from its lock file, as a teammate's clone would.
    const moved = path.join(tmp, 'elsewhere', 'renamed-vpn');
    fs.mkdirSync(path.dirname(moved));
    fs.renameSync(project, moved);
    fs.rmSync(path.join(moved, 'node_modules'), { recursive: true, force: true });
    await runLine('npm ci --prefer-offline --no-audit --no-fund', moved, base);
    const replanned = await runLine(plan, moved, env);
    expect(replanned.out).toMatch(/No changes/);
    expect(lockHashes(moved)).toEqual(hashes);
    expect(fs.statSync(installed[0]).ino).toBe(installedInode);
    // Plain cdktf, as the README documents, works in the moved project too.
    expect((await runLine('npx cdktf diff --skip-provider-lock', moved, env)).out).toMatch(/No changes/);
    expect(lockHashes(moved)).toEqual(hashes);

    const destroyed = await runLine(destroy, moved, env);
    expect(destroyed.out).toMatch(/Destroy complete! Resources: 7 destroyed/);
    const digest = createHash('sha256').update(packaged).digest('hex').slice(0, 12);
    process.stdout.write(`REAL-TERRAFORM TESTS RAN (new project from the packed package: lock hash ${hashes[0]} kept after a move and reinstall; provider sha256 ${digest}…)\n`);
  }, 1_500_000);
});
