import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appLocation, cdktfCommand, listStacks, needsSynth, pickStack, resetMovedLocalBackends } from '../../src/cycle/cdktf-app';
import { cdktfArgs } from '../../src/cycle/deploy';
import { ProgressTail, appendProgress, formatCommitProgress, PROGRESS_FILE_ENV } from '../../src/cycle/progress';
import { connectionFromEnv } from '../../src/panos/connection-env';
import { locationFromOptions } from '../../src/cycle/downgrade-check';

describe('cdktf wrapper arguments', () => {
  test('GIVEN deploy, plan and destroy THEN each carries --skip-provider-lock, and only deploy/destroy auto-approve', () => {
    expect(cdktfArgs('deploy', { stack: 'vpn', output: '/o', extra: ['--parallelism', '2'] })).toEqual([
      'deploy', 'vpn', '--skip-provider-lock', '--auto-approve', '--output', '/o', '--parallelism', '2',
    ]);
    expect(cdktfArgs('plan', { output: '/o' })).toEqual(['diff', '--skip-provider-lock', '--output', '/o']);
    expect(cdktfArgs('destroy', { output: '/o' })).toEqual(['destroy', '--skip-provider-lock', '--auto-approve', '--output', '/o']);
  });
});

describe('cdktf app directory', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cycle-app-'));
    writeFileSync(join(dir, 'cdktf.json'), '{"app":"npx tsx main.ts"}');
    writeFileSync(join(dir, 'main.ts'), '// app');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Synth output as cdktf writes it: the manifest, and per stack a cdk.tf.json with the absolute local state path. */
  const writeManifest = (stacks: string[], projectDir = dir): void => {
    for (const s of stacks) {
      mkdirSync(join(dir, 'cdktf.out', 'stacks', s), { recursive: true });
      const backend = { local: { path: join(projectDir, `terraform.${s}.tfstate`) } };
      writeFileSync(join(dir, 'cdktf.out', 'stacks', s, 'cdk.tf.json'), JSON.stringify({ terraform: { backend } }));
    }
    const doc = { stacks: Object.fromEntries(stacks.map((s) => [s, { name: s, workingDirectory: `stacks/${s}` }])) };
    writeFileSync(join(dir, 'cdktf.out', 'manifest.json'), JSON.stringify(doc));
  };
  const past = (file: string): void => {
    const t = new Date(Date.now() - 60_000);
    utimesSync(file, t, t);
  };
  /** Terraform's record of the backend of the last init in a stack's working directory. */
  const writeBackendRecord = (stack: string, statePath: string): string => {
    const file = join(dir, 'cdktf.out', 'stacks', stack, '.terraform', 'terraform.tfstate');
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, JSON.stringify({ version: 3, backend: { type: 'local', config: { path: statePath, workspace_dir: null }, hash: 1 } }));
    return file;
  };

  test('GIVEN synth output written in another folder (the project moved) THEN synth is needed, so the state path is the new one', () => {
    writeManifest(['vpn'], '/old/place/my-vpn');
    past(join(dir, 'main.ts'));
    expect(needsSynth(appLocation({ dir }))).toBe(true);
    writeManifest(['vpn']);
    expect(needsSynth(appLocation({ dir }))).toBe(false);
  });

  test('GIVEN a moved project WHEN the old state path is gone THEN the stale backend record is removed and said so; a copy whose old state still exists is left alone', () => {
    writeManifest(['moved', 'copied']);
    const moved = writeBackendRecord('moved', '/old/place/my-vpn/terraform.moved.tfstate');
    writeFileSync(join(dir, 'terraform.moved.tfstate'), '{}');
    const oldCopy = join(dir, 'elsewhere');
    mkdirSync(oldCopy);
    writeFileSync(join(oldCopy, 'terraform.copied.tfstate'), '{}');
    const copied = writeBackendRecord('copied', join(oldCopy, 'terraform.copied.tfstate'));

    const notes = resetMovedLocalBackends(appLocation({ dir }));

    expect(existsSync(moved)).toBe(false);
    expect(existsSync(copied)).toBe(true);
    expect(notes).toEqual([expect.stringMatching(/^stack moved: the project moved \(its local state was at \/old\/place\/my-vpn\/terraform\.moved\.tfstate, now .*terraform\.moved\.tfstate\)/)]);
    // Nothing else in the working directory is touched: the lock file and the providers stay.
    expect(readdirSync(join(dir, 'cdktf.out', 'stacks', 'moved'))).toEqual(expect.arrayContaining(['cdk.tf.json', '.terraform']));
  });

  test('GIVEN no synth output, then fresh output, then an edited source THEN synth is needed, not needed, needed', () => {
    const app = appLocation({ dir });
    expect(needsSynth(app)).toBe(true);
    writeManifest(['vpn']);
    past(join(dir, 'main.ts'));
    expect(needsSynth(app)).toBe(false);
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'main.ts'), future, future);
    expect(needsSynth(app)).toBe(true);
  });

  test('GIVEN one stack THEN it is picked; GIVEN two THEN --stack is required', () => {
    writeManifest(['vpn']);
    const app = appLocation({ dir });
    expect(pickStack(listStacks(app.output), undefined, app.output)).toEqual({ name: 'vpn', workingDirectory: join(dir, 'cdktf.out', 'stacks', 'vpn') });
    writeManifest(['a', 'b']);
    expect(() => pickStack(listStacks(app.output), undefined, app.output)).toThrow(/several stacks \(a, b\)\. Fix: pick one with --stack/);
    expect(() => pickStack(listStacks(app.output), 'c', app.output)).toThrow(/stack "c" is not in .* \(stacks: a, b\)/);
  });

  test("GIVEN the app's cdktf-cli WHEN the command is built THEN it runs that CLI's bundle with this node (no npx lookup)", () => {
    const resolved: string[][] = [];
    const cmd = cdktfCommand(dir, (id, o) => {
      resolved.push([id, ...o.paths]);
      return join(dir, 'node_modules', 'cdktf-cli', 'package.json');
    });
    expect(resolved[0]).toEqual(['cdktf-cli/package.json', dir, expect.any(String)]);
    expect(cmd).toEqual({ command: process.execPath, args: [join(dir, 'node_modules', 'cdktf-cli', 'bundle', 'bin', 'cdktf')] });
  });

  test('fails when cdktf-cli is not installed, saying which package to install and at which version', () => {
    const missing = (): string => {
      throw new Error("Cannot find module 'cdktf-cli/package.json'");
    };
    expect(() => cdktfCommand(dir, missing)).toThrow(/cdktf-cli is not installed in .*: the deploy, plan, destroy and drift commands run it\. Fix: npm install --save-dev cdktf-cli@\^0\.21/);
  });

  test('fails when the directory is not a cdktf app', () => {
    expect(() => appLocation({ dir: tmpdir() })).toThrow(/has no cdktf.json.*--dir/);
  });
});

describe('commit progress file', () => {
  test('GIVEN lines appended in pieces THEN the tail prints each complete line once, and the rest on stop', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cycle-progress-'));
    const file = join(dir, 'p.log');
    const seen: string[] = [];
    const tail = new ProgressTail(file, (l) => seen.push(l));
    tail.poll();
    appendProgress(formatCommitProgress({ jobId: 7, status: 'ACT', progress: 45, result: 'PEND' }), { [PROGRESS_FILE_ENV]: file });
    appendFileSync(file, 'commit job 7: 10');
    tail.poll();
    expect(seen).toEqual(['commit job 7: 45% (ACT)']);
    appendFileSync(file, '0% (FIN OK)\n');
    tail.poll();
    appendFileSync(file, 'partial');
    tail.stop();
    expect(seen).toEqual(['commit job 7: 45% (ACT)', 'commit job 7: 100% (FIN OK)', 'partial']);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('connection settings from PANOS_* variables', () => {
  test('GIVEN host, port, protocol, key and skip-verify THEN client options carry them', () => {
    expect(connectionFromEnv({ PANOS_HOSTNAME: 'fw', PANOS_PORT: '8443', PANOS_PROTOCOL: 'https', PANOS_API_KEY: 'k', PANOS_SKIP_VERIFY_CERTIFICATE: 'true' })).toMatchObject({
      hostname: 'fw', port: 8443, protocol: 'https', apiKey: 'k', verifyTls: false,
    });
    expect(connectionFromEnv({ PANOS_HOSTNAME: 'fw', PANOS_USERNAME: 'admin', PANOS_PASSWORD: 'pw' })).toMatchObject({ username: 'admin', password: 'pw', verifyTls: true });
  });

  test('GIVEN PANOS_REQUEST_TIMEOUT_SECONDS THEN it is the request deadline, and connection errors name the variables', () => {
    const o = connectionFromEnv({ PANOS_HOSTNAME: 'fw', PANOS_API_KEY: 'k', PANOS_REQUEST_TIMEOUT_SECONDS: '20' });
    expect(o.timeouts).toEqual({ requestMs: 20_000 });
    expect(o.settingNames).toMatchObject({ hostname: 'PANOS_HOSTNAME', protocol: 'PANOS_PROTOCOL', caFile: 'PANOS_CA_FILE', requestTimeout: 'PANOS_REQUEST_TIMEOUT_SECONDS' });
    expect(() => connectionFromEnv({ PANOS_HOSTNAME: 'fw', PANOS_API_KEY: 'k', PANOS_REQUEST_TIMEOUT_SECONDS: 'soon' })).toThrow(/PANOS_REQUEST_TIMEOUT_SECONDS="soon"/);
  });

  test('fails when a setting is unusable, naming the variable and never the password', () => {
    expect(() => connectionFromEnv({ PANOS_HOSTNAME: 'fw', PANOS_PASSWORD: 'hunter2' })).toThrow(/PANOS_USERNAME is not set while PANOS_PASSWORD is/);
    expect(() => connectionFromEnv({ PANOS_HOSTNAME: 'fw', PANOS_PASSWORD: 'hunter2' })).not.toThrow(/hunter2/);
    expect(() => connectionFromEnv({ PANOS_HOSTNAME: 'fw', PANOS_API_KEY: 'k', PANOS_PORT: '99999' })).toThrow(/PANOS_PORT="99999" is not a TCP port/);
    expect(() => connectionFromEnv({ PANOS_HOSTNAME: 'fw', PANOS_API_KEY: 'k', PANOS_PROTOCOL: 'ftp' })).toThrow(/PANOS_PROTOCOL="ftp"/);
    expect(() => connectionFromEnv({ PANOS_HOSTNAME: 'fw', PANOS_API_KEY: 'k', PANOS_SKIP_VERIFY_CERTIFICATE: 'maybe' })).toThrow(/not a boolean/);
  });

  test('GIVEN --template-stack THEN the location is that stack; both template options fail', () => {
    expect(locationFromOptions({ templateStack: 'ts', vsys: 'vsys2' })).toEqual({ type: 'template-stack', templateStack: 'ts', vsys: 'vsys2' });
    expect(() => locationFromOptions({ template: 'a', templateStack: 'b' })).toThrow(/exclude each other/);
  });
});
