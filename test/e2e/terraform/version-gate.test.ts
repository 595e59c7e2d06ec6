/**
 * Real terraform against a simulator playing PAN-OS 10.2: the transport-mode set must be refused at plan with an
 * actionable error (resource, field, device version, required version, fix), and an apply must write nothing.
 */
import { startSimulator, type Simulator } from '../../../src/sim';
import { requireTerraform, TerraformWorkspace } from './workspace';

describe('GIVEN the transport-mode set and a PAN-OS 10.2 simulator', () => {
  let sim: Simulator;
  let ws: TerraformWorkspace;

  beforeAll(async () => {
    requireTerraform();
    sim = await startSimulator({ panosVersion: '10.2.9', commitDurationMs: 50 });
    ws = TerraformWorkspace.create('transport', sim);
  });

  afterAll(async () => {
    ws?.remove();
    await sim?.close();
  });

  test('fails when a transport tunnel is planned: the error names resource, field, versions and fix, and nothing is written', async () => {
    await ws.expectRun(['init', '-input=false'], 0);
    const before = sim.config.running();
    sim.counters.reset();

    const plan = await ws.expectRun(['plan', '-input=false'], 1);
    // Terraform wraps long lines; judge the message as one paragraph.
    const text = plan.out.replace(/\s+/g, ' ');
    expect(text).toContain('Error: Rule PANOS-TM-001');
    // The diagnostic carries the attribute path, so Terraform points at the resource block and the offending line.
    expect(text).toContain('with panosipsec_ipsec_tunnel.tm, on main.tf line');
    expect(text).toContain('ipsec_mode = "transport"');
    expect(text).toContain('tm-peer-a');
    expect(text).toContain('PAN-OS 10.2.9');
    expect(text).toContain('11.0.0');
    expect(text).toMatch(/fix: .*(remove ipsec_mode|upgrade the device)/);

    const apply = await ws.expectRun(['apply', '-auto-approve', '-input=false'], 1);
    expect(apply.out.replace(/\s+/g, ' ')).toContain('ipsec_mode');

    const counts = sim.counters.snapshot();
    // Reads (get, show) and op commands are fine; any other config action or a commit would be a write.
    const writes = Object.keys(counts.byAction).filter((k) => (k.startsWith('config:') && k !== 'config:get' && k !== 'config:show') || k.startsWith('commit'));
    expect(writes).toEqual([]);
    expect(counts.commits).toBe(0);
    expect(sim.config.running()).toBe(before);
    expect(sim.config.pendingChanges()).toBe(false);
    console.log('REAL-TERRAFORM TESTS RAN (version gate on 10.2: plan refused, zero writes)');
  }, 180_000);
});
