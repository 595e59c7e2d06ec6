/**
 * Malformed and hostile XML API responses: the client must give a clear error (a stable code and a message saying
 * what was wrong) without hanging or crashing. A tiny HTTP server on 127.0.0.1 plays the device.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PanosApiError, PanosClient } from '../../src/panos/client';

type Answer = (res: http.ServerResponse) => void;

const LIMIT = 64 * 1024;
let server: http.Server;
let answer: Answer = (res) => res.end('<response status="success"><result/></response>');
let port = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => answer(res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

function client(): PanosClient {
  return new PanosClient({
    hostname: '127.0.0.1',
    port,
    protocol: 'http',
    apiKey: 'hostile-test-key-0001',
    timeouts: { connectMs: 1000, headersMs: 1500, bodyMs: 1500 },
    retries: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    maxResponseBytes: LIMIT,
  });
}

const body =
  (status: number, text: string | Buffer, headers: http.OutgoingHttpHeaders = { 'content-type': 'application/xml' }): Answer =>
  (res) => {
    res.writeHead(status, headers);
    res.end(text);
  };

const NESTED = (depth: number): string => `<response status="success"><result>${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}</result></response>`;
const LAUGHS =
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
  '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><response status="success"><result>&lol3;</result></response>';

interface HostileCase {
  readonly name: string;
  readonly answer: Answer;
  /** Acceptable error codes. */
  readonly codes: readonly string[];
  /** Text the message must contain (case-insensitive). */
  readonly says: RegExp;
}

const CASES: HostileCase[] = [
  { name: 'truncated XML', answer: body(200, '<response status="success"><result><entry name="a"><peer-address>'), codes: ['PANOS_BAD_RESPONSE'], says: /not XML/i },
  { name: 'a wrong root element', answer: body(200, '<reply status="success"><result/></reply>'), codes: ['PANOS_BAD_RESPONSE'], says: /root is <reply>/ },
  { name: 'an HTML login page with 200', answer: body(200, '<!DOCTYPE html><html><head><title>Login</title></head><body><form></form></body></html>', { 'content-type': 'text/html' }), codes: ['PANOS_BAD_RESPONSE'], says: /DOCTYPE|not XML|root/i },
  { name: 'an HTML error page with 502', answer: body(502, '<html><body><h1>502 Bad Gateway</h1></body></html>', { 'content-type': 'text/html' }), codes: ['PANOS_HTTP'], says: /HTTP 502/ },
  { name: 'an HTML error page with 404', answer: body(404, '<html><body>Not Found</body></html>', { 'content-type': 'text/html' }), codes: ['PANOS_HTTP'], says: /root is <html>|404/i },
  { name: 'a JSON body', answer: body(200, '{"response":{"status":"success"}}', { 'content-type': 'application/json' }), codes: ['PANOS_BAD_RESPONSE'], says: /not XML/i },
  { name: 'an empty body with 200', answer: body(200, ''), codes: ['PANOS_BAD_RESPONSE'], says: /empty|not XML/i },
  { name: 'a billion-laughs entity expansion', answer: body(200, LAUGHS), codes: ['PANOS_BAD_RESPONSE'], says: /DOCTYPE/ },
  { name: 'an undeclared entity reference', answer: body(200, '<response status="success"><result>&xxe;</result></response>'), codes: ['PANOS_BAD_RESPONSE'], says: /not XML|entity/i },
  { name: 'an external entity (XXE)', answer: body(200, '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><response status="success"><result>&xxe;</result></response>'), codes: ['PANOS_BAD_RESPONSE'], says: /DOCTYPE/ },
  { name: 'nesting 100000 levels deep', answer: body(200, NESTED(100_000)), codes: ['PANOS_BAD_RESPONSE', 'PANOS_RESPONSE_TOO_LARGE'], says: /.+/ },
  { name: 'nesting 5000 levels deep (below the size limit)', answer: body(200, NESTED(5000)), codes: ['PANOS_BAD_RESPONSE'], says: /deep|nest|not XML/i },
  { name: 'a body far beyond the size limit with Content-Length', answer: body(200, Buffer.alloc(LIMIT * 40, 'a')), codes: ['PANOS_RESPONSE_TOO_LARGE'], says: /maxResponseBytes/ },
  {
    name: 'an endless chunked body',
    answer: (res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.write('<response status="success"><result>');
      const chunk = '<entry name="x"/>'.repeat(1000);
      const pump = (): void => {
        if (res.destroyed) return;
        if (res.write(chunk)) setImmediate(pump);
        else res.once('drain', pump);
      };
      pump();
    },
    codes: ['PANOS_RESPONSE_TOO_LARGE'],
    says: /maxResponseBytes/,
  },
  {
    name: 'headers then silence',
    answer: (res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.write('<response status="success"><result>');
    },
    codes: ['PANOS_TIMEOUT'],
    says: /.+/,
  },
  { name: 'no answer at all', answer: () => undefined, codes: ['PANOS_TIMEOUT'], says: /.+/ },
  { name: 'a UTF-16 body', answer: body(200, Buffer.from('\ufeff<response status="success"><result/></response>', 'utf16le')), codes: ['PANOS_BAD_RESPONSE'], says: /not valid UTF-8/ },
  { name: 'a body declaring UTF-16 but sent as UTF-8', answer: body(200, '<?xml version="1.0" encoding="UTF-16"?><response status="success"><result><x>1</x></result></response>'), codes: ['PANOS_BAD_RESPONSE'], says: /encoding|UTF-16/i },
  { name: 'invalid UTF-8 bytes', answer: body(200, Buffer.concat([Buffer.from('<response status="success"><result><x>'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('</x></result></response>')])), codes: ['PANOS_BAD_RESPONSE'], says: /UTF-8|encoding/i },
  { name: 'a NUL byte inside', answer: body(200, '<response status="success"><result><x>a\u0000b</x></result></response>'), codes: ['PANOS_BAD_RESPONSE'], says: /not XML|character/i },
  { name: 'two root elements', answer: body(200, '<response status="success"><result/></response><response status="error"/>'), codes: ['PANOS_BAD_RESPONSE'], says: /not XML|root/i },
  { name: 'an error envelope without a message', answer: body(200, '<response status="error"/>'), codes: ['PANOS_ERROR'], says: /without a message/ },
  { name: 'a status of unauth (code 22)', answer: body(200, '<response status="error" code="22"><msg><line>Session timed out</line></msg></response>'), codes: ['PANOS_SESSION_TIMEOUT'], says: /Session timed out/ },
];

describe('GIVEN a device that answers with hostile or malformed bodies', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('WHEN it answers with %s THEN the client fails clearly and promptly', async (_name, c) => {
    answer = c.answer;
    const cl = client();
    try {
      const err = await cl.get("/config/devices/entry[@name='localhost.localdomain']/network/ike/gateway").then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(PanosApiError);
      const e = err as PanosApiError;
      expect(c.codes).toContain(e.code);
      expect(e.message).toMatch(c.says);
      expect(e.message).not.toContain('hostile-test-key-0001');
    } finally {
      server.closeAllConnections();
      await cl.close().catch(() => undefined);
    }
  });

  test('GIVEN a well-formed answer with a UTF-8 BOM WHEN read THEN the client accepts it (a device may send one)', async () => {
    answer = body(200, '\ufeff<?xml version="1.0" encoding="UTF-8"?><response status="success"><result><gateway><entry name="gw-é"/></gateway></result></response>');
    const cl = client();
    try {
      const got = await cl.get("/config/devices/entry[@name='localhost.localdomain']/network/ike/gateway");
      expect(got?.children[0]?.attrs.name).toBe('gw-é');
    } finally {
      await cl.close();
    }
  });
});
