/**
 * The HTTP side of the client: one undici Pool per device, POST form bodies with the key in `X-PAN-KEY`, the
 * concurrency cap, timeouts, the streaming size limit, retries per request kind, lazy keygen and one re-keygen
 * when the device rejects the key. It returns parsed envelopes; deciding what an error envelope means for a given
 * action (not found, already gone, lock already owned) is the caller's job.
 */
import { readFileSync } from 'node:fs';
import type { Pool } from 'undici';
import { EnvelopeError, classify, excerptOf, hintFor, parseEnvelope, type Envelope } from './envelope';
import { PanosApiError, Redactor, type PanosErrorCode } from './errors';
import type { LogLevel, ResolvedOptions } from './options';
import { backoffDelay, classifyTransportError, mayRetry, sleep, type RequestKind } from './retry';
import { Semaphore } from './semaphore';
import { textAt } from '../xml';

/** Strict decoder: a byte sequence that is not UTF-8 is an error, not a replacement character. BOM is dropped. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

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
}

interface RawReply {
  readonly status: number;
  readonly body: string;
}

/** Thrown inside the try loop for HTTP 5xx so the retry policy sees it like a transport failure. */
class HttpStatusFailure {
  constructor(readonly status: number, readonly body: string) {}
}

/** The transport. Owned by one {@link PanosClient}. */
export class Transport {
  readonly redactor = new Redactor();
  private poolInstance?: Pool;
  private readonly poolUrl: string;
  private readonly poolOptions: Pool.Options;
  private readonly sem: Semaphore;
  private key?: string;
  private keyInFlight?: Promise<string>;

  constructor(private readonly o: ResolvedOptions) {
    this.redactor.add(o.apiKey);
    this.redactor.add(o.password);
    this.key = o.apiKey;
    let ca: string | undefined;
    if (o.caFile !== undefined) {
      try {
        ca = readFileSync(o.caFile, 'utf8');
      } catch (err) {
        throw new TypeError(`PanosClient option caFile: cannot read ${o.caFile} (${(err as Error).message})`);
      }
    }
    if (o.protocol === 'https' && !o.verifyTls) {
      this.log('warn', `TLS certificate verification is disabled for ${o.hostname}; anyone on the path can read the API key`, {
        hostname: o.hostname,
      });
    }
    const host = o.hostname.includes(':') && !o.hostname.startsWith('[') ? `[${o.hostname}]` : o.hostname;
    this.poolUrl = `${o.protocol}://${host}:${o.port}`;
    this.poolOptions = {
      connections: o.maxInFlight,
      pipelining: 1,
      headersTimeout: o.headersMs,
      bodyTimeout: o.bodyMs,
      connect: {
        timeout: o.connectMs,
        ...(o.protocol === 'https' ? { rejectUnauthorized: o.verifyTls, ...(ca !== undefined ? { ca } : {}) } : {}),
      },
    };
    this.sem = new Semaphore(o.maxInFlight);
  }

  /**
   * The connection pool, made at the first request: loading undici costs about half a second, and Terraform starts
   * the provider several times per command, mostly for calls that never reach the device.
   */
  private get pool(): Pool {
    if (!this.poolInstance) {
      const { Pool: PoolClass } = require('undici') as typeof import('undici');
      this.poolInstance = new PoolClass(this.poolUrl, this.poolOptions);
    }
    return this.poolInstance;
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
      hint: hintFor(code),
      redactor: this.redactor,
    });
  }

  /** Builds a client-side error with the spec's context. */
  error(code: PanosErrorCode, spec: RequestSpec, summary: string, extra: { hint?: string; excerpt?: string; httpStatus?: number; cause?: unknown } = {}): PanosApiError {
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
   * Sends a request and returns its envelope, whatever its status, except for authentication failures: those
   * trigger one re-keygen and replay when credentials are held (the device refused the request, so replaying is
   * safe for any kind), and otherwise throw 'PANOS_AUTH' / 'PANOS_SESSION_TIMEOUT'.
   */
  async send(spec: RequestSpec): Promise<Reply> {
    const auth = spec.auth !== false;
    let reauthed = false;
    for (;;) {
      const key = auth ? await this.currentKey() : undefined;
      const raw = await this.sendWithRetries(spec, key);
      let env: Envelope | undefined;
      try {
        env = parseEnvelope(raw.body);
      } catch (err) {
        if (!(err instanceof EnvelopeError)) throw err;
        if (raw.status !== 403) {
          const code = raw.status === 200 ? 'PANOS_BAD_RESPONSE' : 'PANOS_HTTP';
          throw this.error(code, spec, `${err.message}`, {
            httpStatus: raw.status,
            excerpt: err.excerpt,
            hint: 'check that hostname/port point at the PAN-OS management interface (the API lives at /api/)',
          });
        }
      }
      const authFailure = raw.status === 403 || env?.code === 403;
      const sessionTimeout = env !== undefined && (env.code === 22 || env.status === 'unauth');
      if (!auth || !(authFailure || sessionTimeout)) {
        if (env === undefined) {
          const code: PanosErrorCode = raw.status === 403 ? 'PANOS_AUTH' : 'PANOS_HTTP';
          throw this.error(code, spec, `HTTP ${raw.status}`, { httpStatus: raw.status, hint: hintFor(code) });
        }
        return { env, httpStatus: raw.status };
      }
      if (this.canKeygen() && !reauthed) {
        reauthed = true;
        this.log('info', `${spec.action}: the device rejected the API key; generating a new one and retrying once`, {
          action: spec.action,
          target: spec.target,
        });
        await this.rekey(key);
        continue;
      }
      const code: PanosErrorCode = sessionTimeout && !authFailure ? 'PANOS_SESSION_TIMEOUT' : 'PANOS_AUTH';
      if (env) throw this.envelopeError(env, spec, raw.status, code);
      throw this.error(code, spec, 'Invalid Credential', { httpStatus: raw.status, hint: hintFor(code) });
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
      throw new PanosApiError({
        code,
        action: spec.action,
        xpath: spec.target,
        panosCode: env.code,
        lines: env.lines,
        httpStatus,
        hint: code === 'PANOS_AUTH' ? `check the username and password of ${username}; keygen is not retried with the same credentials` : hintFor(code),
        redactor: this.redactor,
      });
    }
    const key = textAt(env.result, 'key')?.trim();
    if (!key) throw this.error('PANOS_BAD_RESPONSE', spec, 'keygen answer has no result/key');
    this.redactor.add(key);
    return key;
  }

  /** Closes the pool (waits for in-flight requests). */
  async close(): Promise<void> {
    await this.poolInstance?.close();
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

  private async sendWithRetries(spec: RequestSpec, key: string | undefined): Promise<RawReply> {
    for (let attempt = 1; ; attempt++) {
      const started = Date.now();
      try {
        const raw = await this.sem.run(() => this.once(spec, key));
        if (raw.status >= 500) throw new HttpStatusFailure(raw.status, raw.body);
        this.log('debug', `${spec.action} ${spec.target ?? ''}`.trim(), {
          action: spec.action,
          target: spec.target,
          attempt,
          httpStatus: raw.status,
          ms: Date.now() - started,
        });
        return raw;
      } catch (err) {
        if (err instanceof PanosApiError) throw err;
        const http = err instanceof HttpStatusFailure ? err : undefined;
        const failure = http
          ? { code: 'PANOS_HTTP' as const, transient: true, beforeSend: false, summary: `HTTP ${http.status} from the device` }
          : classifyTransportError(err, this.o);
        const retry = attempt < this.o.attempts && mayRetry(spec.kind, failure);
        this.log(retry ? 'warn' : 'error', `${spec.action} ${spec.target ?? ''}: ${failure.summary}${retry ? '; retrying' : ''}`, {
          action: spec.action,
          target: spec.target,
          attempt,
          code: failure.code,
          ms: Date.now() - started,
        });
        if (!retry) {
          const notRetried =
            spec.kind !== 'read' && attempt === 1 && failure.transient
              ? ` (not retried: a ${spec.kind} may have reached the device)`
              : attempt > 1
                ? ` (after ${attempt} tries)`
                : '';
          throw this.error(failure.code, spec, `${failure.summary}${notRetried}`, {
            httpStatus: http?.status,
            excerpt: http ? excerptOf(http.body) : undefined,
            hint: this.transportHint(failure.code),
            cause: http ? undefined : err,
          });
        }
        await sleep(backoffDelay(attempt, this.o.baseDelayMs, this.o.maxDelayMs));
      }
    }
  }

  private transportHint(code: PanosErrorCode): string {
    const where = `${this.o.protocol}://${this.o.hostname}:${this.o.port}`;
    switch (code) {
      case 'PANOS_TIMEOUT':
        return `the device at ${where} is slow or unreachable: check management-plane load, or raise the client's timeouts`;
      case 'PANOS_TLS':
        return `set caFile to the PEM of the CA that signed the certificate of ${where} (or, for a lab only, verifyTls: false)`;
      case 'PANOS_HTTP':
        return `the management web server at ${where} failed: retry later, or check the device's management plane`;
      default:
        return `check hostname, port and protocol (${where}) and that the management interface allows API access from this host`;
    }
  }

  private async once(spec: RequestSpec, key: string | undefined): Promise<RawReply> {
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/xml, text/xml',
      'user-agent': this.o.userAgent,
    };
    if (key !== undefined) headers['x-pan-key'] = key;
    const res = await this.pool.request({
      path: '/api/',
      method: 'POST',
      headers,
      body: new URLSearchParams(spec.params as Record<string, string>).toString(),
    });
    const limit = this.o.maxResponseBytes;
    const tooLarge = (seen: string): PanosApiError =>
      this.error('PANOS_RESPONSE_TOO_LARGE', spec, `response body is larger than maxResponseBytes (${limit} bytes; ${seen})`, {
        httpStatus: res.statusCode,
        hint: 'narrow the xpath (read one container instead of a whole subtree) or raise maxResponseBytes',
      });
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      res.body.destroy();
      throw tooLarge(`Content-Length ${declared}`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > limit) {
        res.body.destroy();
        throw tooLarge(`aborted after ${size} bytes`);
      }
      chunks.push(buf);
    }
    const bytes = Buffer.concat(chunks);
    try {
      return { status: res.statusCode, body: UTF8.decode(bytes) };
    } catch {
      // Buffer#toString would swap bad bytes for U+FFFD silently and hand a corrupted name or key to the caller.
      throw this.error('PANOS_BAD_RESPONSE', spec, `response body is not valid UTF-8 (${bytes.length} bytes, ${res.headers['content-type'] ?? 'no content-type'})`, {
        httpStatus: res.statusCode,
        excerpt: excerptOf(bytes.toString('latin1')),
        hint: 'the PAN-OS XML API answers in UTF-8: check that hostname/port point at the management interface and not at a proxy that re-encodes',
      });
    }
  }
}
