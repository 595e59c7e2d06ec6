/**
 * Executable entry of the panosipsec Terraform provider: bundled into the self-contained
 * dist/provider/terraform-provider-panosipsec.cjs that users install (scripts/build-provider.ts), and run from
 * dist/src/provider/main.js by bin/terraform-provider-panosipsec in development. Modules load lazily so Terraform's
 * handshake wait stays short; logs go to stderr only (stdout carries the handshake).
 */
/* eslint-disable @typescript-eslint/no-require-imports */

/** Starts serving; resolves once the handshake is written. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const { serve } = require('../tfplugin/serve') as typeof import('../tfplugin/serve');
  const { PROVIDER_SOURCE } = require('./address') as typeof import('./address');
  const { PanosIpsecProvider } = require('./provider') as typeof import('./provider');
  await serve(new PanosIpsecProvider(), { providerAddress: PROVIDER_SOURCE, argv });
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`terraform-provider-panosipsec: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
