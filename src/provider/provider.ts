/** The panosipsec provider: routes each Terraform call to the resource or data source that handles it. */
import type { ProviderSchema, ProviderServer } from '../tfplugin';
import { providerSchema } from './schema';

/** The provider implementation served by main.ts. */
export class PanosIpsecProvider implements ProviderServer {
  getSchema(): ProviderSchema {
    return providerSchema();
  }
}
