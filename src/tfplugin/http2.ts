/**
 * The server side of one HTTP/2 connection (RFC 9113), as much of it as the plugin's gRPC server needs: the client
 * preface and SETTINGS, streams the client opens with HEADERS (+ CONTINUATION) and DATA, answers of HEADERS, DATA
 * and trailing HEADERS, flow control in both directions, PING, RST_STREAM, WINDOW_UPDATE and GOAWAY. Header blocks
 * are hpack.ts's.
 *
 * Why by hand rather than node:http2: Terraform makes a few hundred small calls in a plan's provider process, and
 * node:http2's per-stream work (a Duplex stream per call, header objects built and rebuilt, several writes per
 * answer) was measured at about 30% of that process's CPU, plus about 8 ms to load the module in each of the three or
 * four processes Terraform starts per command. What a gRPC server needs of HTTP/2 is small: here a call costs one
 * small object, and its whole answer (headers, message, trailers) leaves in one write.
 *
 * Not supported, as neither grpc-go (Terraform) nor a gRPC client in general uses them towards a server: server push
 * (never sent), stream priorities (PRIORITY frames and fields are read and ignored), HTTP/1.1 upgrade. The peer is
 * authenticated before the first byte reaches this code (serve.ts), so limits here guard against mistakes rather than
 * attacks; they still hold: frames above the announced size, header blocks above 1 MiB and protocol violations end
 * the connection with the RFC's error code.
 */
import type { Duplex } from 'node:stream';
import { HpackDecoder, HpackError, encodeHeaderBlock } from './hpack';

/** The 24 octets every HTTP/2 client sends first (RFC 9113 §3.4). */
const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

/** Frame types (RFC 9113 §6). */
const DATA = 0x0;
const HEADERS = 0x1;
const RST_STREAM = 0x3;
const SETTINGS = 0x4;
const PUSH_PROMISE = 0x5;
const PING = 0x6;
const GOAWAY = 0x7;
const WINDOW_UPDATE = 0x8;
const CONTINUATION = 0x9;

/** Frame flags. */
const END_STREAM = 0x1;
const ACK = 0x1;
const END_HEADERS = 0x4;
const PADDED = 0x8;
const PRIORITY_FLAG = 0x20;

/** Error codes (RFC 9113 §7). */
export const H2Code = {
  NO_ERROR: 0x0,
  PROTOCOL_ERROR: 0x1,
  INTERNAL_ERROR: 0x2,
  FLOW_CONTROL_ERROR: 0x3,
  STREAM_CLOSED: 0x5,
  FRAME_SIZE_ERROR: 0x6,
  CANCEL: 0x8,
  COMPRESSION_ERROR: 0x9,
  ENHANCE_YOUR_CALM: 0xb,
} as const;

/** SETTINGS identifiers used here (RFC 9113 §6.5.2). */
const SETTINGS_INITIAL_WINDOW_SIZE = 0x4;
const SETTINGS_MAX_FRAME_SIZE = 0x5;

/** Flow-control windows never exceed 2^31 - 1 (§6.9.1). */
const MAX_WINDOW = 2 ** 31 - 1;
/** Every endpoint starts with 65,535-octet windows and 16,384-octet frames (§6.5.2). */
const INITIAL_WINDOW = 65_535;
const DEFAULT_MAX_FRAME = 16_384;
/** A header block (all its fragments) larger than this ends the connection. */
const MAX_HEADER_BLOCK = 1 << 20;
/**
 * This side opens its windows to the maximum at once, so a client never waits for a WINDOW_UPDATE; the connection's
 * window is topped up again once half of it has been used.
 */
const REFILL_AT = 2 ** 30;

/** A protocol violation that ends the connection with `code`. */
class ConnectionError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

function frame(type: number, flags: number, streamId: number, payload?: Uint8Array, from = 0, to = payload?.length ?? 0): Buffer {
  const len = to - from;
  const b = Buffer.allocUnsafe(9 + len);
  b[0] = (len >>> 16) & 0xff;
  b[1] = (len >>> 8) & 0xff;
  b[2] = len & 0xff;
  b[3] = type;
  b[4] = flags;
  b.writeUInt32BE(streamId, 5);
  if (payload && len > 0) b.set(payload.subarray(from, to), 9);
  return b;
}

/** What is waiting to be sent on a stream, in order: header blocks are not flow-controlled, DATA is. */
type Outgoing = { readonly block: Buffer; readonly end: boolean } | { readonly data: Buffer; readonly end: boolean };

/** One request stream: the request's headers and body as they arrive, and the answer. */
export class H2Stream {
  /** Called with each piece of the request body. */
  onData?: (chunk: Buffer) => void;
  /** Called once the client has sent the whole request. */
  onEnd?: () => void;
  /** Called once when the stream is over: answered and ended, reset by either side, or its connection gone. */
  onClose?: () => void;

  /** Whether an answer's headers have been queued. */
  headersSent = false;
  /** Whether the stream is over (nothing more can be sent). */
  closed = false;
  /** @internal */ remoteEnded = false;
  /** Whether this side has ended the stream: its last frame is queued, nothing more can be queued. */
  localEnded = false;
  /** @internal */ sendWindow: number;
  /** @internal */ readonly out: Outgoing[] = [];
  /** @internal */ outOffset = 0;

  constructor(
    private readonly conn: H2Connection,
    readonly id: number,
    /** Request headers by lower-case name; a repeated name's values joined with ", ". */
    readonly headers: Readonly<Record<string, string>>,
    sendWindow: number,
  ) {
    this.sendWindow = sendWindow;
  }

  /** Queues the answer's headers; `end` for a headers-only (trailers-only) answer. */
  respond(fields: ReadonlyArray<readonly [string, string]> | Buffer, end = false): void {
    if (this.closed || this.localEnded) return;
    this.headersSent = true;
    this.queue({ block: Buffer.isBuffer(fields) ? fields : encodeHeaderBlock(fields), end });
  }

  /** Queues body bytes; `end` to end the stream with them. */
  write(data: Buffer, end = false): void {
    if (this.closed || this.localEnded) return;
    this.queue({ data, end });
  }

  /** Queues trailing headers, which end the stream. */
  trailers(fields: ReadonlyArray<readonly [string, string]> | Buffer): void {
    if (this.closed || this.localEnded) return;
    this.queue({ block: Buffer.isBuffer(fields) ? fields : encodeHeaderBlock(fields), end: true });
  }

  /** Ends the stream at once with RST_STREAM. */
  reset(code: number = H2Code.CANCEL): void {
    if (this.closed) return;
    this.conn.resetStream(this, code);
  }

  private queue(item: Outgoing): void {
    if (item.end) this.localEnded = true;
    this.out.push(item);
    this.conn.pump(this);
  }
}

/** What a connection reports to its owner. */
export interface H2Handlers {
  /** A client opened a stream (its headers are complete). */
  onStream(stream: H2Stream): void;
  /** The connection failed (a protocol error, or the socket's own error); it is closed. */
  onError?(err: Error): void;
}

/** The server side of one HTTP/2 connection over `socket` (TLS already done, or plain). */
export class H2Connection {
  private readonly streams = new Map<number, H2Stream>();
  private readonly decoder = new HpackDecoder();
  private readonly closedWaiters: Array<() => void> = [];
  private input: Buffer | null = null;
  private prefaceSeen = false;
  private settingsSeen = false;
  /** Highest stream id the client opened. */
  private lastStreamId = 0;
  /** A header block being continued by CONTINUATION frames. */
  private continuing: { streamId: number; end: boolean; parts: Buffer[]; size: number } | null = null;
  private sendWindow = INITIAL_WINDOW;
  private peerInitialWindow = INITIAL_WINDOW;
  private peerMaxFrame = DEFAULT_MAX_FRAME;
  private received = 0;
  private pending: Buffer[] = [];
  private flushScheduled = false;
  private goingAway = false;
  private ended = false;

  constructor(private readonly socket: Duplex, private readonly handlers: H2Handlers) {
    // Our settings: the largest stream window, so the client never waits for this side (§6.5.2); then the same for the
    // connection's window, which only WINDOW_UPDATE opens (§6.9.2).
    const settings = Buffer.allocUnsafe(6);
    settings.writeUInt16BE(SETTINGS_INITIAL_WINDOW_SIZE, 0);
    settings.writeUInt32BE(MAX_WINDOW, 2);
    this.send(frame(SETTINGS, 0, 0, settings));
    this.send(this.windowUpdate(0, MAX_WINDOW - INITIAL_WINDOW));
    socket.on('data', (chunk: Buffer) => this.onBytes(chunk));
    socket.on('end', () => this.finish());
    socket.on('close', () => this.finish());
    socket.on('error', (err: Error) => {
      this.handlers.onError?.(err);
      this.finish();
    });
  }

  /** Open streams. */
  get size(): number {
    return this.streams.size;
  }

  /**
   * Stops taking new streams (GOAWAY with NO_ERROR) and closes the connection once the open ones are over; resolves
   * when it is closed.
   */
  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.ended) {
        resolve();
        return;
      }
      this.closedWaiters.push(resolve);
      if (!this.goingAway) this.goAway(H2Code.NO_ERROR, '');
      this.endIfIdle();
    });
  }

  /** Closes the connection at once. */
  destroy(): void {
    this.socket.destroy();
    this.finish();
  }

  /** @internal Sends what `s` has queued, as far as the flow-control windows allow. */
  pump(s: H2Stream): void {
    while (s.out.length > 0 && !s.closed) {
      const item = s.out[0];
      if ('block' in item) {
        this.sendHeaderBlock(s.id, item.block, item.end);
        s.out.shift();
        if (item.end) this.endLocal(s);
        continue;
      }
      const left = item.data.length - s.outOffset;
      // Windows may be negative after the client lowered SETTINGS_INITIAL_WINDOW_SIZE (§6.9.2).
      const n = left === 0 ? 0 : Math.min(left, this.peerMaxFrame, s.sendWindow, this.sendWindow);
      if (left > 0 && n <= 0) return; // blocked until a WINDOW_UPDATE
      const last = n === left;
      this.send(frame(DATA, last && item.end ? END_STREAM : 0, s.id, item.data, s.outOffset, s.outOffset + n));
      s.sendWindow -= n;
      this.sendWindow -= n;
      s.outOffset += n;
      if (last) {
        s.out.shift();
        s.outOffset = 0;
        if (item.end) this.endLocal(s);
      }
    }
  }

  /** @internal */
  resetStream(s: H2Stream, code: number): void {
    const p = Buffer.allocUnsafe(4);
    p.writeUInt32BE(code, 0);
    this.send(frame(RST_STREAM, 0, s.id, p));
    this.closeStream(s);
  }

  private endLocal(s: H2Stream): void {
    if (s.remoteEnded) this.closeStream(s);
  }

  private closeStream(s: H2Stream): void {
    if (s.closed) return;
    s.closed = true;
    s.out.length = 0;
    this.streams.delete(s.id);
    s.onClose?.();
    this.endIfIdle();
  }

  private endIfIdle(): void {
    if (this.goingAway && this.streams.size === 0 && !this.ended) {
      this.flush();
      this.socket.end();
    }
  }

  private finish(): void {
    if (this.ended) return;
    this.ended = true;
    this.pending = [];
    for (const s of [...this.streams.values()]) this.closeStream(s);
    for (const w of this.closedWaiters.splice(0)) w();
  }

  private send(b: Buffer): void {
    if (this.ended) return;
    this.pending.push(b);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      // Everything queued in this turn of the event loop leaves in one write (one TLS record when it fits): the
      // answers to every request that arrived in one read, and to all the calls a device read was waiting for.
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.pending.length === 0 || this.ended) return;
    const out = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
    this.pending = [];
    this.socket.write(out);
  }

  private sendHeaderBlock(streamId: number, block: Buffer, end: boolean): void {
    const max = this.peerMaxFrame;
    if (block.length <= max) {
      this.send(frame(HEADERS, END_HEADERS | (end ? END_STREAM : 0), streamId, block));
      return;
    }
    this.send(frame(HEADERS, end ? END_STREAM : 0, streamId, block, 0, max));
    for (let at = max; at < block.length; at += max) {
      const to = Math.min(block.length, at + max);
      this.send(frame(CONTINUATION, to === block.length ? END_HEADERS : 0, streamId, block, at, to));
    }
  }

  private windowUpdate(streamId: number, increment: number): Buffer {
    const p = Buffer.allocUnsafe(4);
    p.writeUInt32BE(increment, 0);
    return frame(WINDOW_UPDATE, 0, streamId, p);
  }

  private goAway(code: number, message: string): void {
    this.goingAway = true;
    const debug = Buffer.from(message, 'utf8');
    const p = Buffer.allocUnsafe(8 + debug.length);
    p.writeUInt32BE(this.lastStreamId, 0);
    p.writeUInt32BE(code, 4);
    debug.copy(p, 8);
    this.send(frame(GOAWAY, 0, 0, p));
  }

  /** Ends the connection after a protocol violation. */
  private fail(err: ConnectionError): void {
    if (this.ended) return;
    this.goAway(err.code, err.message);
    this.flush();
    this.socket.end();
    this.handlers.onError?.(err);
    this.finish();
  }

  private onBytes(chunk: Buffer): void {
    if (this.ended) return;
    const buf = this.input === null ? chunk : Buffer.concat([this.input, chunk]);
    this.input = null;
    try {
      let at = 0;
      if (!this.prefaceSeen) {
        if (buf.length < PREFACE.length) {
          if (!PREFACE.subarray(0, buf.length).equals(buf)) throw new ConnectionError(H2Code.PROTOCOL_ERROR, 'not an HTTP/2 client preface');
          this.input = buf;
          return;
        }
        if (!buf.subarray(0, PREFACE.length).equals(PREFACE)) throw new ConnectionError(H2Code.PROTOCOL_ERROR, 'not an HTTP/2 client preface');
        this.prefaceSeen = true;
        at = PREFACE.length;
      }
      while (buf.length - at >= 9) {
        const len = (buf[at] << 16) | (buf[at + 1] << 8) | buf[at + 2];
        // We announced no SETTINGS_MAX_FRAME_SIZE, so the default holds for frames we receive.
        if (len > DEFAULT_MAX_FRAME) throw new ConnectionError(H2Code.FRAME_SIZE_ERROR, `a frame of ${len} octets (at most ${DEFAULT_MAX_FRAME})`);
        if (buf.length - at < 9 + len) break;
        const type = buf[at + 3];
        const flags = buf[at + 4];
        const streamId = buf.readUInt32BE(at + 5) & 0x7fffffff;
        const payload = buf.subarray(at + 9, at + 9 + len);
        at += 9 + len;
        this.onFrame(type, flags, streamId, payload);
        if (this.ended) return;
      }
      if (at < buf.length) this.input = buf.subarray(at);
    } catch (err) {
      if (err instanceof ConnectionError) this.fail(err);
      else if (err instanceof HpackError) this.fail(new ConnectionError(H2Code.COMPRESSION_ERROR, err.message));
      // A failure of this side's own code ends this connection, not the process.
      else this.fail(new ConnectionError(H2Code.INTERNAL_ERROR, (err as Error).message));
    }
  }

  private onFrame(type: number, flags: number, streamId: number, payload: Buffer): void {
    if (!this.settingsSeen && type !== SETTINGS) throw new ConnectionError(H2Code.PROTOCOL_ERROR, 'the first frame is not SETTINGS');
    if (this.continuing !== null && type !== CONTINUATION) throw new ConnectionError(H2Code.PROTOCOL_ERROR, 'a header block was interrupted');
    switch (type) {
      case DATA:
        return this.onData(flags, streamId, payload);
      case HEADERS:
        return this.onHeaders(flags, streamId, payload);
      case CONTINUATION:
        return this.onContinuation(flags, streamId, payload);
      case SETTINGS:
        return this.onSettings(flags, streamId, payload);
      case PING:
        if (streamId !== 0) throw new ConnectionError(H2Code.PROTOCOL_ERROR, 'PING on a stream');
        if (payload.length !== 8) throw new ConnectionError(H2Code.FRAME_SIZE_ERROR, 'PING of other than 8 octets');
        if ((flags & ACK) === 0) this.send(frame(PING, ACK, 0, payload));
        return;
      case WINDOW_UPDATE:
        return this.onWindowUpdate(streamId, payload);
      case RST_STREAM: {
        if (streamId === 0) throw new ConnectionError(H2Code.PROTOCOL_ERROR, 'RST_STREAM on stream 0');
        if (payload.length !== 4) throw new ConnectionError(H2Code.FRAME_SIZE_ERROR, 'RST_STREAM of other than 4 octets');
        const s = this.streams.get(streamId);
        if (s) this.closeStream(s);
        return;
      }
      case GOAWAY:
        // The client will open no more streams; those open finish, then the client closes the connection.
        return;
      case PUSH_PROMISE:
        throw new ConnectionError(H2Code.PROTOCOL_ERROR, 'PUSH_PROMISE from a client');
      default:
        // PRIORITY, and frame types this side does not know, are ignored (§5.5).
        return;
    }
  }

  private onSettings(flags: number, streamId: number, payload: Buffer): void {
    if (streamId !== 0) throw new ConnectionError(H2Code.PROTOCOL_ERROR, 'SETTINGS on a stream');
    if (flags & ACK) {
      if (payload.length !== 0) throw new ConnectionError(H2Code.FRAME_SIZE_ERROR, 'SETTINGS ACK with a payload');
      return;
    }
    if (payload.length % 6 !== 0) throw new ConnectionError(H2Code.FRAME_SIZE_ERROR, 'SETTINGS payload not a multiple of 6 octets');
    this.settingsSeen = true;
    for (let i = 0; i < payload.length; i += 6) {
      const id = payload.readUInt16BE(i);
      const value = payload.readUInt32BE(i + 2);
      if (id === SETTINGS_INITIAL_WINDOW_SIZE) {
        if (value > MAX_WINDOW) throw new ConnectionError(H2Code.FLOW_CONTROL_ERROR, `SETTINGS_INITIAL_WINDOW_SIZE ${value}`);
        // A change applies to every open stream's window (§6.9.2).
        const delta = value - this.peerInitialWindow;
        this.peerInitialWindow = value;
        for (const s of this.streams.values()) {
          s.sendWindow += delta;
          if (s.sendWindow > MAX_WINDOW) throw new ConnectionError(H2Code.FLOW_CONTROL_ERROR, 'a stream window above 2^31-1');
        }
      } else if (id === SETTINGS_MAX_FRAME_SIZE) {
        if (value < DEFAULT_MAX_FRAME || value > 0xffffff) throw new ConnectionError(H2Code.PROTOCOL_ERROR, `SETTINGS_MAX_FRAME_SIZE ${value}`);
        this.peerMaxFrame = value;
      }
      // SETTINGS_HEADER_TABLE_SIZE needs nothing: the answers' header blocks use no dynamic table. The others concern
      // what this side would initiate (push, streams) or are advisory.
    }
    this.send(frame(SETTINGS, ACK, 0));
    for (const s of [...this.streams.values()]) this.pump(s);
  }

  private onWindowUpdate(streamId: number, payload: Buffer): void {
    if (payload.length !== 4) throw new ConnectionError(H2Code.FRAME_SIZE_ERROR, 'WINDOW_UPDATE of other than 4 octets');
    const increment = payload.readUInt32BE(0) & 0x7fffffff;
    if (streamId === 0) {
      if (increment === 0) throw new ConnectionError(H2Code.PROTOCOL_ERROR, 'WINDOW_UPDATE of 0 on the connection');
      this.sendWindow += increment;
      if (this.sendWindow > MAX_WINDOW) throw new ConnectionError(H2Code.FLOW_CONTROL_ERROR, 'the connection window above 2^31-1');
      for (const s of [...this.streams.values()]) this.pump(s);
      return;
    }
    const s = this.streams.get(streamId);
    if (!s) return; // a stream already over: allowed (§6.9)
    if (increment === 0) {
      this.resetStream(s, H2Code.PROTOCOL_ERROR);
      return;
    }
    s.sendWindow += increment;
    if (s.sendWindow > MAX_WINDOW) {
      this.resetStream(s, H2Code.FLOW_CONTROL_ERROR);
      return;
    }
    this.pump(s);
  }

  /** The payload of a DATA or HEADERS frame without its padding (§6.1, §6.2). */
  private unpadded(flags: number, payload: Buffer, prefix: number): Buffer {
    let from = prefix;
    let to = payload.length;
    if (flags & PADDED) {
      if (payload.length < 1) throw new ConnectionError(H2Code.PROTOCOL_ERROR, 'a padded frame without its pad length');
      from += 1;
      to -= payload[0];
    }
    if (to < from) throw new ConnectionError(H2Code.PROTOCOL_ERROR, 'padding longer than the frame');
    return payload.subarray(from, to);
  }

  private onHeaders(flags: number, streamId: number, payload: Buffer): void {
    if (streamId === 0) throw new ConnectionError(H2Code.PROTOCOL_ERROR, 'HEADERS on stream 0');
    const fragment = this.unpadded(flags, payload, flags & PRIORITY_FLAG ? 5 : 0);
    const end = (flags & END_STREAM) !== 0;
    if (flags & END_HEADERS) this.onHeaderBlock(streamId, fragment, end);
    else this.continuing = { streamId, end, parts: [fragment], size: fragment.length };
  }

  private onContinuation(flags: number, streamId: number, payload: Buffer): void {
    const c = this.continuing;
    if (c === null || c.streamId !== streamId) throw new ConnectionError(H2Code.PROTOCOL_ERROR, 'CONTINUATION without a header block to continue');
    c.parts.push(payload);
    c.size += payload.length;
    if (c.size > MAX_HEADER_BLOCK) throw new ConnectionError(H2Code.ENHANCE_YOUR_CALM, `a header block above ${MAX_HEADER_BLOCK} octets`);
    if (flags & END_HEADERS) {
      this.continuing = null;
      this.onHeaderBlock(streamId, Buffer.concat(c.parts), c.end);
    }
  }

  private onHeaderBlock(streamId: number, block: Buffer, end: boolean): void {
    // Decoded whatever becomes of the stream: the decoder's table must follow every block (RFC 7541 §2.2).
    const fields = this.decoder.decode(block);
    const open = this.streams.get(streamId);
    if (open) {
      // Trailers from the client: only the end of the request matters here.
      if (!end) throw new ConnectionError(H2Code.PROTOCOL_ERROR, 'a second header block that does not end the stream');
      this.onRemoteEnd(open);
      return;
    }
    if (streamId % 2 === 0 || streamId <= this.lastStreamId) {
      throw new ConnectionError(streamId % 2 === 0 ? H2Code.PROTOCOL_ERROR : H2Code.STREAM_CLOSED, `HEADERS on stream ${streamId}, which the client cannot open`);
    }
    this.lastStreamId = streamId;
    if (this.goingAway) return; // after GOAWAY, new streams are ignored (§6.8)
    // Prototype-less: a header named like an Object.prototype member (`constructor`, `__proto__`) stays plain data.
    const headers = Object.create(null) as Record<string, string>;
    for (const [name, value] of fields) headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
    const s = new H2Stream(this, streamId, headers, this.peerInitialWindow);
    this.streams.set(streamId, s);
    this.handlers.onStream(s);
    if (end) this.onRemoteEnd(s);
  }

  private onData(flags: number, streamId: number, payload: Buffer): void {
    if (streamId === 0) throw new ConnectionError(H2Code.PROTOCOL_ERROR, 'DATA on stream 0');
    // The whole frame counts against the connection's window, padding included (§6.9.1).
    this.received += payload.length;
    if (this.received >= REFILL_AT) {
      this.send(this.windowUpdate(0, this.received));
      this.received = 0;
    }
    const s = this.streams.get(streamId);
    if (!s) {
      if (streamId > this.lastStreamId) throw new ConnectionError(H2Code.PROTOCOL_ERROR, `DATA on idle stream ${streamId}`);
      return; // a stream this side already ended or reset
    }
    if (s.remoteEnded) {
      this.resetStream(s, H2Code.STREAM_CLOSED);
      return;
    }
    const data = this.unpadded(flags, payload, 0);
    if (data.length > 0) s.onData?.(data);
    if (flags & END_STREAM) this.onRemoteEnd(s);
  }

  private onRemoteEnd(s: H2Stream): void {
    if (s.remoteEnded || s.closed) return;
    s.remoteEnded = true;
    s.onEnd?.();
    if (s.localEnded && s.out.length === 0) this.closeStream(s);
  }
}
