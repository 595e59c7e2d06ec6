/**
 * The installed provider file carries its GetProviderSchema answer already encoded (scripts/build-provider.ts), so
 * the process Terraform starts only for the schema answers without building it. That answer must be the one the
 * sources build: the same schema, the same capabilities, byte for byte.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { schemaResponseBase64 } from '../../scripts/build-provider';
import { ProviderClient } from '../harness';

const ROOT = path.join(__dirname, '..', '..');
const PROVIDER_FILE = path.join(ROOT, 'dist', 'provider', 'terraform-provider-panosipsec.cjs');
const FROM_SOURCES = path.join(ROOT, 'bin', 'terraform-provider-panosipsec');

async function announced(command: string): Promise<{ schema: unknown; raw: Record<string, unknown> }> {
  const p = await ProviderClient.start({ command });
  try {
    const raw = await p.rawCall('provider', 'GetProviderSchema');
    return { schema: await p.getProviderSchema(), raw };
  } finally {
    await p.shutdown();
  }
}

test('GIVEN the built provider file THEN it carries the encoded schema answer of the current sources (fails when dist/ is stale: npm run build)', () => {
  expect(fs.readFileSync(PROVIDER_FILE, 'latin1')).toContain(schemaResponseBase64());
});

test('GIVEN the provider file and the compiled sources WHEN each is asked GetProviderSchema THEN both announce the same schema and capabilities', async () => {
  const [bundled, built] = await Promise.all([announced(PROVIDER_FILE), announced(FROM_SOURCES)]);
  expect(bundled.raw.server_capabilities).toEqual({ plan_destroy: false, get_provider_schema_optional: true, move_resource_state: false });
  expect(bundled.raw).toEqual(built.raw);
  expect(bundled.schema).toEqual(built.schema);
});
