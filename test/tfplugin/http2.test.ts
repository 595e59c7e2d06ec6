/**
 * The plugin server's HTTP/2 connection (src/tfplugin/http2.ts), driven by node:http2's client (nghttp2, an independent
 * implementation) and by raw bytes for what a well-behaved client never sends: streams side by side, bodies and answers
 * larger than the flow-control windows, CONTINUATION, PING, resets, GOAWAY, protocol errors.
 */
import * as fs from 'node:fs';
import * as http2 from 'node:http2';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { H2Connection, type H2Stream } from '../../src/tfplugin/http2';
import { PREFACE, frame } from './h2-frames';

let dir: string;
let listener: net.Server;
const connections: H2Connection[] = [];
const errors: string[] = [];
const closedStreams: number[] = [];
/** What the test server does with a finished request: echo by default. */
let answer: (s: H2Stream, body: Buffer) => void;

/** A header name that is also an Object.prototype member (typed as a plain string key). */
const CONSTRUCTOR: string = 'constructor';

const echo = (s: H2Stream, body: Buffer): void => {
  s.respond([
    [':status', '200'],
    ['x-path', s.headers[':path'] ?? ''],
    ['x-big', String((s.headers['x-big'] ?? '').length)],
    ['x-ctor', s.headers[CONSTRUCTOR] ?? 'absent'],
  ]);
  s.write(body);
  s.trailers([['x-done', 'yes']]);
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'h2-'));
  listener = net.createServer((socket) => {
    const c = new H2Connection(socket, {
      onStream: (s) => {
        const chunks: Buffer[] = [];
        s.onData = (b) => chunks.push(b);
        s.onEnd = () => answer(s, Buffer.concat(chunks));
        s.onClose = () => closedStreams.push(s.id);
      },
      onError: (err) => errors.push(err.message),
    });
    connections.push(c);
  });
  await new Promise<void>((r) => listener.listen(path.join(dir, 's.sock'), r));
});

beforeEach(() => {
  answer = echo;
  errors.length = 0;
});

afterAll(async () => {
  for (const c of connections) c.destroy();
  await new Promise((r) => listener.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

function connect(settings?: http2.Settings): http2.ClientHttp2Session {
  const session = http2.connect('http://localhost', { createConnection: () => net.connect(path.join(dir, 's.sock')), settings });
  session.on('error', () => undefined);
  return session;
}

interface Reply {
  status?: number;
  headers: http2.IncomingHttpHeaders;
  trailers?: http2.IncomingHttpHeaders;
  body: Buffer;
}

function request(session: http2.ClientHttp2Session, p: string, body: Buffer, extra: http2.OutgoingHttpHeaders = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = session.request({ ':method': 'POST', ':path': p, ...extra });
    const out: Reply = { headers: {}, body: Buffer.alloc(0) };
    const chunks: Buffer[] = [];
    req.on('response', (h) => {
      out.headers = h;
      out.status = Number(h[':status']);
    });
    req.on('trailers', (t) => (out.trailers = t));
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => resolve({ ...out, body: Buffer.concat(chunks) }));
    req.on('error', reject);
    req.end(body);
  });
}

const close = (s: http2.ClientHttp2Session): Promise<void> => new Promise((r) => s.close(() => r()));

test('GIVEN 100 requests side by side on one connection WHEN answered THEN each gets its own body, headers and trailers', async () => {
  const s = connect();
  const replies = await Promise.all(Array.from({ length: 100 }, (_, i) => request(s, `/p/${i}`, Buffer.from(`body ${i}`))));
  replies.forEach((r, i) => {
    expect(r.status).toBe(200);
    expect(r.headers['x-path']).toBe(`/p/${i}`);
    expect(r.body.toString()).toBe(`body ${i}`);
    expect(r.trailers?.['x-done']).toBe('yes');
  });
  await close(s);
});

test('GIVEN a body and an answer of 3 MiB, far above the 64 KiB initial windows WHEN sent THEN both arrive intact', async () => {
  const s = connect();
  const big = Buffer.alloc(3 << 20);
  for (let i = 0; i < big.length; i++) big[i] = (i * 7) & 0xff;
  const r = await request(s, '/big', big);
  expect(r.body.length).toBe(big.length);
  expect(r.body.equals(big)).toBe(true);
  await close(s);
});

test('GIVEN a client with a 100-octet stream window and larger frames allowed WHEN answered with 200 KiB THEN the answer waits for its WINDOW_UPDATEs and arrives intact', async () => {
  const s = connect({ initialWindowSize: 100, maxFrameSize: 32_768 });
  const body = Buffer.alloc(200 * 1024, 0x61);
  const r = await request(s, '/slow-window', body);
  expect(r.body.equals(body)).toBe(true);
  expect(r.trailers?.['x-done']).toBe('yes');
  await close(s);
});

test('GIVEN a header larger than one frame WHEN the client sends it (HEADERS + CONTINUATION) THEN the server reads it whole', async () => {
  const s = connect();
  const r = await request(s, '/continued', Buffer.from('x'), { 'x-big': 'v'.repeat(40_000) });
  expect(r.headers['x-big']).toBe('40000');
  await close(s);
});

test('GIVEN headers named like Object.prototype members WHEN received THEN they are plain data, absent when not sent', async () => {
  const s = connect();
  expect((await request(s, '/plain', Buffer.from('x'))).headers['x-ctor']).toBe('absent');
  expect((await request(s, '/named', Buffer.from('x'), { constructor: 'built' })).headers['x-ctor']).toBe('built');
  await close(s);
});

test('GIVEN a PING WHEN sent THEN the server acknowledges it with the same payload', async () => {
  const s = connect();
  await new Promise<void>((resolve, reject) => s.once('connect', () => resolve()).once('error', reject));
  const payload = Buffer.from('12345678');
  const acked = await new Promise<Buffer>((resolve, reject) => s.ping(payload, (err, _ms, p) => (err ? reject(err) : resolve(p))));
  expect(acked.equals(payload)).toBe(true);
  await close(s);
});

test('GIVEN a client that resets a stream before its answer WHEN the server answers later THEN the stream is closed on the server and the connection goes on', async () => {
  let later: (() => void) | undefined;
  answer = (st, body) => {
    later = () => echo(st, body);
  };
  const s = connect();
  const req = s.request({ ':method': 'POST', ':path': '/reset' });
  req.on('error', () => undefined);
  req.end('x');
  await new Promise((r) => setTimeout(r, 50));
  const id = req.id as number;
  req.close(http2.constants.NGHTTP2_CANCEL);
  await new Promise((r) => setTimeout(r, 50));
  expect(closedStreams).toContain(id);
  later?.(); // writes to a closed stream go nowhere
  answer = echo;
  expect((await request(s, '/after', Buffer.from('ok'))).body.toString()).toBe('ok');
  await close(s);
});

test('GIVEN a connection with a call under way WHEN the server closes it THEN the client gets GOAWAY, the call still completes, and the connection ends', async () => {
  let later: (() => void) | undefined;
  answer = (st, body) => {
    later = () => echo(st, body);
  };
  const s = connect();
  const goaway = new Promise<number>((r) => s.once('goaway', (code) => r(code)));
  const pending = request(s, '/under-way', Buffer.from('still here'));
  await new Promise((r) => setTimeout(r, 50));
  const conn = connections[connections.length - 1];
  const closed = conn.close();
  expect(await goaway).toBe(http2.constants.NGHTTP2_NO_ERROR);
  later?.();
  expect((await pending).body.toString()).toBe('still here');
  await closed;
  expect(conn.size).toBe(0);
});

/** Raw frames, for what node's client never sends. */
const rawFrame = frame;

/** Sends bytes on a raw connection; resolves with the GOAWAY error code the server answered with, once it closed. */
function rawSession(bytes: Buffer): Promise<{ goaway?: number; debug?: string }> {
  return new Promise((resolve) => {
    const sock = net.connect(path.join(dir, 's.sock'));
    let input = Buffer.alloc(0);
    sock.on('data', (d: Buffer) => (input = Buffer.concat([input, d])));
    sock.on('error', () => undefined);
    sock.on('close', () => {
      for (let at = 0; at + 9 <= input.length; ) {
        const len = input.readUIntBE(at, 3);
        if (input[at + 3] === 7) {
          const p = input.subarray(at + 9, at + 9 + len);
          resolve({ goaway: p.readUInt32BE(4), debug: p.subarray(8).toString('utf8') });
          return;
        }
        at += 9 + len;
      }
      resolve({});
    });
    sock.write(bytes);
  });
}

test('GIVEN bytes that are not an HTTP/2 preface WHEN received THEN the connection ends with PROTOCOL_ERROR and the error is reported', async () => {
  const r = await rawSession(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
  expect(r.goaway).toBe(http2.constants.NGHTTP2_PROTOCOL_ERROR);
  expect(errors.join('\n')).toContain('not an HTTP/2 client preface');
});

test('GIVEN a frame larger than the default 16 KiB WHEN received THEN the connection ends with FRAME_SIZE_ERROR', async () => {
  const r = await rawSession(Buffer.concat([PREFACE, rawFrame(4, 0, 0, Buffer.alloc(0)), rawFrame(0, 0, 1, Buffer.alloc(20_000))]));
  expect(r.goaway).toBe(http2.constants.NGHTTP2_FRAME_SIZE_ERROR);
});

test('GIVEN a header block that does not decode WHEN received THEN the connection ends with COMPRESSION_ERROR', async () => {
  // 0x80: an indexed field with index 0, which RFC 7541 §6.1 forbids.
  const r = await rawSession(Buffer.concat([PREFACE, rawFrame(4, 0, 0, Buffer.alloc(0)), rawFrame(1, 0x5, 1, Buffer.from([0x80]))]));
  expect(r.goaway).toBe(http2.constants.NGHTTP2_COMPRESSION_ERROR);
});

test('GIVEN a first frame other than SETTINGS, or a stream id the client cannot open WHEN received THEN PROTOCOL_ERROR', async () => {
  expect((await rawSession(Buffer.concat([PREFACE, rawFrame(6, 0, 0, Buffer.alloc(8))]))).goaway).toBe(http2.constants.NGHTTP2_PROTOCOL_ERROR);
  // Stream 2: even ids belong to the server.
  const headers = Buffer.from([0x83, 0x84]); // :method POST, :path /
  expect((await rawSession(Buffer.concat([PREFACE, rawFrame(4, 0, 0, Buffer.alloc(0)), rawFrame(1, 0x5, 2, headers)]))).goaway).toBe(http2.constants.NGHTTP2_PROTOCOL_ERROR);
});
