/**
 * Executable entry of the panosipsec Terraform provider: bundled into the self-contained
 * dist/provider/terraform-provider-panosipsec.cjs that users install (scripts/build-provider.ts), and run from
 * dist/src/provider/main.js by bin/terraform-provider-panosipsec in development. Modules load lazily so Terraform's
 * handshake wait stays short: the plugin server first, the provider itself (schema, resources, PAN-OS client, rules)
 * at Terraform's first call, which comes once the handshake is answered; a bundled file answers GetProviderSchema
 * from the encoded answer it carries, without loading the provider at all. Logs go to stderr only (stdout carries the
 * handshake).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import type { ProviderServer } from '../tfplugin/provider-server';
import type { PanosIpsecProvider } from './provider';

/**
 * The provider's GetProviderSchema answer, encoded, base64: put in by scripts/build-provider.ts when it bundles the
 * provider file (from the same sources); absent when running from dist/src, where the answer is built at the call.
 */
declare const PANOS_IPSEC_BUNDLED_SCHEMA_RESPONSE: string | undefined;

type Args<K extends keyof PanosIpsecProvider> = PanosIpsecProvider[K] extends (...a: infer A) => unknown ? A : never;

/** The provider, loaded at the first call Terraform makes (every method forwards to it). */
class LazyProvider implements ProviderServer {
  private impl?: PanosIpsecProvider;

  private get p(): PanosIpsecProvider {
    this.impl ??= new (require('./provider') as typeof import('./provider')).PanosIpsecProvider();
    return this.impl;
  }

  getSchema = (): ReturnType<PanosIpsecProvider['getSchema']> => this.p.getSchema();
  // Without loading the provider: the process Terraform starts for the schema alone answers from the bytes.
  schemaResponseBytes = (): Buffer | undefined =>
    typeof PANOS_IPSEC_BUNDLED_SCHEMA_RESPONSE === 'string' ? Buffer.from(PANOS_IPSEC_BUNDLED_SCHEMA_RESPONSE, 'base64') : undefined;
  validateProviderConfig = (...a: Args<'validateProviderConfig'>): ReturnType<PanosIpsecProvider['validateProviderConfig']> => this.p.validateProviderConfig(...a);
  configureProvider = (...a: Args<'configureProvider'>): ReturnType<PanosIpsecProvider['configureProvider']> => {
    // Tells the provider file's loader that this process does real work, so its code cache at exit is worth keeping
    // (scripts/build-provider.ts, codeCacheLoader).
    (process as unknown as Record<symbol, boolean>)[Symbol.for('panosipsec.configured')] = true;
    return this.p.configureProvider(...a);
  };
  readResource = (...a: Args<'readResource'>): ReturnType<PanosIpsecProvider['readResource']> => this.p.readResource(...a);
  planResourceChange = (...a: Args<'planResourceChange'>): ReturnType<PanosIpsecProvider['planResourceChange']> => this.p.planResourceChange(...a);
  applyResourceChange = (...a: Args<'applyResourceChange'>): ReturnType<PanosIpsecProvider['applyResourceChange']> => this.p.applyResourceChange(...a);
  importResourceState = (...a: Args<'importResourceState'>): ReturnType<PanosIpsecProvider['importResourceState']> => this.p.importResourceState(...a);
  readDataSource = (...a: Args<'readDataSource'>): ReturnType<PanosIpsecProvider['readDataSource']> => this.p.readDataSource(...a);
  stop = async (): Promise<void> => this.impl?.stop();
}

/** Starts serving; resolves once the handshake is written. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const { serve } = require('../tfplugin/serve') as typeof import('../tfplugin/serve');
  const { PROVIDER_SOURCE } = require('./address') as typeof import('./address');
  await serve(new LazyProvider(), { providerAddress: PROVIDER_SOURCE, argv });
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`terraform-provider-panosipsec: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
