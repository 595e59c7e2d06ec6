/**
 * `panos-ipsec install-provider`: the mirror layout Terraform's filesystem_mirror expects, a launcher that stays
 * byte-identical across runs (the lock file hashes it), a CLI config serving only our hostname, and one JSON line.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Command } from 'commander';
import {
  cliConfigText,
  installProvider,
  registerInstallProviderCommand,
  terraformPlatform,
} from '../../src/cli/install-provider-command';
import { PROVIDER_SOURCE, PROVIDER_VERSION } from '../../src/provider/address';

describe('install-provider', () => {
  let dir: string;
  let entry: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'install-provider-'));
    // A stand-in provider entry: proves the launcher runs exactly this file with the given node and arguments.
    entry = path.join(dir, "pro'vider dir", 'main.js');
    fs.mkdirSync(path.dirname(entry));
    fs.writeFileSync(entry, 'process.stdout.write(JSON.stringify(process.argv.slice(2)));\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const launcherPath = (mirror: string, platform = terraformPlatform()): string =>
    path.join(mirror, 'cdktf-panos-ipsec.dev', 'panos', 'panosipsec', PROVIDER_VERSION, platform, `terraform-provider-panosipsec_v${PROVIDER_VERSION}`);

  test('GIVEN an empty mirror dir WHEN installing THEN an executable launcher sits at the unpacked-mirror path and runs the provider entry', () => {
    const mirror = path.join(dir, 'mirror');
    const result = installProvider({ mirror, providerEntry: entry });

    expect(result).toEqual({ source: PROVIDER_SOURCE, version: PROVIDER_VERSION, mirror, cliConfig: path.join(mirror, 'terraformrc') });
    const launcher = launcherPath(mirror);
    expect(fs.statSync(launcher).mode & 0o111).toBe(0o111);
    const run = spawnSync(launcher, ['a b', 'c'], { encoding: 'utf8', cwd: os.tmpdir() });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(['a b', 'c']);
    // Only the launcher lives in the package dir, so the lock-file hash covers nothing that changes with builds.
    expect(fs.readdirSync(path.dirname(launcher))).toEqual([path.basename(launcher)]);
  });

  test('GIVEN an installed mirror WHEN installing again THEN the launcher and CLI config are byte-identical', () => {
    const mirror = path.join(dir, 'mirror');
    installProvider({ mirror, providerEntry: entry });
    const first = fs.readFileSync(launcherPath(mirror));
    const firstConfig = fs.readFileSync(path.join(mirror, 'terraformrc'));
    installProvider({ mirror, providerEntry: entry });
    expect(fs.readFileSync(launcherPath(mirror)).equals(first)).toBe(true);
    expect(fs.readFileSync(path.join(mirror, 'terraformrc')).equals(firstConfig)).toBe(true);
  });

  test('GIVEN a mirror path WHEN the CLI config is written THEN it serves our hostname from the mirror and everything else directly', () => {
    const text = cliConfigText('/opt/mirror');
    expect(text).toContain('filesystem_mirror {\n    path    = "/opt/mirror"\n    include = ["cdktf-panos-ipsec.dev/*/*"]');
    expect(text).toContain('direct {\n    exclude = ["cdktf-panos-ipsec.dev/*/*"]');
    // A path that looks like an HCL template or holds quotes must stay a literal string.
    expect(cliConfigText('/tmp/${x}/"q"')).toContain('path    = "/tmp/$${x}/\\"q\\""');
  });

  test('GIVEN a relative mirror WHEN installing THEN every printed path is absolute', () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const result = installProvider({ mirror: 'rel-mirror', providerEntry: entry });
      expect(result.mirror).toBe(path.join(fs.realpathSync(dir), 'rel-mirror'));
      expect(fs.readFileSync(result.cliConfig, 'utf8')).toContain(`path    = "${result.mirror}"`);
    } finally {
      process.chdir(cwd);
    }
  });

  test('GIVEN the command WHEN run with --mirror THEN it prints exactly one JSON line with source, version, mirror and cliConfig', async () => {
    const lines: string[] = [];
    const program = new Command().exitOverride();
    registerInstallProviderCommand(program, (s) => lines.push(s));
    const mirror = path.join(dir, 'm');
    // The command installs the package's own dist entry, which `npm test` builds before jest runs.
    await program.parseAsync(['node', 'x', 'install-provider', '--mirror', mirror]);
    expect(lines).toHaveLength(1);
    expect(lines[0].endsWith('\n')).toBe(true);
    expect(JSON.parse(lines[0])).toEqual({ source: PROVIDER_SOURCE, version: PROVIDER_VERSION, mirror, cliConfig: path.join(mirror, 'terraformrc') });
  });

  test('GIVEN Node platforms WHEN mapped THEN they use Terraform platform names', () => {
    expect(terraformPlatform('linux', 'x64')).toBe('linux_amd64');
    expect(terraformPlatform('darwin', 'arm64')).toBe('darwin_arm64');
    expect(terraformPlatform('freebsd', 'ia32')).toBe('freebsd_386');
    const mirror = path.join(dir, 'mirror');
    installProvider({ mirror, providerEntry: entry, platform: 'darwin', arch: 'arm64' });
    expect(fs.existsSync(launcherPath(mirror, 'darwin_arm64'))).toBe(true);
  });

  test('fails when the platform is Windows, saying why and what to use', () => {
    expect(() => terraformPlatform('win32', 'x64')).toThrow(/Windows.*\.exe.*WSL/);
  });

  test('fails when the platform has no Terraform name', () => {
    expect(() => terraformPlatform('linux', 'mips')).toThrow(/linux\/mips/);
  });

  test('fails when the compiled provider is missing, naming the file and the build command', () => {
    const missing = path.join(dir, 'nope', 'main.js');
    expect(() => installProvider({ mirror: path.join(dir, 'mirror'), providerEntry: missing })).toThrow(new RegExp(`${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is missing; run "npm run build"`));
    expect(fs.existsSync(path.join(dir, 'mirror'))).toBe(false);
  });
});
