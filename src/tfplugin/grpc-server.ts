/**
 * The gRPC server side of the plugin protocol, on node:http2: unary calls and the one server-streaming call go-plugin
 * makes (GRPCStdio.StreamStdio), as the gRPC over HTTP/2 specification (grpc/grpc, doc/PROTOCOL-HTTP2.md) describes
 * them: a POST to `/<service>/<method>` with `content-type: application/grpc`, each message framed by a compressed flag
 * and a 4-byte big-endian length, the outcome in `grpc-status` / `grpc-message` trailers.
 *
 * Why by hand rather than @grpc/grpc-js, which did this before: Terraform starts the provider three or four times per
 * command and makes a few hundred small calls in one of them, so what a gRPC server costs to load and per call is most
 * of a small plan's time. grpc-js loads its client half (channels, resolvers, load balancers) with its server, and runs
 * each call through interceptors, metadata objects and channelz bookkeeping the plugin protocol never uses. What the
 * protocol needs from gRPC is the framing above; HTTP/2 itself (flow control, settings, pings, GOAWAY) is node:http2's.
 * The messages' codecs stay protos.ts's (grpc-js's MethodDefinition shape). Not supported, as the plugin protocol never
 * uses them: compressed messages (refused with UNIMPLEMENTED; Terraform does not compress), client streaming.
 */
import * as http2 from 'node:http2';
import type { Duplex } from 'node:stream';

/** gRPC status codes used here (grpc/grpc doc/statuscodes.md). */
export const GrpcStatus = {
  OK: 0,
  UNKNOWN: 2,
  DEADLINE_EXCEEDED: 4,
  RESOURCE_EXHAUSTED: 8,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
} as const;

/** One method: its path and codecs (protos.ts makes them; the shape is grpc-js's MethodDefinition). */
export interface MethodCodec {
  readonly path: string;
  readonly requestStream: boolean;
  readonly responseStream: boolean;
  readonly requestDeserialize: (bytes: Buffer) => unknown;
  readonly responseSerialize: (message: never) => Buffer;
}

/** The call a handler gets: the decoded request, and for a server-streaming method `write` and `end`. */
export interface ServerCall {
  readonly request: unknown;
  write(message: unknown): void;
  end(): void;
}

/** A method's handler, in grpc-js's shape: unary ones answer through `callback`, streaming ones through the call. */
export type MethodHandler = (call: ServerCall, callback: (err: Error | null, response?: unknown) => void) => void;

/** Options of {@link GrpcServer}. */
export interface GrpcServerOptions {
  /** Largest request message accepted, in bytes (Terraform allows 256 MiB). */
  readonly maxReceiveBytes: number;
  /** Called with a failure that ended one call or one connection (never thrown). */
  readonly onError?: (what: string, err: Error) => void;
}

/** An error with a gRPC status, for a handler to end its call with. */
export class GrpcError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
    this.name = 'GrpcError';
  }
}

/**
 * grpc-message's encoding: percent-encoding of every byte outside printable ASCII, and of `%` itself
 * (PROTOCOL-HTTP2.md, "Status-Message").
 */
export function encodeGrpcMessage(message: string): string {
  let out = '';
  for (const b of Buffer.from(message, 'utf8')) out += b >= 0x20 && b <= 0x7e && b !== 0x25 ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

/** `grpc-timeout` (an integer and a unit, e.g. `100m`) in milliseconds; undefined when absent or malformed. */
function timeoutMs(value: string | string[] | undefined): number | undefined {
  const m = typeof value === 'string' ? /^(\d{1,8})([HMSmun])$/.exec(value) : null;
  if (!m) return undefined;
  const unitMs = { H: 3_600_000, M: 60_000, S: 1000, m: 1, u: 0.001, n: 0.000001 }[m[2] as 'H'];
  return Number(m[1]) * unitMs;
}

/** A gRPC server fed with connections (already authenticated) by its owner. */
export class GrpcServer {
  private readonly methods = new Map<string, { codec: MethodCodec; handler: MethodHandler }>();
  private readonly h2: http2.Http2Server;
  private readonly sessions = new Set<http2.ServerHttp2Session>();

  constructor(private readonly o: GrpcServerOptions) {
    // maxSessionMemory (in MB) bounds what node:http2 buffers per connection; a 256 MiB message must fit.
    this.h2 = http2.createServer({ maxSessionMemory: Math.ceil(o.maxReceiveBytes / 2 ** 20) * 2 + 16 });
    this.h2.on('session', (s: http2.ServerHttp2Session) => {
      this.sessions.add(s);
      s.once('close', () => this.sessions.delete(s));
      s.on('error', (err) => this.o.onError?.('connection', err));
    });
    this.h2.on('stream', (stream, headers) => this.onStream(stream, headers));
  }

  /** Serves `handlers` (by method name) for the methods of one service (by method name). */
  addService(methods: Readonly<Record<string, MethodCodec>>, handlers: Readonly<Record<string, MethodHandler>>): void {
    for (const [name, handler] of Object.entries(handlers)) {
      const codec = methods[name];
      if (!codec) throw new Error(`no method ${name} in the service definition`);
      this.methods.set(codec.path, { codec, handler });
    }
  }

  /** Serves HTTP/2 on a connection (a TLS socket whose handshake is done, or a plain socket). */
  serve(connection: Duplex): void {
    this.h2.emit('connection', connection);
  }

  /** Closes every connection: calls under way may finish; resolves when all are closed or after `graceMs`. */
  close(graceMs: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.sessions.size === 0) {
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        for (const s of this.sessions) s.destroy();
        resolve();
      }, graceMs);
      let open = this.sessions.size;
      for (const s of this.sessions) {
        s.close(() => {
          if (--open === 0) {
            clearTimeout(timer);
            resolve();
          }
        });
      }
    });
  }

  private onStream(stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders): void {
    stream.on('error', (err) => this.o.onError?.(String(headers[':path']), err));
    const contentType = String(headers['content-type'] ?? '');
    if (headers[':method'] !== 'POST' || !/^application\/grpc(\+proto)?(;|$)/.test(contentType)) {
      stream.respond({ ':status': 415 }, { endStream: true });
      return;
    }
    const method = this.methods.get(String(headers[':path']));
    if (!method) {
      this.finish(stream, GrpcStatus.UNIMPLEMENTED, `unknown method ${String(headers[':path'])}`);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    stream.on('data', (b: Buffer) => {
      if (refused) return;
      size += b.length;
      if (size > this.o.maxReceiveBytes + 5) {
        refused = true;
        this.finish(stream, GrpcStatus.RESOURCE_EXHAUSTED, `request larger than ${this.o.maxReceiveBytes} bytes`);
        return;
      }
      chunks.push(b);
    });
    stream.on('end', () => {
      if (refused || stream.headersSent) return;
      const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      if (body.length < 5 || body.length !== 5 + body.readUInt32BE(1)) {
        this.finish(stream, GrpcStatus.INTERNAL, 'the request is not one length-prefixed message');
        return;
      }
      if (body[0] !== 0) {
        this.finish(stream, GrpcStatus.UNIMPLEMENTED, 'compressed messages are not supported');
        return;
      }
      this.call(stream, method.codec, method.handler, body.subarray(5), timeoutMs(headers['grpc-timeout']));
    });
  }

  private call(stream: http2.ServerHttp2Stream, codec: MethodCodec, handler: MethodHandler, payload: Buffer, deadlineMs: number | undefined): void {
    let request: unknown;
    try {
      request = codec.requestDeserialize(payload);
    } catch (err) {
      this.finish(stream, GrpcStatus.INTERNAL, `cannot decode the request: ${(err as Error).message}`);
      return;
    }
    const timer = deadlineMs === undefined ? undefined : setTimeout(() => this.finish(stream, GrpcStatus.DEADLINE_EXCEEDED, 'deadline exceeded'), deadlineMs);
    const frame = (message: unknown): Buffer => {
      const bytes = codec.responseSerialize(message as never);
      const head = Buffer.allocUnsafe(5);
      head[0] = 0;
      head.writeUInt32BE(bytes.length, 1);
      return bytes.length === 0 ? head : Buffer.concat([head, bytes]);
    };
    const open = (): boolean => !stream.destroyed && !stream.closed;
    const start = (): void => {
      if (stream.headersSent) return;
      stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
      stream.once('wantTrailers', () => stream.sendTrailers({ 'grpc-status': String(GrpcStatus.OK) }));
    };
    const fail = (err: Error): void => {
      clearTimeout(timer);
      const code = err instanceof GrpcError ? err.code : GrpcStatus.UNKNOWN;
      this.finish(stream, code, err.message);
    };
    const call: ServerCall = {
      request,
      write: (message) => {
        if (!open()) return;
        start();
        stream.write(frame(message));
      },
      end: () => {
        clearTimeout(timer);
        if (!open()) return;
        start();
        stream.end();
      },
    };
    try {
      handler(call, (err, response) => {
        if (err) {
          fail(err);
          return;
        }
        clearTimeout(timer);
        if (!open() || stream.headersSent) return;
        let bytes: Buffer;
        try {
          bytes = frame(response);
        } catch (e) {
          this.finish(stream, GrpcStatus.INTERNAL, `cannot encode the response: ${(e as Error).message}`);
          return;
        }
        start();
        stream.end(bytes);
      });
    } catch (err) {
      fail(err as Error);
    }
  }

  /** Ends a call without a message: headers and status in one trailers-only answer (or trailers, once headers went). */
  private finish(stream: http2.ServerHttp2Stream, code: number, message: string): void {
    if (stream.destroyed || stream.closed) return;
    const status = { 'grpc-status': String(code), 'grpc-message': encodeGrpcMessage(message) };
    if (!stream.headersSent) {
      stream.respond({ ':status': 200, 'content-type': 'application/grpc', ...status }, { endStream: true });
    } else {
      stream.close(http2.constants.NGHTTP2_CANCEL);
    }
  }
}
