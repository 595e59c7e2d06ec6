/**
 * `panosipsec_commit` (commits on create and whenever its triggers change) and `panosipsec_commit_anchor` (commits
 * on destroy). Why two: Terraform 1.11 has no end-of-apply hook. A commit resource that depends on every PAN-OS
 * resource runs after their creates and updates; but when a resource is removed from the configuration, Terraform
 * deletes it before updating its former dependents, and in `terraform destroy` the commit resource itself goes
 * first. The anchor, which every PAN-OS resource depends on, is destroyed last, so its delete commits the deletions.
 * Commits per run: create 1, update 1, destroy 1 (a removal during an apply is committed by the commit resource,
 * whose triggers change).
 */
import { createHash } from 'node:crypto';
import { UNKNOWN, errorDiagnostic, newObject, valuesEqual, type Diagnostic, type PlanResult, type StateResult, type ValueObject } from '../../tfplugin';
import type { CommitResult } from '../../panos/client';
import { COMMIT_ANCHOR_RESOURCE, COMMIT_RESOURCE } from '../address';
import { errorToDiagnostics } from '../errors';
import { plannedReferenceDiagnostics, writtenReferenceDiagnostics } from '../reference-checks';
import type { DeviceSession } from '../session';
import { appendProgress, formatCommitProgress } from '../../util/progress-file';

/** Writes one commit progress line to stderr (Terraform shows it in its logs). */
function progressLine(jobId: number, progress: number | undefined, status: string, result: string): void {
  process.stderr.write(`[INFO] commit job ${jobId}: ${progress === undefined ? '?' : progress}% (${status})\n`);
  // Also for the deploy wrapper, which prints these lines while Terraform waits (see src/util/progress-file.ts).
  appendProgress(formatCommitProgress({ jobId, progress, status, result }));
}

/** Commits the candidate config as the provider is configured to; releases the config lock on every path. */
export async function commitNow(session: DeviceSession, description: string | undefined): Promise<CommitResult> {
  const s = session.settings;
  const partial = s.commitScope === 'admin' && s.admin ? { admins: [s.admin] } : undefined;
  if (s.commitScope === 'admin' && !s.admin) {
    session.log.warn('commit_scope is "admin" but no username is configured (API key only); committing all changes (full commit)');
  }
  try {
    const result = await session.client().commit({
      description: description ?? s.commitDescription,
      ...(partial ? { partial } : {}),
      pollIntervalMs: s.commitPollIntervalMs,
      timeoutMs: s.commitTimeoutMs,
      onProgress: (p) => progressLine(p.jobId, p.progress, p.status, p.result),
    });
    if (result.noChanges) process.stderr.write('[INFO] commit: there are no changes to commit\n');
    return result;
  } finally {
    session.invalidateAll();
    await session.releaseLock();
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * Plans the commit resource: job_id and committed_revision become unknown whenever it will commit. Terraform plans it
 * after every object it depends on, so this is where a reference by quoted name that no object answers is an error.
 */
export async function planCommit(session: DeviceSession | undefined, prior: ValueObject | null, proposed: ValueObject | null): Promise<PlanResult> {
  if (proposed === null) return { planned: null };
  const planned = newObject();
  for (const [k, v] of Object.entries(proposed)) planned[k] = v;
  planned.id = 'commit';
  const commits = prior === null || !valuesEqual(prior.triggers, proposed.triggers) || !valuesEqual(prior.description, proposed.description);
  planned.job_id = commits ? UNKNOWN : (prior?.job_id ?? UNKNOWN);
  planned.committed_revision = commits ? UNKNOWN : (prior?.committed_revision ?? UNKNOWN);
  if (!session || session.planned.size === 0) return { planned };
  try {
    return { planned, diagnostics: await plannedReferenceDiagnostics(session) };
  } catch (err) {
    return { planned, diagnostics: errorToDiagnostics(err, COMMIT_RESOURCE, 'reading the device to check references') };
  }
}

/**
 * Commits unless something this process wrote refers to an object missing from the candidate: then the per-resource
 * reasons are returned instead of the device's commit error, and nothing is committed.
 */
async function checkedCommit(session: DeviceSession, description: string | undefined): Promise<{ result?: CommitResult; dangling: Diagnostic[] }> {
  const dangling = await writtenReferenceDiagnostics(session);
  if (dangling.length > 0) {
    await session.releaseLock();
    return { dangling };
  }
  return { result: await commitNow(session, description), dangling };
}

/** Applies the commit resource. */
export async function applyCommit(session: DeviceSession, prior: ValueObject | null, planned: ValueObject | null): Promise<StateResult> {
  if (planned === null) return { state: null };
  try {
    const { result, dangling } = await checkedCommit(session, str(planned.description) ?? undefined);
    if (!result) return { state: prior, diagnostics: dangling };
    const state = newObject();
    for (const [k, v] of Object.entries(planned)) state[k] = v;
    state.id = 'commit';
    state.job_id = result.jobId === undefined ? '' : String(result.jobId);
    state.committed_revision = createHash('sha256').update(JSON.stringify(planned.triggers) + Date.now()).digest('hex').slice(0, 16);
    return { state };
  } catch (err) {
    return { state: prior, diagnostics: errorToDiagnostics(err, COMMIT_RESOURCE, 'commit') };
  }
}

/** Plans the anchor: nothing computed changes after create. */
export function planAnchor(prior: ValueObject | null, proposed: ValueObject | null): PlanResult {
  if (proposed === null) return { planned: null };
  const planned = newObject();
  for (const [k, v] of Object.entries(proposed)) planned[k] = v;
  planned.id = 'commit-anchor';
  return { planned };
}

/** Applies the anchor: create/update do nothing; delete commits what the destroy removed. */
export async function applyAnchor(session: DeviceSession, prior: ValueObject | null, planned: ValueObject | null): Promise<StateResult> {
  if (planned !== null) {
    const state = newObject();
    for (const [k, v] of Object.entries(planned)) state[k] = v;
    state.id = 'commit-anchor';
    return { state };
  }
  try {
    const { result, dangling } = await checkedCommit(session, str(prior?.description) ?? undefined);
    if (!result) return { state: prior, diagnostics: dangling };
    return { state: null };
  } catch (err) {
    const diagnostics = errorToDiagnostics(err, COMMIT_ANCHOR_RESOURCE, 'commit the destroy');
    if (diagnostics.length === 0) diagnostics.push(errorDiagnostic('Commit Failed', String(err)));
    return { state: prior, diagnostics };
  }
}
