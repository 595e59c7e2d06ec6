/**
 * The provider file starts as a shell script that runs node on itself without NODE_EXTRA_CA_CERTS (so node does not
 * parse root certificates at each of Terraform's three or four starts), and the provider still trusts what that
 * variable names when it connects to the device. Also: the plugin server takes only Terraform's client certificate.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { DEFER_EXTRA_CA_SHELL } from '../../scripts/build-provider';
import { DEFERRED_EXTRA_CA_CERTS_ENV } from '../../src/panos/client/trust';
import { startSimulator, type Simulator } from '../../src/sim';
import { makeSelfSignedCertificate } from '../../src/util/self-signed-cert';
import { ProviderClient } from '../harness';
import { launch } from '../harness/launch';
import { providerConfig } from './fixtures/values';

const ROOT = path.join(__dirname, '..', '..');
const PROVIDER_FILE = path.join(ROOT, 'dist', 'provider', 'terraform-provider-panosipsec.cjs');
const DEV_LAUNCHER = path.join(ROOT, 'bin', 'terraform-provider-panosipsec');

/** The environment of a running process, from /proc. */
function environOf(pid: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean)) {
    const i = kv.indexOf('=');
    out[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return out;
}

let sim: Simulator;
let dir: string;
let simCa: string;

beforeAll(async () => {
  sim = await startSimulator({ tls: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'launcher-'));
  simCa = path.join(dir, 'sim-ca.pem');
  fs.writeFileSync(simCa, sim.caCertPem as string);
});
afterAll(async () => {
  await sim.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The provider's connection to the simulator over verified https, with no ca_file. */
function deviceConfig() {
  const u = new URL(sim.url);
  return providerConfig({ hostname: u.hostname, port: Number(u.port), protocol: 'https', api_key: sim.apiKey });
}

/** Starts `command` as Terraform does with `env`, imports a predefined profile, and returns the diagnostics and the process's environment. */
async function importWith(command: string, env: NodeJS.ProcessEnv): Promise<{ environ: Record<string, string>; summaries: string[] }> {
  const p = await ProviderClient.start({ command, env });
  try {
    const environ = environOf(p.launched.child.pid as number);
    expect(await p.configureProvider(deviceConfig())).toEqual([]);
    const imp = await p.importResourceState('panosipsec_ipsec_crypto_profile', 'Suite-B-GCM-128');
    return { environ, summaries: imp.diagnostics.map((d) => `${d.summary}: ${d.detail}`) };
  } finally {
    await p.shutdown();
  }
}

describe.each([
  ['the provider file', PROVIDER_FILE],
  ['the development launcher', DEV_LAUNCHER],
])('GIVEN %s started as Terraform starts it', (_what, command) => {
  test('WHEN NODE_EXTRA_CA_CERTS names the device CA THEN node runs without it, and the provider verifies the device with it', async () => {
    const r = await importWith(command, { NODE_EXTRA_CA_CERTS: simCa });
    expect(r.environ.NODE_EXTRA_CA_CERTS).toBeUndefined();
    expect(r.environ[DEFERRED_EXTRA_CA_CERTS_ENV]).toBe(simCa);
    expect(r.summaries).toEqual([]);
  });

  test('WHEN NODE_EXTRA_CA_CERTS is not set THEN the same device is refused as unverified', async () => {
    const env: NodeJS.ProcessEnv = { NODE_EXTRA_CA_CERTS: '' };
    const r = await importWith(command, env);
    expect(r.environ[DEFERRED_EXTRA_CA_CERTS_ENV]).toBeUndefined();
    expect(r.summaries.join('\n')).toMatch(/certificate/i);
  });

  test('WHEN NODE_OPTIONS asks for the OpenSSL CA store THEN NODE_EXTRA_CA_CERTS is left to node', async () => {
    const launched = await launch({ command, env: { NODE_EXTRA_CA_CERTS: simCa, NODE_OPTIONS: '--use-openssl-ca' } });
    try {
      const environ = environOf(launched.child.pid as number);
      expect(environ.NODE_EXTRA_CA_CERTS).toBe(simCa);
      expect(environ[DEFERRED_EXTRA_CA_CERTS_ENV]).toBeUndefined();
    } finally {
      launched.child.kill('SIGKILL');
      await launched.exited;
    }
  });
});

test('the development launcher moves the variable with the same shell text as the provider file', () => {
  expect(fs.readFileSync(DEV_LAUNCHER, 'utf8')).toContain(DEFER_EXTRA_CA_SHELL);
  expect(fs.readFileSync(PROVIDER_FILE, 'utf8').split('\n')[1]).toContain(DEFER_EXTRA_CA_SHELL);
});

describe('GIVEN the plugin server of the provider file', () => {
  test('WHEN a client presents a certificate other than the one Terraform announced THEN the connection is closed before any call', async () => {
    const launched = await launch({ command: PROVIDER_FILE });
    try {
      const other = await makeSelfSignedCertificate({ commonName: 'not-terraform' });
      const server = launched.handshake.serverCertPem as string;
      const closed = await new Promise<string>((resolve) => {
        const s = tls.connect({ path: launched.handshake.address, ca: server, servername: 'localhost', key: other.keyPem, cert: other.certPem, ALPNProtocols: ['h2'] });
        s.on('error', (e) => resolve(`error ${e.message}`));
        s.on('close', () => resolve('closed'));
        s.on('secureConnect', () => s.write('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'));
        setTimeout(() => {
          s.destroy();
          resolve('still open after 3 s');
        }, 3000).unref();
      });
      expect(closed).toMatch(/closed|error/);
      expect(launched.stderr()).toContain('did not present the client certificate Terraform announced');
    } finally {
      launched.child.kill('SIGKILL');
      await launched.exited;
    }
  });
});
