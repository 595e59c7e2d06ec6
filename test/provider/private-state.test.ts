import { createHash } from 'node:crypto';
import { checkStoredKey, privateForWrittenKey, secretDigest } from '../../src/provider/resources/private-state';

const stored = (plain: string, cipher = 'Y2lwaGVy'): string => `-AQ==${createHash('sha1').update(plain).digest('base64')}${cipher}`;

describe('GIVEN the private data recorded when a pre-shared key is written', () => {
  const written = privateForWrittenKey('psk-1');

  test('WHEN the device still holds the key (any ciphertext) THEN a read reports no change and leaves private data as it was', () => {
    expect(checkStoredKey(written, undefined, stored('psk-1', 'QUJD'))).toEqual({ changed: false });
    expect(checkStoredKey(written, 'psk-1', stored('psk-1', 'REVG'))).toEqual({ changed: false });
  });

  test('WHEN another key was set on the device THEN the read reports a change', () => {
    expect(checkStoredKey(written, undefined, stored('psk-2'))).toEqual({ changed: true });
  });

  test('WHEN the key was removed on the device THEN the read reports a change', () => {
    expect(checkStoredKey(written, undefined, undefined)).toEqual({ changed: true });
  });

  test('WHEN the private data holds neither the key nor its fingerprint THEN it holds only a salted fingerprint', () => {
    expect(JSON.stringify(written)).not.toContain('psk-1');
    expect(JSON.stringify(written)).not.toContain(createHash('sha1').update('psk-1').digest('base64'));
  });
});

describe('GIVEN private data written by earlier versions', () => {
  test('WHEN the state holds the declared key THEN it decides, and private data stays untouched', () => {
    expect(checkStoredKey({ pskPending: true }, 'psk-1', stored('psk-1'))).toEqual({ changed: false });
    expect(checkStoredKey({ pskPending: true }, 'psk-1', stored('other'))).toEqual({ changed: true });
  });

  test('WHEN only a digest of the stored value was recorded THEN that digest still decides', () => {
    const s = stored('psk-1');
    expect(checkStoredKey({ pskDigest: secretDigest(s) }, undefined, s)).toEqual({ changed: false });
    expect(checkStoredKey({ pskDigest: secretDigest(s) }, undefined, stored('other'))).toEqual({ changed: true });
  });

  test('WHEN the stored form carries no hash THEN the stored value is adopted once, then compared', () => {
    const first = checkStoredKey({ pskPending: true }, undefined, 'opaque-stored-form');
    expect(first).toEqual({ changed: false, next: { pskDigest: secretDigest('opaque-stored-form') } });
    expect(checkStoredKey(first.next ?? {}, undefined, 'opaque-stored-form')).toEqual({ changed: false });
    expect(checkStoredKey(first.next ?? {}, undefined, 'another-stored-form')).toEqual({ changed: true });
  });
});
