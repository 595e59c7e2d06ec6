/**
 * The client's errors: one base class with a stable `code`, the PAN-OS context (code, message lines, action,
 * xpath, HTTP status) and a fix hint, plus the commit / multi-config specialisations. Every text an error carries
 * passes through the client's {@link Redactor}, so API keys, passwords and registered pre-shared keys never leak.
 */
import { Redactor, redact, REDACTED } from './redact';

export { redact, Redactor, REDACTED };

/** Stable error codes. Match on these, never on message text. */
export type PanosErrorCode =
  | 'PANOS_NOT_FOUND'
  | 'PANOS_REFERENCED'
  | 'PANOS_INVALID_OBJECT'
  | 'PANOS_SESSION_TIMEOUT'
  | 'PANOS_AUTH'
  | 'PANOS_BAD_XPATH'
  | 'PANOS_BAD_REQUEST'
  | 'PANOS_INVALID_COMMAND'
  | 'PANOS_NOT_UNIQUE'
  | 'PANOS_NOT_POSSIBLE'
  | 'PANOS_DENIED'
  | 'PANOS_LOCKED'
  | 'PANOS_COMMIT_IN_PROGRESS'
  | 'PANOS_COMMIT_FAILED'
  | 'PANOS_COMMIT_TIMEOUT'
  | 'PANOS_MULTI_CONFIG_FAILED'
  | 'PANOS_HTTP'
  | 'PANOS_TIMEOUT'
  | 'PANOS_CONNECTION'
  | 'PANOS_TLS'
  | 'PANOS_BAD_RESPONSE'
  | 'PANOS_RESPONSE_TOO_LARGE'
  | 'PANOS_VERSION_GATE'
  | 'PANOS_ERROR';

/** What an error is built from. Texts are redacted by the constructor when a redactor is given. */
export interface PanosErrorInit {
  readonly code: PanosErrorCode;
  /** API action, e.g. `get`, `set`, `multi-config`, `op`, `commit`, `keygen`. */
  readonly action: string;
  /** Xpath of a config request, or the command of an op / commit request. */
  readonly xpath?: string;
  /** Element sent with the request (kept short; for diagnostics only). */
  readonly element?: string;
  /** PAN-OS `code` attribute of the envelope. */
  readonly panosCode?: number;
  /** Trimmed message lines from the envelope. */
  readonly lines?: readonly string[];
  /** Used when there are no lines (transport-level failures). */
  readonly summary?: string;
  readonly httpStatus?: number;
  /** How to fix it. */
  readonly hint?: string;
  /** A short excerpt of an unusable response body. */
  readonly excerpt?: string;
  readonly cause?: unknown;
  readonly redactor?: Redactor;
  /** The failure may well go away on its own (a reset, a 5xx page, a timeout, "Session timed out"). */
  readonly transient?: boolean;
  /** A try of this request may have reached the device and been acted on, although no answer said so. */
  readonly maybeDelivered?: boolean;
  /** Not sent at all: the same device failed persistently earlier in this client's life (see `firstFailure`). */
  readonly firstFailure?: PanosApiError;
}

const MAX_ECHO = 500;

function clip(s: string | undefined, max = MAX_ECHO): string | undefined {
  if (s === undefined) return undefined;
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** Base class of every client error. */
export class PanosApiError extends Error {
  readonly code: PanosErrorCode;
  readonly action: string;
  readonly xpath?: string;
  readonly element?: string;
  readonly panosCode?: number;
  readonly lines: readonly string[];
  readonly httpStatus?: number;
  readonly hint?: string;
  readonly excerpt?: string;
  /** What went wrong, in one line: the device's message lines or the client's summary, without action, code or fix. */
  readonly reason: string;
  /** See {@link PanosErrorInit.transient}. */
  readonly transient: boolean;
  /** See {@link PanosErrorInit.maybeDelivered}. */
  readonly maybeDelivered: boolean;
  /** The earlier failure this request was not sent because of; its message holds the cause and the fix. */
  readonly firstFailure?: PanosApiError;

  constructor(init: PanosErrorInit) {
    const r = (s: string | undefined): string | undefined =>
      s === undefined ? undefined : init.redactor ? init.redactor.redact(s) : s;
    const lines = (init.lines ?? []).map((l) => r(l) as string);
    const xpath = r(clip(init.xpath, 1000));
    const detail = lines.length > 0 ? lines.join(' | ') : (r(init.summary) ?? 'request failed');
    let message = `${init.action}${xpath ? ` ${xpath}` : ''}: ${detail}`;
    if (init.panosCode !== undefined) message += ` [PAN-OS code ${init.panosCode}]`;
    else if (init.httpStatus !== undefined && init.httpStatus !== 200) message += ` [HTTP ${init.httpStatus}]`;
    const excerpt = r(init.excerpt);
    if (excerpt) message += ` (response began: ${JSON.stringify(excerpt)})`;
    if (init.hint) message += `. Fix: ${r(init.hint)}`;
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'PanosApiError';
    this.code = init.code;
    this.action = init.action;
    this.xpath = xpath;
    this.element = r(clip(init.element));
    this.panosCode = init.panosCode;
    this.lines = lines;
    this.httpStatus = init.httpStatus;
    this.hint = init.hint === undefined ? undefined : r(init.hint);
    this.excerpt = excerpt;
    this.reason = detail;
    this.transient = init.transient ?? false;
    this.maybeDelivered = init.maybeDelivered ?? false;
    this.firstFailure = init.firstFailure;
  }
}

/** A commit (or validate) job finished with result FAIL. The candidate config still holds the change. */
export class CommitFailedError extends PanosApiError {
  readonly jobId: number;
  /** The job's `details/line` texts (validation errors). */
  readonly details: readonly string[];
  readonly warnings: readonly string[];

  constructor(init: {
    jobId: number;
    details: readonly string[];
    warnings: readonly string[];
    jobType?: string;
    redactor?: Redactor;
  }) {
    const kind = init.jobType?.toLowerCase() === 'validate' ? 'validate' : 'commit';
    super({
      code: 'PANOS_COMMIT_FAILED',
      action: kind,
      xpath: `job ${init.jobId}`,
      lines: init.details.length > 0 ? init.details : [`${kind} job ${init.jobId} finished with result FAIL`],
      hint:
        'correct the configuration named in the lines above (the running config is unchanged; the candidate still ' +
        'holds the change), then commit again',
      redactor: init.redactor,
    });
    this.name = 'CommitFailedError';
    this.jobId = init.jobId;
    this.details = this.lines;
    this.warnings = init.warnings.map((w) => (init.redactor ? init.redactor.redact(w) : w));
  }
}

/** The client stopped waiting for a job. The job may still finish on the device. */
export class CommitTimeoutError extends PanosApiError {
  readonly jobId: number;
  readonly timeoutMs: number;

  constructor(init: { jobId: number; timeoutMs: number; lastStatus?: string; lastProgress?: number; redactor?: Redactor }) {
    const progress = init.lastProgress === undefined ? '' : `, progress ${init.lastProgress}%`;
    super({
      code: 'PANOS_COMMIT_TIMEOUT',
      action: 'commit',
      xpath: `job ${init.jobId}`,
      summary:
        `job ${init.jobId} did not finish within ${init.timeoutMs} ms (last status ${init.lastStatus ?? 'unknown'}${progress}); ` +
        'it may still finish on the device',
      hint: `check the job with the op command <show><jobs><id>${init.jobId}</id></jobs></show> or raise the commit timeoutMs`,
      redactor: init.redactor,
    });
    this.name = 'CommitTimeoutError';
    this.jobId = init.jobId;
    this.timeoutMs = init.timeoutMs;
  }
}

/** A multi-config request was rolled back because one action failed. */
export class MultiConfigError extends PanosApiError {
  /** `id` of the failing action (every action gets one: the caller's or its 1-based position). */
  readonly failedId?: string;
  /** 0-based index of the failing action in the request, when known. */
  readonly failedIndex?: number;

  constructor(init: PanosErrorInit & { failedId?: string; failedIndex?: number }) {
    super(init);
    this.name = 'MultiConfigError';
    this.failedId = init.failedId;
    this.failedIndex = init.failedIndex;
  }
}

/** Type guard for client errors, optionally of one code. */
export function isPanosApiError(err: unknown, code?: PanosErrorCode): err is PanosApiError {
  return err instanceof PanosApiError && (code === undefined || err.code === code);
}
