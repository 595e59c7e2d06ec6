/**
 * What a declaration says that the device does not hold must reach the plan (real terraform against the simulator):
 * the tunnel's routing intent (`carries_multicast_routing`) and acknowledgements (`acknowledged_rules`, on object
 * resources and in the provider configuration), from the constructs and from plain HCL. Declaration-only attributes
 * never go to the device: a refresh keeps them, an import leaves them null, and a change to them alone writes and
 * commits nothing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'cdktf';
import { startSimulator, type RequestLogEntry, type Simulator } from '../../../src/sim';
import { tunnelsHcl } from '../../../bench/support/hcl';
import { requireTerraform, TfWorkspace } from '../../../bench/support/terraform';

// The examples import the package by name; in-process they get the sources.
jest.mock('cdktf-panos-ipsec', () => jest.requireActual('../../../constructs'), { virtual: true });

const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', '..', 'examples');

/** A request that changes the device: a config write or a commit (reads and op commands do not). */
function changesDevice(e: RequestLogEntry): boolean {
  return e.type === 'commit' || (e.type === 'config' && !/:(get|show|complete)$/.test(e.action));
}

/** Synthesizes one example in-process; its only stack's cdk.tf.json and TF_VAR_* values. */
function synthExample(name: string, outRoot: string): { json: string; env: NodeJS.ProcessEnv } {
  const outdir = path.join(outRoot, name);
  const app = new App({ outdir, stackTraces: false });
  (require(path.join(EXAMPLES_DIR, name, 'main.ts')) as { build(app: App): void }).build(app);
  app.synth();
  const stacks = fs.readdirSync(path.join(outdir, 'stacks')).sort();
  const json = fs.readFileSync(path.join(outdir, 'stacks', stacks[0]!, 'cdk.tf.json'), 'utf8');
  const env: NodeJS.ProcessEnv = {};
  for (const v of Object.keys((JSON.parse(json) as { variable?: object }).variable ?? {})) env[`TF_VAR_${v}`] = `declared-${v}-Psk-4b1f`;
  return { json, env };
}

describe('GIVEN the examples synthesized by cdktf (real terraform)', () => {
  let outRoot: string;
  let sim: Simulator;

  beforeAll(async () => {
    requireTerraform();
    outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'declared-examples-'));
    sim = await startSimulator({ panosVersion: '11.1.0', commitDurationMs: 30 });
  });
  afterAll(async () => {
    fs.rmSync(outRoot, { recursive: true, force: true });
    await sim?.close();
  });

  async function plan(example: string): Promise<{ out: string; json: string }> {
    const { json, env } = synthExample(example, outRoot);
    const ws = new TfWorkspace({ url: sim.url, apiKey: sim.apiKey }, 'declared-example-');
    try {
      fs.writeFileSync(path.join(ws.workDir, 'cdk.tf.json'), json);
      await ws.init();
      return { out: (await ws.expect(['plan', '-input=false'], 0, { env })).out, json };
    } finally {
      ws.remove();
    }
  }

  test('WHEN examples/transport-bgp (carriesMulticastRouting: false) is planned THEN no PANOS-TM-020 note asks for the intent it declared', async () => {
    const { out } = await plan('transport-bgp');
    expect(out).not.toContain('PANOS-TM-020');
    expect(out).toMatch(/\+ carries_multicast_routing\s+= false/);
  });

  test('WHEN examples/transport-gre-ospf (firewall.acknowledge PANOS-TM-016) is planned THEN the acknowledged finding is not reported', async () => {
    const { out, json } = await plan('transport-gre-ospf');
    expect(out).not.toContain('PANOS-TM-016 (info)');
    expect(out).not.toMatch(/Warning: Rule PANOS-TM-016/);
    const provider = (JSON.parse(json) as { provider: { panosipsec: Record<string, unknown>[] } }).provider.panosipsec[0]!;
    expect(provider.acknowledged_rules).toEqual({ 'PANOS-TM-016': expect.stringContaining('terminates GRE') });
  });
});

describe('GIVEN plain HCL with one transport tunnel with GRE (real terraform)', () => {
  let sim: Simulator;
  const log: RequestLogEntry[] = [];

  beforeAll(async () => {
    requireTerraform();
    sim = await startSimulator({ panosVersion: '11.1.0', commitDurationMs: 30, onRequest: (e) => log.push(e) });
  });
  afterAll(async () => {
    await sim?.close();
  });

  /** tunnelsHcl(1) with lines added to the tunnel resource and to the provider block. */
  function hcl(tunnelLines: readonly string[], providerLines: readonly string[] = []): string {
    const base = tunnelsHcl(1, { providerLines });
    const anchor = '  enable_gre_encapsulation = true\n';
    if (!base.includes(anchor)) throw new Error('tunnelsHcl changed: no enable_gre_encapsulation line to add to');
    return base.replace(anchor, `${anchor}${tunnelLines.map((l) => `  ${l}\n`).join('')}`);
  }

  async function planOf(main: string, expected: number): Promise<string> {
    const ws = new TfWorkspace({ url: sim.url, apiKey: sim.apiKey }, 'declared-hcl-');
    try {
      ws.writeMain(main);
      await ws.init();
      return (await ws.expect(['plan', '-input=false'], expected)).out.replace(/\s+/g, ' ');
    } finally {
      ws.remove();
    }
  }

  test('WHEN the tunnel declares acknowledged_rules for PANOS-TM-016 THEN the plan does not report it (and does without)', async () => {
    expect(await planOf(hcl([]), 0)).toContain('Rule PANOS-TM-016 (info)');
    const out = await planOf(hcl(['acknowledged_rules = { "PANOS-TM-016" = "the peer terminates GRE on its gateway address" }']), 0);
    expect(out).not.toContain('PANOS-TM-016 (info)');
  });

  test('WHEN the provider configuration declares acknowledged_rules for PANOS-TM-016 THEN the plan does not report it', async () => {
    const out = await planOf(hcl([], ['acknowledged_rules = { "PANOS-TM-016" = "every peer terminates GRE on its gateway address" }']), 0);
    expect(out).not.toContain('PANOS-TM-016 (info)');
  });

  test('fails when acknowledged_rules names an error rule or an unknown id: PANOS-ACK-001 with the attribute, in the resource and in the provider', async () => {
    const onTunnel = await planOf(hcl(['acknowledged_rules = { "PANOS-TM-005" = "we know", "PANOS-NOPE-999" = "typo" }']), 1);
    expect(onTunnel).toMatch(/PANOS-ACK-001: acknowledged_rules\["PANOS-TM-005"\] is refused: PANOS-TM-005 is an error rule, and errors cannot be acknowledged; fix: /);
    expect(onTunnel).toMatch(/PANOS-ACK-001: acknowledged_rules\["PANOS-NOPE-999"\] names no rule of this provider; fix: /);
    expect(onTunnel).toContain('panosipsec_ipsec_tunnel.tm[0]');
    const onProvider = await planOf(hcl([], ['acknowledged_rules = { "PANOS-TM-005" = "we know" }']), 1);
    expect(onProvider).toMatch(/\[provider "panosipsec"\] PANOS-ACK-001: acknowledged_rules\["PANOS-TM-005"\] is refused/);
  });

  test('WHEN a transport tunnel without GRE declares carries_multicast_routing THEN PANOS-TM-020 is gone (false) or PANOS-TM-015 stops the plan (true)', async () => {
    const noGre = (lines: string[]): string => hcl(lines).replace('enable_gre_encapsulation = true', 'enable_gre_encapsulation = false');
    expect(await planOf(noGre([]), 0)).toContain('Rule PANOS-TM-020 (info)');
    expect(await planOf(noGre(['carries_multicast_routing = false']), 0)).not.toContain('PANOS-TM-020');
    expect(await planOf(noGre(['carries_multicast_routing = true']), 1)).toContain('PANOS-TM-015');
  });

  test('WHEN applied, refreshed, edited in declaration-only attributes only, and imported THEN no drift; the edit writes and commits nothing, the import writes nothing', async () => {
    const ws = new TfWorkspace({ url: sim.url, apiKey: sim.apiKey }, 'declared-cycle-');
    const drift = ['plan', '-refresh-only', '-detailed-exitcode', '-input=false'] as const;
    const changes = (from: number): RequestLogEntry[] => log.slice(from).filter(changesDevice);
    try {
      const ack = (reason: string): string => `acknowledged_rules = { "PANOS-TM-016" = "${reason}" }`;
      ws.writeMain(hcl(['carries_multicast_routing = false', ack('GRE on the gateway address')]));
      await ws.init();
      await ws.expect(['apply', '-auto-approve', '-input=false'], 0);
      expect(ws.stateText()).toContain('"carries_multicast_routing": false');

      // Refresh keeps the declared values (the device has none): the pipeline's drift check passes.
      await ws.expect([...drift], 0);
      await ws.expect(['plan', '-detailed-exitcode', '-input=false'], 0);

      // Only declaration-only attributes change: an update in place that sends no write and no commit.
      ws.writeMain(hcl(['carries_multicast_routing = true', ack('GRE between the two gateway addresses')]));
      const edit = await ws.expect(['plan', '-input=false'], 0);
      expect(edit.out).toMatch(/~ carries_multicast_routing\s+= false -> true/);
      expect(edit.out).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
      const before = log.length;
      const applied = await ws.expect(['apply', '-auto-approve', '-input=false'], 0);
      expect(applied.out).toContain('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.');
      expect(changes(before)).toEqual([]);
      await ws.expect([...drift], 0);

      // Import reads the device, which holds neither: they come back null, and the configuration puts them back
      // without a config write (the imported revision is new to the commit's triggers, so the commit may run).
      await ws.expect(['state', 'rm', 'panosipsec_ipsec_tunnel.tm[0]'], 0);
      await ws.expect(['import', '-input=false', 'panosipsec_ipsec_tunnel.tm[0]', 'tm-0'], 0);
      const imported = JSON.parse(ws.stateText()) as { resources: { type: string; instances: { attributes: Record<string, unknown> }[] }[] };
      const tunnel = imported.resources.find((r) => r.type === 'panosipsec_ipsec_tunnel')!.instances[0]!.attributes;
      expect({ carries: tunnel.carries_multicast_routing, acks: tunnel.acknowledged_rules }).toEqual({ carries: null, acks: null });
      const afterImport = log.length;
      await ws.expect(['apply', '-auto-approve', '-input=false'], 0);
      expect(changes(afterImport).filter((e) => e.type === 'config')).toEqual([]);
      await ws.expect([...drift], 0);
      await ws.expect(['plan', '-detailed-exitcode', '-input=false'], 0);
      process.stdout.write('REAL-TERRAFORM TESTS RAN (declaration-only attributes: refresh, edit, import)\n');
    } finally {
      ws.remove();
    }
  }, 600_000);
});
