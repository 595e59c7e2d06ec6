import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { runSim, simulatorExports } from '../../src/cycle/sim-run';

const ROOT = join(__dirname, '..', '..');

describe('panos-ipsec sim', () => {
  test('GIVEN --tls and a user WHEN run in-process THEN the first stdout line is JSON with url, key, user, version and a CA file; logs are redacted', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const { sim, stop } = await runSim(
      { panosVersion: '10.2.9', port: '0', host: '127.0.0.1', tls: true, user: 'ops', password: 'Pw-123!', commitMs: '20' },
      (s) => out.push(s),
      (s) => err.push(s),
    );
    const first = JSON.parse(out[0].split('\n')[0]) as Record<string, string>;
    expect(first).toMatchObject({ url: sim.url, apiKey: sim.apiKey, username: 'ops', password: 'Pw-123!', panosVersion: '10.2.9' });
    expect(existsSync(first.caFile)).toBe(true);
    expect(readFileSync(first.caFile, 'utf8')).toBe(first.caCertPem);
    const agent = new Agent({ connect: { ca: first.caCertPem } });
    const res = await request(`${first.url}/api/?type=version&key=${encodeURIComponent(first.apiKey)}`, { dispatcher: agent });
    expect(await res.body.text()).toContain('<sw-version>10.2.9</sw-version>');
    await request(`${first.url}/api/?type=keygen&user=ops&password=${encodeURIComponent('Pw-123!')}`, { dispatcher: agent }).then((r) => r.body.dump());
    await agent.close();
    await stop();
    expect(existsSync(first.caFile)).toBe(false);
    const log = err.join('');
    expect(log).toContain('version');
    expect(log).not.toContain(first.apiKey);
    expect(log).not.toContain('Pw-123!');
  });

  test('GIVEN --latency-ms 150 WHEN run in-process THEN each request is answered after that wait', async () => {
    const err: string[] = [];
    const { sim, stop } = await runSim({ panosVersion: '11.1.0', port: '0', host: '127.0.0.1', latencyMs: '150' }, () => undefined, (s) => err.push(s));
    try {
      await request(`${sim.url}/api/?type=version&key=${encodeURIComponent(sim.apiKey)}`).then((r) => r.body.dump());
      const ms = Number(/\((\d+) ms\)/.exec(err.join('').split('\n').find((l) => l.includes(' version ')) ?? '')?.[1]);
      expect(ms).toBeGreaterThanOrEqual(149);
    } finally {
      await stop();
    }
  });

  test('fails when --latency-ms is not a whole number', async () => {
    await expect(runSim({ panosVersion: '11.1.0', port: '0', host: '127.0.0.1', latencyMs: 'fast' })).rejects.toThrow(/--latency-ms must be a non-negative integer/);
  });

  test('fails when --user comes without --password', async () => {
    await expect(runSim({ panosVersion: '11.1.0', port: '0', host: '127.0.0.1', user: 'x' })).rejects.toThrow(/--user and --password go together/);
  });

  test('GIVEN the CLI process WHEN started THEN it prints the JSON line first and exits cleanly on SIGTERM', async () => {
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const child = spawn(tsx, [join(ROOT, 'src', 'cli', 'main.ts'), 'sim', '--port', '0', '--panos-version', '11.1.0'], { cwd: ROOT });
    let stdout = '';
    const firstLine = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no start line within 20 s')), 20_000);
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        const nl = stdout.indexOf('\n');
        if (nl >= 0) {
          clearTimeout(timer);
          resolve(stdout.slice(0, nl));
        }
      });
      child.on('exit', () => reject(new Error('exited before printing')));
    });
    const start = JSON.parse(firstLine) as Record<string, string>;
    expect(start.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(start).toMatchObject({ username: 'admin', panosVersion: '11.1.0' });
    expect(start.apiKey.length).toBeGreaterThan(20);
    const res = await request(`${start.url}/api/`, {
      method: 'POST',
      headers: { 'X-PAN-KEY': start.apiKey, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'type=op&cmd=' + encodeURIComponent('<show><system><info></info></system></show>'),
    });
    expect(await res.body.text()).toContain('<sw-version>11.1.0</sw-version>');
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
  });
});

describe('the PANOS_* line', () => {
  test('GIVEN a plain-HTTP simulator WHEN started THEN the second stdout line, run by a shell, sets the variables the provider reads', async () => {
    const out: string[] = [];
    const { sim, stop } = await runSim({ panosVersion: '11.1.0', port: '0', host: '127.0.0.1', quiet: true }, (s) => out.push(s), () => undefined);
    try {
      const lines = out.join('').trimEnd().split('\n');
      expect(lines[1]).toMatch(/^export PANOS_HOSTNAME=/);
      const shell = spawnSync('sh', ['-c', `${lines[1]}; env`], { encoding: 'utf8', env: { PATH: process.env.PATH } });
      const vars = Object.fromEntries(shell.stdout.split('\n').filter((l) => l.startsWith('PANOS_')).map((l) => l.split(/=(.*)/s).slice(0, 2)));
      const url = new URL(sim.url);
      expect(vars).toEqual({ PANOS_HOSTNAME: url.hostname, PANOS_PORT: url.port, PANOS_PROTOCOL: 'http', PANOS_API_KEY: sim.apiKey });
    } finally {
      await stop();
    }
  });

  test('GIVEN --tls WHEN the line is made THEN it carries PANOS_CA_FILE so TLS stays verified, quoting what a shell would split', () => {
    expect(simulatorExports({ url: 'https://127.0.0.1:8443', apiKey: 'LUFRPT+k/ey=', caFile: "/tmp/o'k dir/ca.pem" })).toBe(
      "export PANOS_HOSTNAME=127.0.0.1 PANOS_PORT=8443 PANOS_PROTOCOL=https PANOS_API_KEY=LUFRPT+k/ey= PANOS_CA_FILE='/tmp/o'\\''k dir/ca.pem'",
    );
  });
});
