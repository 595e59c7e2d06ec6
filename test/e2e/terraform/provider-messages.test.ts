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
    expect(plan.out).toContain('panosipsec_ipsec_tunnel.tm-0');
  });

  test('WHEN it is applied with TF_LOG=warn THEN the warning about a full commit is in Terraform\'s log at WARN, parsed (not a raw DEBUG line)', async () => {
    const apply = await ws.expect(['apply', '-auto-approve', '-input=false'], 0, { env: { TF_LOG: 'warn' } });
    const line = apply.stderr.split('\n').find((l) => l.includes('commit_scope is "admin" but no username'));
    expect(line).toMatch(/\[WARN\]\s+provider\.terraform-provider-panosipsec[^:]*: commit_scope is "admin" but no username/);
    expect(line).not.toContain('"@message"');
    process.stdout.write('REAL-TERRAFORM TESTS RAN (provider warning visible at TF_LOG=warn)\n');
  });
});
