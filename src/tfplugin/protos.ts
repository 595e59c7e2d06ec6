/**
 * Loads the project's .proto files at run time with @grpc/proto-loader. They live in src/tfplugin/proto and are
 * found from the TypeScript sources (ts-jest, tsx) and from the compiled dist/src/tfplugin alike.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ServiceDefinition } from '@grpc/grpc-js';

/** The directory holding tfplugin6.proto, grpc_controller.proto and grpc_stdio.proto. */
export function protoDir(): string {
  const candidates = [path.join(__dirname, 'proto'), path.join(__dirname, '..', '..', '..', 'src', 'tfplugin', 'proto')];
  for (const dir of candidates) if (fs.existsSync(path.join(dir, 'tfplugin6.proto'))) return dir;
  throw new Error(`tfplugin6.proto not found; looked in ${candidates.join(' and ')}. Keep src/tfplugin/proto next to dist/.`);
}

/** The three gRPC services a Terraform provider process serves. */
export interface PluginServices {
  readonly provider: ServiceDefinition;
  readonly controller: ServiceDefinition;
  readonly stdio: ServiceDefinition;
}

/** proto-loader options used by both server and test clients, so both see the same JS shapes. */
export const PROTO_LOADER_OPTIONS = {
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
} as const;

let cached: PluginServices | undefined;

/** Loads (once) and returns the service definitions. */
export function loadServices(): PluginServices {
  if (cached) return cached;
  // Required lazily so a provider process pays for protobuf parsing only when it serves.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loader = require('@grpc/proto-loader') as typeof import('@grpc/proto-loader');
  const dir = protoDir();
  const def = loader.loadSync(['tfplugin6.proto', 'grpc_controller.proto', 'grpc_stdio.proto'], {
    ...PROTO_LOADER_OPTIONS,
    includeDirs: [dir],
  });
  const svc = (name: string): ServiceDefinition => {
    const d = def[name];
    if (!d || (d as { format?: string }).format !== undefined) throw new Error(`service ${name} missing from ${dir}`);
    return d as unknown as ServiceDefinition;
  };
  cached = { provider: svc('tfplugin6.Provider'), controller: svc('plugin.GRPCController'), stdio: svc('plugin.GRPCStdio') };
  return cached;
}
