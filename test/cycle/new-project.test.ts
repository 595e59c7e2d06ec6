/**
 * `panos-ipsec init` writes the files the README's "Start a new project" shows, adds the npm scripts, and never
 * overwrites; the .gitignore keeps everything of cdktf.out out of git except each stack's lock file.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CDKTF_JSON, GITIGNORE, initProject, MAIN_TS, SCRIPTS } from '../../src/cycle/new-project';
import { readmeFile } from '../harness/readme';

describe('panos-ipsec init', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'init-'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{\n  "name": "my-vpn",\n  "scripts": {\n    "test": "echo none"\n  }\n}\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('GIVEN the README WHEN its project files are read THEN they are exactly what init writes', () => {
    expect(readmeFile('main.ts')).toBe(MAIN_TS);
    expect(readmeFile('cdktf.json')).toBe(CDKTF_JSON);
    expect(readmeFile('.gitignore')).toBe(GITIGNORE);
  });

  test('GIVEN an npm project WHEN init runs THEN main.ts, cdktf.json and .gitignore are written and the scripts added beside the existing ones', () => {
    const r = initProject(dir);
    expect(r.written).toEqual(['main.ts', 'cdktf.json', '.gitignore', 'package.json (scripts)']);
    expect(fs.readFileSync(path.join(dir, 'main.ts'), 'utf8')).toBe(MAIN_TS);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.json'), 'utf8'))).toMatchObject({ language: 'typescript', app: 'npx tsx main.ts' });
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string; scripts: Record<string, string> };
    expect(pkg).toEqual({ name: 'my-vpn', scripts: { test: 'echo none', ...SCRIPTS } });
  });

  test('GIVEN a .gitignore and a script of the same name WHEN init runs THEN only missing lines are added and the script is kept', () => {
    fs.writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\n.env');
    const pkgFile = path.join(dir, 'package.json');
    fs.writeFileSync(pkgFile, JSON.stringify({ name: 'x', scripts: { deploy: 'make deploy' } }));
    const r = initProject(dir);
    const ignore = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
    expect(ignore.startsWith('node_modules/\n.env\n')).toBe(true);
    expect(ignore.split('\n').filter((l) => l === 'node_modules/')).toHaveLength(1);
    expect(ignore).toContain('!cdktf.out/stacks/*/.terraform.lock.hcl\n');
    expect((JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { scripts: Record<string, string> }).scripts.deploy).toBe('make deploy');
    expect(r.kept).toEqual(['package.json script "deploy" (already "make deploy")']);
  });

  test('fails when main.ts exists, naming it, before writing anything', () => {
    fs.writeFileSync(path.join(dir, 'main.ts'), '// mine\n');
    expect(() => initProject(dir)).toThrow(/main\.ts exists already; init never overwrites/);
    expect(fs.readFileSync(path.join(dir, 'main.ts'), 'utf8')).toBe('// mine\n');
    expect(fs.existsSync(path.join(dir, 'cdktf.json'))).toBe(false);
    expect(fs.existsSync(path.join(dir, '.gitignore'))).toBe(false);
  });

  test('fails when there is no package.json, saying to run npm init first', () => {
    fs.rmSync(path.join(dir, 'package.json'));
    expect(() => initProject(dir)).toThrow(/has no package\.json\. Fix: run "npm init -y"/);
  });

  test('GIVEN the .gitignore in a git repository WHEN a deployed project is added THEN only sources, cdktf.json and the stack lock file are tracked', () => {
    initProject(dir);
    for (const f of ['cdktf.out/manifest.json', 'cdktf.out/stacks/fw-a/cdk.tf.json', 'cdktf.out/stacks/fw-a/.terraform.lock.hcl',
      'cdktf.out/stacks/fw-a/.terraform/terraform.tfstate', 'terraform.fw-a.tfstate', 'terraform.fw-a.tfstate.backup', 'node_modules/x/index.js']) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), '');
    }
    const git = (...args: string[]): string => spawnSync('git', args, { cwd: dir, encoding: 'utf8' }).stdout;
    git('init', '-q');
    git('add', '-A');
    expect(git('ls-files').trim().split('\n').sort()).toEqual(['.gitignore', 'cdktf.json', 'cdktf.out/stacks/fw-a/.terraform.lock.hcl', 'main.ts', 'package.json']);
  });
});
