/**
 * HPACK, HTTP/2's header compression (RFC 7541), for the plugin process's own HTTP/2 server: decoding the request
 * header blocks a client sends and encoding the response header blocks the server sends.
 *
 * Why by hand: node:http2 keeps its HPACK (nghttp2's) to itself, with no public API; the hpack packages on npm are
 * unmaintained or bring more than this needs. The server needs exactly two things: decode every request block a peer
 * may send (grpc-go's golang.org/x/net/http2/hpack and nghttp2 both use Huffman coding and the dynamic table), and
 * encode its own few response fields, which it does without Huffman coding or indexing, so encoding keeps no state.
 *
 * Strings are latin1 (one char per octet): header values are octets, and RFC 7540 §8.1.2 leaves their meaning to HTTP.
 *
 * Not supported: Huffman encoding and dynamic-table indexing on the encoding side (the response fields are short and
 * few); reporting which decoded fields were "never indexed" (§6.2.3 matters to an intermediary re-encoding fields,
 * which this server is not); a limit on the decoded header list's size (SETTINGS_MAX_HEADER_LIST_SIZE): the caller
 * bounds the block's length, and a decoded block is at most 8/5 of it plus what indexes reference.
 */

/** A malformed header block: the connection must end with COMPRESSION_ERROR (RFC 7540 §4.3). */
export class HpackError extends Error {
  constructor(message: string) {
    super(`HPACK: ${message}`);
    this.name = 'HpackError';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The static table (RFC 7541 Appendix A): index i + 1 is STATIC[i]. An empty value is written '' as in the RFC.

const STATIC: ReadonlyArray<readonly [string, string]> = [
  [':authority', ''], [':method', 'GET'], [':method', 'POST'], [':path', '/'], [':path', '/index.html'],
  [':scheme', 'http'], [':scheme', 'https'], [':status', '200'], [':status', '204'], [':status', '206'],
  [':status', '304'], [':status', '400'], [':status', '404'], [':status', '500'], ['accept-charset', ''],
  ['accept-encoding', 'gzip, deflate'], ['accept-language', ''], ['accept-ranges', ''], ['accept', ''],
  ['access-control-allow-origin', ''], ['age', ''], ['allow', ''], ['authorization', ''], ['cache-control', ''],
  ['content-disposition', ''], ['content-encoding', ''], ['content-language', ''], ['content-length', ''],
  ['content-location', ''], ['content-range', ''], ['content-type', ''], ['cookie', ''], ['date', ''], ['etag', ''],
  ['expect', ''], ['expires', ''], ['from', ''], ['host', ''], ['if-match', ''], ['if-modified-since', ''],
  ['if-none-match', ''], ['if-range', ''], ['if-unmodified-since', ''], ['last-modified', ''], ['link', ''],
  ['location', ''], ['max-forwards', ''], ['proxy-authenticate', ''], ['proxy-authorization', ''], ['range', ''],
  ['referer', ''], ['refresh', ''], ['retry-after', ''], ['server', ''], ['set-cookie', ''],
  ['strict-transport-security', ''], ['transfer-encoding', ''], ['user-agent', ''], ['vary', ''], ['via', ''],
  ['www-authenticate', ''],
];

/** §4.1: an entry's size is its name's and value's octets plus 32. */
const ENTRY_OVERHEAD = 32;

/** The protocol's initial SETTINGS_HEADER_TABLE_SIZE (RFC 7540 §6.5.2). */
const DEFAULT_TABLE_SIZE = 4096;

// ---------------------------------------------------------------------------------------------------------------
// The Huffman code (RFC 7541 Appendix B). It is canonical: codes of one length are consecutive in symbol order, and
// each length's first code follows the previous length's last, so the code lengths alone define it. Symbols 0–255 are
// octets, 256 is EOS.

// prettier-ignore
const HUFFMAN_LENGTHS: readonly number[] = [
  13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28,
  28, 28, 28, 28, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 28,
  6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8, 11, 8, 6, 6, 6,
  5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 8, 15, 6, 12, 10,
  13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
  7, 7, 7, 7, 7, 7, 7, 7, 8, 7, 8, 13, 19, 13, 14, 6,
  15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5,
  6, 7, 6, 5, 5, 6, 7, 7, 7, 7, 7, 15, 11, 14, 13, 28,
  20, 22, 20, 20, 22, 22, 22, 23, 22, 23, 23, 23, 23, 23, 24, 23,
  24, 24, 22, 23, 24, 23, 23, 23, 23, 21, 22, 23, 22, 23, 23, 24,
  22, 21, 20, 22, 22, 23, 23, 21, 23, 22, 22, 24, 21, 22, 23, 23,
  21, 21, 22, 21, 23, 22, 23, 23, 20, 22, 22, 22, 23, 22, 22, 23,
  26, 26, 20, 19, 22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25,
  19, 21, 26, 27, 27, 26, 27, 24, 21, 21, 26, 26, 28, 27, 27, 27,
  20, 24, 20, 21, 22, 21, 21, 23, 22, 22, 25, 25, 24, 24, 26, 23,
  26, 27, 26, 26, 27, 27, 27, 27, 27, 28, 27, 27, 27, 27, 27, 26,
  30, // EOS
];

const EOS = 256;

/**
 * The decoder reads 4 bits at a time through a state machine whose states are the code tree's 256 inner nodes
 * (state 0 the root: a symbol boundary). Entry `state * 16 + nibble`: bits 0–7 the next state, bit 8 set when the
 * nibble completed a symbol (at most one: the shortest code has 5 bits), bits 9–16 that symbol, bit 17 set when the
 * nibble completed EOS (§5.2: an error). ACCEPTS[state]: ending the string in that state is allowed, i.e. the bits
 * since the last symbol are at most 7 and all ones, a prefix of EOS (§5.2's padding).
 */
let TRANSITIONS: Uint32Array | undefined;
let ACCEPTS: Uint8Array | undefined;
const EMITS = 1 << 8;
const FAILS = 1 << 17;

/** Builds the code from the lengths, its tree, then the nibble state machine (on the first Huffman string). */
function buildHuffmanDecoder(): void {
  // Canonical codes: by length, then symbol.
  const order = HUFFMAN_LENGTHS.map((_, sym) => sym).sort((a, b) => HUFFMAN_LENGTHS[a] - HUFFMAN_LENGTHS[b] || a - b);
  // The tree: inner node n's children at child[2n] (bit 0) and child[2n + 1] (bit 1); a leaf is stored as -1 - sym,
  // an absent child as 0 (the root is nobody's child).
  const child = new Int32Array(2 * 256);
  let nodes = 1;
  let code = 0;
  let prevLen = HUFFMAN_LENGTHS[order[0]];
  for (const sym of order) {
    const len = HUFFMAN_LENGTHS[sym];
    code <<= len - prevLen;
    prevLen = len;
    let node = 0;
    for (let i = len - 1; i > 0; i--) {
      const slot = 2 * node + ((code >>> i) & 1);
      if (child[slot] === 0) child[slot] = nodes++;
      node = child[slot];
    }
    child[2 * node + (code & 1)] = -1 - sym;
    code++;
  }
  // Depth and all-ones-ness of each inner node: the padding check.
  const depth = new Uint8Array(256);
  const ones = new Uint8Array(256);
  ones[0] = 1;
  for (let n = 0; n < nodes; n++) {
    for (let bit = 0; bit < 2; bit++) {
      const c = child[2 * n + bit];
      if (c > 0) {
        depth[c] = depth[n] + 1;
        ones[c] = ones[n] & bit;
      }
    }
  }
  const accepts = new Uint8Array(256);
  for (let n = 0; n < nodes; n++) accepts[n] = ones[n] === 1 && depth[n] <= 7 ? 1 : 0;
  const transitions = new Uint32Array(256 * 16);
  for (let state = 0; state < nodes; state++) {
    for (let nibble = 0; nibble < 16; nibble++) {
      let node = state;
      let entry = 0;
      for (let i = 3; i >= 0; i--) {
        const c = child[2 * node + ((nibble >>> i) & 1)];
        if (c < 0) {
          const sym = -1 - c;
          if (sym === EOS) entry |= FAILS;
          else entry |= EMITS | (sym << 9);
          node = 0;
        } else node = c;
      }
      transitions[state * 16 + nibble] = entry | node;
    }
  }
  TRANSITIONS = transitions;
  ACCEPTS = accepts;
}

/** Scratch space for Huffman-decoded octets, grown as needed (one decoder works at a time: JS is single-threaded). */
let scratch = Buffer.allocUnsafeSlow(256);

/** Decodes `src[start, end)` as a Huffman-coded string (§5.2). */
function huffmanDecode(src: Uint8Array, start: number, end: number): string {
  if (TRANSITIONS === undefined) buildHuffmanDecoder();
  const table = TRANSITIONS as Uint32Array;
  // Each symbol takes at least 5 bits.
  const most = Math.ceil(((end - start) * 8) / 5);
  if (scratch.length < most) scratch = Buffer.allocUnsafeSlow(Math.max(most, scratch.length * 2));
  const out = scratch;
  let n = 0;
  let state = 0;
  for (let i = start; i < end; i++) {
    const byte = src[i];
    let t = table[(state << 4) | (byte >>> 4)];
    if (t & FAILS) throw new HpackError('a Huffman-coded string contains EOS');
    if (t & EMITS) out[n++] = (t >>> 9) & 0xff;
    state = t & 0xff;
    t = table[(state << 4) | (byte & 0x0f)];
    if (t & FAILS) throw new HpackError('a Huffman-coded string contains EOS');
    if (t & EMITS) out[n++] = (t >>> 9) & 0xff;
    state = t & 0xff;
  }
  if ((ACCEPTS as Uint8Array)[state] === 0) {
    throw new HpackError('a Huffman-coded string ends in padding that is longer than 7 bits or not the start of EOS');
  }
  return out.toString('latin1', 0, n);
}

// ---------------------------------------------------------------------------------------------------------------
// Decoding

const EMPTY = Buffer.alloc(0);

/** Integers past this are refused (§5.1 lets an implementation bound them; 2^31 - 1 covers every use in HTTP/2). */
const MAX_INT = 0x7fffffff;

/** Decodes the header blocks of one connection, in order (the dynamic table lives across blocks). */
export class HpackDecoder {
  /** The limit this side announced: size updates above it are refused (§6.3). */
  private readonly limit: number;
  /** The dynamic table's current maximum size (§4.2), set by the peer's size updates. */
  private capacity: number;
  /** The table's size by §4.1. */
  private size = 0;
  /** Entries, the oldest first from `first`: dynamic index 1 (overall 62) is the last one. */
  private names: string[] = [];
  private values: string[] = [];
  private first = 0;
  /** Where the block being decoded is read: set per decode, so the readers below need no arguments. */
  private src: Buffer = EMPTY;
  private pos = 0;

  /** `maxTableSize`: the SETTINGS_HEADER_TABLE_SIZE this side announced (default 4096, the protocol's initial value). */
  constructor(maxTableSize: number = DEFAULT_TABLE_SIZE) {
    if (!Number.isInteger(maxTableSize) || maxTableSize < 0 || maxTableSize > MAX_INT) {
      throw new RangeError(`HpackDecoder: maxTableSize must be an integer from 0 to ${MAX_INT}, got ${maxTableSize}`);
    }
    this.limit = maxTableSize;
    this.capacity = maxTableSize;
  }

  /** One complete header block (HEADERS + CONTINUATION fragments already joined) → [name, value] pairs in order. */
  decode(block: Uint8Array): Array<[string, string]> {
    this.src = Buffer.isBuffer(block) ? block : Buffer.from(block.buffer, block.byteOffset, block.byteLength);
    this.pos = 0;
    const out: Array<[string, string]> = [];
    const end = block.length;
    try {
      while (this.pos < end) {
        const b = block[this.pos];
        if (b & 0x80) {
          // §6.1 indexed field.
          const index = this.integer(7);
          out.push([this.nameAt(index), this.valueAt(index)]);
        } else if (b & 0x40) {
          // §6.2.1 literal with incremental indexing.
          const index = this.integer(6);
          const name = index === 0 ? this.string() : this.nameAt(index);
          const value = this.string();
          out.push([name, value]);
          this.add(name, value);
        } else if (b & 0x20) {
          // §6.3 dynamic table size update: only before the block's first field (§4.2).
          if (out.length > 0) throw new HpackError('a dynamic table size update follows a header field (RFC 7541 §4.2)');
          const size = this.integer(5);
          if (size > this.limit) {
            throw new HpackError(`a dynamic table size update to ${size} exceeds the announced limit ${this.limit} (RFC 7541 §6.3)`);
          }
          this.capacity = size;
          this.evict(0);
        } else {
          // §6.2.2 without indexing (0000), §6.2.3 never indexed (0001): both 4-bit prefixes, neither touches the table.
          const index = this.integer(4);
          const name = index === 0 ? this.string() : this.nameAt(index);
          out.push([name, this.string()]);
        }
      }
    } finally {
      this.src = EMPTY;
    }
    return out;
  }

  /** §5.1: an integer with an N-bit prefix at the current position. */
  private integer(prefixBits: number): number {
    const src = this.src;
    const max = (1 << prefixBits) - 1;
    let value = src[this.pos++] & max;
    if (value < max) return value;
    // At most 5 continuation octets: 5 × 7 bits reach past 2^31.
    for (let shift = 0; shift <= 28; shift += 7) {
      if (this.pos >= src.length) throw new HpackError('the block ends inside an integer');
      const b = src[this.pos++];
      value += (b & 0x7f) * 2 ** shift;
      if (value > MAX_INT) throw new HpackError('an integer exceeds 2^31 - 1');
      if ((b & 0x80) === 0) return value;
    }
    throw new HpackError('an integer exceeds 2^31 - 1');
  }

  /** §5.2: a string literal, raw or Huffman-coded. */
  private string(): string {
    if (this.pos >= this.src.length) throw new HpackError('the block ends before a string literal');
    const huffman = (this.src[this.pos] & 0x80) !== 0;
    const length = this.integer(7);
    const start = this.pos;
    const end = start + length;
    if (end > this.src.length) throw new HpackError(`a string literal of ${length} octets runs past the block's end`);
    this.pos = end;
    if (huffman) return huffmanDecode(this.src, start, end);
    return this.src.toString('latin1', start, end);
  }

  private nameAt(index: number): string {
    if (index === 0) throw new HpackError('index 0 is not a table entry (RFC 7541 §6.1)');
    if (index <= STATIC.length) return STATIC[index - 1][0];
    return this.names[this.dynamicSlot(index)];
  }

  private valueAt(index: number): string {
    if (index === 0) throw new HpackError('index 0 is not a table entry (RFC 7541 §6.1)');
    if (index <= STATIC.length) return STATIC[index - 1][1];
    return this.values[this.dynamicSlot(index)];
  }

  /** Where overall index `index` (past the static table) sits in the entry arrays. */
  private dynamicSlot(index: number): number {
    const slot = this.names.length - (index - STATIC.length);
    if (slot < this.first) {
      throw new HpackError(`index ${index} is past the end of the table (${STATIC.length} static + ${this.names.length - this.first} dynamic entries)`);
    }
    return slot;
  }

  /** §4.4: adds an entry, evicting the oldest ones first; an entry larger than the table empties it. */
  private add(name: string, value: string): void {
    const entry = name.length + value.length + ENTRY_OVERHEAD;
    this.evict(entry);
    if (entry > this.capacity) return;
    this.names.push(name);
    this.values.push(value);
    this.size += entry;
  }

  /** §4.3, §4.4: evicts the oldest entries until `room` more fits within the capacity (or the table is empty). */
  private evict(room: number): void {
    const names = this.names;
    const values = this.values;
    while (this.size + room > this.capacity && this.first < names.length) {
      this.size -= names[this.first].length + values[this.first].length + ENTRY_OVERHEAD;
      this.first++;
    }
    // Compact now and then, so evicted entries do not pile up in front.
    if (this.first > 64 && this.first * 2 > names.length) {
      names.splice(0, this.first);
      values.splice(0, this.first);
      this.first = 0;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Encoding

/** Per static name: its first index (the one literal fields reference) and the indexes of its full entries by value. */
const STATIC_BY_NAME = new Map<string, { readonly index: number; readonly byValue: Map<string, number> }>();
for (let i = 0; i < STATIC.length; i++) {
  const [name, value] = STATIC[i];
  let entry = STATIC_BY_NAME.get(name);
  if (entry === undefined) STATIC_BY_NAME.set(name, (entry = { index: i + 1, byValue: new Map() }));
  if (value !== '') entry.byValue.set(value, i + 1);
}

/** Octets an integer takes with an N-bit prefix (§5.1). */
function integerLength(value: number, prefixBits: number): number {
  const max = (1 << prefixBits) - 1;
  if (value < max) return 1;
  let n = 2;
  for (let rest = value - max; rest >= 0x80; rest = Math.floor(rest / 0x80)) n++;
  return n;
}

/** Writes an integer with an N-bit prefix, the prefix octet's other bits being `flags`; returns the next offset. */
function writeInteger(out: Buffer, at: number, value: number, prefixBits: number, flags: number): number {
  const max = (1 << prefixBits) - 1;
  if (value < max) {
    out[at++] = flags | value;
    return at;
  }
  out[at++] = flags | max;
  let rest = value - max;
  while (rest >= 0x80) {
    out[at++] = (rest & 0x7f) | 0x80;
    rest = Math.floor(rest / 0x80);
  }
  out[at++] = rest;
  return at;
}

/**
 * Writes a raw string literal (H = 0); returns the next offset. Characters past U+00FF have no octet: refused, naming
 * the header (`name`) and whether its name or its value holds the character.
 */
function writeString(out: Buffer, at: number, s: string, name: string, isName: boolean): number {
  at = writeInteger(out, at, s.length, 7, 0);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) {
      const where = isName ? `header name ${JSON.stringify(name)}` : `the value of header ${JSON.stringify(name)}`;
      throw new TypeError(`${where} has the character U+${c.toString(16).padStart(4, '0')}, which is not one octet (latin1)`);
    }
    out[at++] = c;
  }
  return at;
}

/** Encodes a response header block without touching any dynamic table (stateless, so blocks may be sent in any order). */
export function encodeHeaderBlock(headers: ReadonlyArray<readonly [string, string]>): Buffer {
  // Size first: one allocation for the block.
  let total = 0;
  for (let i = 0; i < headers.length; i++) {
    const field = headers[i];
    const name = field[0];
    const value = field[1];
    const known = STATIC_BY_NAME.get(name);
    if (known !== undefined) {
      if (known.byValue.get(value) !== undefined) {
        total += 1; // every full static entry's index is below 127
        continue;
      }
      total += integerLength(known.index, 4);
    } else {
      for (let j = 0; j < name.length; j++) {
        const c = name.charCodeAt(j);
        if (c >= 0x41 && c <= 0x5a) throw new TypeError(`header name ${JSON.stringify(name)} has upper-case letters; HTTP/2 requires lower case (RFC 7540 §8.1.2)`);
      }
      total += 1 + integerLength(name.length, 7) + name.length;
    }
    total += integerLength(value.length, 7) + value.length;
  }
  const out = Buffer.allocUnsafe(total);
  let at = 0;
  for (let i = 0; i < headers.length; i++) {
    const field = headers[i];
    const name = field[0];
    const value = field[1];
    const known = STATIC_BY_NAME.get(name);
    if (known !== undefined) {
      const full = known.byValue.get(value);
      if (full !== undefined) {
        out[at++] = 0x80 | full; // §6.1 indexed field
        continue;
      }
      at = writeInteger(out, at, known.index, 4, 0x00); // §6.2.2 without indexing, indexed name
    } else {
      out[at++] = 0x00; // §6.2.2 without indexing, literal name
      at = writeString(out, at, name, name, true);
    }
    at = writeString(out, at, value, name, false);
  }
  return out;
}
