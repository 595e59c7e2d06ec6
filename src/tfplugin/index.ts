/** A generic Terraform plugin-protocol-6 server SDK for TypeScript providers. */
export * from './cty';
export * from './values';
export * from './msgpack';
export * from './schema';
export * from './diagnostics';
export * from './plan';
export * from './consistency';
export * from './provider-server';
export * from './logger';
export { UserError, createProviderHandlers, encodeSchemaResponse, type PluginHandlers } from './grpc-service';
export { serve, MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, type ServeOptions, type ServeHandle } from './serve';
export { loadServices, PROTO_LOADER_OPTIONS, type PluginServices } from './protos';
