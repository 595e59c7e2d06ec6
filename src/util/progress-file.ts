/**
 * The commit-progress file contract shared by the provider (writer) and the deploy wrapper (reader). Terraform shows a
 * provider's stderr only with TF_LOG, which buries it in noise, so the provider also appends one line per progress
 * change to the file named by PANOS_IPSEC_PROGRESS_FILE (when set).
 *
 * File contract: UTF-8 text, one event per line, appended (never rewritten), e.g. `commit job 7: 45% (ACT)`.
 * No secrets may be written there.
 */
import { appendFileSync } from 'node:fs';

/** The environment variable naming the progress file. */
export const PROGRESS_FILE_ENV = 'PANOS_IPSEC_PROGRESS_FILE';

/** The line for one commit-job progress report. */
export function formatCommitProgress(p: { jobId: number; status: string; progress?: number; result: string }): string {
  const pct = p.progress !== undefined ? `${p.progress}%` : '?%';
  return `commit job ${p.jobId}: ${pct} (${p.status}${p.status === 'FIN' ? ` ${p.result}` : ''})`;
}

/** Appends one line to the progress file named in the environment; does nothing when unset or unwritable. */
export function appendProgress(line: string, env: NodeJS.ProcessEnv = process.env): void {
  const file = env[PROGRESS_FILE_ENV];
  if (!file) return;
  try {
    appendFileSync(file, `${line.replace(/\n/g, ' ')}\n`);
  } catch {
    // Progress is a courtesy: never fail an apply over it.
  }
}
