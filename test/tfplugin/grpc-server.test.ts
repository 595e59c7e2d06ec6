/**
 * The plugin process's own gRPC server, driven by @grpc/grpc-js's client (an independent implementation of the same
 * protocol): answers, statuses and their messages, deadlines, streams, refused requests.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { GrpcError, GrpcServer, GrpcStatus, encodeGrpcMessage, type MethodCodec, type MethodHandler } from '../../src/tfplugin/grpc-server';

/** Messages are UTF-8 text: enough to see what went through. */
const text = (path: string, responseStream = false): MethodCodec & grpc.MethodDefinition<string, string> => ({
  path,
  requestStream: false,
  responseStream,
  requestSerialize: (s: string) => Buffer.from(s, 'utf8'),
  requestDeserialize: (b: Buffer) => b.toString('utf8'),
  responseSerialize: (s: string) => Buffer.from(s, 'utf8'),
  responseDeserialize: (b: Buffer) => b.toString('utf8'),
});

const SERVICE = {
  Echo: text('/test.Svc/Echo'),
  Fail: text('/test.Svc/Fail'),
  FailWith: text('/test.Svc/FailWith'),
  Throw: text('/test.Svc/Throw'),
  Slow: text('/test.Svc/Slow'),
  Stream: text('/test.Svc/Stream', true),
  Missing: text('/test.Svc/Missing'),
};

let dir: string;
let listener: net.Server;
let server: GrpcServer;
let client: grpc.Client & Record<string, (...args: unknown[]) => unknown>;
const errors: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grpc-server-'));
  server = new GrpcServer({ maxReceiveBytes: 1024, onError: (what, err) => errors.push(`${what}: ${err.message}`) });
  const handlers: Record<string, MethodHandler> = {
    Echo: (call, cb) => cb(null, `echo ${String(call.request)}`),
    Fail: (_call, cb) => cb(new GrpcError(GrpcStatus.RESOURCE_EXHAUSTED, 'tout est plein: 100% ✗')),
    FailWith: (call, cb) => cb(new GrpcError(GrpcStatus.RESOURCE_EXHAUSTED, String(call.request))),
    Throw: () => {
      throw new Error('handler broke');
    },
    Slow: (call, cb) => setTimeout(() => cb(null, `late ${String(call.request)}`), 500),
    Stream: (call) => {
      call.write('one');
      call.write('two');
      call.end();
    },
  };
  server.addService(SERVICE, handlers);
  listener = net.createServer((s) => server.serve(s));
  const sock = path.join(dir, 's.sock');
  await new Promise<void>((r) => listener.listen(sock, r));
  const Ctor = grpc.makeGenericClientConstructor(SERVICE as unknown as grpc.ServiceDefinition, 'Svc');
  client = new Ctor(`unix://${sock}`, grpc.credentials.createInsecure()) as typeof client;
});

afterAll(async () => {
  client.close();
  await server.close(200);
  listener.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function unary(method: string, request: string, deadlineMs = 5000): Promise<{ value?: string; err?: grpc.ServiceError }> {
  return new Promise((resolve) => {
    (client[method] as (r: string, m: grpc.Metadata, o: grpc.CallOptions, cb: (e: grpc.ServiceError | null, v?: string) => void) => void).call(
      client, request, new grpc.Metadata(), { deadline: Date.now() + deadlineMs },
      (err, value) => resolve(err ? { err } : { value }),
    );
  });
}

test('GIVEN a unary call WHEN answered THEN the client gets the message and status OK; concurrent calls keep their own answers', async () => {
  const answers = await Promise.all(['a', 'b', 'c', ''].map((r) => unary('Echo', r)));
  expect(answers.map((a) => a.value)).toEqual(['echo a', 'echo b', 'echo c', 'echo ']);
});

test('GIVEN a handler that answers with a status WHEN called THEN the client gets that code and the message, non-ASCII intact', async () => {
  const { err } = await unary('Fail', 'x');
  expect(err?.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
  expect(err?.details).toBe('tout est plein: 100% ✗');
});

test('GIVEN a handler that throws WHEN called THEN the call ends UNKNOWN with its message and the server goes on', async () => {
  const { err } = await unary('Throw', 'x');
  expect(err?.code).toBe(grpc.status.UNKNOWN);
  expect(err?.details).toBe('handler broke');
  expect((await unary('Echo', 'after')).value).toBe('echo after');
});

test('GIVEN a method the server does not serve WHEN called THEN UNIMPLEMENTED names it', async () => {
  const { err } = await unary('Missing', 'x');
  expect(err?.code).toBe(grpc.status.UNIMPLEMENTED);
  expect(err?.details).toContain('/test.Svc/Missing');
});

test('GIVEN a request larger than the limit WHEN sent THEN RESOURCE_EXHAUSTED, and a normal call still works', async () => {
  const { err } = await unary('Echo', 'x'.repeat(5000));
  expect(err?.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
  expect((await unary('Echo', 'small')).value).toBe('echo small');
});

test('GIVEN a deadline shorter than the handler WHEN called THEN DEADLINE_EXCEEDED, and the late answer goes nowhere', async () => {
  const { err } = await unary('Slow', 'x', 150);
  expect(err?.code).toBe(grpc.status.DEADLINE_EXCEEDED);
  await new Promise((r) => setTimeout(r, 500));
  expect((await unary('Echo', 'next')).value).toBe('echo next');
});

test('GIVEN a server-streaming method WHEN called THEN the messages arrive in order and the stream ends OK', async () => {
  const got = await new Promise<string[]>((resolve, reject) => {
    const out: string[] = [];
    const s = (client.Stream as (r: string) => grpc.ClientReadableStream<string>).call(client, 'go');
    s.on('data', (d: string) => out.push(d));
    s.on('end', () => resolve(out));
    s.on('error', reject);
  });
  expect(got).toEqual(['one', 'two']);
});

test('grpc-message percent-encodes what is not printable ASCII, and % itself', () => {
  expect(encodeGrpcMessage('a b%\n✗')).toBe('a b%25%0A%E2%9C%97');
});

test('GIVEN a status message that begins and ends with a space WHEN sent THEN the client gets it whole (HTTP/2 clients drop a header value with edge whitespace)', async () => {
  expect(encodeGrpcMessage(' padded ')).toBe('%20padded%20');
  for (const message of [' padded ', ' ', 'trailing ']) {
    const { err } = await unary('FailWith', message);
    expect(err?.details).toBe(message);
  }
});
