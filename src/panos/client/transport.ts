/**
 * The request side of the client: the concurrency cap, the request deadline, retries per request kind (retry.ts),
 * lazy keygen and one re-keygen when the device rejects the key, redaction, and the memory of a failure that will
 * not go away within the run. The HTTP exchange itself is http-exchange.ts. It returns parsed envelopes; deciding
 * what an error envelope means for a given action (not found, already gone, lock already owned) is the caller's job.
 */
import { EnvelopeError, classify, excerptOf, hintFor, parseEnvelope, type Envelope } from './envelope';
import { PanosApiError, Redactor, type PanosErrorCode } from './errors';
import type { LogLevel, ResolvedOptions } from './options';
import {
  backoffDelay,
  classifyTransportError,
  deadlineFailure,
  httpFailure,
  isPersistent,
  mayRetry,
  sessionTimeoutFailure,
  sleep,
  type RequestKind,
  type TransportFailure,
} from './retry';
import { Semaphore } from './semaphore';
import { DeadlineExceeded, HttpExchange, type RawReply } from './http-exchange';
import { failureHint, failureSummary, whereOf } from './transport-hints';
import { textAt } from '../xml';

/** One API request as the client layer describes it. */
export interface RequestSpec {
  /** Form fields: `type`, `action`, `xpath`, `element`, `cmd`, `vsys`, … */
  readonly params: Readonly<Record<string, string>>;
  readonly kind: RequestKind;
  /** Action named in errors and logs (`get`, `set`, `op`, `commit`, …). */
  readonly action: string;
  /** Xpath or command named in errors and logs. */
  readonly target?: string;
  /** Element sent, echoed (redacted, clipped) in errors. */
  readonly element?: string;
  /** False for keygen: no key header, no re-keygen. */
  readonly auth?: boolean;
}

/** An envelope with the HTTP status it came with. */
export interface Reply {
  readonly env: Envelope;
  readonly httpStatus: number;
  /** An earlier try may have reached the device and been acted on (its answer was lost). */
  readonly maybeDelivered: boolean;
}

/** The tries of one request so far; the deadline starts with the first try. */
interface TryState {
  tries: number;
  startedAt?: number;
  deadline?: number;
}

/** One try's answer, or why it failed. */
interface TryOutcome {
  readonly raw?: RawReply;
  readonly failure?: TransportFailure;
  readonly cause?: unknown;
}

/** The transport. Owned by one {@link PanosClient}. */
export class Transport {
  readonly redactor = new Redactor();
  private readonly http: HttpExchange;
  private readonly sem: Semaphore;
  private key?: string;
  private keyInFlight?: Promise<string>;
  /** A failure that will not go away within this run; later requests fail at once with it. */
  private down?: PanosApiError;

  constructor(private readonly o: ResolvedOptions) {
    this.redactor.add(o.apiKey);
    this.redactor.add(o.password);
    this.key = o.apiKey;
    if (o.protocol === 'https' && !o.verifyTls) {
      this.log('warn', `TLS certificate verification is disabled for ${o.hostname}; anyone on the path can read the API key`, {
        hostname: o.hostname,
      });
    }
    this.http = new HttpExchange(o, (code, spec, summary, extra) => this.error(code, spec, summary, extra));
    this.sem = new Semaphore(o.maxInFlight);
  }

  /** Requests holding a concurrency slot right now. */
  get inFlight(): number {
    return this.sem.inUse;
  }

  /** Registers a secret to redact from every error and log line. */
  addSecret(secret: string | undefined): void {
    this.redactor.add(secret);
  }

  /** Logs through the configured logger, redacted. */
  log(level: LogLevel, message: string, fields: Record<string, unknown> = {}): void {
    if (!this.o.logger) return;
    try {
      this.o.logger(level, this.redactor.redact(message), this.redactor.redactFields(fields));
    } catch {
      // A failing logger must not fail the request.
    }
  }

  /** Builds an error from an error envelope, with the code and hint for its PAN-OS code or text. */
  envelopeError(env: Envelope, spec: RequestSpec, httpStatus = 200, code: PanosErrorCode = classify(env)): PanosApiError {
    return new PanosApiError({
      code,
      action: spec.action,
      xpath: spec.target,
      element: spec.element,
      panosCode: env.code,
      lines: env.lines,
      summary: `the device answered status "${env.status}" without a message`,
      httpStatus,
      hint: hintFor(code, this.o.names),
      redactor: this.redactor,
    });
  }

  /** Builds a client-side error with the spec's context. */
  error(
    code: PanosErrorCode,
    spec: RequestSpec,
    summary: string,
    extra: { hint?: string; excerpt?: string; httpStatus?: number; cause?: unknown; transient?: boolean; maybeDelivered?: boolean } = {},
  ): PanosApiError {
    return new PanosApiError({
      code,
      action: spec.action,
      xpath: spec.target,
      element: spec.element,
      summary,
      redactor: this.redactor,
      ...extra,
    });
  }

  /**
   * Sends a request and returns its envelope, whatever its status, except for failures: transient ones (connection
   * lost, HTTP 5xx, timeouts, "Session timed out") are retried as the request's kind allows ({@link mayRetry}),
   * within `retries.attempts` tries and the request deadline; an authentication failure or session timeout triggers
   * one re-keygen and replay when credentials are held (the device refused the request, so that is safe for any kind).
   * What still fails is thrown as a {@link PanosApiError}; a failure that will not go away within this run (nothing
   * listens, TLS mismatch, bad credentials) also fails every later request at once, without sending it.
   */
  async send(spec: RequestSpec): Promise<Reply> {
    if (this.down) throw this.notSent(spec, this.down);
    const auth = spec.auth !== false;
    const state: TryState = { tries: 0 };
    let reauthed = false;
    let maybeDelivered = false;
    for (;;) {
      const key = auth ? await this.currentKey() : undefined;
      state.tries += 1;
      const outcome = await this.tryOnce(spec, key, state);
      let failure = outcome.failure;
      let env: Envelope | undefined;
      if (!failure && outcome.raw) {
        env = this.parse(spec, outcome.raw);
        const authFailure = outcome.raw.status === 403 || env?.code === 403;
        const sessionTimeout = env !== undefined && (env.code === 22 || env.status === 'unauth');
        if (!auth || !(authFailure || sessionTimeout)) {
          if (env === undefined) throw this.error('PANOS_HTTP', spec, `HTTP ${outcome.raw.status}`, { httpStatus: outcome.raw.status, hint: hintFor('PANOS_HTTP', this.o.names) });
          return { env, httpStatus: outcome.raw.status, maybeDelivered };
        }
        if (this.canKeygen() && !reauthed) {
          reauthed = true;
          state.tries -= 1;
          this.log('info', `${spec.action}: the device rejected the API key; generating a new one and sending again`, { action: spec.action, target: spec.target });
          await this.rekey(key);
          continue;
        }
        if (authFailure) throw this.down ? this.notSent(spec, this.down) : this.markDown(this.authError(spec, env, outcome.raw.status));
        failure = sessionTimeoutFailure();
      }
      if (!failure) continue;
      maybeDelivered ||= !failure.beforeSend;
      const elapsed = Date.now() - (state.startedAt ?? Date.now());
      const delay = backoffDelay(state.tries, this.o.baseDelayMs, this.o.maxDelayMs);
      const left = (state.deadline ?? Infinity) - Date.now();
      const retry = mayRetry(spec.kind, failure) && state.tries < this.o.attempts && left > delay;
      this.log(retry ? 'warn' : 'error', `${spec.action} ${spec.target ?? ''}: ${failure.summary}${retry ? `; transient, trying again (${state.tries + 1} of ${this.o.attempts})` : ''}`, {
        action: spec.action,
        target: spec.target,
        attempt: state.tries,
        code: failure.code,
        ms: elapsed,
      });
      if (!retry) {
        // Requests that were in flight together all meet the same dead end: the first one reports it.
        if (isPersistent(failure) && this.down) throw this.notSent(spec, this.down);
        const err = this.failureError(spec, failure, state.tries, elapsed, maybeDelivered, outcome, env);
        throw isPersistent(failure) ? this.markDown(err) : err;
      }
      await sleep(delay);
    }
  }

  /** Generates an API key (POST body, never the URL) and returns it. */
  async keygen(username: string, password: string): Promise<string> {
    this.redactor.add(password);
    const spec: RequestSpec = {
      params: { type: 'keygen', user: username, password },
      kind: 'keygen',
      action: 'keygen',
      target: `for user ${username}`,
      auth: false,
    };
    const { env, httpStatus } = await this.send(spec);
    if (httpStatus === 403 || env.code === 403 || env.status !== 'success') {
      const code: PanosErrorCode = httpStatus === 403 || env.code === 403 ? 'PANOS_AUTH' : classify(env);
      const err = new PanosApiError({
        code,
        action: spec.action,
        xpath: spec.target,
        panosCode: env.code,
        lines: env.lines,
        httpStatus,
        hint: code === 'PANOS_AUTH'
          ? `check ${this.o.names.credentials} (the device refused user ${username}); the same credentials are not tried again in this run`
          : hintFor(code, this.o.names),
        redactor: this.redactor,
      });
      // Wrong credentials stay wrong for the whole run: later requests fail at once instead of logging in again.
      throw code === 'PANOS_AUTH' ? this.markDown(err) : err;
    }
    const key = textAt(env.result, 'key')?.trim();
    if (!key) throw this.error('PANOS_BAD_RESPONSE', spec, 'keygen answer has no result/key');
    this.redactor.add(key);
    return key;
  }

  /** Closes the connection pool (waits for in-flight requests). */
  close(): Promise<void> {
    return this.http.close();
  }

  private canKeygen(): boolean {
    return this.o.username !== undefined && this.o.password !== undefined;
  }

  private async currentKey(): Promise<string> {
    if (this.key) return this.key;
    if (!this.keyInFlight) {
      // One keygen for all concurrent callers: a second keygen would invalidate the first key.
      this.keyInFlight = this.keygen(this.o.username as string, this.o.password as string)
        .then((k) => {
          this.key = k;
          return k;
        })
        .finally(() => {
          this.keyInFlight = undefined;
        });
    }
    return this.keyInFlight;
  }

  private async rekey(staleKey: string | undefined): Promise<void> {
    // Another request may already have replaced the stale key.
    if (this.key === staleKey) this.key = undefined;
    await this.currentKey();
  }

  /** One try, holding a concurrency slot; the request's deadline starts with its first try. */
  private tryOnce(spec: RequestSpec, key: string | undefined, state: TryState): Promise<TryOutcome> {
    return this.sem.run(async () => {
      const now = Date.now();
      state.startedAt ??= now;
      state.deadline ??= now + this.o.requestMs;
      const remaining = state.deadline - now;
      if (remaining <= 0) return { failure: deadlineFailure() };
      try {
        const raw = await this.http.post(spec, key, remaining);
        this.log('debug', `${spec.action} ${spec.target ?? ''}`.trim(), { action: spec.action, target: spec.target, attempt: state.tries, httpStatus: raw.status, ms: Date.now() - now });
        return raw.status >= 500 ? { failure: httpFailure(raw.status), raw } : { raw };
      } catch (err) {
        if (err instanceof PanosApiError) throw err;
        if (err instanceof DeadlineExceeded) return { failure: deadlineFailure() };
        return { failure: classifyTransportError(err), cause: err };
      }
    });
  }

  /** The envelope of an answer; undefined for a 403 without one. Throws for anything else that is not XML. */
  private parse(spec: RequestSpec, raw: RawReply): Envelope | undefined {
    try {
      return parseEnvelope(raw.body);
    } catch (err) {
      if (!(err instanceof EnvelopeError)) throw err;
      if (raw.status === 403) return undefined;
      throw this.error(raw.status === 200 ? 'PANOS_BAD_RESPONSE' : 'PANOS_HTTP', spec, err.message, {
        httpStatus: raw.status,
        excerpt: err.excerpt,
        hint: `check that ${this.o.names.hostname} and ${this.o.names.port} point at the PAN-OS management interface (${whereOf(this.o)}; the API lives at /api/)`,
      });
    }
  }

  private authError(spec: RequestSpec, env: Envelope | undefined, httpStatus: number): PanosApiError {
    const hint = hintFor('PANOS_AUTH', this.o.names);
    if (env) return this.envelopeError(env, spec, httpStatus, 'PANOS_AUTH');
    return this.error('PANOS_AUTH', spec, 'Invalid Credential', { httpStatus, hint });
  }

  private failureError(spec: RequestSpec, failure: TransportFailure, tries: number, elapsedMs: number, maybeDelivered: boolean, outcome: TryOutcome, env: Envelope | undefined): PanosApiError {
    const summary = failureSummary(failure, this.o, spec.kind, tries, elapsedMs);
    const hint = failureHint(failure, this.o);
    if (failure.reason === 'session-timeout' && env) {
      const credentials = this.canKeygen() ? '' : `; if it persists, generate a new API key, or set ${this.o.names.credentials} so the client can log in again`;
      return new PanosApiError({
        code: 'PANOS_SESSION_TIMEOUT',
        action: spec.action,
        xpath: spec.target,
        panosCode: env.code,
        lines: [...env.lines, summary],
        httpStatus: outcome.raw?.status,
        hint: `${hint}${credentials}`,
        transient: true,
        maybeDelivered,
        redactor: this.redactor,
      });
    }
    return this.error(failure.code, spec, summary, {
      httpStatus: outcome.raw?.status,
      excerpt: outcome.raw ? excerptOf(outcome.raw.body) : undefined,
      hint,
      cause: outcome.cause,
      transient: failure.transient,
      maybeDelivered,
    });
  }

  /** Remembers a failure that will not go away within this run. */
  private markDown(err: PanosApiError): PanosApiError {
    this.down ??= err;
    return err;
  }

  private notSent(spec: RequestSpec, first: PanosApiError): PanosApiError {
    return new PanosApiError({
      code: first.code,
      action: spec.action,
      xpath: spec.target,
      summary: `not sent: an earlier request to this device failed in a way that does not go away by itself (${first.message})`,
      firstFailure: first,
      redactor: this.redactor,
    });
  }
}
