/**
 * Drift detection for one stack of a cdktf app: synthesize when stale, `terraform init` offline, a normal
 * `terraform plan -out` (refresh included), then `terraform show -json` of that plan into a {@link DriftReport}.
 * See drift-report.ts for why a normal plan and not `-refresh-only`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appLocation, listStacks, needsSynth, pickStack, resetMovedLocalBackends, synth, toolEnv } from './cdktf-app';
import { driftReportFromPlan, type DriftReport } from './drift-report';
import { parsePlanJson } from './plan-json';
import { runChild, type ChildResult } from './processes';

/** Options of {@link detectDrift}. */
export interface DriftOptions {
  readonly dir?: string;
  readonly output?: string;
  readonly stack?: string;
  /** Provider mirror directory. @default Terraform's implied mirror ~/.terraform.d/plugins */
  readonly mirror?: string;
  /** Base environment (PANOS_* connection settings reach the provider through it). @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** Progress lines (synth, init, plan). */
  readonly log?: (line: string) => void;
}

/** A failed tool run: names the command, the directory and the tool's own error lines. */
export class ToolError extends Error {
  constructor(what: string, cwd: string, r: ChildResult) {
    const tail = `${r.stderr}\n${r.stdout}`
      .split('\n')
      .map((l) => l.trimEnd())
      .filter((l) => l.trim() !== '')
      .slice(-25)
      .join('\n');
    super(`${what} failed in ${cwd} (exit ${r.code})${tail ? `:\n${tail}` : ''}`);
    this.name = 'ToolError';
  }
}

/** Synthesizes when needed, then plans and reports drift. Throws {@link ToolError} when a tool fails. */
export async function detectDrift(o: DriftOptions = {}): Promise<DriftReport> {
  const log = o.log ?? (() => undefined);
  const app = appLocation(o);
  const { env, warning } = toolEnv(o.env ?? process.env, o.mirror !== undefined ? { mirror: o.mirror } : {});
  if (warning) log(`warning: ${warning}`);
  for (const note of resetMovedLocalBackends(app)) log(note);
  if (needsSynth(app)) {
    log(`synthesizing ${app.dir} (cdktf synth)`);
    const r = await synth(app, env);
    if (r.code !== 0) throw new ToolError('cdktf synth', app.dir, r);
  }
  const stack = pickStack(listStacks(app.output), o.stack, app.output);
  const cwd = stack.workingDirectory;
  log(`terraform init in ${cwd}`);
  const init = await runChild('terraform', ['init', '-input=false', '-no-color'], { cwd, env });
  if (init.code !== 0) throw new ToolError('terraform init', cwd, init);

  // The plan file holds every attribute, secrets too: keep it in a private temp dir and remove it.
  const tmp = mkdtempSync(join(tmpdir(), 'panos-drift-'));
  try {
    const planFile = join(tmp, 'drift.tfplan');
    log(`terraform plan (refresh from the device, compare with the declaration)`);
    const plan = await runChild('terraform', ['plan', '-input=false', '-no-color', '-detailed-exitcode', `-out=${planFile}`], { cwd, env });
    if (plan.code !== 0 && plan.code !== 2) throw new ToolError('terraform plan', cwd, plan);
    const show = await runChild('terraform', ['show', '-json', '-no-color', planFile], { cwd, env });
    if (show.code !== 0) throw new ToolError('terraform show -json', cwd, show);
    return driftReportFromPlan(parsePlanJson(show.stdout), stack.name);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
