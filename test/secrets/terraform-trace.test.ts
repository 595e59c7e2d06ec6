/**
 * With TF_LOG=trace, a full apply, plan and destroy through real terraform never print the API key, the admin
 * password or the pre-shared key: not in terraform's or the provider's log, not in plan output. The state file may
 * hold the PSK only when the user chose the plain `pre_shared_key` attribute (marked sensitive); the write-only
 * form keeps it out of state too.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startSimulator, type Simulator } from '../../src/sim';
import { tunnelsHcl } from '../../bench/support/hcl';
import { requireTerraform, TfWorkspace } from '../../bench/support/terraform';
import { leaks } from './leaks';

const PASSWORD = 'Adm1n+Pass/word=Z9';
const PSK_PREFIX = 'Tr4ce+Psk/Secret';

describe('GIVEN TF_LOG=trace and a full terraform cycle against the simulator', () => {
  let sim: Simulator;
  const workspaces: TfWorkspace[] = [];

  beforeAll(async () => {
    requireTerraform();
    sim = await startSimulator({ panosVersion: '11.1.0', commitDurationMs: 50, users: { keyuser: 'Key-User-pw-5', admin: PASSWORD } });
  });

  afterAll(async () => {
    for (const ws of workspaces) ws.remove();
    await sim?.close();
  });

  /** Runs the cycle; `stateSecrets` are the secrets the state files must not hold (the plain PSK may be there). */
  async function cycle(ws: TfWorkspace, secrets: Record<string, string>, stateSecrets: Record<string, string> = secrets): Promise<{ outputs: Record<string, string>; stateAfterApply: string }> {
    const logFile = path.join(ws.dir, 'trace.log');
    const env = { TF_LOG: 'trace', TF_LOG_PATH: logFile };
    const outputs: Record<string, string> = {};
    await ws.init();
    const apply = await ws.expect(['apply', '-auto-approve', '-input=false', '-parallelism=10'], 0, { env, timeoutMs: 240_000 });
    outputs.apply = apply.out;
    const stateAfterApply = ws.stateText();
    const plan = await ws.expect(['plan', '-detailed-exitcode', '-input=false', '-out=tfplan'], 0, { env, timeoutMs: 120_000 });
    outputs.plan = plan.out;
    outputs.show = (await ws.expect(['show', 'tfplan'], 0, { env })).out;
    // `show -json` prints sensitive values in clear by Terraform's design (like the state), so it is judged with the state.
    const showJson = (await ws.expect(['show', '-json', 'tfplan'], 0, { env })).out;
    outputs.destroy = (await ws.expect(['destroy', '-auto-approve', '-input=false'], 0, { env, timeoutMs: 240_000 })).out;
    outputs.traceLog = fs.readFileSync(logFile, 'utf8');
    const backup = path.join(ws.workDir, 'terraform.tfstate.backup');
    const states = { stateAfterApply, showJson, stateAfterDestroy: ws.stateText(), stateBackup: fs.existsSync(backup) ? fs.readFileSync(backup, 'utf8') : '' };
    for (const [what, text] of Object.entries(states)) expect({ where: what, leaks: leaks(text, stateSecrets) }).toEqual({ where: what, leaks: [] });
    expect(outputs.traceLog.length).toBeGreaterThan(10_000);
    expect(outputs.traceLog).toMatch(/provider\.terraform-provider-panosipsec|plugin\.terraform-provider-panosipsec|panosipsec/);
    for (const [what, text] of Object.entries(outputs)) expect({ where: what, leaks: leaks(text, secrets) }).toEqual({ where: what, leaks: [] });
    return { outputs, stateAfterApply };
  }

  test('WHEN the provider logs in with username and password and the PSK is write-only THEN no log, output or state holds a secret', async () => {
    const ws = new TfWorkspace({ url: sim.url, username: 'admin', password: PASSWORD }, 'secrets-tf-');
    workspaces.push(ws);
    ws.writeMain(tunnelsHcl(2, { psk: 'write-only', pskPrefix: PSK_PREFIX }));
    const secrets = { password: PASSWORD, apiKey: sim.apiKey, psk0: `${PSK_PREFIX}-0`, psk1: `${PSK_PREFIX}-1` };
    const { stateAfterApply } = await cycle(ws, secrets);
    expect(stateAfterApply).toContain('panosipsec_ike_gateway');
    console.log('REAL-TERRAFORM TESTS RAN (secrets: username/password + write-only PSK; apply, plan, show, destroy under TF_LOG=trace; no secret in logs, outputs or state)');
  }, 600_000);

  // sim.apiKey belongs to keyuser: the keygen of the first test (as admin) does not invalidate it.
  test('WHEN the provider uses an API key and the plain pre_shared_key attribute THEN logs and outputs hold no secret and state holds the PSK only as a sensitive value', async () => {
    const ws = new TfWorkspace({ url: sim.url, apiKey: sim.apiKey }, 'secrets-tf-');
    workspaces.push(ws);
    ws.writeMain(tunnelsHcl(2, { psk: 'plain', pskPrefix: PSK_PREFIX, offset: 10 }));
    const { stateAfterApply } = await cycle(ws, { apiKey: sim.apiKey, password: PASSWORD, psk0: `${PSK_PREFIX}-0`, psk1: `${PSK_PREFIX}-1` }, { apiKey: sim.apiKey, password: PASSWORD });
    const state = JSON.parse(stateAfterApply) as { resources: { type: string; instances: { attributes: Record<string, unknown>; sensitive_attributes?: unknown[] }[] }[] };
    const gw = state.resources.find((r) => r.type === 'panosipsec_ike_gateway');
    expect(gw?.instances[0].attributes.pre_shared_key).toBe(`${PSK_PREFIX}-0`);
    expect(JSON.stringify(gw?.instances[0].sensitive_attributes)).toContain('pre_shared_key');
    console.log('REAL-TERRAFORM TESTS RAN (secrets: API key + plain PSK; no secret in logs or outputs; PSK in state only as a sensitive attribute)');
  }, 600_000);
});
