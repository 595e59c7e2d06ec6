import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../../src/util/package-info';
import { connectionEnvFor as simulatorEnv } from '../../../src/panos/connection-env';
import { runStatus } from '../../../src/cycle/status-run';
import { appLocation, listStacks, pickStack, synth, toolEnv } from '../../../src/cycle/cdktf-app';
import { runChild } from '../../../src/cycle/processes';
import type { StatusReport } from '../../../src/cycle/status/status-model';
import { startLab, type Lab } from '../../../src/sim';

// Both stacks of examples/transport-bgp, unchanged, deployed with real terraform to a two-device lab; then status
// reads the tunnel from both firewalls. The provider runs from dist/, so `npm run build` must have run.

function requireTerraform(): void {
  try {
    execFileSync('terraform', ['version'], { stdio: 'ignore' });
  } catch {
    throw new Error('terraform is not on PATH: the cdktf end-to-end tests need the terraform binary (1.11.x). Install it and rerun.');
  }
}

describe('examples/transport-bgp in a two-firewall lab (real terraform)', () => {
  beforeAll(() => requireTerraform());

  test('GIVEN the lab fw-a=11.1.0,fw-b=11.1.0 WHEN each stack is applied to its firewall THEN status reports the transport tunnel up on both (exit 0)', async () => {
    const root = packageRoot();
    mkdirSync(join(root, '.demo-work'), { recursive: true });
    // Inside the package, so the app's `import … from 'cdktf-panos-ipsec'` resolves through the package's self-reference.
    const work = mkdtempSync(join(root, '.demo-work', 'lab-e2e-'));
    let lab: Lab | undefined;
    try {
      const appDir = join(work, 'app');
      mkdirSync(appDir);
      const source = join(root, 'examples', 'transport-bgp');
      for (const f of readdirSync(source)) if (!/\.tfstate|^cdktf\.out$|^\.terraform|^node_modules$/.test(f)) cpSync(join(source, f), join(appDir, f), { recursive: true });
      lab = await startLab({ devices: [{ name: 'fw-a' }, { name: 'fw-b' }], commitDurationMs: 50 });
      const psk = { TF_VAR_bgp_psk: 'lab-e2e-shared-key-0123' };
      const app = appLocation({ dir: appDir, output: join(work, 'cdktf.out') });
      const { env } = toolEnv({ ...process.env, ...psk }, { mirror: join(work, 'mirror') });
      const s = await synth(app, env);
      expect(s.code).toBe(0);
      for (const name of ['fw-a', 'fw-b']) {
        const cwd = pickStack(listStacks(app.output), name, app.output).workingDirectory;
        const deviceEnv = { ...env, ...simulatorEnv(lab.device(name)) };
        const init = await runChild('terraform', ['init', '-input=false', '-no-color'], { cwd, env: deviceEnv });
        expect(init.code).toBe(0);
        const apply = await runChild('terraform', ['apply', '-auto-approve', '-input=false', '-no-color'], { cwd, env: deviceEnv });
        if (apply.code !== 0) process.stderr.write(`${apply.stdout}\n${apply.stderr}\n`);
        expect(apply.code).toBe(0);
      }
      const inventory = join(work, 'inventory.json');
      writeFileSync(inventory, JSON.stringify(lab.describe()));
      let out = '';
      const code = await runStatus({ inventory, json: true }, {}, { out: (x) => void (out += x), err: (x) => process.stderr.write(x) });
      const report = JSON.parse(out) as StatusReport;
      expect(code).toBe(0);
      expect(report.devices.map((d) => d.tunnels.map((t) => [d.name, t.tunnel, t.gateway, t.mode, t.peer, t.up]))).toEqual([
        [['fw-a', 'bgp', 'gw-bgp', 'transport', '198.51.100.2', true]],
        [['fw-b', 'bgp', 'gw-bgp', 'transport', '198.51.100.1', true]],
      ]);
      expect(report.devices[0].tunnels[0].ike.proposal).toBe('PSK/DH20/AES256-GCM16/SHA384');
      expect(out).not.toContain(psk.TF_VAR_bgp_psk);
      process.stdout.write('REAL-TERRAFORM TESTS RAN (transport-bgp in the lab)\n');
    } finally {
      await lab?.close();
      rmSync(work, { recursive: true, force: true });
    }
  }, 300_000);
});
