/**
 * Which certificate authorities the client trusts when the connection gives none (no `caFile`): Node.js's default,
 * or that default rebuilt when the provider's launcher moved NODE_EXTRA_CA_CERTS aside.
 *
 * Node.js 20 reads the file named by NODE_EXTRA_CA_CERTS at the start of every process, and in doing so parses its
 * whole store of public root certificates (a large part of a provider start on a slow machine), whether or not the
 * process ever makes a TLS connection. Terraform starts the provider three or four times per command, and most of
 * those processes never reach the device. So the provider file's launcher (scripts/build-provider.ts) and the
 * development launcher (bin/terraform-provider-panosipsec) start node without the variable and pass its value on in
 * {@link DEFERRED_EXTRA_CA_CERTS_ENV}; the one process that connects with verification and no `caFile` gets the
 * trust Node.js would have given it: the bundled roots plus the certificates of that file. As in Node.js, a file
 * that cannot be read is ignored with a warning, and a connection with its own CA file trusts that file only.
 */
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';

/** Where the launcher puts the value of NODE_EXTRA_CA_CERTS (the launcher's shell line spells it too). */
export const DEFERRED_EXTRA_CA_CERTS_ENV = 'PANOS_IPSEC_NODE_EXTRA_CA_CERTS';

/**
 * The `ca` option for a verifying connection without a CA file of its own: `undefined` (Node.js's default store)
 * unless the launcher deferred NODE_EXTRA_CA_CERTS, then the bundled roots and that file's certificates.
 */
export function defaultTrust(env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const file = env[DEFERRED_EXTRA_CA_CERTS_ENV];
  if (!file) return undefined;
  try {
    return [...rootCertificates, readFileSync(file, 'utf8')];
  } catch (err) {
    // Node.js's own words and behaviour for this case (warn, go on with the bundled roots), naming the variable and
    // the fix, since the warning comes from the provider and not from node's start.
    process.emitWarning(
      `Ignoring extra certs from \`${file}\`, load failed: ${(err as Error).message}. ` +
        'Fix: point NODE_EXTRA_CA_CERTS at a readable PEM file, or set ca_file (PANOS_CA_FILE) for the device.',
    );
    return undefined;
  }
}
