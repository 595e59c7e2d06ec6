/**
 * What a Terraform user sees of the provider's messages (real terraform): log lines at the level Terraform's own
 * TF_LOG filter selects, and rule findings of every level at plan.
 */
import { startSimulator, type Simulator } from '../../../src/sim';
import { tunnelsHcl } from '../../../bench/support/hcl';
import { requireTerraform, TfWorkspace } from '../../../bench/support/terraform';

describe('GIVEN a transport tunnel configuration and a provider with an API key but no username', () => {
  let sim: Simulator;
  let ws: TfWorkspace;

  beforeAll(async () => {
    requireTerraform();
    sim = await startSimulator({ panosVersion: '11.1.0', commitDurationMs: 30 });
    ws = new TfWorkspace({ url: sim.url, apiKey: sim.apiKey }, 'messages-');
    ws.writeMain(tunnelsHcl(1));
    await ws.init();
  });
  afterAll(async () => {
    ws?.remove();
    await sim?.close();
  });

  test('WHEN it is planned THEN the info finding of the GRE transport tunnel is shown as a warning saying info', async () => {
    const plan = await ws.expect(['plan', '-input=false'], 0);
    expect(plan.out).toMatch(/Warning: Rule PANOS-TM-016 \(info\)/);
    expect(plan.out).toContain('panosipsec_ipsec_tunnel with name "tm-0"');
  });

  test('WHEN it is applied with TF_LOG=warn THEN the warning about a full commit is in Terraform\'s log at WARN, parsed (not a raw DEBUG line)', async () => {
    const apply = await ws.expect(['apply', '-auto-approve', '-input=false'], 0, { env: { TF_LOG: 'warn' } });
    const line = apply.stderr.split('\n').find((l) => l.includes('commit_scope is "admin" but no username'));
    expect(line).toMatch(/\[WARN\]\s+provider\.terraform-provider-panosipsec[^:]*: commit_scope is "admin" but no username/);
    expect(line).not.toContain('"@message"');
    process.stdout.write('REAL-TERRAFORM TESTS RAN (provider warning visible at TF_LOG=warn)\n');
  });
});

describe('GIVEN a configuration whose device cannot be reached', () => {
  let sim: Simulator;
  beforeAll(async () => {
    requireTerraform();
    sim = await startSimulator({ panosVersion: '11.1.0' });
  });
  afterAll(async () => {
    await sim?.close();
  });

  async function plan(device: { url: string; apiKey: string }): Promise<string> {
    const ws = new TfWorkspace(device, 'unreachable-');
    try {
      ws.writeMain(tunnelsHcl(2));
      await ws.init();
      const r = await ws.run(['plan', '-input=false'], { timeoutMs: 180_000 });
      expect(r.status).toBe(1);
      // Terraform wraps long lines; compare the words.
      return r.out.replace(/\s+/g, ' ');
    } finally {
      ws.remove();
    }
  }

  test('WHEN nothing listens on the port THEN the cause and fix are reported once, and the other resources say so in one line each', async () => {
    const net = await import('node:net');
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as import('node:net').AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const out = await plan({ url: `http://127.0.0.1:${port}`, apiKey: sim.apiKey });
    const errors = out.split('Error: ').length - 1;
    expect(errors).toBeGreaterThan(1);
    expect(out.split('nothing accepts connections at').length - 1).toBe(1);
    expect(out).toContain('check PANOS_HOSTNAME and PANOS_PORT');
    expect(out.split('not done, because of a failure reported in full').length - 1).toBe(errors - 1);
  });

  test('WHEN https is used on the plain-HTTP API port THEN the error says the port does not speak TLS and names PANOS_PROTOCOL, not certificate settings', async () => {
    const out = await plan({ url: sim.url.replace('http:', 'https:'), apiKey: sim.apiKey });
    expect(out).toContain('does not speak TLS');
    expect(out).toContain('set PANOS_PROTOCOL to "http"');
    expect(out).not.toMatch(/caFile|verifyTls|verification failed/);
    process.stdout.write('REAL-TERRAFORM TESTS RAN (unreachable device messages)\n');
  });
});
