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
});
