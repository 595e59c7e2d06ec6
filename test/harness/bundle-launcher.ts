/**
 * Makes a `#!/bin/sh` launcher for a TypeScript provider entry: it `exec`s node on a bundle built with esbuild (a dev
 * dependency), so each start costs what a compiled provider costs instead of a TypeScript compile. Falls back
 * to running the TypeScript through tsx when esbuild cannot be loaded.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '..', '..');

interface EsbuildLike {
  buildSync(opts: Record<string, unknown>): unknown;
}

/** What to bundle and where. */
export interface BundleLauncherOptions {
  /** The provider's TypeScript entry file. */
  readonly entry: string;
  /** Directory for the launcher and the bundle. */
  readonly dir: string;
  /** Launcher file name (Terraform's `terraform-provider-<type>`). */
  readonly name: string;
  /** Files or directories to copy next to the bundle (relative source → name in the bundle dir). */
  readonly beside?: readonly (readonly [string, string])[];
}

/** Writes the launcher and returns its path. */
export function bundleLauncher(o: BundleLauncherOptions): string {
  fs.mkdirSync(o.dir, { recursive: true });
  const launcher = path.join(o.dir, o.name);
  const bundleDir = path.join(o.dir, `${o.name}-bundle`);
  const outfile = path.join(bundleDir, 'main.js');
  let command: string;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require('esbuild') as EsbuildLike;
    esbuild.buildSync({
      entryPoints: [o.entry],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile,
      // npm packages stay in node_modules (found through NODE_PATH); only our sources are bundled.
      packages: 'external',
      logLevel: 'silent',
    });
    for (const [from, to] of o.beside ?? []) fs.cpSync(from, path.join(bundleDir, to), { recursive: true });
    command = `NODE_PATH="${path.join(ROOT, 'node_modules')}" exec "${process.execPath}" "${outfile}" "$@"`;
  } catch {
    const loader = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
    command = `exec "${process.execPath}" --import "${loader}" "${o.entry}" "$@"`;
  }
  // `exec` so that Terraform's kill reaches node itself, not a wrapper shell.
  fs.writeFileSync(launcher, `#!/bin/sh\n${command}\n`, { mode: 0o755 });
  return launcher;
}
