/**
 * The HPACK codec against RFC 7541's own examples (Appendix C) and Huffman table (Appendix B), against nghttp2 (node:http2's
 * HPACK, an independent implementation that uses Huffman coding and the dynamic table) in both directions, and against
 * malformed blocks, each of which must end the connection with COMPRESSION_ERROR.
 */
import * as http2 from 'node:http2';
import * as net from 'node:net';
import { HpackDecoder, HpackError, encodeHeaderBlock } from '../../src/tfplugin/hpack';
import { PREFACE, frame } from './h2-frames';

const hex = (s: string): Buffer => Buffer.from(s.replace(/\s+/g, ''), 'hex');

// ---------------------------------------------------------------------------------------------------------------
// RFC 7541 Appendix C

describe('RFC 7541 Appendix C.2: one field per block', () => {
  test('GIVEN C.2.1 (literal with indexing, literal name) THEN custom-key: custom-header, and the entry is indexed as 62', () => {
    const d = new HpackDecoder();
    expect(d.decode(hex('400a 6375 7374 6f6d 2d6b 6579 0d63 7573 746f 6d2d 6865 6164 6572'))).toEqual([['custom-key', 'custom-header']]);
    expect(d.decode(hex('be'))).toEqual([['custom-key', 'custom-header']]);
  });

  test('GIVEN C.2.2 (literal without indexing, indexed name) THEN :path: /sample/path, and the table stays empty', () => {
    const d = new HpackDecoder();
    expect(d.decode(hex('040c 2f73 616d 706c 652f 7061 7468'))).toEqual([[':path', '/sample/path']]);
    expect(() => d.decode(hex('be'))).toThrow(HpackError);
  });

  test('GIVEN C.2.3 (never indexed, literal name) THEN password: secret, and the table stays empty', () => {
    const d = new HpackDecoder();
    expect(d.decode(hex('1008 7061 7373 776f 7264 0673 6563 7265 74'))).toEqual([['password', 'secret']]);
    expect(() => d.decode(hex('be'))).toThrow(HpackError);
  });

  test('GIVEN C.2.4 (indexed field) THEN :method: GET', () => {
    expect(new HpackDecoder().decode(hex('82'))).toEqual([[':method', 'GET']]);
  });
});

const REQ1: Array<[string, string]> = [[':method', 'GET'], [':scheme', 'http'], [':path', '/'], [':authority', 'www.example.com']];
const REQ2: Array<[string, string]> = [...REQ1, ['cache-control', 'no-cache']];
const REQ3: Array<[string, string]> = [
  [':method', 'GET'], [':scheme', 'https'], [':path', '/index.html'], [':authority', 'www.example.com'], ['custom-key', 'custom-value'],
];

test('GIVEN C.3, three requests on one decoder (no Huffman) THEN each decodes to the RFC list, later ones through the dynamic table', () => {
  const d = new HpackDecoder();
  expect(d.decode(hex('8286 8441 0f77 7777 2e65 7861 6d70 6c65 2e63 6f6d'))).toEqual(REQ1);
  expect(d.decode(hex('8286 84be 5808 6e6f 2d63 6163 6865'))).toEqual(REQ2);
  expect(d.decode(hex('8287 85bf 400a 6375 7374 6f6d 2d6b 6579 0c63 7573 746f 6d2d 7661 6c75 65'))).toEqual(REQ3);
  // The table now holds, newest first: custom-key, cache-control, :authority.
  expect(d.decode(hex('be bf c0'))).toEqual([['custom-key', 'custom-value'], ['cache-control', 'no-cache'], [':authority', 'www.example.com']]);
});

test('GIVEN C.4, the same requests Huffman-coded THEN the same lists', () => {
  const d = new HpackDecoder();
  expect(d.decode(hex('8286 8441 8cf1 e3c2 e5f2 3a6b a0ab 90f4 ff'))).toEqual(REQ1);
  expect(d.decode(hex('8286 84be 5886 a8eb 1064 9cbf'))).toEqual(REQ2);
  expect(d.decode(hex('8287 85bf 4088 25a8 49e9 5ba9 7d7f 8925 a849 e95b b8e8 b4bf'))).toEqual(REQ3);
});

const DATE1 = 'Mon, 21 Oct 2013 20:13:21 GMT';
const DATE2 = 'Mon, 21 Oct 2013 20:13:22 GMT';
const LOCATION = 'https://www.example.com';
const COOKIE = 'foo=ASDJKHQKBZXOQWEOPIUAXQWEOIU; max-age=3600; version=1';
const RESPONSES: Array<Array<[string, string]>> = [
  [[':status', '302'], ['cache-control', 'private'], ['date', DATE1], ['location', LOCATION]],
  [[':status', '307'], ['cache-control', 'private'], ['date', DATE1], ['location', LOCATION]],
  [[':status', '200'], ['cache-control', 'private'], ['date', DATE2], ['location', LOCATION], ['content-encoding', 'gzip'], ['set-cookie', COOKIE]],
];

/** After the third response of C.5 / C.6 the 256-octet table holds only set-cookie, content-encoding and date (215 octets). */
function expectEvictedAsRfcSays(d: HpackDecoder): void {
  expect(d.decode(hex('be bf c0'))).toEqual([['set-cookie', COOKIE], ['content-encoding', 'gzip'], ['date', DATE2]]);
  expect(() => d.decode(hex('c1'))).toThrow(HpackError);
}

test('GIVEN C.5, three responses with a 256-octet table (no Huffman) THEN the RFC lists, and the oldest entries evicted', () => {
  const d = new HpackDecoder(256);
  expect(d.decode(hex(`4803 3330 3258 0770 7269 7661 7465 611d 4d6f 6e2c 2032 3120 4f63 7420 3230 3133 2032 303a 3133 3a32 3120 474d
    546e 1768 7474 7073 3a2f 2f77 7777 2e65 7861 6d70 6c65 2e63 6f6d`))).toEqual(RESPONSES[0]);
  expect(d.decode(hex('4803 3330 37c1 c0bf'))).toEqual(RESPONSES[1]);
  expect(d.decode(hex(`88c1 611d 4d6f 6e2c 2032 3120 4f63 7420 3230 3133 2032 303a 3133 3a32 3220 474d 54c0 5a04 677a 6970 7738 666f
    6f3d 4153 444a 4b48 514b 425a 584f 5157 454f 5049 5541 5851 5745 4f49 553b 206d 6178 2d61 6765 3d33 3630 303b 2076 6572 7369
    6f6e 3d31`))).toEqual(RESPONSES[2]);
  expectEvictedAsRfcSays(d);
});

test('GIVEN C.6, the same responses Huffman-coded THEN the same lists and evictions', () => {
  const d = new HpackDecoder(256);
  expect(d.decode(hex(`4882 6402 5885 aec3 771a 4b61 96d0 7abe 9410 54d4 44a8 2005 9504 0b81 66e0 82a6 2d1b ff6e 919d 29ad 1718 63c7
    8f0b 97c8 e9ae 82ae 43d3`))).toEqual(RESPONSES[0]);
  expect(d.decode(hex('4883 640e ffc1 c0bf'))).toEqual(RESPONSES[1]);
  expect(d.decode(hex(`88c1 6196 d07a be94 1054 d444 a820 0595 040b 8166 e084 a62d 1bff c05a 839b d9ab 77ad 94e7 821d d7f2 e6c7 b335
    dfdf cd5b 3960 d5af 2708 7f36 72c1 ab27 0fb5 291f 9587 3160 65c0 03ed 4ee5 b106 3d50 07`))).toEqual(RESPONSES[2]);
  expectEvictedAsRfcSays(d);
});

// ---------------------------------------------------------------------------------------------------------------
// RFC 7541 Appendix B, seen through the decoder

/** A block with one field, `x` (literal name) and a Huffman-coded value: the given codes in turn, then 1-bit padding. */
function huffmanField(codes: ReadonlyArray<readonly [number, number]>): Buffer {
  let bits = '';
  for (const [code, len] of codes) bits += code.toString(2).padStart(len, '0');
  bits += '1'.repeat((8 - (bits.length % 8)) % 8);
  const value = Buffer.alloc(bits.length / 8);
  for (let i = 0; i < value.length; i++) value[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
  expect(value.length).toBeLessThan(127);
  return Buffer.concat([Buffer.from([0x00, 0x01, 0x78, 0x80 | value.length]), value]);
}

test('GIVEN codes from the RFC table (Appendix B) THEN each decodes to its symbol: the code built from lengths alone is the RFC\'s', () => {
  // [symbol, code, length] as printed in Appendix B.
  const table: Array<[number, number, number]> = [
    [0x30, 0x0, 5], [0x61, 0x3, 5], [0x20, 0x14, 6], [0, 0x1ff8, 13], [9, 0xffffea, 24], [1, 0x7fffd8, 23],
    [10, 0x3ffffffc, 30], [13, 0x3ffffffd, 30], [22, 0x3ffffffe, 30], [0x3a, 0x5c, 7], [0x3c, 0x7ffc, 15], [0x58, 0xfc, 8],
    [0x5c, 0x7fff0, 19], [0x7a, 0x7b, 7], [0x7e, 0x1ffd, 13], [127, 0xffffffc, 28], [128, 0xfffe6, 20], [153, 0x1fffdc, 21],
    [199, 0x1ffffec, 25], [203, 0x7ffffde, 27], [220, 0xffffffd, 28], [249, 0xffffffe, 28], [254, 0x7fffff0, 27], [255, 0x3ffffee, 26],
  ];
  for (const [sym, code, len] of table) {
    expect([sym, new HpackDecoder().decode(huffmanField([[code, len]]))]).toEqual([sym, [['x', String.fromCharCode(sym)]]]);
  }
  // All of them in one string, across octet boundaries.
  const all = new HpackDecoder().decode(huffmanField(table.map(([, code, len]) => [code, len] as const)));
  expect(all).toEqual([['x', String.fromCharCode(...table.map(([sym]) => sym))]]);
});

test('GIVEN EOS (0x3fffffff, 30 bits) inside a Huffman string THEN HpackError (RFC 7541 §5.2)', () => {
  expect(() => new HpackDecoder().decode(huffmanField([[0x3fffffff, 30]]))).toThrow(HpackError);
  expect(() => new HpackDecoder().decode(huffmanField([[0x3, 5], [0x3fffffff, 30], [0x3, 5]]))).toThrow(/EOS/);
});

test('GIVEN Huffman padding longer than 7 bits, or not all ones THEN HpackError (RFC 7541 §5.2)', () => {
  // 'a' (00011) then 11 one bits.
  expect(() => new HpackDecoder().decode(hex('0001 7882 1fff'))).toThrow(/padding/);
  // '0' (00000) then 000: padding of zeros.
  expect(() => new HpackDecoder().decode(hex('0001 7881 00'))).toThrow(/padding/);
  // 'a' then 111 is fine; the same with one more octet of ones is not.
  expect(new HpackDecoder().decode(hex('0001 7881 1f'))).toEqual([['x', 'a']]);
  expect(() => new HpackDecoder().decode(hex('0001 7882 1fff'))).toThrow(HpackError);
});

// ---------------------------------------------------------------------------------------------------------------
// Malformed blocks

describe('a malformed block is an HpackError (COMPRESSION_ERROR)', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['an integer cut short', '1f', /inside an integer/],
    ['an integer whose continuation octets are cut short', '1f 9a', /inside an integer/],
    ['an integer past 2^31 - 1', '3f ff ff ff ff 0f', /exceeds/],
    ['an integer with too many continuation octets', '3f 80 80 80 80 80 00', /exceeds/],
    ['a string longer than the block', '00 05 61 62', /runs past/],
    ['a literal that ends before its value', '00 01 78', /before a string literal/],
    ['index 0', '80', /index 0/],
    ['a literal with a new name (name index 0) that ends before the name', '40', /before a string literal/],
    ['an index past the static table with an empty dynamic table', 'be', /past the end of the table/],
    ['a literal whose name index is past the table', '7f 00 01 61', /past the end of the table/],
    ['a size update above the announced limit (4097 > 4096)', '3f e2 1f', /4097 exceeds the announced limit 4096/],
    ['a size update after a field', '82 20', /follows a header field/],
  ];
  test.each(cases)('GIVEN %s THEN HpackError', (_what, block, message) => {
    const d = new HpackDecoder();
    expect(() => d.decode(hex(block))).toThrow(HpackError);
    expect(() => new HpackDecoder().decode(hex(block))).toThrow(message);
  });
});

test('GIVEN size updates at the start of a block THEN they apply: 0 empties the table, and entries above the size are not kept', () => {
  const d = new HpackDecoder();
  d.decode(hex('400a 6375 7374 6f6d 2d6b 6579 0d63 7573 746f 6d2d 6865 6164 6572'));
  expect(d.decode(hex('be'))).toEqual([['custom-key', 'custom-header']]);
  // Two updates (0, then 4096 = 3f e1 1f) before a field are allowed; the first empties the table.
  expect(d.decode(hex('20 3fe11f 82'))).toEqual([[':method', 'GET']]);
  expect(() => d.decode(hex('be'))).toThrow(HpackError);
  // A table of 40 octets cannot keep custom-key: custom-header (55): adding it leaves the table empty.
  const small = new HpackDecoder(40);
  expect(small.decode(hex('400a 6375 7374 6f6d 2d6b 6579 0d63 7573 746f 6d2d 6865 6164 6572'))).toEqual([['custom-key', 'custom-header']]);
  expect(() => small.decode(hex('be'))).toThrow(HpackError);
});

test('GIVEN a decoder constructed with an impossible table size THEN it refuses, naming the argument', () => {
  expect(() => new HpackDecoder(-1)).toThrow(/maxTableSize/);
  expect(() => new HpackDecoder(1.5)).toThrow(/maxTableSize/);
});

// ---------------------------------------------------------------------------------------------------------------
// The encoder

test('GIVEN gRPC response headers THEN :status 200 is static index 8, content-type a literal with name index 31, others literal names', () => {
  const block = encodeHeaderBlock([[':status', '200'], ['content-type', 'application/grpc'], ['grpc-status', '0']]);
  expect(block.toString('hex')).toBe(
    '88' + '0f10' + '10' + Buffer.from('application/grpc').toString('hex') + '000b' + Buffer.from('grpc-status').toString('hex') + '0130',
  );
});

test('GIVEN any headers THEN the block decodes back to them, in order, with no dynamic-table state (blocks decode in any order)', () => {
  const everyByte = latin1Bytes();
  const lists: Array<Array<[string, string]>> = [
    [[':status', '200'], ['content-type', 'application/grpc'], ['grpc-status', '0'], ['grpc-message', '']],
    [[':status', '404'], [':status', '201'], ['x-every-byte', everyByte], ['x-long', 'v'.repeat(70_000)], ['date', DATE1]],
    [['grpc-status', '13'], ['grpc-message', 'boom%20here'], ['www-authenticate', 'x'], ['accept-encoding', 'gzip, deflate']],
  ];
  const blocks = lists.map((l) => encodeHeaderBlock(l));
  const d = new HpackDecoder(0); // a peer with no table at all still decodes them: nothing was indexed
  expect([2, 0, 1].map((i) => d.decode(blocks[i]))).toEqual([lists[2], lists[0], lists[1]]);
  expect(encodeHeaderBlock([])).toHaveLength(0);
});

test('fails when a header name has upper-case letters, or a character is not one octet', () => {
  expect(() => encodeHeaderBlock([['Content-Type', 'x']])).toThrow(/lower case/);
  expect(() => encodeHeaderBlock([['x-a', 'caf\u00e9 ✗']])).toThrow(/x-a.*U\+2717/);
});

// ---------------------------------------------------------------------------------------------------------------
// Interop with nghttp2, through node:http2's client and a raw HTTP/2 peer written here

/**
 * Every octet a header value may hold (RFC 7230 field-vchar, SP, HTAB, obs-text), as latin1. Whitespace stays inside:
 * nghttp2 drops a received field whose value starts or ends with it (RFC 9113 §8.2.1).
 */
function latin1Bytes(): string {
  let s = '';
  for (let c = 0x21; c <= 0x7e; c++) s += String.fromCharCode(c);
  s += '\t ';
  for (let c = 0x80; c <= 0xff; c++) s += String.fromCharCode(c);
  return s;
}

const HEADERS = 1;
const SETTINGS = 4;
const CONTINUATION = 9;
const END_STREAM = 0x1;
const ACK = 0x1;
const END_HEADERS = 0x4;
const PADDED = 0x8;
const PRIORITY = 0x20;

/**
 * A minimal HTTP/2 server peer: checks the client preface, sends its SETTINGS, acknowledges the client's, and hands
 * each complete header block (HEADERS + CONTINUATION, padding and priority removed) to `onBlock`.
 */
async function rawPeer(onBlock: (streamId: number, block: Buffer, socket: net.Socket) => void): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.write(frame(SETTINGS, 0, 0));
    let buf = Buffer.alloc(0);
    let prefaceSeen = false;
    let pending: { streamId: number; parts: Buffer[] } | undefined;
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (!prefaceSeen) {
        if (buf.length < PREFACE.length) return;
        if (!buf.subarray(0, PREFACE.length).equals(PREFACE)) throw new Error('not an HTTP/2 client preface');
        buf = buf.subarray(PREFACE.length);
        prefaceSeen = true;
      }
      while (buf.length >= 9) {
        const length = buf.readUIntBE(0, 3);
        if (buf.length < 9 + length) return;
        const [type, flags] = [buf[3], buf[4]];
        const streamId = buf.readUInt32BE(5) & 0x7fffffff;
        let payload = buf.subarray(9, 9 + length);
        buf = buf.subarray(9 + length);
        if (type === SETTINGS && !(flags & ACK)) socket.write(frame(SETTINGS, ACK, 0));
        if (type === HEADERS) {
          if (flags & PADDED) payload = payload.subarray(1, payload.length - payload[0]);
          if (flags & PRIORITY) payload = payload.subarray(5);
          pending = { streamId, parts: [payload] };
        } else if (type === CONTINUATION && pending) pending.parts.push(payload);
        if ((type === HEADERS || type === CONTINUATION) && flags & END_HEADERS && pending) {
          onBlock(pending.streamId, Buffer.concat(pending.parts), socket);
          pending = undefined;
        }
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

test('GIVEN requests from node:http2 (nghttp2: Huffman, dynamic table, every value octet) THEN the decoder reads exactly what was sent', async () => {
  const blocks: Buffer[] = [];
  let allIn: () => void = () => undefined;
  const done = new Promise<void>((r) => (allIn = r));
  const requests: Array<Record<string, string>> = [
    { 'x-every-byte': latin1Bytes(), 'x-repeated': 'the same value in every request', 'x-text': 'lower case text huffman codes well' },
    { 'x-every-byte': latin1Bytes(), 'x-repeated': 'the same value in every request', 'x-long': 'k'.repeat(3000) },
    { 'x-repeated': 'the same value in every request', 'x-every-byte': latin1Bytes().split('').reverse().join(''), 'x-text': 'lower case text huffman codes well' },
    { 'x-repeated': 'the same value in every request', 'x-text': 'lower case text huffman codes well' },
  ];
  const peer = await rawPeer((_id, block) => {
    blocks.push(block);
    if (blocks.length === requests.length) allIn();
  });
  const client = http2.connect(`http://127.0.0.1:${peer.port}`);
  client.on('error', () => undefined);
  try {
    for (const headers of requests) {
      const req = client.request({ ':method': 'POST', ':path': '/test.Svc/Echo', ...headers }, { endStream: true });
      req.on('error', () => undefined);
    }
    await done;
  } finally {
    client.destroy();
    await peer.close();
  }
  const d = new HpackDecoder();
  const decoded = blocks.map((b) => d.decode(b));
  for (let i = 0; i < requests.length; i++) {
    const sent = Object.entries(requests[i]);
    expect(decoded[i].filter(([name]) => name.startsWith('x-'))).toEqual(sent);
    expect(decoded[i]).toEqual(expect.arrayContaining([[':method', 'POST'], [':path', '/test.Svc/Echo'], [':scheme', 'http']]));
  }
  // Evidence that nghttp2 compressed (Huffman on the first block) and indexed (later blocks reuse entries).
  const rawLength = (i: number): number => decoded[i].reduce((n, [k, v]) => n + k.length + v.length, 0);
  expect(blocks[0].length).toBeLessThan(rawLength(0));
  expect(blocks[3].length).toBeLessThan(rawLength(3) / 4);
});

test('GIVEN a response block from encodeHeaderBlock THEN node:http2\'s client (nghttp2) accepts it and sees the same headers', async () => {
  const everyByte = latin1Bytes();
  const response: Array<[string, string]> = [
    [':status', '200'], ['content-type', 'application/grpc'], ['grpc-status', '0'], ['x-every-byte', everyByte], ['x-long', 'q'.repeat(300)],
  ];
  const peer = await rawPeer((streamId, _block, socket) => {
    socket.write(frame(HEADERS, END_HEADERS | END_STREAM, streamId, encodeHeaderBlock(response)));
  });
  const client = http2.connect(`http://127.0.0.1:${peer.port}`);
  client.on('error', () => undefined);
  try {
    const seen = await new Promise<http2.IncomingHttpHeaders>((resolve, reject) => {
      const req = client.request({ ':method': 'POST', ':path': '/x' }, { endStream: true });
      req.on('response', resolve);
      req.on('error', reject);
    });
    expect(seen[':status']).toBe(200);
    expect(seen['content-type']).toBe('application/grpc');
    expect(seen['grpc-status']).toBe('0');
    expect(seen['x-every-byte']).toBe(everyByte);
    expect(seen['x-long']).toBe('q'.repeat(300));
  } finally {
    client.destroy();
    await peer.close();
  }
});
