/**
 * The standard drift check of a pipeline, `terraform plan -refresh-only -detailed-exitcode`, on every example: each
 * cdktf example (synthesized in-process, every stack) and the plain-HCL example are applied to a simulator; the check
 * must then exit 0, and exit 2 naming the attribute once an IKE crypto profile's hash (`authentication`) is changed
 * on the device.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'cdktf';
import { startSimulator, type Simulator } from '../../../src/sim';
import { deviceXpath, ikeCryptoProfile, type Location } from '../../../src/panos/objects';
import { requireTerraform, TfWorkspace } from '../../../bench/support/terraform';

// The examples import the package by name; in-process they get the sources.
jest.mock('cdktf-panos-ipsec', () => jest.requireActual('../../../constructs'), { virtual: true });

const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', '..', 'examples');
const CDKTF_EXAMPLES = ['transport-bgp', 'transport-gre-ospf', 'site-to-site', 'panorama-template'];
const REFRESH_ONLY = ['plan', '-refresh-only', '-detailed-exitcode', '-input=false'] as const;

/** One Terraform configuration to check. */
interface Case {
  readonly label: string;
  /** File name → content, written into the working directory. */
  readonly files: Readonly<Record<string, string>>;
  /** TF_VAR_* values the configuration needs. */
  readonly env: NodeJS.ProcessEnv;
  readonly location: Location;
  /** Name of an IKE crypto profile the configuration manages. */
  readonly ikeProfile: string;
}

interface StackJson {
  provider?: Record<string, Array<Record<string, unknown>>>;
  variable?: Record<string, unknown>;
  resource?: Record<string, Record<string, Record<string, unknown>>>;
}

function locationOf(provider: Record<string, unknown> | undefined): Location {
  const vsys = typeof provider?.vsys === 'string' ? { vsys: provider.vsys } : {};
  if (typeof provider?.template === 'string') return { type: 'template', template: provider.template, ...vsys };
  if (typeof provider?.template_stack === 'string') return { type: 'template-stack', templateStack: provider.template_stack, ...vsys };
  return { type: 'vsys', ...vsys };
}

function cdktfCases(outRoot: string): Case[] {
  const cases: Case[] = [];
  for (const name of CDKTF_EXAMPLES) {
    const outdir = path.join(outRoot, name);
    const app = new App({ outdir, stackTraces: false });
    (require(path.join(EXAMPLES_DIR, name, 'main.ts')) as { build(app: App): void }).build(app);
    app.synth();
    for (const stack of fs.readdirSync(path.join(outdir, 'stacks')).sort()) {
      const text = fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8');
      const doc = JSON.parse(text) as StackJson;
      const env: NodeJS.ProcessEnv = {};
      for (const v of Object.keys(doc.variable ?? {})) env[`TF_VAR_${v}`] = `drift-check-${v}-Psk-7d2e`;
      const ike = Object.values(doc.resource?.panosipsec_ike_crypto_profile ?? {})[0];
      cases.push({
        label: `${name}/${stack}`,
        files: { 'cdk.tf.json': text },
        env,
        location: locationOf(Object.values(doc.provider ?? {})[0]?.[0]),
        ikeProfile: String(ike?.name),
      });
    }
  }
  return cases;
}

function hclCase(): Case {
  const dir = path.join(EXAMPLES_DIR, 'hcl');
  const files: Record<string, string> = {};
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.tf'))) files[f] = fs.readFileSync(path.join(dir, f), 'utf8');
  const keys = { 'branch-a': 'drift-check-A-Psk-31c9', 'branch-b': 'drift-check-B-Psk-8e02', 'branch-c': 'drift-check-C-Psk-5f7a' };
  return { label: 'hcl', files, env: { TF_VAR_pre_shared_keys: JSON.stringify(keys) }, location: { type: 'vsys' }, ikeProfile: 'transport-ike' };
}

describe('GIVEN each example applied to a simulator (real terraform)', () => {
  let outRoot: string;
  const cases: Case[] = [];

  beforeAll(() => {
    requireTerraform();
    outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'refresh-only-'));
    cases.push(...cdktfCases(outRoot), hclCase());
  });
  afterAll(() => fs.rmSync(outRoot, { recursive: true, force: true }));

  test('WHEN nothing changed THEN `plan -refresh-only -detailed-exitcode` exits 0; WHEN an IKE profile is changed on the device THEN it exits 2 naming authentication', async () => {
    expect(cases.map((c) => c.label)).toEqual(expect.arrayContaining(['transport-bgp/fw-a', 'panorama-template/panorama-template', 'hcl']));
    const results: string[] = [];
    const check = async (c: Case): Promise<void> => {
      const sim: Simulator = await startSimulator({ panosVersion: '11.1.0', commitDurationMs: 30 });
      const ws = new TfWorkspace({ url: sim.url, apiKey: sim.apiKey }, 'refresh-only-');
      try {
        for (const [file, content] of Object.entries(c.files)) fs.writeFileSync(path.join(ws.workDir, file), content);
        if (c.location.type !== 'vsys') {
          // A Panorama template starts empty: give it the interface the gateways use, as its administrator would.
          sim.config.set(`${deviceXpath(c.location)}/network/interface/ethernet`, '<entry name="ethernet1/1"><layer3><ip><entry name="198.51.100.10/24"/></ip></layer3></entry>');
          await sim.config.commit();
        }
        await ws.init();
        await ws.expect(['apply', '-auto-approve', '-input=false'], 0, { env: c.env, timeoutMs: 240_000 });
        const converged = await ws.run([...REFRESH_ONLY], { env: c.env, timeoutMs: 180_000 });
        expect({ example: c.label, exit: converged.status, out: converged.status === 0 ? '' : converged.out }).toEqual({ example: c.label, exit: 0, out: '' });

        const xpath = ikeCryptoProfile.entryXpath(c.location, c.ikeProfile);
        expect(sim.config.running(xpath)).toContain(`name="${c.ikeProfile}"`);
        sim.config.edit(`${xpath}/hash`, '<hash><member>sha512</member></hash>');
        await sim.config.commit();
        const drifted = await ws.run([...REFRESH_ONLY], { env: c.env, timeoutMs: 180_000 });
        expect({ example: c.label, exit: drifted.status }).toEqual({ example: c.label, exit: 2 });
        expect(drifted.stdout).toMatch(/~ authentication\s+= \[/);
        expect(drifted.stdout).toContain('"sha512"');
        results.push(`${c.label} 0/2`);
      } finally {
        ws.remove();
        await sim.close();
      }
    };
    // Three at a time: terraform mostly waits on its provider, which waits on the in-process simulator.
    const queue = [...cases];
    await Promise.all([1, 2, 3].map(async () => {
      for (let c = queue.shift(); c; c = queue.shift()) await check(c);
    }));
    process.stdout.write(`REAL-TERRAFORM TESTS RAN (refresh-only exit codes, converged/changed: ${results.join(', ')})\n`);
  }, 900_000);
});
