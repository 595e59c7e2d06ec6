/**
 * The opaque private data kept per object resource: a fingerprint of the pre-shared key, so a read can tell whether
 * the device still holds the key that was written without the state holding the key.
 *
 * The fingerprint is known when the key is written (it derives from the key's SHA-1, which PAN-OS embeds in the stored
 * value, see src/panos/secret-hash.ts), so a refresh never has to change private data: a refresh-only plan on a
 * converged workspace leaves the state byte for byte as it was, and `-detailed-exitcode` says 0.
 */
import { createHash } from 'node:crypto';
import { embeddedSecretHash, plaintextSecretHash, secretFingerprint } from '../../panos/secret-hash';

/** Private state of an object resource. */
export interface ObjectPrivate {
  /** {@link secretFingerprint} of the key's SHA-1 (never the key itself, nor its unsalted hash). */
  readonly pskHash?: string;
  /**
   * Fallback for a stored form without an embedded SHA-1: sha256 of the stored value itself, adopted at the first
   * read after a write. Also what states written by earlier versions hold.
   */
  readonly pskDigest?: string;
  /** A key was written and its stored form (without an embedded SHA-1) not read yet. */
  readonly pskPending?: boolean;
  /**
   * Set by a plan that has a prior state: the name of the object it may replace. Terraform hands it to the second plan
   * of a replacement (prior null), whose create of that same name is then not a take-over. Never stored in state.
   */
  readonly replaces?: string;
}

/** The private data to store with a state: everything but what only a plan needs. */
export function storedPrivate(p: ObjectPrivate): ObjectPrivate {
  return p.replaces === undefined ? p : Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'replaces'));
}

/** Private data recording that `key` was just written. */
export function privateForWrittenKey(key: string): ObjectPrivate {
  return { pskHash: secretFingerprint(plaintextSecretHash(key)) };
}

/** The fingerprint of a stored key's embedded SHA-1, when the stored form carries one. */
export function storedKeyFingerprint(stored: string): string | undefined {
  const hash = embeddedSecretHash(stored);
  return hash === undefined ? undefined : secretFingerprint(hash);
}

/** The fingerprint a plaintext key has once stored. */
export function plaintextKeyFingerprint(key: string): string {
  return secretFingerprint(plaintextSecretHash(key));
}

/** Decodes private bytes (empty or foreign data → {}). */
export function decodePrivate(buf: Buffer): ObjectPrivate {
  if (buf.length === 0) return {};
  try {
    const v = JSON.parse(buf.toString('utf8')) as ObjectPrivate;
    return v && typeof v === 'object' ? v : {};
  } catch {
    return {};
  }
}

/** Encodes private data. */
export function encodePrivate(p: ObjectPrivate): Buffer {
  return Buffer.from(JSON.stringify(p), 'utf8');
}

/** Digest of a stored secret, so state can detect a changed key without holding it. */
export function secretDigest(stored: string): string {
  return createHash('sha256').update(`cdktf-panos-ipsec:${stored}`).digest('hex');
}

/** What a read learns about the key on the device. */
export interface StoredKeyCheck {
  /** The device holds another key than the one written (or none at all). */
  readonly changed: boolean;
  /** New private data, only when it must change (a refresh that changes nothing leaves it as it is). */
  readonly next?: ObjectPrivate;
}

/**
 * Compares the key the device stores with what the last write recorded. `declared` is the plaintext key held in
 * the state (`pre_shared_key`), when there is one.
 */
export function checkStoredKey(p: ObjectPrivate, declared: string | undefined, stored: string | undefined): StoredKeyCheck {
  if (stored === undefined) {
    return { changed: p.pskHash !== undefined || (p.pskDigest !== undefined && !p.pskPending) };
  }
  const fingerprint = storedKeyFingerprint(stored);
  if (fingerprint !== undefined) {
    if (p.pskHash !== undefined) return { changed: fingerprint !== p.pskHash };
    // A state written before fingerprints existed: the declared key, or the digest it recorded, still decides.
    if (declared !== undefined) return { changed: fingerprint !== plaintextKeyFingerprint(declared) };
    if (p.pskDigest !== undefined && !p.pskPending) return { changed: secretDigest(stored) !== p.pskDigest };
    return { changed: false, next: { pskHash: fingerprint } };
  }
  // A stored form without an embedded SHA-1: only the stored value itself can be compared, once it has been read.
  const digest = secretDigest(stored);
  if (p.pskDigest === undefined || p.pskPending) return { changed: false, next: { pskDigest: digest } };
  return { changed: digest !== p.pskDigest };
}
