/**
 * The installed provider file compiles its bundle with a V8 code cache kept in the user's cache directory: the first
 * start writes it (private to the user), later starts use it, and a damaged cache never stops the provider.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeSelfSignedCertificate } from '../../src/util/self-signed-cert';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from '../../src/tfplugin/serve';
import { ProviderClient } from '../harness';
import { providerConfig } from './fixtures/values';

const PROVIDER_FILE = path.join(__dirname, '..', '..', 'dist', 'provider', 'terraform-provider-panosipsec.cjs');

/** Starts the provider as Terraform does, configures it over gRPC and asks it to shut down; resolves once it exited. */
async function configuredAndStopped(env: NodeJS.ProcessEnv): Promise<void> {
  const p = await ProviderClient.start({ command: PROVIDER_FILE, env });
  try {
    expect(await p.configureProvider(providerConfig({}))).toEqual([]);
  } finally {
    await p.shutdown();
  }
}

/** Starts the provider as Terraform does and resolves with its handshake line (the process is killed `liveMs` later). */
function handshake(env: NodeJS.ProcessEnv, liveMs = 0): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PROVIDER_FILE], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString('utf8');
      if (out.includes('\n')) {
        setTimeout(() => {
          child.kill('SIGKILL');
          resolve(out.split('\n')[0]);
        }, liveMs);
      }
    });
    child.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
    child.on('exit', (code) => {
      if (!out.includes('\n')) reject(new Error(`provider exited ${code} before its handshake: ${err}`));
    });
  });
}

describe('GIVEN the built provider file and an empty cache directory', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'code-cache-'));
    const cert = await makeSelfSignedCertificate();
    env = { ...process.env, XDG_CACHE_HOME: dir, [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '6', PLUGIN_CLIENT_CERT: cert.certPem };
    delete env.TF_DISABLE_PLUGIN_TLS;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const cacheFiles = (): string[] => (fs.existsSync(path.join(dir, 'cdktf-panos-ipsec')) ? fs.readdirSync(path.join(dir, 'cdktf-panos-ipsec')) : []);

  test('WHEN the provider starts THEN it answers the mTLS handshake and leaves one cache file only its user can read', async () => {
    expect(await handshake(env)).toMatch(/^1\|6\|unix\|.+\|grpc\|\S+$/);
    const files = cacheFiles();
    expect(files).toEqual([expect.stringMatching(new RegExp(`^provider-[0-9a-f]{16}-${process.version.replace(/\./g, '\\.')}-${process.arch}-started\\.v8cache$`))]);
    if (process.platform !== 'win32') {
      expect(fs.statSync(path.join(dir, 'cdktf-panos-ipsec')).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(dir, 'cdktf-panos-ipsec', files[0])).mode & 0o777).toBe(0o600);
    }
  });

  test('WHEN the provider starts again THEN it uses the cache and leaves it as it was', async () => {
    const file = path.join(dir, 'cdktf-panos-ipsec', cacheFiles()[0]);
    const before = fs.readFileSync(file);
    expect(await handshake(env)).toMatch(/^1\|6\|unix\|/);
    expect(Buffer.compare(fs.readFileSync(file), before)).toBe(0);
  });

  test('WHEN a provider process that Terraform configured exits THEN it leaves a second cache, of what serving compiled, next to the first', async () => {
    await configuredAndStopped(env);
    expect(cacheFiles().map((f) => f.replace(/^.*-(\w+)\.v8cache$/, '$1')).sort()).toEqual(['served', 'started']);
  });

  test('WHEN the cache it uses is damaged THEN the provider still starts, removes it and writes a good one again', async () => {
    const damaged = Buffer.from('not a V8 code cache');
    const served = path.join(dir, 'cdktf-panos-ipsec', cacheFiles().find((f) => f.endsWith('-served.v8cache')) as string);
    fs.writeFileSync(served, damaged);
    expect(await handshake(env)).toMatch(/^1\|6\|unix\|/);
    expect(fs.existsSync(served)).toBe(false);
    expect(cacheFiles().map((f) => fs.statSync(path.join(dir, 'cdktf-panos-ipsec', f)).size > 1000)).toEqual([true]);
    await configuredAndStopped(env);
    expect(cacheFiles().length).toBe(2);
  });
});
