import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { App } from 'cdktf';
import { PeerPairing } from '../../constructs';

// The examples import the package by name (Node's package self-reference resolves it to dist/ when they run as
// apps); in-process they get the sources, so this test needs no build.
jest.mock('cdktf-panos-ipsec', () => jest.requireActual('../../constructs'), { virtual: true });

const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'examples');
const EXAMPLES = ['transport-bgp', 'transport-gre-ospf', 'site-to-site', 'panorama-template', 'strongswan-peer'];

interface ExampleModule {
  build(app: App): void;
}

function stackJson(outdir: string, stack: string): { resource: Record<string, Record<string, Record<string, unknown>>> } {
  return JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
}

describe('examples', () => {
  let outRoot: string;
  beforeAll(() => {
    outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'examples-synth-'));
  });
  afterAll(() => fs.rmSync(outRoot, { recursive: true, force: true }));

  test.each(EXAMPLES)('GIVEN example %s WHEN its app is synthesized in-process THEN validations pass and stacks are written', (name) => {
    const outdir = path.join(outRoot, name);
    const app = new App({ outdir, stackTraces: false });
    const mod = require(path.join(EXAMPLES_DIR, name, 'main.ts')) as ExampleModule;
    mod.build(app);
    app.synth();
    const stacks = fs.readdirSync(path.join(outdir, 'stacks'));
    expect(stacks.length).toBeGreaterThan(0);
    for (const s of stacks) {
      const json = stackJson(outdir, s);
      expect(Object.keys(json.resource)).toEqual(expect.arrayContaining(['panosipsec_ipsec_tunnel', 'panosipsec_commit', 'panosipsec_commit_anchor']));
      expect(JSON.stringify(json)).not.toMatch(/"pre_shared_key":\s*"[^$]/);
    }
  });

  test('GIVEN the transport-gre-ospf example WHEN synthesized THEN GRE is on and the tunnel interface has an address', () => {
    const outdir = path.join(outRoot, 'gre-check');
    const app = new App({ outdir, stackTraces: false });
    (require(path.join(EXAMPLES_DIR, 'transport-gre-ospf', 'main.ts')) as ExampleModule).build(app);
    app.synth();
    const json = stackJson(outdir, 'transport-gre-ospf');
    expect(Object.values(json.resource.panosipsec_ipsec_tunnel!)[0]).toMatchObject({ ipsec_mode: 'transport', enable_gre_encapsulation: true });
    expect(Object.values(json.resource.panosipsec_tunnel_interface!)[0]).toMatchObject({ ipv4_addresses: ['169.254.20.1/30'] });
  });

  test.each([
    ['transport-bgp', [['fw-a/gw-bgp', 'fw-b/gw-bgp', 'mirrored']]],
    ['strongswan-peer', [['strongswan-peer/gw-branch', 'strongswan-peer/branch-strongswan', 'mirrored']]],
  ])('GIVEN example %s WHEN synthesized THEN both ends pair and pass every pair rule', (name, expected) => {
    const app = new App({ outdir: path.join(outRoot, `pairs-${name}`), stackTraces: false });
    (require(path.join(EXAMPLES_DIR, name, 'main.ts')) as ExampleModule).build(app);
    app.synth();
    const pairing = PeerPairing.of(app);
    expect(pairing.pairing.pairs.map((p) => [p.a.path, p.b.path, p.basis])).toEqual(expected);
    expect(pairing.pairing.pairs.every((p) => p.tunnels.length === 1)).toBe(true);
    const { errors, warnings, infos } = pairing.results;
    expect([...errors, ...warnings, ...infos].map((f) => f.message)).toEqual([]);
  });

  // The repository's own cdktf.json runs the transport-bgp example, so `npx cdktf synth` works at the root of a clone.
  test.each([
    ['examples/transport-bgp', path.join(EXAMPLES_DIR, 'transport-bgp')],
    ['the repository root', path.resolve(__dirname, '..', '..')],
  ])('GIVEN the built package WHEN `npx cdktf synth` runs in %s THEN both firewall stacks are generated', async (where, dir) => {
    const dist = path.resolve(__dirname, '..', '..', 'dist', 'constructs', 'index.js');
    if (!fs.existsSync(dist)) throw new Error(`${dist} is missing: run \`npm run build\` (npm test does it in pretest) before this test`);
    const output = path.join(outRoot, `cli-out-${where.replace(/\W+/g, '-')}`);
    await promisify(execFile)('npx', ['cdktf', 'synth', '--output', output], {
      cwd: dir,
      env: { ...process.env, CHECKPOINT_DISABLE: '1', CI: '1' },
      timeout: 120_000,
    });
    expect(fs.readdirSync(path.join(output, 'stacks')).sort()).toEqual(['fw-a', 'fw-b']);
    expect(Object.keys(stackJson(output, 'fw-a').resource.panosipsec_ipsec_tunnel!)).toEqual(['bgp']);
  }, 150_000);
});
