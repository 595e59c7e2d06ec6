/**
 * How PAN-OS stores a secret (a pre-shared key) and how to tell, without keeping the key, whether the stored one is
 * still the key that was written. See docs/secrets-and-drift.md for the facts and their source.
 *
 * PAN-OS writes a secret into its configuration as `-AQ==` followed by the base64 SHA-1 of the plaintext (28
 * characters) and the ciphertext. The ciphertext differs from device to device; the SHA-1 part does not. Palo Alto
 * Networks' own pan-os-python compares keys on exactly that part.
 */
import { createHash } from 'node:crypto';

/** The marker every encrypted value in a PAN-OS configuration starts with. */
const ENCRYPTED_MARKER = '-';
/** Where the base64 SHA-1 of the plaintext sits in an encrypted value: after the 5-character `-AQ==` header. */
const HASH_START = 5;
const HASH_END = 33;

/** The base64 SHA-1 that PAN-OS embeds for a plaintext secret. */
export function plaintextSecretHash(plain: string): string {
  return createHash('sha1').update(plain, 'utf8').digest('base64');
}

/** The base64 SHA-1 embedded in a stored (encrypted) secret, or undefined when the value does not carry one. */
export function embeddedSecretHash(stored: string): string | undefined {
  if (!stored.startsWith(ENCRYPTED_MARKER) || stored.length < HASH_END) return undefined;
  const hash = stored.slice(HASH_START, HASH_END);
  return /^[A-Za-z0-9+/]{27}=$/.test(hash) ? hash : undefined;
}

/**
 * A salted fingerprint of a secret's SHA-1, fit to keep in Terraform state: it tells whether the device still holds
 * the same key without putting the device's own (unsalted) hash in the state file.
 */
export function secretFingerprint(sha1Base64: string): string {
  return createHash('sha256').update(`cdktf-panos-ipsec:psk-sha1:${sha1Base64}`).digest('hex');
}
