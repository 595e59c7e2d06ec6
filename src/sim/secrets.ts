/**
 * Secrets (pre-shared keys, manual keys) are stored and read back encrypted, never as plaintext
 * (docs/panos/README.md#secrets). The stored form imitates PAN-OS: `-AQ==`, the base64 SHA-1 of the plaintext
 * (which is what pan-os-python compares to detect a changed key), then base64 ciphertext under a key that exists
 * only inside this simulator process.
 */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { Spec } from './schema/schema-types';
import { ENCRYPTED_PREFIX, childSpec, isEncrypted } from './schema/validate';
import { SimVersion } from './sim-version';
import { SimNode } from './xml-tree';

/** Encrypts secret leaves in place. */
export class SecretSealer {
  private readonly key = randomBytes(32);

  constructor(private readonly version: SimVersion) {}

  /** The stored form of a plaintext secret. */
  seal(plain: string): string {
    const digest = createHash('sha1').update(plain, 'utf8').digest('base64');
    const iv = randomBytes(16);
    const cipher = createCipheriv('aes-256-cbc', this.key, iv);
    const ct = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
    return `${ENCRYPTED_PREFIX}${digest}${ct}`;
  }

  /** Seals every secret leaf under `n` (whose spec is `spec`). */
  sealNode(n: SimNode, spec: Spec | undefined): void {
    if (!spec) return;
    if (spec.kind === 'leaf') {
      if (spec.secret && n.text !== '' && !isEncrypted(n.text)) n.text = this.seal(n.text);
      return;
    }
    this.sealChildren(n.children, spec);
  }

  /** Seals secret leaves in nodes that become children of a node with spec `parent`. */
  sealChildren(children: readonly SimNode[], parent: Spec | undefined): void {
    if (!parent || parent.kind === 'any') return;
    for (const c of children) this.sealNode(c, childSpec(parent, c.name, this.version));
  }
}
