/**
 * One HTTP exchange with the management web server: a form POST to /api/ on an undici pool (made at first use),
 * the key in `X-PAN-KEY`, the answer streamed under a size limit and decoded as strict UTF-8, the whole exchange
 * aborted when the request's remaining time runs out.
 */
import { readFileSync } from 'node:fs';
import type { Pool } from 'undici';
import { excerptOf } from './envelope';
import type { PanosApiError, PanosErrorCode } from './errors';
import type { ResolvedOptions } from './options';
import type { RequestSpec } from './transport';
import { whereOf } from './transport-hints';

/** Strict decoder: a byte sequence that is not UTF-8 is an error, not a replacement character. BOM is dropped. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** An HTTP answer, whatever its status. */
export interface RawReply {
  readonly status: number;
  readonly body: string;
}

/** The request deadline ran out while an exchange was in flight. */
export class DeadlineExceeded extends Error {}

/** Builds the client's error for an exchange that got an unusable answer. */
export type ErrorFactory = (code: PanosErrorCode, spec: RequestSpec, summary: string, extra: { hint?: string; excerpt?: string; httpStatus?: number }) => PanosApiError;

/** The HTTP side of a {@link Transport}. */
export class HttpExchange {
  private poolInstance?: Pool;
  private readonly poolUrl: string;
  private readonly poolOptions: Pool.Options;

  constructor(private readonly o: ResolvedOptions, private readonly error: ErrorFactory) {
    let ca: string | undefined;
    if (o.caFile !== undefined) {
      try {
        ca = readFileSync(o.caFile, 'utf8');
      } catch (err) {
        throw new TypeError(`PanosClient option caFile: cannot read ${o.caFile} (${(err as Error).message})`);
      }
    }
    this.poolUrl = whereOf(o);
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

  /** Closes the pool (waits for in-flight requests). */
  async close(): Promise<void> {
    await this.poolInstance?.close();
  }

  /** Posts the request; throws {@link DeadlineExceeded} when `remainingMs` runs out first. */
  async post(spec: RequestSpec, key: string | undefined, remainingMs: number): Promise<RawReply> {
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/xml, text/xml',
      'user-agent': this.o.userAgent,
    };
    if (key !== undefined) headers['x-pan-key'] = key;
    const abort = new AbortController();
    let expired = false;
    const timer = setTimeout(() => {
      expired = true;
      abort.abort();
    }, remainingMs);
    try {
      return await this.exchange(spec, headers, abort.signal);
    } catch (err) {
      if (expired) throw new DeadlineExceeded();
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  private async exchange(spec: RequestSpec, headers: Record<string, string>, signal: AbortSignal): Promise<RawReply> {
    const res = await this.pool.request({
      path: '/api/',
      method: 'POST',
      headers,
      body: new URLSearchParams(spec.params as Record<string, string>).toString(),
      signal,
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
