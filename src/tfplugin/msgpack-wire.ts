/**
 * A small msgpack reader and writer. We do not use @msgpack/msgpack here because the cty codec needs things it does
 * not give: every extension type read as data (Terraform's unknowns are ext 0 and ext 12), 64-bit integers read
 * without loss, map keys kept in order and never turned into object properties (a map key `__proto__` is legal in
 * Terraform), and `bin` kept apart from `str`.
 */

/** A msgpack map as read: its entries in wire order. */
export class MpMap {
  constructor(readonly entries: Array<[MpNode, MpNode]>) {}
}

/** A msgpack extension value as read. */
export class MpExt {
  constructor(readonly type: number, readonly data: Uint8Array) {}
}

/** A msgpack `bin` value as read (distinct from `str`). */
export class MpBin {
  constructor(readonly data: Uint8Array) {}
}

/** A decoded msgpack value. Integers beyond 2^53 come back as bigint. */
export type MpNode = null | boolean | number | bigint | string | MpBin | MpExt | MpMap | MpNode[];

/** Parses one msgpack value that must span the whole buffer. */
export function readMsgpack(bytes: Uint8Array): MpNode {
  const r = new MsgpackReader(bytes);
  const v = r.read(0);
  if (r.pos !== bytes.length) {
    throw new Error(`msgpack: ${bytes.length - r.pos} trailing byte(s) after the value at offset ${r.pos}`);
  }
  return v;
}

/** How deep values may nest. */
export const MAX_DEPTH = 512;

/**
 * Reads msgpack from a buffer: whole values as {@link MpNode}s (`read`), or token by token (the `*Length` and `str`
 * methods), for a caller that knows what type to expect and builds its own values without the node tree.
 */
export class MsgpackReader {
  pos = 0;
  private readonly view: DataView;
  /** The same bytes as a Buffer (no copy), for decoding UTF-8 in place. */
  private readonly text: Buffer;

  constructor(private readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    this.text = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  private need(n: number): void {
    if (this.pos + n > this.buf.length) throw new Error(`msgpack: truncated input at offset ${this.pos}`);
  }

  u8(): number { this.need(1); return this.buf[this.pos++]; }
  private u16(): number { this.need(2); const v = this.view.getUint16(this.pos); this.pos += 2; return v; }
  private u32(): number { this.need(4); const v = this.view.getUint32(this.pos); this.pos += 4; return v; }

  /** After type byte `b`: the length of a `str`, or -1 when `b` starts something else. */
  strLength(b: number): number {
    if (b >= 0xa0 && b <= 0xbf) return b & 0x1f;
    if (b === 0xd9) return this.u8();
    if (b === 0xda) return this.u16();
    if (b === 0xdb) return this.u32();
    return -1;
  }

  /** After type byte `b`: the element count of an array, or -1 when `b` starts something else. */
  arrayLength(b: number): number {
    if (b >= 0x90 && b <= 0x9f) return b & 0x0f;
    if (b === 0xdc) return this.u16();
    if (b === 0xdd) return this.u32();
    return -1;
  }

  /** After type byte `b`: the entry count of a map, or -1 when `b` starts something else. */
  mapLength(b: number): number {
    if (b >= 0x80 && b <= 0x8f) return b & 0x0f;
    if (b === 0xde) return this.u16();
    if (b === 0xdf) return this.u32();
    return -1;
  }

  /** After type byte `b`: skips an extension value and returns true, or returns false when `b` starts something else. */
  skipExt(b: number): boolean {
    const n = b >= 0xd4 && b <= 0xd8 ? 1 << (b - 0xd4) : b === 0xc7 ? this.u8() : b === 0xc8 ? this.u16() : b === 0xc9 ? this.u32() : -1;
    if (n < 0) return false;
    this.need(1 + n);
    this.pos += 1 + n;
    return true;
  }

  private bytes(n: number): Uint8Array {
    this.need(n);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /**
   * A `str` of n bytes, decoded as UTF-8 where it lies. Most strings in a plan are short ASCII (attribute values,
   * names), which a loop turns into a string faster than a call into Buffer's decoder; anything else goes there.
   */
  str(n: number): string {
    this.need(n);
    const start = this.pos;
    this.pos += n;
    if (n <= 24) {
      let s = '';
      for (let i = start; i < start + n; i++) {
        const c = this.buf[i];
        if (c >= 0x80) return this.text.toString('utf8', start, start + n);
        s += String.fromCharCode(c);
      }
      return s;
    }
    return this.text.toString('utf8', start, start + n);
  }

  private big(v: bigint): number | bigint {
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  }

  private array(n: number, depth: number): MpNode[] {
    const out: MpNode[] = [];
    for (let i = 0; i < n; i++) out.push(this.read(depth + 1));
    return out;
  }

  private map(n: number, depth: number): MpMap {
    const entries: Array<[MpNode, MpNode]> = [];
    for (let i = 0; i < n; i++) {
      const k = this.read(depth + 1);
      entries.push([k, this.read(depth + 1)]);
    }
    return new MpMap(entries);
  }

  private ext(n: number): MpExt {
    const type = this.view.getInt8((this.need(1), this.pos++));
    return new MpExt(type, this.bytes(n));
  }

  read(depth: number): MpNode {
    if (depth > MAX_DEPTH) throw new Error(`msgpack: nesting deeper than ${MAX_DEPTH}`);
    const b = this.u8();
    if (b <= 0x7f) return b;
    if (b >= 0xe0) return b - 0x100;
    if (b >= 0x80 && b <= 0x8f) return this.map(b & 0x0f, depth);
    if (b >= 0x90 && b <= 0x9f) return this.array(b & 0x0f, depth);
    if (b >= 0xa0 && b <= 0xbf) return this.str(b & 0x1f);
    switch (b) {
      case 0xc0: return null;
      case 0xc2: return false;
      case 0xc3: return true;
      case 0xc4: return new MpBin(this.bytes(this.u8()));
      case 0xc5: return new MpBin(this.bytes(this.u16()));
      case 0xc6: return new MpBin(this.bytes(this.u32()));
      case 0xc7: return this.ext(this.u8());
      case 0xc8: return this.ext(this.u16());
      case 0xc9: return this.ext(this.u32());
      case 0xca: { this.need(4); const v = this.view.getFloat32(this.pos); this.pos += 4; return v; }
      case 0xcb: { this.need(8); const v = this.view.getFloat64(this.pos); this.pos += 8; return v; }
      case 0xcc: return this.u8();
      case 0xcd: return this.u16();
      case 0xce: return this.u32();
      case 0xcf: { this.need(8); const v = this.view.getBigUint64(this.pos); this.pos += 8; return this.big(v); }
      case 0xd0: { this.need(1); const v = this.view.getInt8(this.pos); this.pos += 1; return v; }
      case 0xd1: { this.need(2); const v = this.view.getInt16(this.pos); this.pos += 2; return v; }
      case 0xd2: { this.need(4); const v = this.view.getInt32(this.pos); this.pos += 4; return v; }
      case 0xd3: { this.need(8); const v = this.view.getBigInt64(this.pos); this.pos += 8; return this.big(v); }
      case 0xd4: return this.ext(1);
      case 0xd5: return this.ext(2);
      case 0xd6: return this.ext(4);
      case 0xd7: return this.ext(8);
      case 0xd8: return this.ext(16);
      case 0xd9: return this.str(this.u8());
      case 0xda: return this.str(this.u16());
      case 0xdb: return this.str(this.u32());
      case 0xdc: return this.array(this.u16(), depth);
      case 0xdd: return this.array(this.u32(), depth);
      case 0xde: return this.map(this.u16(), depth);
      case 0xdf: return this.map(this.u32(), depth);
      default: throw new Error(`msgpack: unsupported type byte 0x${b.toString(16)} at offset ${this.pos - 1}`);
    }
  }
}

/** Appends msgpack tokens to a growing buffer. */
export class MsgpackWriter {
  private buf = Buffer.allocUnsafe(256);
  private len = 0;

  private ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  private byte(b: number): void { this.ensure(1); this.buf[this.len++] = b; }

  /** The bytes written so far (a copy: Buffer#subarray is slow on Node.js 20, and a copy frees the spare room). */
  finish(): Buffer {
    const out = Buffer.allocUnsafe(this.len);
    this.buf.copy(out, 0, 0, this.len);
    return out;
  }

  nil(): void { this.byte(0xc0); }

  bool(v: boolean): void { this.byte(v ? 0xc3 : 0xc2); }

  /** Writes an integer in the smallest msgpack int form. */
  int(v: number | bigint): void {
    if (typeof v === 'number' && v >= 0 && v <= 0x7f) return this.byte(v);
    if (typeof v === 'number' && v < 0 && v >= -32) return this.byte(v + 0x100);
    const big = BigInt(v);
    this.ensure(9);
    if (big >= 0n) {
      if (big <= 0xffn) { this.buf[this.len++] = 0xcc; this.buf[this.len++] = Number(big); return; }
      if (big <= 0xffffn) { this.buf[this.len++] = 0xcd; this.buf.writeUInt16BE(Number(big), this.len); this.len += 2; return; }
      if (big <= 0xffffffffn) { this.buf[this.len++] = 0xce; this.buf.writeUInt32BE(Number(big), this.len); this.len += 4; return; }
      if (big > 0xffffffffffffffffn) throw new Error(`msgpack: integer ${big} does not fit 64 bits`);
      this.buf[this.len++] = 0xcf; this.buf.writeBigUInt64BE(big, this.len); this.len += 8; return;
    }
    if (big >= -0x80n) { this.buf[this.len++] = 0xd0; this.buf.writeInt8(Number(big), this.len); this.len += 1; return; }
    if (big >= -0x8000n) { this.buf[this.len++] = 0xd1; this.buf.writeInt16BE(Number(big), this.len); this.len += 2; return; }
    if (big >= -0x80000000n) { this.buf[this.len++] = 0xd2; this.buf.writeInt32BE(Number(big), this.len); this.len += 4; return; }
    if (big < -0x8000000000000000n) throw new Error(`msgpack: integer ${big} does not fit 64 bits`);
    this.buf[this.len++] = 0xd3; this.buf.writeBigInt64BE(big, this.len); this.len += 8;
  }

  float64(v: number): void {
    this.ensure(9);
    this.buf[this.len++] = 0xcb;
    this.buf.writeDoubleBE(v, this.len);
    this.len += 8;
  }

  /**
   * Writes a `str`, its UTF-8 bytes encoded straight into the buffer. A short ASCII string (most attribute names and
   * values) is copied character by character, which is faster than a call into Buffer's encoder.
   */
  str(v: string): void {
    const short = v.length;
    if (short <= 31) {
      this.ensure(short + 1);
      const at = this.len + 1;
      let i = 0;
      while (i < short) {
        const c = v.charCodeAt(i);
        if (c >= 0x80) break;
        this.buf[at + i++] = c;
      }
      if (i === short) {
        this.buf[this.len] = 0xa0 | short;
        this.len = at + short;
        return;
      }
    }
    const n = Buffer.byteLength(v, 'utf8');
    if (n <= 31) this.byte(0xa0 | n);
    else if (n <= 0xff) { this.byte(0xd9); this.byte(n); }
    else if (n <= 0xffff) { this.ensure(3); this.buf[this.len++] = 0xda; this.buf.writeUInt16BE(n, this.len); this.len += 2; }
    else { this.ensure(5); this.buf[this.len++] = 0xdb; this.buf.writeUInt32BE(n, this.len); this.len += 4; }
    this.ensure(n);
    this.len += this.buf.write(v, this.len, n, 'utf8');
  }

  bin(data: Uint8Array): void {
    const n = data.length;
    if (n <= 0xff) { this.byte(0xc4); this.byte(n); }
    else if (n <= 0xffff) { this.ensure(3); this.buf[this.len++] = 0xc5; this.buf.writeUInt16BE(n, this.len); this.len += 2; }
    else { this.ensure(5); this.buf[this.len++] = 0xc6; this.buf.writeUInt32BE(n, this.len); this.len += 4; }
    this.raw(data);
  }

  arrayHeader(n: number): void { this.header(n, 0x90, 0xdc, 0xdd); }

  mapHeader(n: number): void { this.header(n, 0x80, 0xde, 0xdf); }

  /** fixext1 type 0 with a zero byte: how cty writes an unknown value. */
  unknown(): void { this.raw(Uint8Array.of(0xd4, 0x00, 0x00)); }

  private header(n: number, fix: number, b16: number, b32: number): void {
    if (n <= 15) this.byte(fix | n);
    else if (n <= 0xffff) { this.ensure(3); this.buf[this.len++] = b16; this.buf.writeUInt16BE(n, this.len); this.len += 2; }
    else { this.ensure(5); this.buf[this.len++] = b32; this.buf.writeUInt32BE(n, this.len); this.len += 4; }
  }

  private raw(data: Uint8Array): void {
    this.ensure(data.length);
    this.buf.set(data, this.len);
    this.len += data.length;
  }
}
