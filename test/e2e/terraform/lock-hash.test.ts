/**
 * The lock-file hash of the installed provider: Terraform computes it from the mirror, and it is one and the same for
 * installs from two copies of the package in different folders and for every platform directory, because the
 * installed file is the package's own platform-independent JavaScript, holding no path.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { installProvider } from '../../../src/cycle/provider-install';
import { PROVIDER_SOURCE, PROVIDER_VERSION } from '../../../src/provider/address';
import { requireTerraform } from './workspace';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const PLATFORMS = [
  ['linux', 'x64', 'linux_amd64'],
  ['linux', 'arm64', 'linux_arm64'],
  ['darwin', 'arm64', 'darwin_arm64'],
] as const;

test('GIVEN installs from two folders for three platforms WHEN terraform providers lock hashes each mirror THEN every one records the same single h1 hash', () => {
  requireTerraform();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lock-hash-'));
  try {
    const hashes: string[][] = [];
    for (const copy of ['team-a/project', 'elsewhere/other-name']) {
      // A second copy of the package's provider file stands for the package installed in another project folder.
      const pkgDir = path.join(tmp, copy, 'node_modules', 'cdktf-panos-ipsec', 'dist', 'provider');
      fs.mkdirSync(pkgDir, { recursive: true });
      for (const f of fs.readdirSync(path.join(ROOT, 'dist', 'provider'))) fs.copyFileSync(path.join(ROOT, 'dist', 'provider', f), path.join(pkgDir, f));
      const mirror = path.join(tmp, copy, 'mirror');
      for (const [platform, arch] of PLATFORMS) installProvider({ mirror, platform, arch, providerFile: path.join(pkgDir, 'terraform-provider-panosipsec.cjs') });
      const work = path.join(tmp, copy, 'work');
      fs.mkdirSync(work);
      fs.writeFileSync(
        path.join(work, 'main.tf'),
        `terraform {\n  required_providers {\n    panosipsec = { source = "${PROVIDER_SOURCE}", version = "${PROVIDER_VERSION}" }\n  }\n}\n`,
      );
      const env: NodeJS.ProcessEnv = { ...process.env, HOME: tmp, CHECKPOINT_DISABLE: '1' };
      delete env.TF_CLI_CONFIG_FILE;
      const args = ['providers', 'lock', '-no-color', `-fs-mirror=${mirror}`, ...PLATFORMS.map(([, , tf]) => `-platform=${tf}`)];
      const r = spawnSync('terraform', args, { cwd: work, env, encoding: 'utf8' });
      expect({ status: r.status, out: r.status === 0 ? '' : r.stdout + r.stderr }).toEqual({ status: 0, out: '' });
      const lock = fs.readFileSync(path.join(work, '.terraform.lock.hcl'), 'utf8');
      hashes.push([...lock.matchAll(/"(h1:[^"]+)"/g)].map((m) => m[1]));
    }
    expect(hashes[0]).toHaveLength(1);
    expect(hashes[1]).toEqual(hashes[0]);
    process.stdout.write(`REAL-TERRAFORM TESTS RAN (lock hash ${hashes[0][0]} for ${PLATFORMS.map((p) => p[2]).join(', ')} from two folders)\n`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}, 120_000);
