/**
 * The commit / validate job queue: one job runs at a time (PAN-OS 7.1+ queues commits), progress climbs over the
 * configured duration and reaches 100 exactly when the status becomes FIN (so both pan-python's and pango's
 * completion tests agree, docs/panos/xml-api.md#job-poll).
 */
import { deviceTime } from './config-store';
import { escText, cdata } from './xml-tree';

/** What a job does when its time is up. */
export interface JobOutcome {
  readonly ok: boolean;
  readonly details: readonly string[];
  readonly warnings?: readonly string[];
}

/** A queued or finished job. */
export interface Job {
  readonly id: number;
  readonly type: 'Commit' | 'Validate';
  readonly user: string;
  readonly description: string;
  readonly tenq: Date;
  tdeq?: Date;
  tfin?: Date;
  startedAt?: number;
  status: 'PEND' | 'ACT' | 'FIN';
  result: 'PEND' | 'OK' | 'FAIL';
  details: readonly string[];
  warnings: readonly string[];
  readonly run: () => JobOutcome;
}

/** The queue. */
export class JobQueue {
  private readonly jobs = new Map<number, Job>();
  private readonly pending: Job[] = [];
  private current?: Job;
  private timer?: NodeJS.Timeout;
  private nextId = 1;
  private closed = false;

  constructor(private readonly durationMs: number) {}

  /** Enqueues a job; it starts at once when nothing runs. */
  enqueue(type: Job['type'], user: string, description: string, run: () => JobOutcome): Job {
    const job: Job = {
      id: this.nextId++,
      type,
      user,
      description,
      tenq: new Date(),
      status: 'PEND',
      result: 'PEND',
      details: [],
      warnings: [],
      run,
    };
    this.jobs.set(job.id, job);
    this.pending.push(job);
    this.pump();
    return job;
  }

  /** A job by id. */
  get(id: number): Job | undefined {
    return this.jobs.get(id);
  }

  /** Every job, oldest first. */
  all(): Job[] {
    return [...this.jobs.values()];
  }

  /** True while a job runs or waits. */
  busy(): boolean {
    return this.current !== undefined || this.pending.length > 0;
  }

  /** Stops timers (simulator shutdown). */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private pump(): void {
    if (this.current || this.closed) return;
    const job = this.pending.shift();
    if (!job) return;
    this.current = job;
    job.status = 'ACT';
    job.tdeq = new Date();
    job.startedAt = Date.now();
    this.timer = setTimeout(() => this.finish(job), this.durationMs);
  }

  private finish(job: Job): void {
    let outcome: JobOutcome;
    try {
      outcome = job.run();
    } catch (err) {
      outcome = { ok: false, details: [` Error: ${(err as Error).message}`, 'Commit failed'] };
    }
    job.result = outcome.ok ? 'OK' : 'FAIL';
    job.details = outcome.details;
    job.warnings = outcome.warnings ?? [];
    job.tfin = new Date();
    job.status = 'FIN';
    this.current = undefined;
    this.timer = undefined;
    this.pump();
  }

  /** Progress 0..100; 100 only once FIN. */
  progress(job: Job): number {
    if (job.status === 'FIN') return 100;
    if (job.status === 'PEND' || job.startedAt === undefined) return 0;
    if (this.durationMs <= 0) return 99;
    return Math.min(99, Math.floor(((Date.now() - job.startedAt) * 100) / this.durationMs));
  }

  /** The `<job>` element of `show jobs id` (docs/panos/xml-api.md#job-poll, #job-fail). */
  jobXml(job: Job): string {
    const hhmmss = (d: Date): string => deviceTime(d).slice(11);
    const lines = (xs: readonly string[]): string => xs.map((l) => `<line>${l.startsWith(' ') ? cdata(l) : escText(l)}</line>`).join('');
    const queuePos = job.status === 'PEND' ? this.pending.indexOf(job) + 1 : 0;
    return (
      `<job><tenq>${deviceTime(job.tenq)}</tenq><tdeq>${job.tdeq ? hhmmss(job.tdeq) : ''}</tdeq><id>${job.id}</id>` +
      `<user>${escText(job.user)}</user><type>${job.type}</type><status>${job.status}</status>` +
      `<queued>${job.status === 'PEND' ? 'YES' : 'NO'}</queued><stoppable>${job.status === 'FIN' ? 'no' : 'yes'}</stoppable>` +
      `<result>${job.result}</result><tfin>${job.tfin ? deviceTime(job.tfin) : 'Still Active'}</tfin>` +
      `<description>${escText(job.description)}</description><positionInQ>${queuePos}</positionInQ>` +
      `<progress>${this.progress(job)}</progress>` +
      `<details>${lines(job.details)}</details><warnings>${lines(job.warnings)}</warnings></job>`
    );
  }
}
