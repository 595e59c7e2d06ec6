/** `panos-ipsec install-provider`: one JSON line on stdout for scripts, where and why on stderr for people. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Command } from 'commander';
import { registerInstallProviderCommand } from '../../src/cli/install-provider-command';
import { PROVIDER_SOURCE, PROVIDER_VERSION } from '../../src/provider/address';

test('GIVEN the command WHEN run with --mirror THEN it prints exactly one JSON line with source, version, mirror, file and cliConfig, and on stderr where it wrote', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'install-provider-cmd-'));
  try {
    const out: string[] = [];
    const err: string[] = [];
    const program = new Command().exitOverride();
    registerInstallProviderCommand(program, (s) => out.push(s), (s) => err.push(s));
    const mirror = path.join(dir, 'm');
    // The command installs the package's own dist/provider file, which `npm test` builds before jest runs.
    await program.parseAsync(['node', 'x', 'install-provider', '--mirror', mirror]);
    expect(out).toHaveLength(1);
    expect(out[0].endsWith('\n')).toBe(true);
    const line = JSON.parse(out[0]) as Record<string, string>;
    const packageDir = path.join(mirror, 'cdktf-panos-ipsec.dev', 'panos', 'panosipsec', PROVIDER_VERSION);
    expect(line).toEqual({ source: PROVIDER_SOURCE, version: PROVIDER_VERSION, mirror, file: expect.any(String), cliConfig: path.join(mirror, 'terraformrc') });
    expect(path.relative(packageDir, line.file)).toMatch(new RegExp(`^[a-z]+_[a-z0-9]+/terraform-provider-panosipsec_v${PROVIDER_VERSION.replace(/\./g, '\\.')}\\.cjs$`));
    expect(fs.existsSync(line.file)).toBe(true);
    expect(err.join('')).toContain(`wrote ${PROVIDER_SOURCE} ${PROVIDER_VERSION} to ${line.file}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
