/**
 * The installed provider file carries the schema its build derived from the field tables (so Terraform's schema and
 * validate processes load nothing else): what it announces, and how it validates a configuration, must be what the
 * compiled sources announce and do.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ProviderClient } from '../harness';

const ROOT = path.join(__dirname, '..', '..');
const PROVIDER_FILE = path.join(ROOT, 'dist', 'provider', 'terraform-provider-panosipsec.cjs');
const COMPILED_SOURCES = path.join(ROOT, 'bin', 'terraform-provider-panosipsec');

describe('GIVEN the installed provider file and the compiled sources it is built from', () => {
  let dir: string;
  let file: ProviderClient;
  let sources: ProviderClient;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundled-schema-'));
    file = await ProviderClient.start({ command: PROVIDER_FILE, env: { XDG_CACHE_HOME: dir } });
    sources = await ProviderClient.start({ command: COMPILED_SOURCES });
  });
  afterAll(async () => {
    await file?.shutdown();
    await sources?.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('WHEN Terraform asks each for its schema THEN both announce the same schema, every resource and data source', async () => {
    const fromFile = await file.rawCall('provider', 'GetProviderSchema');
    const fromSources = await sources.rawCall('provider', 'GetProviderSchema');
    expect(Object.keys(fromFile.resource_schemas as object).sort()).toEqual(Object.keys(fromSources.resource_schemas as object).sort());
    expect(fromFile).toEqual(fromSources);
  });

  test('WHEN each validates a resource configuration of the wrong type THEN both refuse it alike', async () => {
    // The validate process decodes the configuration by the schema it holds: a number where a list goes fails there.
    const bad = { config: { json: Buffer.from(JSON.stringify({ name: 'tunnel.1', ipv4_addresses: 5 })) } };
    const fromFile = await file.rawCall('provider', 'ValidateResourceConfig', { type_name: 'panosipsec_tunnel_interface', ...bad });
    const fromSources = await sources.rawCall('provider', 'ValidateResourceConfig', { type_name: 'panosipsec_tunnel_interface', ...bad });
    expect((fromFile.diagnostics as unknown[]).length).toBeGreaterThan(0);
    expect(fromFile).toEqual(fromSources);
  });
});
