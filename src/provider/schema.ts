/**
 * The provider schema, assembled from the config block, the object resources (generated from the descriptors'
 * field tables), the commit resources and the data sources.
 */
import { providerSchemaToJson, type ProviderSchema, type ProvidersSchemaDocument, type Schema } from '../tfplugin';
import { COMMIT_ANCHOR_RESOURCE, COMMIT_RESOURCE, DOWNGRADE_CHECK_DATA_SOURCE, PROVIDER_SOURCE, SYSTEM_INFO_DATA_SOURCE } from './address';
import { commitAnchorSchema, commitResourceSchema, downgradeCheckSchema, systemInfoSchema } from './commit-schema';
import { providerConfigSchema } from './config-schema';
import { OBJECT_RESOURCES } from './resources/all';
import { resourceFields } from './resources/spec';
import { objectResourceSchema } from './resources/object-schema';

let cached: ProviderSchema | undefined;

/** The provider's schema (built once). */
export function providerSchema(): ProviderSchema {
  if (cached) return cached;
  const resources: Record<string, Schema> = {};
  for (const r of OBJECT_RESOURCES) {
    resources[r.typeName] = objectResourceSchema(r.descriptor.title, resourceFields(r), r.extraAttributes);
  }
  resources[COMMIT_RESOURCE] = commitResourceSchema();
  resources[COMMIT_ANCHOR_RESOURCE] = commitAnchorSchema();
  cached = {
    provider: providerConfigSchema(),
    resources,
    dataSources: { [SYSTEM_INFO_DATA_SOURCE]: systemInfoSchema(), [DOWNGRADE_CHECK_DATA_SOURCE]: downgradeCheckSchema() },
  };
  return cached;
}

/** The `terraform providers schema -json` document of this provider, keyed by {@link PROVIDER_SOURCE}. */
export function providerSchemaJson(): ProvidersSchemaDocument {
  return providerSchemaToJson(providerSchema(), PROVIDER_SOURCE);
}
