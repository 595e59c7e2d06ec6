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

const PROVIDER_FILE = path.join(__dirname, '..', '..', 'dist', 'provider', 'terraform-provider-panosipsec.cjs');

/** Starts the provider as Terraform does and resolves with its handshake line (the process is then killed). */
function handshake(env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PROVIDER_FILE], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString('utf8');
      if (out.includes('\n')) {
        child.kill('SIGKILL');
        resolve(out.split('\n')[0]);
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
    expect(files).toEqual([expect.stringMatching(new RegExp(`^provider-[0-9a-f]{16}-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.v8cache$`))]);
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

  test('WHEN the cache file is damaged THEN the provider still starts and writes a good one again', async () => {
    const file = path.join(dir, 'cdktf-panos-ipsec', cacheFiles()[0]);
    fs.writeFileSync(file, Buffer.from('not a V8 code cache'));
    expect(await handshake(env)).toMatch(/^1\|6\|unix\|/);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
  });
});
