/**
 * Writes src/tfplugin/proto/services.json, the protobufjs JSON form of the three .proto files the plugin protocol
 * needs (tfplugin6.proto, grpc_controller.proto, grpc_stdio.proto). The provider loads that JSON with
 * `@grpc/proto-loader`'s fromJSON instead of parsing the .proto text at every start, so it starts faster and the
 * self-contained provider file carries the protocol inside it (a JSON import is bundled; a .proto read from disk is
 * not). The .proto files stay the source; run `npm run generate` after changing one. A test
 * (test/tfplugin/protos.test.ts) fails when the committed JSON differs from a fresh generation.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as protobuf from 'protobufjs';

/** The .proto files, in load order. */
export const PROTO_FILES = ['tfplugin6.proto', 'grpc_controller.proto', 'grpc_stdio.proto'] as const;

/** Where the .proto files and the generated JSON live. */
export const PROTO_DIR = path.join(__dirname, '..', 'src', 'tfplugin', 'proto');

/** The generated file. */
export const SERVICES_JSON = path.join(PROTO_DIR, 'services.json');

/** The JSON text for the .proto files in `dir` (field names kept as written, like the loader's keepCase). */
export function servicesJsonText(dir: string = PROTO_DIR): string {
  const root = new protobuf.Root();
  // Imports resolve inside the directory, except the well-known google/protobuf types protobufjs carries itself.
  root.resolvePath = (_origin, target) => (target.startsWith('google/protobuf/') ? target : path.join(dir, target));
  root.loadSync([...PROTO_FILES], { keepCase: true });
  root.resolveAll();
  return `${JSON.stringify(root.toJSON(), null, 2)}\n`;
}

if (require.main === module) {
  fs.writeFileSync(SERVICES_JSON, servicesJsonText());
  process.stdout.write(`wrote ${path.relative(process.cwd(), SERVICES_JSON)}\n`);
}
