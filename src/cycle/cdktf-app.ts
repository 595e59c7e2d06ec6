/**
 * A cdktf app directory as the cycle commands see it: where it synthesizes to, which stacks it has, whether the
 * synthesized output is older than the sources or was written in another folder, and the environment cdktf and
 * terraform need to run offline (the provider installed where Terraform finds it, no checkpoint calls).
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { packageJson } from '../util/package-info';
import { impliedMirrorProblem, installProvider, type InstallProviderResult } from './provider-install';
import { runChild, type ChildResult } from './processes';

/** Where an app lives and synthesizes to. */
export interface AppLocation {
  /** The app directory (holds cdktf.json). */
  readonly dir: string;
  /** The synth output directory. @default `<dir>/cdktf.out` */
  readonly output: string;
}

/** Resolves `--dir` and `--output` (relative output is relative to the app directory). */
export function appLocation(o: { dir?: string; output?: string }): AppLocation {
  const dir = resolve(o.dir ?? process.cwd());
  if (!existsSync(join(dir, 'cdktf.json'))) {
    throw new Error(`${dir} has no cdktf.json: it is not a cdktf app. Fix: run in the app directory or pass --dir <app dir>.`);
  }
  return { dir, output: resolve(dir, o.output ?? 'cdktf.out') };
}

/** One synthesized stack. */
export interface SynthStack {
  readonly name: string;
  /** Absolute directory terraform runs in. */
  readonly workingDirectory: string;
}

/** Stacks listed in `<output>/manifest.json`. */
export function listStacks(output: string): SynthStack[] {
  const manifest = join(output, 'manifest.json');
  if (!existsSync(manifest)) return [];
  const doc = JSON.parse(readFileSync(manifest, 'utf8')) as { stacks?: Record<string, { name?: string; workingDirectory?: string }> };
  return Object.entries(doc.stacks ?? {}).map(([key, s]) => ({
    name: s.name ?? key,
    workingDirectory: resolve(output, s.workingDirectory ?? join('stacks', key)),
  }));
}

/** Picks `--stack`, or the only stack; the error lists the stacks there are. */
export function pickStack(stacks: readonly SynthStack[], wanted: string | undefined, output: string): SynthStack {
  const names = stacks.map((s) => s.name).join(', ') || '(none)';
  if (wanted !== undefined) {
    const s = stacks.find((x) => x.name === wanted);
    if (!s) throw new Error(`stack ${JSON.stringify(wanted)} is not in ${output} (stacks: ${names}). Fix: pass one of them to --stack.`);
    return s;
  }
  if (stacks.length === 1) return stacks[0];
  throw new Error(
    stacks.length === 0
      ? `${output} holds no synthesized stack. Fix: check that the app defines a stack and synthesizes.`
      : `the app has several stacks (${names}). Fix: pick one with --stack.`,
  );
}

const SKIP_DIRS = new Set(['node_modules', 'cdktf.out', '.gen', 'dist', '.terraform']);

function newestSource(dir: string, output: string, depth = 0): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
    const p = join(dir, entry.name);
    if (p === output) continue;
    if (entry.isDirectory()) {
      if (depth < 4) newest = Math.max(newest, newestSource(p, output, depth + 1));
    } else if (/\.(ts|js|json)$/.test(entry.name)) {
      newest = Math.max(newest, statSync(p).mtimeMs);
    }
  }
  return newest;
}

/**
 * True when there is no synthesized output, a source file changed after it was written, or it was written in
 * another folder (a moved project: cdktf writes the local state path as an absolute path).
 */
export function needsSynth(app: AppLocation): boolean {
  const manifest = join(app.output, 'manifest.json');
  if (!existsSync(manifest)) return true;
  if (newestSource(app.dir, app.output) > statSync(manifest).mtimeMs) return true;
  return listStacks(app.output).some((s) => {
    const file = join(s.workingDirectory, 'cdk.tf.json');
    if (!existsSync(file)) return true;
    const local = (JSON.parse(readFileSync(file, 'utf8')) as { terraform?: { backend?: { local?: { path?: unknown } } } }).terraform?.backend?.local?.path;
    return typeof local === 'string' && isAbsolute(local) && dirname(local) !== app.dir;
  });
}

/**
 * After the project folder moved: cdktf writes the default local state path as an absolute path
 * (`<project>/terraform.<stack>.tfstate`), and each stack's `.terraform/terraform.tfstate` records the backend of
 * the last `terraform init`, so the next init in the moved project stops with "Backend configuration changed". When
 * that recorded state path no longer exists (the state file moved with the project), the record is stale: it is
 * removed, so the next init adopts the new path without migrating anything. The record holds the backend settings
 * only, never resource state. A record whose state file still exists (a copy of the project, not a move) is left for
 * Terraform to refuse. Returns one line per stack reset.
 */
export function resetMovedLocalBackends(app: AppLocation): string[] {
  const stacksDir = join(app.output, 'stacks');
  if (!existsSync(stacksDir)) return [];
  const notes: string[] = [];
  for (const stack of readdirSync(stacksDir)) {
    const record = join(stacksDir, stack, '.terraform', 'terraform.tfstate');
    if (!existsSync(record)) continue;
    let recorded: string | undefined;
    try {
      const doc = JSON.parse(readFileSync(record, 'utf8')) as { backend?: { type?: string; config?: { path?: unknown } } };
      if (doc.backend?.type === 'local' && typeof doc.backend.config?.path === 'string') recorded = doc.backend.config.path;
    } catch {
      continue; // Not ours to judge: Terraform reports a damaged record itself.
    }
    if (recorded === undefined || !isAbsolute(recorded) || existsSync(recorded)) continue;
    const now = join(app.dir, basename(recorded));
    if (relative(app.dir, recorded) === basename(recorded)) continue;
    rmSync(record);
    notes.push(
      `stack ${stack}: the project moved (its local state was at ${recorded}${existsSync(now) ? `, now ${now}` : ''}); ` +
        `reset Terraform's record of the old path in ${relative(app.dir, record)} so init uses the new one`,
    );
  }
  return notes;
}

/** The cdktf-cli versions this package works with: its peer dependency range. */
function cdktfCliRange(): string {
  return packageJson().peerDependencies?.['cdktf-cli'] ?? 'latest';
}

/**
 * The cdktf CLI: the app's own (the user's project), else one found from this package; run with the current node,
 * so no npx lookup or download can happen.
 * @throws Error saying how to install cdktf-cli when there is none
 */
export function cdktfCommand(
  appDir: string = process.cwd(),
  resolveModule: (id: string, options: { paths: string[] }) => string = require.resolve,
): { command: string; args: string[] } {
  let pkg: string;
  try {
    pkg = resolveModule('cdktf-cli/package.json', { paths: [appDir, __dirname] });
  } catch {
    throw new Error(
      `cdktf-cli is not installed in ${appDir} (nor next to cdktf-panos-ipsec): the deploy, plan, destroy and drift commands run it. ` +
        `Fix: npm install --save-dev cdktf-cli@${cdktfCliRange()}`,
    );
  }
  return { command: process.execPath, args: [join(dirname(pkg), 'bundle', 'bin', 'cdktf')] };
}

/** The offline tool environment and the provider installation it points at. */
export interface ToolEnv {
  readonly env: NodeJS.ProcessEnv;
  readonly provider: InstallProviderResult;
  /** Why Terraform may not find the provider (a CLI config that turns the default mirror off), for the user to see. */
  readonly warning?: string;
}

/**
 * Installs the provider (idempotent) and returns the environment for cdktf and terraform: no checkpoint calls, and
 * for an explicit mirror the CLI config serving it. With the default mirror the user's own CLI config (credentials,
 * plugin cache…) stays in effect, since Terraform searches that mirror without one.
 */
export function toolEnv(base: NodeJS.ProcessEnv = process.env, options: { mirror?: string } = {}): ToolEnv {
  const provider = installProvider(options.mirror !== undefined ? { mirror: options.mirror } : {});
  const env: NodeJS.ProcessEnv = { ...base, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
  if (provider.cliConfig) return { provider, env: { ...env, TF_CLI_CONFIG_FILE: provider.cliConfig } };
  const warning = impliedMirrorProblem(provider.mirror, base);
  return { provider, env, ...(warning ? { warning } : {}) };
}

/** Runs `cdktf synth` in the app, writing to its output directory; child output goes to our stderr. */
export async function synth(app: AppLocation, env: NodeJS.ProcessEnv): Promise<ChildResult> {
  const cdktf = cdktfCommand(app.dir);
  return runChild(cdktf.command, [...cdktf.args, 'synth', '--output', app.output], { cwd: app.dir, env, output: 'stderr' });
}
