/** The opaque private data kept per object resource: a digest of the device's stored pre-shared key. */
import { createHash } from 'node:crypto';

/** Private state of an object resource. */
export interface ObjectPrivate {
  /** sha256 of the key as the device stores it, after the last write (never the key itself). */
  readonly pskDigest?: string;
  /** A key was written and its stored form not read yet: the next read adopts the device's value. */
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
