import { cty, typeFromJson, typeToJson } from '../../src/tfplugin/cty';
import { CtyValueError, decodeJsonState, decodeMsgpack, decodeMsgpackTree, encodeMsgpack } from '../../src/tfplugin/msgpack';
import { MsgpackWriter } from '../../src/tfplugin/msgpack-wire';
import { blockType } from '../../src/tfplugin/schema';
import { TypedValue, UNKNOWN, objectOf } from '../../src/tfplugin/values';

const hex = (s: string): Buffer => Buffer.from(s.replace(/\s+/g, ''), 'hex');

describe('cty msgpack codec', () => {
  describe('unknown values', () => {
    test('GIVEN an unknown string WHEN encoded THEN it is fixext1 type 0 with a zero byte (d4 00 00)', () => {
      expect(encodeMsgpack(cty.string, UNKNOWN).toString('hex')).toBe('d40000');
    });

    test('GIVEN ext 0 from Terraform WHEN decoded THEN the value is UNKNOWN', () => {
      expect(decodeMsgpack(cty.string, hex('d40000'))).toBe(UNKNOWN);
    });

    test('GIVEN a refined unknown (ext 12 with a refinement map) WHEN decoded THEN it is UNKNOWN', () => {
      // ext8, 3 bytes, type 12, payload {1: false} ("definitely not null").
      expect(decodeMsgpack(cty.number, hex('c7 03 0c 81 01 c2'))).toBe(UNKNOWN);
    });

    test('GIVEN an object with an unknown attribute inside a list WHEN round-tripped THEN the unknown stays in place', () => {
      const t = cty.object({ items: cty.list(cty.object({ v: cty.string })) });
      const v = objectOf([['items', [objectOf([['v', UNKNOWN]]), objectOf([['v', 'x']])]]]);
      expect(decodeMsgpack(t, encodeMsgpack(t, v))).toEqual({ items: [{ v: UNKNOWN }, { v: 'x' }] });
    });
  });

  describe('strings', () => {
    // Lengths around each str form (fixstr to 31 bytes, str8, str16) and around the reader's short-ASCII path, in
    // ASCII, two-, three- and four-byte UTF-8. The expected bytes are built here from the msgpack spec, not the writer.
    const samples = [0, 1, 23, 24, 25, 31, 32, 255, 256, 70000].flatMap((n) => ['a'.repeat(n), 'é'.repeat(Math.ceil(n / 2)), `x€${'y'.repeat(n)}`, `😀${'z'.repeat(n)}`]);
    const wire = (v: string): Buffer => {
      const data = Buffer.from(v, 'utf8');
      const n = data.length;
      const head = n <= 31 ? [0xa0 | n] : n <= 0xff ? [0xd9, n] : n <= 0xffff ? [0xda, n >> 8, n & 0xff] : [0xdb, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
      return Buffer.concat([Buffer.from(head), data]);
    };

    test('GIVEN strings of every length form in ASCII and multi-byte UTF-8 WHEN encoded THEN the bytes are msgpack str of their UTF-8', () => {
      for (const v of samples) expect(encodeMsgpack(cty.string, v).equals(wire(v))).toBe(true);
    });

    test('GIVEN the same bytes from Terraform, also inside a larger buffer WHEN decoded THEN the strings come back unchanged', () => {
      for (const v of samples) {
        expect(decodeMsgpack(cty.string, wire(v))).toBe(v);
        const padded = Buffer.concat([Buffer.from([1, 2, 3]), wire(v)]).subarray(3);
        expect(decodeMsgpack(cty.string, padded)).toBe(v);
      }
    });

    test('GIVEN a str whose bytes end before its length WHEN decoded THEN it fails as truncated', () => {
      expect(() => decodeMsgpack(cty.string, hex('a5 61 62'))).toThrow(/truncated/);
    });
  });

  describe('numbers', () => {
    test('GIVEN integral and fractional numbers WHEN encoded THEN they are decimal strings, which Terraform reads at the precision it reads the state file with', () => {
      expect(encodeMsgpack(cty.number, 5).toString('hex')).toBe('a135');
      expect(encodeMsgpack(cty.number, -1).toString('hex')).toBe('a22d31');
      expect(encodeMsgpack(cty.number, 70000)).toEqual(encodeMsgpack(cty.string, '70000'));
      expect(encodeMsgpack(cty.number, 1.5)).toEqual(encodeMsgpack(cty.string, '1.5'));
      expect(encodeMsgpack(cty.number, -0)).toEqual(encodeMsgpack(cty.string, '0'));
      expect(encodeMsgpack(cty.number, 1e21)).toEqual(encodeMsgpack(cty.string, '1000000000000000000000'));
    });

    test('GIVEN an infinite number WHEN encoded THEN it stays a float64 (it has no decimal form)', () => {
      expect(encodeMsgpack(cty.number, Infinity).toString('hex')).toBe('cb7ff0000000000000');
    });

    test('GIVEN numbers WHEN encoded and decoded THEN exact ones come back as numbers and imprecise ones as their text', () => {
      for (const n of [0, 5, -1, 70000, 1.5, 0.1, 2 ** 53 - 1]) expect(decodeMsgpack(cty.number, encodeMsgpack(cty.number, n))).toBe(n);
      expect(decodeMsgpack(cty.number, encodeMsgpack(cty.number, '3.14159265358979323846264338'))).toBe('3.14159265358979323846264338');
    });

    test('GIVEN int, float64 and decimal-string numbers on the wire WHEN decoded THEN each is read', () => {
      expect(decodeMsgpack(cty.number, hex('cd 01 f4'))).toBe(500);
      expect(decodeMsgpack(cty.number, hex('cb 3f f8 00 00 00 00 00 00'))).toBe(1.5);
      expect(decodeMsgpack(cty.number, hex('ca 3f c0 00 00'))).toBe(1.5);
      expect(decodeMsgpack(cty.number, encodeMsgpack(cty.string, '3.14159265358979323846264338'))).toBe('3.14159265358979323846264338');
    });

    test('GIVEN a 64-bit integer beyond 2^53 WHEN decoded THEN it is kept exactly as a decimal string', () => {
      expect(decodeMsgpack(cty.number, hex('cf 00 20 00 00 00 00 00 01'))).toBe('9007199254740993');
    });

    test('GIVEN a bigint beyond 2^53 WHEN encoded THEN it is its decimal text and decodes back exactly', () => {
      const bytes = encodeMsgpack(cty.number, 9007199254740993n);
      expect(bytes).toEqual(encodeMsgpack(cty.string, '9007199254740993'));
      expect(decodeMsgpack(cty.number, bytes)).toBe('9007199254740993');
    });

    test('fails when a number is NaN or a non-numeric string', () => {
      expect(() => encodeMsgpack(cty.number, NaN)).toThrow(/NaN/);
      expect(() => encodeMsgpack(cty.number, 'twelve')).toThrow(/not a decimal number/);
    });
  });

  describe('objects', () => {
    const t = cty.object({ a: cty.string, b: cty.number });

    test('GIVEN an object with a null attribute WHEN encoded THEN every attribute is written, null as nil, sorted', () => {
      expect(encodeMsgpack(t, objectOf([['b', null], ['a', 'x']])).toString('hex')).toBe('82a161a178a162c0');
    });

    test('fails when an attribute is missing, naming it', () => {
      expect(() => encodeMsgpack(t, objectOf([['a', 'x']]))).toThrow(/\.b: attribute is missing/);
    });

    test('fails when an attribute is not in the type, naming it', () => {
      expect(() => encodeMsgpack(t, objectOf([['a', 'x'], ['b', 1], ['c', true]]))).toThrow(/unsupported attribute "c"/);
    });

    test('fails when Terraform sends an object with too few or unknown attributes', () => {
      expect(() => decodeMsgpack(t, hex('81 a1 61 a1 78'))).toThrow(/an object with 2 attributes is required; missing: b/);
      expect(() => decodeMsgpack(t, hex('83 a1 61 a1 78 a1 62 01 a1 7a c0'))).toThrow(/unsupported attribute "z"/);
    });

    test('fails with the path of a wrongly typed value', () => {
      const err = (() => { try { encodeMsgpack(cty.object({ l: cty.list(cty.bool) }), objectOf([['l', [true, 'no']]])); } catch (e) { return e; } return undefined; })();
      expect(err).toBeInstanceOf(CtyValueError);
      expect((err as CtyValueError).path).toEqual(['l', 1]);
    });
  });

  describe('maps', () => {
    test('GIVEN a map key "__proto__" WHEN decoded THEN it is plain data and no prototype is polluted', () => {
      const t = cty.map(cty.string);
      const bytes = encodeMsgpack(t, objectOf([['__proto__', 'x'], ['constructor', 'y']]));
      const v = decodeMsgpack(t, bytes) as Record<string, unknown>;
      expect(Object.keys(v).sort()).toEqual(['__proto__', 'constructor']);
      expect(v['__proto__']).toBe('x');
      expect(({} as Record<string, unknown>).x).toBeUndefined();
      expect(Object.getPrototypeOf(v)).toBeNull();
    });
  });

  describe('nested blocks by nesting mode', () => {
    const block = {
      attributes: { name: { type: cty.string, required: true } },
      blocks: {
        one: { nesting: 'single' as const, block: { attributes: { x: { type: cty.number, optional: true } } } },
        grp: { nesting: 'group' as const, block: { attributes: { y: { type: cty.bool, optional: true } } } },
        many: { nesting: 'list' as const, block: { attributes: { p: { type: cty.number, required: true } } } },
        uniq: { nesting: 'set' as const, block: { attributes: { s: { type: cty.string, required: true } } } },
        named: { nesting: 'map' as const, block: { attributes: { v: { type: cty.string, optional: true } } } },
      },
    };

    test('GIVEN a block schema WHEN its type is derived THEN single/group are objects, list/set/map are collections', () => {
      expect(typeToJson(blockType(block))).toEqual(['object', {
        grp: ['object', { y: 'bool' }],
        many: ['list', ['object', { p: 'number' }]],
        name: 'string',
        named: ['map', ['object', { v: 'string' }]],
        one: ['object', { x: 'number' }],
        uniq: ['set', ['object', { s: 'string' }]],
      }]);
    });

    test('GIVEN values for each nesting mode WHEN round-tripped THEN nil single block, arrays and keyed map survive', () => {
      const t = blockType(block);
      const v = objectOf([
        ['name', 'n'],
        ['one', null],
        ['grp', objectOf([['y', true]])],
        ['many', [objectOf([['p', 1]]), objectOf([['p', 2]])]],
        ['uniq', [objectOf([['s', 'a']])]],
        ['named', objectOf([['k1', objectOf([['v', 'x']])]])],
      ]);
      expect(decodeMsgpack(t, encodeMsgpack(t, v))).toEqual({
        name: 'n', one: null, grp: { y: true }, many: [{ p: 1 }, { p: 2 }], uniq: [{ s: 'a' }], named: { k1: { v: 'x' } },
      });
    });

    test('GIVEN a list block holding a dynamic attribute WHEN its type is derived THEN the block is dynamic, as in cty', () => {
      const t = blockType({ blocks: { d: { nesting: 'list', block: { attributes: { any: { type: cty.dynamic, optional: true } } } } } });
      expect(typeToJson(t)).toEqual(['object', { d: 'dynamic' }]);
    });
  });

  describe('dynamic', () => {
    test('GIVEN a TypedValue WHEN encoded THEN it is [bin(type JSON), value]', () => {
      expect(encodeMsgpack(cty.dynamic, new TypedValue(cty.string, 'hi')).toString('hex')).toBe('92c40822737472696e6722a26869');
    });

    test('GIVEN a dynamic value on the wire WHEN decoded THEN its type and value come back', () => {
      const t = cty.list(cty.number);
      const v = decodeMsgpack(cty.dynamic, encodeMsgpack(cty.dynamic, new TypedValue(t, [1, 2])));
      expect(v).toBeInstanceOf(TypedValue);
      expect((v as TypedValue).type).toEqual(t);
      expect((v as TypedValue).value).toEqual([1, 2]);
    });

    test('GIVEN a plain JS object in a dynamic slot WHEN encoded THEN its type is inferred as an object type', () => {
      const v = decodeMsgpack(cty.dynamic, encodeMsgpack(cty.dynamic, objectOf([['a', 1], ['b', 'x']]))) as TypedValue;
      expect(typeToJson(v.type)).toEqual(['object', { a: 'number', b: 'string' }]);
    });

    test('GIVEN an unknown dynamic value WHEN encoded THEN it is a bare ext 0, not a pair', () => {
      expect(encodeMsgpack(cty.dynamic, UNKNOWN).toString('hex')).toBe('d40000');
    });
  });

  describe('JSON state (UpgradeResourceState)', () => {
    test('GIVEN stored JSON from an older schema WHEN decoded THEN extra attributes are dropped and missing ones null', () => {
      const t = cty.object({ id: cty.string, size: cty.number, tags: cty.map(cty.string) });
      expect(decodeJsonState(t, '{"id":"a","old_field":1,"tags":{"__proto__":"p"}}')).toEqual({ id: 'a', size: null, tags: { ['__proto__']: 'p' } });
    });
  });

  describe('type JSON', () => {
    test('GIVEN an object type with optional attributes WHEN written and parsed THEN it round-trips', () => {
      const t = cty.object({ a: cty.string, b: cty.tuple([cty.bool, cty.set(cty.number)]) }, ['b']);
      const json = typeToJson(t);
      expect(json).toEqual(['object', { a: 'string', b: ['tuple', ['bool', ['set', 'number']]] }, ['b']]);
      expect(typeFromJson(json)).toEqual(t);
    });

    test('fails when the type JSON is not a cty type', () => {
      expect(() => typeFromJson(['vector', 'string'])).toThrow(/invalid cty type JSON/);
    });
  });

  describe('the plain reading and the general one', () => {
    // decodeMsgpack reads the forms Terraform writes straight into values and hands anything else to the node-tree
    // reading (decodeMsgpackTree); for every input both must give the same value or the same error.
    const wire = (build: (w: MsgpackWriter) => void): Buffer => {
      const w = new MsgpackWriter();
      build(w);
      return w.finish();
    };
    const same = (type: Parameters<typeof decodeMsgpack>[0], bytes: Buffer): void => {
      let tree: unknown;
      let treeError: string | undefined;
      try {
        tree = decodeMsgpackTree(type, bytes);
      } catch (e) {
        treeError = (e as Error).message;
      }
      if (treeError !== undefined) expect(() => decodeMsgpack(type, bytes)).toThrow(treeError);
      else expect(decodeMsgpack(type, bytes)).toEqual(tree);
    };

    test('GIVEN numbers in every msgpack form (ints of each width, 64-bit beyond 2^53, floats, decimal strings) THEN both readings agree', () => {
      const ints = [0, 1, 127, 128, 255, 256, 65535, 65536, 2 ** 32 - 1, 2 ** 32, 2 ** 53, -1, -32, -33, -128, -129, -32768, -32769, -(2 ** 31), -(2 ** 31) - 1];
      for (const v of ints) same(cty.number, wire((w) => w.int(v)));
      for (const v of [2n ** 63n + 5n, -(2n ** 63n), 2n ** 64n - 1n]) same(cty.number, wire((w) => w.int(v)));
      for (const v of [0.5, -1.25, 1e300, Number.POSITIVE_INFINITY]) same(cty.number, wire((w) => w.float64(v)));
      for (const v of ['12', '-0.5', '1e3', '123456789012345678901234567890', '1.10', 'abc', '']) same(cty.number, wire((w) => w.str(v)));
      same(cty.number, hex('ca 3f c0 00 00')); // float32 1.5
    });

    test('GIVEN nested lists, sets, maps, tuples and objects with unknowns, nulls and repeated keys THEN both readings agree', () => {
      const t = cty.object({
        s: cty.string,
        b: cty.bool,
        l: cty.list(cty.object({ v: cty.string, n: cty.number })),
        set: cty.set(cty.string),
        m: cty.map(cty.list(cty.bool)),
        tu: cty.tuple([cty.string, cty.number]),
        d: cty.dynamic,
      });
      const v = objectOf([
        ['s', 'é x'],
        ['b', true],
        ['l', [objectOf([['v', UNKNOWN], ['n', 3]]), objectOf([['v', 'x'], ['n', null]])]],
        ['set', ['a', 'b']],
        ['m', objectOf([['__proto__', [true, false]], ['k', null]])],
        ['tu', ['one', 2]],
        ['d', new TypedValue(cty.list(cty.string), ['z'])],
      ]);
      same(t, encodeMsgpack(t, v));
      same(t, encodeMsgpack(t, objectOf([['s', null], ['b', UNKNOWN], ['l', []], ['set', null], ['m', objectOf([])], ['tu', null], ['d', null]])));
      // A repeated key: the last value wins, and the attribute counts once.
      const repeated = wire((w) => {
        w.mapHeader(3);
        w.str('a');
        w.str('1');
        w.str('b');
        w.str('2');
        w.str('a');
        w.str('3');
      });
      same(cty.object({ a: cty.string, b: cty.string }), repeated);
      same(cty.object({ a: cty.string, b: cty.string, c: cty.string }), repeated);
    });

    test('GIVEN mismatches and malformed bytes THEN both readings fail with the same message', () => {
      const obj = cty.object({ a: cty.string });
      const cases: Array<[Parameters<typeof decodeMsgpack>[0], Buffer]> = [
        [cty.string, hex('c3')], // bool for a string
        [cty.bool, hex('a1 78')],
        [cty.list(cty.string), hex('81 a1 61 a1 62')], // map for a list
        [obj, hex('81 a1 62 a1 78')], // unsupported attribute
        [obj, hex('80')], // missing attribute
        [obj, hex('81 01 a1 78')], // a key that is not a string
        [cty.tuple([cty.string]), hex('92 a1 61 a1 62')], // tuple length
        [cty.string, hex('a5 61 62')], // truncated
        [cty.string, hex('a1 61 c0')], // trailing bytes
        [cty.string, hex('c1')], // never-used type byte
        [cty.number, hex('c3')],
        [cty.map(cty.string), hex('81 01 a1 61')],
      ];
      for (const [t, bytes] of cases) same(t, bytes);
    });
  });
});
