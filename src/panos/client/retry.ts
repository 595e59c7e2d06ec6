/**
 * The retry policy. A request is replayed after a transient failure when replaying it cannot change the outcome:
 * reads always; idempotent writes (`set` merges, `edit` of a whole entry, `delete`: applying one twice leaves the
 * configuration as applying it once) always; other writes and commits only when the device provably did not act on
 * the first try (no connection was made, or the device refused it with "Session timed out"). A commit whose answer
 * was lost is never sent again blindly: the commit module looks at the job list first.
 */
import type { PanosErrorCode } from './errors';
import type { ExchangeTimeoutCode } from './http-exchange';

/**
 * How a request may be retried.
 * - `read`: no effect on the device.
 * - `write`: idempotent (set, edit of a full entry, delete, a multi-config of only those).
 * - `write-once`: not idempotent (rename, most op commands): replayed only when it did not reach the device.
 * - `commit`: like `write-once`; the caller reconciles a lost answer with the job list.
 * - `keygen`: returns a key and changes nothing the client relies on; replayed like a read.
 */
export type RequestKind = 'read' | 'write' | 'write-once' | 'commit' | 'keygen';

/** Why a try failed, as far as the client can tell. */
export type FailureReason =
  | 'refused'
  | 'dns'
  | 'no-route'
  | 'connect-timeout'
  | 'tls-certificate'
  | 'tls-not-spoken'
  | 'reset'
  | 'headers-timeout'
  | 'body-timeout'
  | 'deadline'
  | 'http-5xx'
  | 'session-timeout'
  | 'other';

/** A failed try, classified. */
export interface TransportFailure {
  readonly code: Extract<PanosErrorCode, 'PANOS_TIMEOUT' | 'PANOS_CONNECTION' | 'PANOS_TLS' | 'PANOS_HTTP' | 'PANOS_SESSION_TIMEOUT'>;
  readonly reason: FailureReason;
  /** True when the request cannot have reached the device (no connection was made, or the device refused it). */
  readonly beforeSend: boolean;
  /** True when another try may well succeed. */
  readonly transient: boolean;
  readonly errno: string;
  /** What happened, for the error message (without the fix). */
  readonly summary: string;
}

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
const NO_ROUTE = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'EHOSTDOWN']);
const LOST = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED']);
/** OpenSSL's words for "the peer does not speak TLS" (a plain-HTTP port, or something else entirely). */
const NOT_TLS = /WRONG_VERSION_NUMBER|wrong version number|packet length too long|unknown protocol|http request|EPROTO/i;
const CERTIFICATE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME|DEPTH_ZERO|UNABLE_TO_GET_ISSUER|HOSTNAME_MISMATCH/i;

function errnoOf(err: unknown): string {
  let cur: unknown = err;
  for (let depth = 0; depth < 4 && cur && typeof cur === 'object'; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return 'UNKNOWN';
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}

/**
 * The exchange's own clocks (http-exchange.ts): whether the request can have reached the device, and what happened.
 * Only a connect timeout is before sending; once connected, the request may have been read and acted on.
 */
const TIMEOUTS: Record<ExchangeTimeoutCode, { reason: FailureReason; beforeSend: boolean; summary: string }> = {
  CONNECT_TIMEOUT: { reason: 'connect-timeout', beforeSend: true, summary: 'no connection could be made in time' },
  HEADERS_TIMEOUT: { reason: 'headers-timeout', beforeSend: false, summary: 'the device sent no answer in time' },
  BODY_TIMEOUT: { reason: 'body-timeout', beforeSend: false, summary: 'the answer stalled' },
};

/** Classifies an error thrown by node's http, net or tls (or the exchange's own timeouts) while sending a request. */
export function classifyTransportError(err: unknown): TransportFailure {
  const errno = errnoOf(err);
  const text = firstLine(err instanceof Error ? err.message : String(err));
  const failure = (code: TransportFailure['code'], reason: FailureReason, beforeSend: boolean, transient: boolean, summary: string): TransportFailure =>
    ({ code, reason, beforeSend, transient, errno, summary });
  const timeout = Object.hasOwn(TIMEOUTS, errno) ? TIMEOUTS[errno as ExchangeTimeoutCode] : undefined;
  if (timeout) return failure('PANOS_TIMEOUT', timeout.reason, timeout.beforeSend, true, timeout.summary);
  if (errno === 'ECONNREFUSED') return failure('PANOS_CONNECTION', 'refused', true, true, 'connection refused (nothing listens on that port)');
  if (DNS.has(errno)) return failure('PANOS_CONNECTION', 'dns', true, errno === 'EAI_AGAIN', `the name does not resolve (${errno})`);
  if (NO_ROUTE.has(errno)) return failure('PANOS_CONNECTION', 'no-route', true, true, `no route to the device (${errno})`);
  if (NOT_TLS.test(errno) || NOT_TLS.test(text)) {
    return failure('PANOS_TLS', 'tls-not-spoken', true, false, `the server on that port does not speak TLS (${errno}); it is probably plain HTTP`);
  }
  if (CERTIFICATE.test(errno)) return failure('PANOS_TLS', 'tls-certificate', true, false, `the device's TLS certificate was not accepted (${errno}: ${text})`);
  if (LOST.has(errno)) return failure('PANOS_CONNECTION', 'reset', false, true, `the connection was lost before the answer arrived (${errno}: ${text})`);
  return failure('PANOS_CONNECTION', 'other', false, false, `the request failed (${errno}: ${text})`);
}

/** An HTTP 5xx answer: the management web server (or a proxy) failed; the device may or may not have acted. */
export function httpFailure(status: number): TransportFailure {
  return { code: 'PANOS_HTTP', reason: 'http-5xx', beforeSend: false, transient: true, errno: `HTTP ${status}`, summary: `the management web server answered HTTP ${status}` };
}

/** "Session timed out" (code 22, status unauth): the device refused the request without acting on it. */
export function sessionTimeoutFailure(): TransportFailure {
  return { code: 'PANOS_SESSION_TIMEOUT', reason: 'session-timeout', beforeSend: true, transient: true, errno: 'code 22', summary: 'the device answered "Session timed out"' };
}

/** The whole request (its retries included) ran out of time. */
export function deadlineFailure(): TransportFailure {
  return { code: 'PANOS_TIMEOUT', reason: 'deadline', beforeSend: false, transient: true, errno: 'deadline', summary: 'no complete answer in time' };
}

/** Whether a failed try of a request of this kind may be replayed. */
export function mayRetry(kind: RequestKind, failure: Pick<TransportFailure, 'transient' | 'beforeSend'>): boolean {
  if (!failure.transient) return false;
  switch (kind) {
    case 'read':
    case 'write':
    case 'keygen':
      return true;
    case 'write-once':
    case 'commit':
      return failure.beforeSend;
  }
}

/** Failures that will not go away within this run: later requests fail at once instead of trying again. */
export function isPersistent(failure: Pick<TransportFailure, 'reason'>): boolean {
  return ['refused', 'dns', 'no-route', 'connect-timeout', 'tls-certificate', 'tls-not-spoken'].includes(failure.reason);
}

/**
 * Exponential backoff with "equal" jitter: a random delay in [c/2, c] with c = min(max, base * 2^(try-1)), so
 * clients that failed together spread out but none retries immediately.
 */
export function backoffDelay(attempt: number, baseDelayMs: number, maxDelayMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Sleeps for `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
