import { Redactor, redact } from '../../../src/panos/client/errors';

const KEY = "k&y <é>'+/= 9";

describe('GIVEN a registered secret', () => {
  test.each([
    ['verbatim', KEY],
    ['encodeURIComponent', encodeURIComponent(KEY)],
    ['form-encoded (space as +)', new URLSearchParams({ k: KEY }).toString().slice(2)],
    ['percent-encoded with lowercase hex', encodeURIComponent(KEY).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
    ['every character percent-encoded', [...Buffer.from(KEY, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('')],
    ['Latin-1 escape()', escape(KEY)],
    ['XML-escaped', KEY.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;')],
    ['numeric character references', [...KEY].map((c) => `&#${c.codePointAt(0)};`).join('')],
    ['hex character references', [...KEY].map((c) => `&#x${(c.codePointAt(0) as number).toString(16)};`).join('')],
  ])('WHEN a text holds it %s THEN it is masked', (_label, form) => {
    const r = new Redactor();
    r.add(KEY);
    expect(r.redact(`before ${form} after`)).toBe('before *** after');
  });

  test('WHEN two secrets overlap THEN the longer is removed whole', () => {
    expect(redact('x abcdef y abc z', ['abc', 'abcdef'])).toBe('x *** y *** z');
  });

  test('WHEN a text holds none of them THEN it is unchanged', () => {
    const r = new Redactor();
    r.add('s3cret');
    expect(r.redact('nothing here: s3cre t, S3CRET')).toBe('nothing here: s3cre t, S3CRET');
  });

  test.each([
    ['with no encoded character', (k: string) => `x ${k} y`],
    ['beside an encoded character elsewhere', (k: string) => `a=1&b=${encodeURIComponent(k)} ${k}`],
  ])('WHEN a longer secret containing a shorter one is added after it and a text holds it %s THEN it is removed whole', (_label, text) => {
    const r = new Redactor();
    r.add('abc');
    r.redact('warm-up abc');
    r.add('abcdef');
    expect(r.redact(text('abcdef'))).not.toMatch(/def|%64/);
  });

  test('WHEN secrets are added between redactions, as a run of 500 gateways adds keys THEN every one of them is masked', () => {
    const r = new Redactor();
    const keys = Array.from({ length: 500 }, (_, i) => `psk-${i}-end`);
    for (const k of keys) {
      r.add(k);
      expect(r.redact(`wrote ${k}`)).toBe('wrote ***');
    }
    expect(r.redact(keys.map((k, i) => (i % 2 ? k : encodeURIComponent(k).replace(/-/g, '%2D'))).join(' '))).toBe(keys.map(() => '***').join(' '));
  });
});
