/**
 * Installing the provider: the self-contained file lands, unchanged, in the unpacked-mirror layout Terraform expects;
 * by default in ~/.terraform.d/plugins (searched with no CLI config); byte-identical whatever the folder; an explicit
 * mirror gets a CLI config; a CLI config that turns the default mirror off is named with the fix.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  cliConfigText,
  describeInstall,
  impliedMirrorProblem,
  installProvider,
  terraformPlatform,
} from '../../src/cycle/provider-install';
import { PROVIDER_SOURCE, PROVIDER_VERSION } from '../../src/provider/address';

describe('install-provider', () => {
  let dir: string;
  let providerFile: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'install-provider-'));
    // A stand-in provider file: proves the installed copy runs with the node on PATH and gets Terraform's arguments.
    providerFile = path.join(dir, "pack'age", 'terraform-provider-panosipsec.cjs');
    fs.mkdirSync(path.dirname(providerFile));
    fs.writeFileSync(providerFile, '#!/usr/bin/env node\nprocess.stdout.write(JSON.stringify(process.argv.slice(2)));\n');
    fs.writeFileSync(path.join(path.dirname(providerFile), 'THIRD-PARTY-NOTICES.txt'), 'notices\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const packageDir = (mirror: string, platform = terraformPlatform()): string =>
    path.join(mirror, 'cdktf-panos-ipsec.dev', 'panos', 'panosipsec', PROVIDER_VERSION, platform);
  const fileName = `terraform-provider-panosipsec_v${PROVIDER_VERSION}.cjs`;

  test("GIVEN a home directory WHEN installing without a mirror THEN the provider lands in Terraform's implied mirror ~/.terraform.d/plugins and runs from there", () => {
    const home = path.join(dir, 'home');
    const result = installProvider({ home, providerFile });

    const mirror = path.join(home, '.terraform.d', 'plugins');
    expect(result).toEqual({ source: PROVIDER_SOURCE, version: PROVIDER_VERSION, mirror, file: path.join(packageDir(mirror), fileName) });
    expect(fs.readdirSync(packageDir(mirror)).sort()).toEqual(['THIRD-PARTY-NOTICES.txt', fileName]);
    expect(fs.statSync(result.file).mode & 0o111).toBe(0o111);
    const run = spawnSync(result.file, ['a b', 'c'], { encoding: 'utf8', cwd: os.tmpdir() });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(['a b', 'c']);
    // No CLI config is written or needed for this mirror.
    expect(fs.existsSync(path.join(mirror, 'terraformrc'))).toBe(false);
  });

  test('GIVEN two homes and two copies of the package in different folders WHEN installing THEN both installs hold the same bytes (so the same lock-file hash)', () => {
    const other = path.join(dir, 'moved', 'elsewhere', 'terraform-provider-panosipsec.cjs');
    fs.mkdirSync(path.dirname(other), { recursive: true });
    fs.copyFileSync(providerFile, other);
    fs.copyFileSync(path.join(path.dirname(providerFile), 'THIRD-PARTY-NOTICES.txt'), path.join(path.dirname(other), 'THIRD-PARTY-NOTICES.txt'));
    const a = installProvider({ home: path.join(dir, 'home-a'), providerFile });
    const b = installProvider({ home: path.join(dir, 'home-b'), providerFile: other });

    for (const f of fs.readdirSync(path.dirname(a.file))) {
      expect(fs.readFileSync(path.join(path.dirname(b.file), f)).equals(fs.readFileSync(path.join(path.dirname(a.file), f)))).toBe(true);
    }
    expect(fs.readFileSync(a.file).equals(fs.readFileSync(providerFile))).toBe(true);
    expect(fs.readFileSync(a.file, 'utf8')).not.toContain(dir);
  });

  test('GIVEN an explicit mirror WHEN installing twice THEN a CLI config serving our hostname is written and nothing changes the second time', () => {
    const mirror = path.join(dir, 'mirror');
    const first = installProvider({ mirror, providerFile });
    expect(first.cliConfig).toBe(path.join(mirror, 'terraformrc'));
    const bytes = fs.readFileSync(first.file);
    const config = fs.readFileSync(first.cliConfig as string);
    const inode = fs.statSync(first.file).ino;

    expect(installProvider({ mirror, providerFile })).toEqual(first);
    expect(fs.readFileSync(first.file).equals(bytes)).toBe(true);
    expect(fs.statSync(first.file).ino).toBe(inode);
    expect(fs.readFileSync(first.cliConfig as string).equals(config)).toBe(true);
  });

  test('GIVEN a launcher an older install-provider wrote WHEN installing THEN it is removed, leaving one executable for Terraform to run', () => {
    const mirror = path.join(dir, 'mirror');
    fs.mkdirSync(packageDir(mirror), { recursive: true });
    fs.writeFileSync(path.join(packageDir(mirror), `terraform-provider-panosipsec_v${PROVIDER_VERSION}`), "#!/bin/sh\nexec '/old/node' '/old/dist/main.js'\n", { mode: 0o755 });
    installProvider({ mirror, providerFile });
    expect(fs.readdirSync(packageDir(mirror)).sort()).toEqual(['THIRD-PARTY-NOTICES.txt', fileName]);
  });

  test('GIVEN a mirror path WHEN the CLI config is written THEN it serves our hostname from the mirror and everything else directly', () => {
    const text = cliConfigText('/opt/mirror');
    expect(text).toContain('filesystem_mirror {\n    path    = "/opt/mirror"\n    include = ["cdktf-panos-ipsec.dev/*/*"]');
    expect(text).toContain('direct {\n    exclude = ["cdktf-panos-ipsec.dev/*/*"]');
    // A path that looks like an HCL template or holds quotes must stay a literal string.
    expect(cliConfigText('/tmp/${x}/"q"')).toContain('path    = "/tmp/$${x}/\\"q\\""');
  });

  test('GIVEN a relative mirror WHEN installing THEN every returned path is absolute', () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const result = installProvider({ mirror: 'rel-mirror', providerFile });
      expect(result.mirror).toBe(path.join(fs.realpathSync(dir), 'rel-mirror'));
      expect(fs.readFileSync(result.cliConfig as string, 'utf8')).toContain(`path    = "${result.mirror}"`);
    } finally {
      process.chdir(cwd);
    }
  });

  test('GIVEN Node platforms WHEN mapped THEN they use Terraform platform names', () => {
    expect(terraformPlatform('linux', 'x64')).toBe('linux_amd64');
    expect(terraformPlatform('darwin', 'arm64')).toBe('darwin_arm64');
    expect(terraformPlatform('freebsd', 'ia32')).toBe('freebsd_386');
    const mirror = path.join(dir, 'mirror');
    installProvider({ mirror, providerFile, platform: 'darwin', arch: 'arm64' });
    expect(fs.existsSync(path.join(packageDir(mirror, 'darwin_arm64'), fileName))).toBe(true);
  });

  test('fails when the platform is Windows, saying why and what to use', () => {
    expect(() => terraformPlatform('win32', 'x64')).toThrow(/Windows.*\.exe.*WSL/);
  });

  test('fails when the platform has no Terraform name', () => {
    expect(() => terraformPlatform('linux', 'mips')).toThrow(/linux\/mips/);
  });

  test('fails when the provider file is missing, naming the file and the build command, and writes nothing', () => {
    const missing = path.join(dir, 'nope', 'terraform-provider-panosipsec.cjs');
    expect(() => installProvider({ mirror: path.join(dir, 'mirror'), providerFile: missing })).toThrow(
      new RegExp(`${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is missing; run "npm run build"`),
    );
    expect(fs.existsSync(path.join(dir, 'mirror'))).toBe(false);
  });
});

describe('where Terraform looks', () => {
  let home: string;
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'install-provider-home-'));
  });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));
  const mirror = (): string => path.join(home, '.terraform.d', 'plugins');

  test('GIVEN no CLI config, or one without provider_installation WHEN checked THEN the default mirror is searched (no problem)', () => {
    expect(impliedMirrorProblem(mirror(), {}, home)).toBeUndefined();
    fs.writeFileSync(path.join(home, '.terraformrc'), 'plugin_cache_dir = "/tmp/cache"\n');
    expect(impliedMirrorProblem(mirror(), {}, home)).toBeUndefined();
  });

  test.each([
    ['~/.terraformrc', (h: string) => path.join(h, '.terraformrc'), {}],
    ['a *.tfrc file in ~/.terraform.d', (h: string) => path.join(h, '.terraform.d', 'team.tfrc'), {}],
    ['TF_CLI_CONFIG_FILE', (h: string) => path.join(h, 'custom.tfrc'), { TF_CLI_CONFIG_FILE: 'SELF' }],
  ])('GIVEN %s with a provider_installation block WHEN checked THEN the problem names that file and the block to add', (_what, where, envIn) => {
    const file = where(home);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'provider_installation {\n  direct {}\n}\n');
    const env = Object.fromEntries(Object.entries(envIn).map(([k, v]) => [k, v === 'SELF' ? file : v]));
    const problem = impliedMirrorProblem(mirror(), env, home);
    expect(problem).toContain(file);
    expect(problem).toContain(`filesystem_mirror { path = "${mirror()}"  include = ["cdktf-panos-ipsec.dev/*/*"] }`);
  });

  test('GIVEN TF_CLI_CONFIG_FILE WHEN checked THEN only that file counts (Terraform then skips ~/.terraformrc)', () => {
    fs.writeFileSync(path.join(home, '.terraformrc'), 'provider_installation {\n  direct {}\n}\n');
    const own = path.join(home, 'own.tfrc');
    fs.writeFileSync(own, 'disable_checkpoint = true\n');
    expect(impliedMirrorProblem(mirror(), { TF_CLI_CONFIG_FILE: own }, home)).toBeUndefined();
  });

  test('GIVEN an install WHEN described THEN it says where it wrote and why there, and for an explicit mirror what to export', () => {
    const implied = describeInstall({ source: PROVIDER_SOURCE, version: '1.2.3', mirror: mirror(), file: path.join(mirror(), 'x', 'f.cjs') }, {}, home);
    expect(implied).toContain(`wrote ${PROVIDER_SOURCE} 1.2.3 to ${path.join(mirror(), 'x', 'f.cjs')}`);
    expect(implied).toMatch(/searches .* without any CLI configuration/);
    const explicit = describeInstall({ source: PROVIDER_SOURCE, version: '1.2.3', mirror: '/m', file: '/m/f.cjs', cliConfig: '/m/terraformrc' }, {}, home);
    expect(explicit).toContain('export TF_CLI_CONFIG_FILE=/m/terraformrc');
  });
});
