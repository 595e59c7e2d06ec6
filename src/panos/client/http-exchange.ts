/**
 * One HTTP exchange with the management web server: a form POST to /api/ through a keep-alive node:http(s) agent
 * (made at first use), the key in `X-PAN-KEY`, the answer streamed under a size limit and decoded as strict UTF-8,
 * the whole exchange abandoned when the request's remaining time runs out.
 *
 * node:http is compiled into the node binary, so the client costs next to nothing to load: Terraform starts the
 * provider three or four times per command, mostly for calls that never reach the device. node:http has no connect,
 * headers or body timeout of its own; this module keeps those three clocks.
 */
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { Socket } from 'node:net';
import { excerptOf } from './envelope';
import type { PanosApiError, PanosErrorCode } from './errors';
import type { ResolvedOptions } from './options';
import type { RequestSpec } from './transport';
import { defaultTrust } from './trust';
import { whereOf } from './transport-hints';

/** Strict decoder: a byte sequence that is not UTF-8 is an error, not a replacement character. BOM is dropped. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * How long an idle kept-alive connection is kept before the client closes it itself. Shorter than the 5 s that
 * node-based servers (the simulator among them) keep an idle connection, so a request rarely goes out on a socket
 * the server is closing at that moment; a server that announces `Keep-Alive: timeout=N` shortens it further.
 */
const IDLE_SOCKET_MS = 4_000;

/** An HTTP answer, whatever its status. */
export interface RawReply {
  readonly status: number;
  readonly body: string;
}

/** The request deadline ran out while an exchange was in flight. */
export class DeadlineExceeded extends Error {}

/** The `code` of an {@link ExchangeTimeout}: which of the exchange's clocks ran out. */
export type ExchangeTimeoutCode = 'CONNECT_TIMEOUT' | 'HEADERS_TIMEOUT' | 'BODY_TIMEOUT';

/** One of the exchange's own timeouts (`connectMs`, `headersMs`, `bodyMs`) ran out; the exchange was abandoned. */
export class ExchangeTimeout extends Error {
  constructor(readonly code: ExchangeTimeoutCode, message: string) {
    super(message);
    this.name = 'ExchangeTimeout';
  }
}

/** Builds the client's error for an exchange that got an unusable answer. */
export type ErrorFactory = (code: PanosErrorCode, spec: RequestSpec, summary: string, extra: { hint?: string; excerpt?: string; httpStatus?: number }) => PanosApiError;

/** The HTTP side of a {@link Transport}. */
export class HttpExchange {
  private agentInstance?: http.Agent;
  private readonly host: string;
  private readonly ca?: string;
  /** Exchanges under way, so that {@link close} can let them end first. */
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Sockets whose TCP (and TLS) connection is made: a request that gets one starts its headers clock at once. */
  private readonly ready = new WeakSet<Socket>();

  constructor(private readonly o: ResolvedOptions, private readonly error: ErrorFactory) {
    if (o.caFile !== undefined) {
      try {
        this.ca = readFileSync(o.caFile, 'utf8');
      } catch (err) {
        throw new TypeError(`PanosClient option caFile: cannot read ${o.caFile} (${(err as Error).message})`);
      }
    }
    // `[2001:db8::1]` is how a URL spells an IPv6 address; the socket wants it bare.
    this.host = /^\[.*\]$/.test(o.hostname) ? o.hostname.slice(1, -1) : o.hostname;
  }

  /**
   * The connection agent, made at the first request. Its socket cap equals the client's cap on requests in flight,
   * so every request that holds a slot has a connection of its own (no pipelining).
   */
  private get agent(): http.Agent {
    if (!this.agentInstance) {
      const common = { keepAlive: true, maxSockets: this.o.maxInFlight, timeout: IDLE_SOCKET_MS };
      this.agentInstance = this.o.protocol === 'https'
        ? new https.Agent({ ...common, rejectUnauthorized: this.o.verifyTls, ...this.trust() })
        : new http.Agent(common);
    }
    return this.agentInstance;
  }

  /**
   * The agent's `ca`: the CA file when one is set; none when verification is off (nothing is checked, and an empty
   * list spares Node.js building its store of root certificates); otherwise Node.js's default ({@link defaultTrust}).
   */
  private trust(): { ca?: string | string[] } {
    if (this.ca !== undefined) return { ca: this.ca };
    if (!this.o.verifyTls) return { ca: [] };
    const ca = defaultTrust();
    return ca !== undefined ? { ca } : {};
  }

  /** Lets the exchanges under way end, then closes every connection. A later request opens new ones. */
  async close(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    this.agentInstance?.destroy();
    this.agentInstance = undefined;
  }

  /** Posts the request; throws {@link DeadlineExceeded} when `remainingMs` runs out first. */
  async post(spec: RequestSpec, key: string | undefined, remainingMs: number): Promise<RawReply> {
    const body = new URLSearchParams(spec.params as Record<string, string>).toString();
    const headers: Record<string, string | number> = {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': Buffer.byteLength(body),
      accept: 'application/xml, text/xml',
      'user-agent': this.o.userAgent,
    };
    if (key !== undefined) headers['x-pan-key'] = key;
    const exchange = this.exchange(spec, headers, body, remainingMs);
    this.inFlight.add(exchange);
    try {
      return await exchange;
    } finally {
      this.inFlight.delete(exchange);
    }
  }

  private exchange(spec: RequestSpec, headers: Record<string, string | number>, body: string, remainingMs: number): Promise<RawReply> {
    return new Promise<RawReply>((resolve, reject) => {
      let settled = false;
      let clock: NodeJS.Timeout | undefined;
      // Ends the exchange once; a failure tears the request (and its socket) down so nothing arrives afterwards.
      const settle = (outcome: { reply: RawReply } | { error: unknown }): void => {
        if (settled) return;
        settled = true;
        clearTimeout(clock);
        clearTimeout(deadline);
        if ('reply' in outcome) {
          resolve(outcome.reply);
        } else {
          req.destroy();
          reject(outcome.error);
        }
      };
      const fail = (error: unknown): void => settle({ error });
      /** Runs one of the three clocks; starting one stops the one before. */
      const start = (ms: number, code: ExchangeTimeoutCode, message: string): void => {
        clearTimeout(clock);
        if (!settled) clock = setTimeout(() => fail(new ExchangeTimeout(code, message)), ms);
      };
      // Throws (and so rejects) at once for a header node will not send, before any clock runs.
      const req = (this.o.protocol === 'https' ? https : http).request({
        host: this.host,
        port: this.o.port,
        path: '/api/',
        method: 'POST',
        headers,
        agent: this.agent,
      });
      const deadline = setTimeout(() => fail(new DeadlineExceeded()), remainingMs);
      // The request (the key in its headers) is written only once the connection is made and, over HTTPS, the
      // certificate accepted; a handshake failure then surfaces as itself, not as a failed write of the request.
      const send = (): void => {
        start(this.o.headersMs, 'HEADERS_TIMEOUT', `no response headers within ${this.o.headersMs} ms`);
        req.end(body);
      };
      req.on('error', fail);
      req.on('socket', (socket: Socket) => {
        if (this.ready.has(socket)) {
          send();
          return;
        }
        start(this.o.connectMs, 'CONNECT_TIMEOUT', `no connection within ${this.o.connectMs} ms`);
        socket.once(this.o.protocol === 'https' ? 'secureConnect' : 'connect', () => {
          this.ready.add(socket);
          if (!settled) send();
        });
      });
      req.on('response', (res: http.IncomingMessage) => {
        res.on('error', fail);
        const stalled = (): void => start(this.o.bodyMs, 'BODY_TIMEOUT', `no body data for ${this.o.bodyMs} ms`);
        const limit = this.o.maxResponseBytes;
        const status = res.statusCode ?? 0;
        const tooLarge = (seen: string): PanosApiError =>
          this.error('PANOS_RESPONSE_TOO_LARGE', spec, `response body is larger than maxResponseBytes (${limit} bytes; ${seen})`, {
            httpStatus: status,
            hint: 'narrow the xpath (read one container instead of a whole subtree) or raise maxResponseBytes',
          });
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > limit) {
          fail(tooLarge(`Content-Length ${declared}`));
          return;
        }
        stalled();
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (settled) return;
          size += chunk.length;
          if (size > limit) {
            fail(tooLarge(`aborted after ${size} bytes`));
            return;
          }
          chunks.push(chunk);
          stalled();
        });
        res.on('end', () => {
          if (settled) return;
          // A connection lost mid-body ends the stream too; only a complete message is an answer.
          if (!res.complete) {
            fail(Object.assign(new Error('the connection closed before the whole body arrived'), { code: 'ECONNRESET' }));
            return;
          }
          const bytes = Buffer.concat(chunks);
          try {
            settle({ reply: { status, body: UTF8.decode(bytes) } });
          } catch {
            // Buffer#toString would swap bad bytes for U+FFFD silently and hand a corrupted name or key to the caller.
            fail(this.error('PANOS_BAD_RESPONSE', spec, `response body is not valid UTF-8 (${bytes.length} bytes, ${res.headers['content-type'] ?? 'no content-type'})`, {
              httpStatus: status,
              excerpt: excerptOf(bytes.toString('latin1')),
              hint: 'the PAN-OS XML API answers in UTF-8: check that hostname/port point at the management interface and not at a proxy that re-encodes',
            }));
          }
        });
      });
    });
  }
}
