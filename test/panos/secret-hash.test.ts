import { createHash } from 'node:crypto';
import { embeddedSecretHash, plaintextSecretHash, secretFingerprint } from '../../src/panos/secret-hash';

// A stored key as PAN-OS writes it: `-AQ==`, the base64 SHA-1 of the plaintext, then ciphertext.
const stored = (plain: string, cipher = 'c2VjcmV0LWJ5dGVz'): string => `-AQ==${createHash('sha1').update(plain).digest('base64')}${cipher}`;

describe('GIVEN pre-shared keys as PAN-OS stores them', () => {
  test('WHEN the same key is stored twice with different ciphertext THEN both carry the hash of the plaintext', () => {
    expect(embeddedSecretHash(stored('k-1', 'AAAA'))).toBe(plaintextSecretHash('k-1'));
    expect(embeddedSecretHash(stored('k-1', 'BBBBBBBB'))).toBe(plaintextSecretHash('k-1'));
    expect(embeddedSecretHash(stored('k-2'))).not.toBe(plaintextSecretHash('k-1'));
  });

  test.each([['plaintext-looking value'], ['-AQ==short'], ['-AQ==' + '!'.repeat(28) + 'xx'], ['']])('WHEN the stored value is %j THEN no hash is claimed', (v) => {
    expect(embeddedSecretHash(v)).toBeUndefined();
  });

  test('WHEN a fingerprint is made THEN it is salted: neither the key nor the device hash appear in it', () => {
    const fp = secretFingerprint(plaintextSecretHash('k-1'));
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(fp).not.toContain(plaintextSecretHash('k-1'));
    expect(fp).not.toBe(createHash('sha256').update(plaintextSecretHash('k-1')).digest('hex'));
  });
});
