/**
 * deploy / plan / destroy through the cdktf CLI with the offline flags nobody should have to type:
 * `--skip-provider-lock` (the lock step queries the origin registry and fails offline), `--auto-approve`, the
 * provider installed first (and an explicit mirror's TF_CLI_CONFIG_FILE) and CHECKPOINT_DISABLE=1. Output streams as cdktf prints it; commit progress
 * the provider writes to PANOS_IPSEC_PROGRESS_FILE is printed as it arrives.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appLocation, cdktfCommand, resetMovedLocalBackends, toolEnv } from './cdktf-app';
import { PROGRESS_FILE_ENV, ProgressTail } from './progress';
import { runChild } from './processes';

/** What the wrapper runs. `plan` is `cdktf diff`, which prints attribute-level changes. */
export type CdktfVerb = 'deploy' | 'plan' | 'destroy';

/** Options of {@link runCdktf}. */
export interface CdktfRunOptions {
  readonly dir?: string;
  readonly output?: string;
  readonly stack?: string;
  /** Extra arguments passed to cdktf unchanged (after `--`). */
  readonly extra?: readonly string[];
  readonly mirror?: string;
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** Receives commit progress lines. @default written to stderr */
  readonly progress?: (line: string) => void;
  /** Stream cdktf's output to the terminal (`inherit`) or our stderr. @default 'inherit' */
  readonly stream?: 'inherit' | 'stderr';
  /** Receives cdktf's output instead of the terminal (tests). */
  readonly onOutput?: (chunk: string) => void;
}

/** The cdktf arguments for a verb (exported for tests). */
export function cdktfArgs(verb: CdktfVerb, o: { stack?: string; output: string; extra?: readonly string[] }): string[] {
  const sub = verb === 'plan' ? 'diff' : verb;
  return [
    sub,
    ...(o.stack !== undefined ? [o.stack] : []),
    '--skip-provider-lock',
    ...(verb === 'plan' ? [] : ['--auto-approve']),
    '--output',
    o.output,
    ...(o.extra ?? []),
  ];
}

/** Runs the verb and resolves with cdktf's exit code. */
export async function runCdktf(verb: CdktfVerb, o: CdktfRunOptions = {}): Promise<number> {
  const app = appLocation(o);
  const progressDir = mkdtempSync(join(tmpdir(), 'panos-progress-'));
  const progressFile = join(progressDir, 'progress.log');
  const print = o.progress ?? ((l: string) => process.stderr.write(`[panos-ipsec] ${l}\n`));
  const tail = new ProgressTail(progressFile, print).start();
  try {
    const { env, warning } = toolEnv({ ...(o.env ?? process.env), [PROGRESS_FILE_ENV]: progressFile }, o.mirror !== undefined ? { mirror: o.mirror } : {});
    if (warning) print(`warning: ${warning}`);
    for (const note of resetMovedLocalBackends(app)) print(note);
    const cdktf = cdktfCommand(app.dir);
    const r = await runChild(cdktf.command, [...cdktf.args, ...cdktfArgs(verb, { stack: o.stack, output: app.output, extra: o.extra })], {
      cwd: app.dir,
      env,
      output: o.onOutput ? 'capture' : (o.stream ?? 'inherit'),
      ...(o.onOutput ? { onOutput: o.onOutput } : {}),
    });
    return r.code;
  } finally {
    tail.stop();
    rmSync(progressDir, { recursive: true, force: true });
  }
}
