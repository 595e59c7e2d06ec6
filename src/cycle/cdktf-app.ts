/**
 * A cdktf app directory as the cycle commands see it: where it synthesizes to, which stacks it has, whether the
 * synthesized output is older than the sources, and the environment cdktf and terraform need to run offline
 * (the provider's filesystem mirror through TF_CLI_CONFIG_FILE, no checkpoint calls).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { installProvider, type InstallProviderResult } from '../cli/install-provider-command';
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

/** True when there is no synthesized output, or a source file changed after it was written. */
export function needsSynth(app: AppLocation): boolean {
  const manifest = join(app.output, 'manifest.json');
  if (!existsSync(manifest)) return true;
  return newestSource(app.dir, app.output) > statSync(manifest).mtimeMs;
}

/** The cdktf CLI of this package (run with the current node, so no npx lookup or download can happen). */
export function cdktfCommand(): { command: string; args: string[] } {
  const pkg = require.resolve('cdktf-cli/package.json');
  return { command: process.execPath, args: [join(dirname(pkg), 'bundle', 'bin', 'cdktf')] };
}

/** The offline tool environment and the provider installation it points at. */
export interface ToolEnv {
  readonly env: NodeJS.ProcessEnv;
  readonly provider: InstallProviderResult;
}

/**
 * Installs the provider into its filesystem mirror (idempotent) and returns the environment for cdktf and terraform.
 * A TF_CLI_CONFIG_FILE the user exported is replaced: it is often stale, and only our config serves the mirror.
 */
export function toolEnv(base: NodeJS.ProcessEnv = process.env, options: { mirror?: string } = {}): ToolEnv {
  const provider = installProvider(options.mirror !== undefined ? { mirror: options.mirror } : {});
  return {
    provider,
    env: { ...base, TF_CLI_CONFIG_FILE: provider.cliConfig, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' },
  };
}

/** Runs `cdktf synth` in the app, writing to its output directory; child output goes to our stderr. */
export async function synth(app: AppLocation, env: NodeJS.ProcessEnv): Promise<ChildResult> {
  const cdktf = cdktfCommand();
  return runChild(cdktf.command, [...cdktf.args, 'synth', '--output', app.output], { cwd: app.dir, env, output: 'stderr' });
}
