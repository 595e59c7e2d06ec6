/**
 * The retry policy. Reads are replayed on any transient failure; writes only when the request provably never left
 * (the connection was not established), because PAN-OS may have applied a write whose answer got lost; commits are
 * never replayed (a second commit job is not harmless: it may commit another admin's changes).
 */
import type { PanosErrorCode } from './errors';

/** How a request may be retried. */
export type RequestKind = 'read' | 'write' | 'commit' | 'keygen';

/** A transport failure, classified. */
export interface TransportFailure {
  readonly code: Extract<PanosErrorCode, 'PANOS_TIMEOUT' | 'PANOS_CONNECTION' | 'PANOS_TLS'>;
  /** True when the request cannot have reached the server (no connection was made). */
  readonly beforeSend: boolean;
  /** True when a read may be replayed. */
  readonly transient: boolean;
  readonly errno: string;
  readonly summary: string;
}

const BEFORE_SEND = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
const AFTER_SEND = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED']);

function errnoOf(err: unknown): string {
  let cur: unknown = err;
  for (let depth = 0; depth < 4 && cur && typeof cur === 'object'; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return 'UNKNOWN';
}

/** Classifies an error thrown by undici (or node's net/tls) while sending a request. */
export function classifyTransportError(err: unknown, timeouts: { connectMs: number; headersMs: number; bodyMs: number }): TransportFailure {
  const errno = errnoOf(err);
  const text = err instanceof Error ? err.message : String(err);
  if (errno === 'UND_ERR_CONNECT_TIMEOUT') {
    return { code: 'PANOS_TIMEOUT', beforeSend: true, transient: true, errno, summary: `no connection within ${timeouts.connectMs} ms (timeouts.connectMs)` };
  }
  if (errno === 'UND_ERR_HEADERS_TIMEOUT') {
    return { code: 'PANOS_TIMEOUT', beforeSend: false, transient: true, errno, summary: `no response headers within ${timeouts.headersMs} ms (timeouts.headersMs)` };
  }
  if (errno === 'UND_ERR_BODY_TIMEOUT') {
    return { code: 'PANOS_TIMEOUT', beforeSend: false, transient: true, errno, summary: `response body stalled for ${timeouts.bodyMs} ms (timeouts.bodyMs)` };
  }
  if (BEFORE_SEND.has(errno)) {
    return { code: 'PANOS_CONNECTION', beforeSend: true, transient: true, errno, summary: `cannot connect (${errno})` };
  }
  if (AFTER_SEND.has(errno)) {
    return { code: 'PANOS_CONNECTION', beforeSend: false, transient: true, errno, summary: `connection lost (${errno}: ${text})` };
  }
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/i.test(errno)) {
    return { code: 'PANOS_TLS', beforeSend: true, transient: false, errno, summary: `TLS verification failed (${errno}: ${text})` };
  }
  return { code: 'PANOS_CONNECTION', beforeSend: false, transient: false, errno, summary: `request failed (${errno}: ${text})` };
}

/** Whether a failed try of a request of this kind may be replayed. */
export function mayRetry(kind: RequestKind, failure: { transient: boolean; beforeSend: boolean }): boolean {
  switch (kind) {
    case 'read':
      return failure.transient;
    case 'write':
    case 'keygen':
      return failure.transient && failure.beforeSend;
    case 'commit':
      return false;
  }
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
