/**
 * The gRPC server side of the plugin protocol, on http2.ts: unary calls and the one server-streaming call go-plugin
 * makes (GRPCStdio.StreamStdio), as the gRPC over HTTP/2 specification (grpc/grpc, doc/PROTOCOL-HTTP2.md) describes
 * them: a POST to `/<service>/<method>` with `content-type: application/grpc`, each message framed by a compressed flag
 * and a 4-byte big-endian length, the outcome in `grpc-status` / `grpc-message` trailers.
 *
 * Why by hand rather than @grpc/grpc-js, which did this before: Terraform starts the provider three or four times per
 * command and makes a few hundred small calls in one of them, so what a gRPC server costs to load and per call is most
 * of a small plan's time. grpc-js loads its client half (channels, resolvers, load balancers) with its server, and runs
 * each call through interceptors, metadata objects and channelz bookkeeping the plugin protocol never uses. What the
 * protocol needs from gRPC is the framing above; HTTP/2 itself (flow control, settings, pings, GOAWAY) is http2.ts's,
 * which is written here for the same reason (its opening comment gives the figures).
 * The messages' codecs stay protos.ts's (grpc-js's MethodDefinition shape). Not supported, as the plugin protocol never
 * uses them: compressed messages (refused with UNIMPLEMENTED; Terraform does not compress), client streaming.
 */
import type { Duplex } from 'node:stream';
import { encodeHeaderBlock } from './hpack';
import { H2Code, H2Connection, type H2Stream } from './http2';

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
 * (PROTOCOL-HTTP2.md, "Status-Message"); also of a space that begins or ends the message, since HTTP/2 clients drop
 * a header value with leading or trailing whitespace (RFC 9113 §8.2.1; nghttp2 does so silently).
 */
export function encodeGrpcMessage(message: string): string {
  const bytes = Buffer.from(message, 'utf8');
  let out = '';
  bytes.forEach((b, i) => {
    const edgeSpace = b === 0x20 && (i === 0 || i === bytes.length - 1);
    out += b >= 0x20 && b <= 0x7e && b !== 0x25 && !edgeSpace ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  });
  return out;
}

/** `grpc-timeout` (an integer and a unit, e.g. `100m`) in milliseconds; undefined when absent or malformed. */
function timeoutMs(value: string | string[] | undefined): number | undefined {
  const m = typeof value === 'string' ? /^(\d{1,8})([HMSmun])$/.exec(value) : null;
  if (!m) return undefined;
  const unitMs = { H: 3_600_000, M: 60_000, S: 1000, m: 1, u: 0.001, n: 0.000001 }[m[2] as 'H'];
  return Number(m[1]) * unitMs;
}

/** The headers of every gRPC answer, before its message or with its status (a trailers-only answer). */
const ANSWER_HEADERS: ReadonlyArray<readonly [string, string]> = [[':status', '200'], ['content-type', 'application/grpc']];

/** The header blocks every call's answer uses, encoded once (they use no dynamic table, so any stream can take them). */
let common: { headers: Buffer; ok: Buffer } | undefined;
function commonBlocks(): { headers: Buffer; ok: Buffer } {
  return (common ??= {
    headers: encodeHeaderBlock(ANSWER_HEADERS),
    ok: encodeHeaderBlock([['grpc-status', String(GrpcStatus.OK)]]),
  });
}

/** A gRPC server fed with connections (already authenticated) by its owner. */
export class GrpcServer {
  private readonly methods = new Map<string, { codec: MethodCodec; handler: MethodHandler }>();
  private readonly connections = new Set<H2Connection>();

  constructor(private readonly o: GrpcServerOptions) {}

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
    const c = new H2Connection(connection, {
      onStream: (s) => this.onStream(s),
      onError: (err) => this.o.onError?.('connection', err),
    });
    this.connections.add(c);
    connection.once('close', () => this.connections.delete(c));
  }

  /** Closes every connection: calls under way may finish; resolves when all are closed or after `graceMs`. */
  close(graceMs: number): Promise<void> {
    if (this.connections.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        for (const c of this.connections) c.destroy();
        resolve();
      }, graceMs);
      void Promise.all([...this.connections].map((c) => c.close())).then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private onStream(stream: H2Stream): void {
    const headers = stream.headers;
    const path = headers[':path'] ?? '';
    const contentType = headers['content-type'] ?? '';
    if (headers[':method'] !== 'POST' || !/^application\/grpc(\+proto)?(;|$)/.test(contentType)) {
      stream.respond([[':status', '415']], true);
      return;
    }
    const method = this.methods.get(path);
    if (!method) {
      this.finish(stream, GrpcStatus.UNIMPLEMENTED, `unknown method ${path}`);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    stream.onData = (b) => {
      if (refused) return;
      size += b.length;
      if (size > this.o.maxReceiveBytes + 5) {
        refused = true;
        chunks.length = 0;
        this.finish(stream, GrpcStatus.RESOURCE_EXHAUSTED, `request larger than ${this.o.maxReceiveBytes} bytes`);
        return;
      }
      chunks.push(b);
    };
    stream.onEnd = () => {
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
    };
  }

  private call(stream: H2Stream, codec: MethodCodec, handler: MethodHandler, payload: Buffer, deadlineMs: number | undefined): void {
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
      const out = Buffer.allocUnsafe(5 + bytes.length);
      out[0] = 0;
      out.writeUInt32BE(bytes.length, 1);
      out.set(bytes, 5);
      return out;
    };
    const open = (): boolean => !stream.closed && !stream.localEnded;
    const start = (): void => {
      if (!stream.headersSent) stream.respond(commonBlocks().headers);
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
        stream.trailers(commonBlocks().ok);
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
        // Headers, message and trailers leave in one write (http2.ts sends what one turn of the event loop queued).
        start();
        stream.write(bytes);
        stream.trailers(commonBlocks().ok);
      });
    } catch (err) {
      fail(err as Error);
    }
  }

  /** Ends a call without a message: headers and status in one trailers-only answer (or trailers, once headers went). */
  private finish(stream: H2Stream, code: number, message: string): void {
    if (stream.closed || stream.localEnded) return;
    const status: Array<[string, string]> = [['grpc-status', String(code)], ['grpc-message', encodeGrpcMessage(message)]];
    if (!stream.headersSent) {
      stream.respond([...ANSWER_HEADERS, ...status], true);
    } else {
      stream.reset(H2Code.CANCEL);
    }
  }
}
