/**
 * Commit and job polling. A commit is never sent twice blindly (a second commit job may commit other admins' changes,
 * or commit twice): when its answer is lost, the job list says whether the device queued it, and only when it did
 * not is the commit sent again. Then `show jobs id` is polled until status FIN. Only the job's `result` says whether
 * it worked; the envelope says success either way. Polls come soon after the commit and back off to the configured
 * interval ({@link nextPollDelay}).
 */
import { child, childrenNamed, escapeText, textAt, type XmlElement } from '../xml';
import { isSuccess, messageLines, type Envelope } from './envelope';
import { CommitFailedError, CommitTimeoutError, PanosApiError } from './errors';
import { sleep } from './retry';
import type { PanosClient } from './client';
import type { RequestSpec } from './transport';

/** One progress report while a job runs. */
export interface JobProgress {
  readonly jobId: number;
  /** `PEND`, `ACT` or `FIN`. */
  readonly status: string;
  /** 0–100 when the device reports a number (old builds put a timestamp here; then undefined). */
  readonly progress?: number;
  /** `PEND` while running, then `OK` or `FAIL`. */
  readonly result: string;
}

/** Polling options. */
export interface WaitOptions {
  /**
   * The longest wait between two polls: polling starts {@link FIRST_POLL_MS} after the job is queued and backs off to
   * this (see {@link nextPollDelay}).
   * @default 2000 (PAN-OS advises polling no faster)
   */
  readonly pollIntervalMs?: number;
  /** @default 600000 (10 minutes) */
  readonly timeoutMs?: number;
  readonly onProgress?: (p: JobProgress) => void;
}

/** Options of {@link PanosClient.commit}. */
export interface CommitOptions extends WaitOptions {
  readonly description?: string;
  /** Commit only these admins' changes (partial commit; PAN-OS 8.0+). */
  readonly partial?: { readonly admins: readonly string[] };
  /** `commit force`. */
  readonly force?: boolean;
}

/** A finished commit. Failures throw instead. */
export interface CommitResult {
  /** Absent when there was nothing to commit. */
  readonly jobId?: number;
  readonly noChanges: boolean;
  readonly result: 'OK';
  readonly details: string[];
  readonly warnings: string[];
}

/** A finished job. */
export interface JobOutcome {
  readonly jobId: number;
  /** `Commit`, `Validate`, … */
  readonly type: string;
  readonly result: 'OK' | 'FAIL' | string;
  readonly details: string[];
  readonly warnings: string[];
}

const DEFAULT_POLL_MS = 2000;
/** The first poll of a job, this long after it was queued: a small commit is over in a few hundred milliseconds. */
export const FIRST_POLL_MS = 100;
/** The shortest wait between two polls (when the job reports itself nearly done). */
export const MIN_POLL_MS = 50;

/** What one poll saw, for {@link nextPollDelay}. */
export interface PollSeen {
  /** Milliseconds since the job was queued (its id answered). */
  readonly elapsedMs: number;
  /** `PEND` or `ACT`. */
  readonly status: string;
  /** The job's own progress, 0–100, when it reports a number. */
  readonly progress?: number;
}

/**
 * How long to wait before the next poll of a running job: never more than `intervalMs`, never less than
 * {@link MIN_POLL_MS} (unless `intervalMs` is smaller). While the job reports progress p (1–99) the wait is the time
 * it would still need at the rate seen so far, elapsed × (100 − p) / p, so a job that keeps its pace is seen finished
 * just after its end with two or three polls; a job that speeds up is seen at the next poll, at most one interval late,
 * as with a fixed interval. Without a usable progress (queued, 0, or a build that reports none) the wait doubles the
 * time elapsed (polls at 100, 200, 400, 800 ms …): a job that ends at t is seen by 2t, a 300 ms job within 100 ms.
 */
export function nextPollDelay(seen: PollSeen, intervalMs: number): number {
  const p = seen.status === 'ACT' ? seen.progress : undefined;
  const wait = p !== undefined && p > 0 && p < 100 ? (seen.elapsedMs * (100 - p)) / p : seen.elapsedMs;
  return Math.max(1, Math.min(intervalMs, Math.max(MIN_POLL_MS, Math.ceil(wait))));
}
const DEFAULT_TIMEOUT_MS = 600_000;
const NO_CHANGES = /There are no changes to commit/i;

function lines(node: XmlElement | undefined): string[] {
  if (!node) return [];
  const out: string[] = [];
  for (const l of childrenNamed(node, 'line')) {
    if (l.children.length > 0) out.push(...lines(l));
    else out.push(l.text.trim());
  }
  if (out.length === 0 && node.text.trim() !== '') out.push(node.text.trim());
  return out.filter((s) => s !== '');
}

function parseProgress(text: string | undefined): number | undefined {
  const t = (text ?? '').trim();
  return /^\d{1,3}$/.test(t) ? Number(t) : undefined;
}

/** The commit command for the options, e.g. `<commit><description>x</description><force></force></commit>`. */
export function commitCommand(options: CommitOptions): string {
  let inner = '';
  if (options.description !== undefined) inner += `<description>${escapeText(options.description)}</description>`;
  if (options.force) inner += '<force></force>';
  if (options.partial) {
    const members = options.partial.admins.map((a) => `<member>${escapeText(a)}</member>`).join('');
    inner += `<partial><admin>${members}</admin></partial>`;
  }
  return `<commit>${inner}</commit>`;
}

/** Enqueues a commit and waits for its job; throws CommitFailedError / CommitTimeoutError. */
export async function commit(client: PanosClient, options: CommitOptions): Promise<CommitResult> {
  const cmd = commitCommand(options);
  const params: Record<string, string> = { type: 'commit', cmd };
  if (options.partial) params.action = 'partial';
  const spec: RequestSpec = { params, kind: 'commit', action: 'commit', target: options.description ? `"${options.description}"` : undefined };
  const t = client.transport;
  // The newest job before this commit: if the answer to the commit is lost, a newer commit job is this one.
  const before = await newestJobId(client);
  let env: Envelope | undefined;
  for (let round = 1; env === undefined; round++) {
    try {
      const reply = await t.send(spec);
      if (!isSuccess(reply.env)) throw t.envelopeError(reply.env, spec, reply.httpStatus);
      env = reply.env;
    } catch (err) {
      if (!(err instanceof PanosApiError) || !err.maybeDelivered || before === undefined || round > 2) throw err;
      const queued = await queuedCommit(client, before, options);
      if (queued !== undefined) {
        t.log('warn', `commit: the answer to the commit request was lost (${err.message}); the device queued it as job ${queued}, waiting for that job`, { jobId: queued });
        return finish(client, queued, options);
      }
      t.log('warn', `commit: the answer to the commit request was lost (${err.message}) and the job list shows no commit queued since; sending it again`, {});
    }
  }
  const msgs = messageLines(env.root);
  if (msgs.some((l) => NO_CHANGES.test(l))) {
    t.log('info', 'commit: there are no changes to commit', {});
    return { noChanges: true, result: 'OK', details: msgs, warnings: [] };
  }
  const jobText = textAt(env.result, 'job')?.trim();
  if (!jobText || !/^\d+$/.test(jobText)) {
    throw t.error('PANOS_BAD_RESPONSE', spec, `commit answer has neither a job id nor "no changes" (${msgs.join(' | ') || 'no message'})`);
  }
  const jobId = Number(jobText);
  t.log('info', `commit: job ${jobId} enqueued`, { jobId });
  return finish(client, jobId, options);
}

async function finish(client: PanosClient, jobId: number, options: CommitOptions): Promise<CommitResult> {
  const outcome = await waitForJob(client, jobId, options);
  if (outcome.result !== 'OK') {
    throw new CommitFailedError({ jobId, details: outcome.details, warnings: outcome.warnings, jobType: outcome.type, redactor: client.transport.redactor });
  }
  return { jobId, noChanges: false, result: 'OK', details: outcome.details, warnings: outcome.warnings };
}

/** One job of `show jobs all`. */
interface JobRow {
  readonly id: number;
  readonly type: string;
  readonly user: string;
  readonly description: string;
}

async function jobList(client: PanosClient): Promise<JobRow[]> {
  const result = await client.op('<show><jobs><all></all></jobs></show>');
  return childrenNamed(result, 'job')
    .map((j) => ({
      id: Number((textAt(j, 'id') ?? '').trim()),
      type: (textAt(j, 'type') ?? '').trim(),
      user: (textAt(j, 'user') ?? '').trim(),
      description: (textAt(j, 'description') ?? '').trim(),
    }))
    .filter((j) => Number.isInteger(j.id));
}

/** The highest job id on the device (0 for none); undefined when the job list cannot be read. */
async function newestJobId(client: PanosClient): Promise<number | undefined> {
  try {
    return (await jobList(client)).reduce((max, j) => Math.max(max, j.id), 0);
  } catch (err) {
    if (!(err instanceof PanosApiError)) throw err;
    client.transport.log('debug', `commit: the job list cannot be read (${err.message}); a lost commit answer will not be reconciled`, {});
    return undefined;
  }
}

/** A commit job queued after `before` (the one whose answer was lost), looking twice a poll interval apart. */
async function queuedCommit(client: PanosClient, before: number, options: CommitOptions): Promise<number | undefined> {
  for (let look = 0; look < 2; look++) {
    if (look > 0) await sleep(Math.max(1, options.pollIntervalMs ?? DEFAULT_POLL_MS));
    const found = (await jobList(client))
      // Exactly Commit: a Panorama push shows as CommitAll, and must not pass for ours.
      .filter((j) => j.id > before && /^commit$/i.test(j.type))
      .filter((j) => options.description === undefined || j.description === options.description)
      // An admin-scoped commit is queued under that admin's name; another admin's commit is not ours.
      .filter((j) => options.partial?.admins.length !== 1 || j.user === options.partial.admins[0])
      .sort((a, b) => a.id - b.id)[0];
    if (found) return found.id;
  }
  return undefined;
}

/** Starts a full validate job and waits for it; resolves with OK or FAIL (validation errors are data here). */
export async function validate(client: PanosClient, options: WaitOptions): Promise<JobOutcome> {
  const result = await client.op('<validate><full></full></validate>', { kind: 'write-once' });
  const jobText = textAt(result, 'job')?.trim();
  if (!jobText || !/^\d+$/.test(jobText)) {
    throw client.transport.error('PANOS_BAD_RESPONSE', client.opSpec('<validate><full></full></validate>'), 'validate answer has no job id');
  }
  return waitForJob(client, Number(jobText), options);
}

/** Polls `show jobs id` until FIN; throws CommitTimeoutError (with the job id) when the deadline passes first. */
export async function waitForJob(client: PanosClient, jobId: number, options: WaitOptions): Promise<JobOutcome> {
  const interval = Math.max(1, options.pollIntervalMs ?? DEFAULT_POLL_MS);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const queuedAt = Date.now();
  const deadline = queuedAt + timeoutMs;
  let last: JobProgress | undefined;
  await sleep(Math.min(interval, FIRST_POLL_MS, timeoutMs));
  for (;;) {
    const result = await pollJob(client, jobId);
    const job = child(result, 'job');
    if (!job) {
      throw client.transport.error('PANOS_BAD_RESPONSE', client.opSpec(`<show><jobs><id>${jobId}</id></jobs></show>`), `show jobs answer has no <job> for job ${jobId}`);
    }
    const status = (textAt(job, 'status') ?? '').trim().toUpperCase();
    const jobResult = (textAt(job, 'result') ?? '').trim().toUpperCase();
    last = { jobId, status, progress: parseProgress(textAt(job, 'progress')), result: jobResult };
    if (options.onProgress) {
      try {
        options.onProgress(last);
      } catch {
        // A throwing progress callback must not abandon a running commit.
      }
    }
    if (status === 'FIN') {
      return {
        jobId,
        type: (textAt(job, 'type') ?? '').trim(),
        result: jobResult,
        details: lines(child(job, 'details')),
        warnings: lines(child(job, 'warnings')),
      };
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new CommitTimeoutError({ jobId, timeoutMs, lastStatus: last.status, lastProgress: last.progress, redactor: client.transport.redactor });
    }
    await sleep(Math.min(nextPollDelay({ elapsedMs: Date.now() - queuedAt, status: last.status, progress: last.progress }, interval), left));
  }
}

/** One `show jobs id` poll. A failure names the job, since the job itself may still finish on the device. */
async function pollJob(client: PanosClient, jobId: number): Promise<XmlElement> {
  try {
    return await client.op(`<show><jobs><id>${jobId}</id></jobs></show>`);
  } catch (err) {
    if (!(err instanceof PanosApiError)) throw err;
    throw new PanosApiError({
      code: err.code,
      action: 'commit',
      xpath: `job ${jobId}`,
      panosCode: err.panosCode,
      httpStatus: err.httpStatus,
      summary: `polling the job failed (${err.message})`,
      hint: `the job may still finish on the device: check it with <show><jobs><id>${jobId}</id></jobs></show>`,
      cause: err,
      redactor: client.transport.redactor,
    });
  }
}
