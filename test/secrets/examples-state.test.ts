/**
 * Every example, deployed with real terraform against the simulator as synthesized (the constructs' default
 * write-only pre-shared key): the key reaches the device, and no state file holds it, in any encoding.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'cdktf';
import { startSimulator } from '../../src/sim';
import { requireTerraform, TfWorkspace } from '../../bench/support/terraform';
import { leaks } from './leaks';

// The examples import the package by name; in-process they get the sources.
jest.mock('cdktf-panos-ipsec', () => jest.requireActual('../../constructs'), { virtual: true });

const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'examples');
const EXAMPLES = fs.readdirSync(EXAMPLES_DIR).filter((d) => fs.existsSync(path.join(EXAMPLES_DIR, d, 'main.ts')));

const DEVICE = "/config/devices/entry[@name='localhost.localdomain']";

/**
 * What a device holds before an example can apply, beyond a freshly set-up firewall: the Panorama example's
 * template must already define the interface its gateway uses, as a real template pushed to branch firewalls does.
 */
const SEED: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  'panorama-template': [
    [
      `${DEVICE}/template/entry[@name='branch-firewalls']/config/devices/entry[@name='localhost.localdomain']/network/interface/ethernet`,
      '<entry name="ethernet1/1"><layer3><ip><entry name="198.51.100.10/24"/></ip></layer3></entry>',
    ],
  ],
};

interface StackJson {
  variable?: Record<string, { sensitive?: boolean; ephemeral?: boolean }>;
  terraform?: { backend?: unknown };
}

describe('GIVEN every example synthesized with its defaults', () => {
  let outRoot: string;
  beforeAll(() => {
    requireTerraform();
    outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'examples-state-'));
  });
  afterAll(() => fs.rmSync(outRoot, { recursive: true, force: true }));

  test('the examples are the five documented ones', () => {
    expect(EXAMPLES.sort()).toEqual(['panorama-template', 'site-to-site', 'strongswan-peer', 'transport-bgp', 'transport-gre-ospf']);
  });

  test.each(EXAMPLES)('WHEN every stack of %s is applied THEN the device holds each key and no state file does', async (name) => {
    const outdir = path.join(outRoot, name);
    const app = new App({ outdir, stackTraces: false });
    (require(path.join(EXAMPLES_DIR, name, 'main.ts')) as { build(app: App): void }).build(app);
    app.synth();
    const stacks = fs.readdirSync(path.join(outdir, 'stacks'));
    expect(stacks.length).toBeGreaterThan(0);
    for (const stack of stacks) {
      const doc = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8')) as StackJson;
      // State goes to the workspace's terraform.tfstate instead of the example folder the synth pointed it at.
      delete doc.terraform?.backend;
      const secrets = Object.fromEntries(
        Object.entries(doc.variable ?? {})
          .filter(([, v]) => v.sensitive === true || v.ephemeral === true)
          .map(([k]) => [k, `Ex+${k}/${randomBytes(9).toString('base64url')}`]),
      );
      expect(Object.keys(secrets).length).toBeGreaterThan(0);
      const sim = await startSimulator({ panosVersion: '11.1.0', commitDurationMs: 20 });
      for (const [xpath, element] of SEED[name] ?? []) sim.config.set(xpath, element);
      if (SEED[name]) await sim.config.commit();
      const ws = new TfWorkspace({ url: sim.url, apiKey: sim.apiKey }, 'examples-state-tf-');
      try {
        fs.writeFileSync(path.join(ws.workDir, 'cdk.tf.json'), JSON.stringify(doc, null, 2));
        const env = Object.fromEntries(Object.entries(secrets).map(([k, v]) => [`TF_VAR_${k}`, v]));
        await ws.init();
        await ws.expect(['apply', '-auto-approve', '-input=false'], 0, { env, timeoutMs: 240_000 });
        const running = sim.config.running();
        for (const secret of Object.values(secrets)) {
          // The simulator stores a key as PAN-OS does: -AQ== and the base64 SHA-1 of the plaintext, then ciphertext.
          expect(running).toContain(`-AQ==${createHash('sha1').update(secret).digest('base64')}`);
        }
        const files = fs.readdirSync(ws.workDir).filter((f) => /\.tfstate(\.backup)?$/.test(f));
        expect(files).toContain('terraform.tfstate');
        for (const f of files) {
          const text = fs.readFileSync(path.join(ws.workDir, f), 'utf8');
          expect({ stack, file: f, leaks: leaks(text, secrets) }).toEqual({ stack, file: f, leaks: [] });
          const state = JSON.parse(text) as { resources: { type: string; instances: { attributes: Record<string, unknown> }[] }[] };
          for (const gw of state.resources.filter((r) => r.type === 'panosipsec_ike_gateway').flatMap((r) => r.instances)) {
            expect(gw.attributes).toMatchObject({ pre_shared_key: null, pre_shared_key_wo: null, pre_shared_key_wo_version: 1 });
          }
        }
      } finally {
        ws.remove();
        await sim.close();
      }
    }
    process.stdout.write(`REAL-TERRAFORM TESTS RAN (example ${name}: ${stacks.length} stack(s) applied, no key in state)\n`);
  }, 600_000);
});
