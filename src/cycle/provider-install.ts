/**
 * Installs the panosipsec provider where Terraform finds it offline. The package ships the provider as one
 * self-contained file (dist/provider/terraform-provider-panosipsec.cjs, built by scripts/build-provider.ts, started
 * by the node on PATH); installing copies that file, unchanged, into an unpacked filesystem-mirror layout
 * `<mirror>/<host>/<namespace>/<type>/<version>/<os>_<arch>/`. Nothing in the copy depends on where the package or
 * the project lives, so the `h1:` hash `terraform init` writes into `.terraform.lock.hcl` is the same in every folder
 * and on every machine, and the copy cdktf's plugin cache takes is harmless.
 *
 * By default the mirror is `~/.terraform.d/plugins`, one of the directories Terraform searches by itself when the
 * CLI configuration has no `provider_installation` block (its "implied local mirror directories"; see
 * docs/provider-install.md): no TF_CLI_CONFIG_FILE is needed, and moving the project or reinstalling node_modules
 * changes nothing. With an explicit mirror directory a CLI config serving our hostname from it is written next to it
 * (tests, benchmarks, a shared team mirror).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROVIDER_HOSTNAME, PROVIDER_NAMESPACE, PROVIDER_SOURCE, PROVIDER_TYPE, PROVIDER_VERSION } from '../provider/address';
import { packageRoot } from '../util/package-info';

/** The provider file inside the package, written by scripts/build-provider.ts. */
export const PROVIDER_FILE_IN_PACKAGE = path.join('dist', 'provider', 'terraform-provider-panosipsec.cjs');
/** The notices of the third-party code inside it; copied next to it. */
export const NOTICES_FILE_NAME = 'THIRD-PARTY-NOTICES.txt';
/** Name of the CLI config file written inside an explicit mirror directory. */
export const CLI_CONFIG_FILE_NAME = 'terraformrc';

/** What `install-provider` prints (one JSON line) and returns. */
export interface InstallProviderResult {
  /** Provider source address for `required_providers`, e.g. `cdktf-panos-ipsec.dev/panos/panosipsec`. */
  readonly source: string;
  readonly version: string;
  /** Absolute mirror directory. */
  readonly mirror: string;
  /** Absolute path of the provider executable written there. */
  readonly file: string;
  /**
   * Only for an explicit mirror: the CLI config file serving our hostname from it; point `TF_CLI_CONFIG_FILE` at it.
   * Absent for the default mirror, which Terraform searches without any CLI config.
   */
  readonly cliConfig?: string;
}

/** Inputs of {@link installProvider}; every one has a default suited to the running package and user. */
export interface InstallProviderOptions {
  /** An unpacked filesystem mirror directory. @default `<home>/.terraform.d/plugins` (Terraform's implied mirror) */
  readonly mirror?: string;
  /** The user's home directory. @default os.homedir() */
  readonly home?: string;
  /** The provider file to install. @default `<package root>/dist/provider/terraform-provider-panosipsec.cjs` */
  readonly providerFile?: string;
  /** `process.platform`. @default process.platform */
  readonly platform?: NodeJS.Platform;
  /** `process.arch`. @default process.arch */
  readonly arch?: string;
}

const OS_NAMES: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'linux',
  darwin: 'darwin',
  freebsd: 'freebsd',
  openbsd: 'openbsd',
  netbsd: 'netbsd',
  sunos: 'solaris',
};
const ARCH_NAMES: Record<string, string> = { x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm' };

/**
 * Terraform's `OS_ARCH` platform name for a Node platform and architecture (`linux`/`x64` → `linux_amd64`).
 * Throws for Windows (Terraform there runs only .exe providers) and for platforms Terraform does not build for.
 */
export function terraformPlatform(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string {
  if (platform === 'win32') {
    throw new Error('install-provider does not support Windows: Terraform there runs only .exe providers, and this provider is a script run by node. Use WSL (linux_amd64) instead.');
  }
  const osName = OS_NAMES[platform];
  const cpu = ARCH_NAMES[arch];
  if (!osName || !cpu) {
    throw new Error(`install-provider does not know Terraform's platform name for ${platform}/${arch}; supported: ${Object.keys(OS_NAMES).join(', ')} on ${Object.keys(ARCH_NAMES).join(', ')}`);
  }
  return `${osName}_${cpu}`;
}

/** The mirror Terraform searches with no CLI configuration, on every Unix-like system. */
export function defaultMirror(home: string = os.homedir()): string {
  return path.join(home, '.terraform.d', 'plugins');
}

/** Quotes a value as an HCL string literal (escapes, and `${`/`%{` so paths are never read as templates). */
function hclString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{')}"`;
}

/** A CLI config serving our hostname from `mirror` and every other provider as usual. */
export function cliConfigText(mirror: string): string {
  const include = hclString(`${PROVIDER_HOSTNAME}/*/*`);
  return [
    '# Written by panos-ipsec install-provider. Use with TF_CLI_CONFIG_FILE=<this file>.',
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${hclString(mirror)}`,
    `    include = [${include}]`,
    '  }',
    '  direct {',
    `    exclude = [${include}]`,
    '  }',
    '}',
    '',
  ].join('\n');
}

/** Writes `content` only when it differs, so an unchanged file keeps its inode and timestamps too. */
function writeIfChanged(file: string, content: Buffer | string, mode: number): void {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  const same = fs.existsSync(file) && fs.readFileSync(file).equals(bytes);
  if (!same) fs.writeFileSync(file, bytes, { mode });
  fs.chmodSync(file, mode);
}

/** The executable's name in the mirror: Terraform runs the file whose name starts `terraform-provider-<type>_`. */
export function providerFileName(version: string = PROVIDER_VERSION): string {
  return `terraform-provider-${PROVIDER_TYPE}_v${version}.cjs`;
}

/** Copies the provider into the mirror (and writes a CLI config for an explicit mirror); idempotent. */
export function installProvider(opts: InstallProviderOptions = {}): InstallProviderResult {
  const providerFile = path.resolve(opts.providerFile ?? path.join(packageRoot(), PROVIDER_FILE_IN_PACKAGE));
  if (!fs.existsSync(providerFile)) {
    throw new Error(`the provider file ${providerFile} is missing; run "npm run build" in ${packageRoot()} first, then install-provider again`);
  }
  const explicit = opts.mirror !== undefined;
  const mirror = path.resolve(opts.mirror ?? defaultMirror(opts.home));
  const platform = terraformPlatform(opts.platform ?? process.platform, opts.arch ?? process.arch);
  const pkgDir = path.join(mirror, PROVIDER_HOSTNAME, PROVIDER_NAMESPACE, PROVIDER_TYPE, PROVIDER_VERSION, platform);
  fs.mkdirSync(pkgDir, { recursive: true });
  const file = path.join(pkgDir, providerFileName());
  const notices = path.join(path.dirname(providerFile), NOTICES_FILE_NAME);
  // The package directory is ours alone (our hostname): anything else in it, such as a launcher an older
  // install-provider wrote, would be a second executable for Terraform to pick and would change the lock-file hash.
  for (const entry of fs.readdirSync(pkgDir)) {
    if (entry !== path.basename(file) && entry !== NOTICES_FILE_NAME) fs.rmSync(path.join(pkgDir, entry), { recursive: true, force: true });
  }
  writeIfChanged(file, fs.readFileSync(providerFile), 0o755);
  if (fs.existsSync(notices)) writeIfChanged(path.join(pkgDir, NOTICES_FILE_NAME), fs.readFileSync(notices), 0o644);
  if (!explicit) return { source: PROVIDER_SOURCE, version: PROVIDER_VERSION, mirror, file };
  const cliConfig = path.join(mirror, CLI_CONFIG_FILE_NAME);
  writeIfChanged(cliConfig, cliConfigText(mirror), 0o644);
  return { source: PROVIDER_SOURCE, version: PROVIDER_VERSION, mirror, file, cliConfig };
}

/**
 * The Terraform CLI config files in effect: TF_CLI_CONFIG_FILE (or the older TERRAFORM_CONFIG) alone when set, else
 * `~/.terraformrc` and the `*.tfrc` / `*.tfrc.json` files of `~/.terraform.d` (docs/provider-install.md).
 */
export function cliConfigFiles(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string[] {
  const override = env.TF_CLI_CONFIG_FILE || env.TERRAFORM_CONFIG;
  if (override) return existsFile(override) ? [override] : [];
  const files = [path.join(home, '.terraformrc')];
  const dir = path.join(home, '.terraform.d');
  if (fs.existsSync(dir)) {
    for (const f of fs.readdirSync(dir).sort()) if (/\.tfrc(\.json)?$/.test(f)) files.push(path.join(dir, f));
  }
  return files.filter(existsFile);
}

function existsFile(f: string): boolean {
  return fs.existsSync(f) && fs.statSync(f).isFile();
}

/**
 * Why Terraform would not find a provider installed into the default mirror, or undefined when it will: a CLI config
 * with a `provider_installation` block replaces the implied mirror directories. The text names the file and the fix.
 */
export function impliedMirrorProblem(mirror: string, env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string | undefined {
  const blocking = cliConfigFiles(env, home).filter((f) => /provider_installation/.test(fs.readFileSync(f, 'utf8')));
  if (blocking.length === 0) return undefined;
  return (
    `${blocking.join(' and ')} ${blocking.length === 1 ? 'has' : 'have'} a provider_installation block, so Terraform does not look in ${mirror} by itself. ` +
    `Fix: add  filesystem_mirror { path = ${hclString(mirror)}  include = ["${PROVIDER_HOSTNAME}/*/*"] }  to that block ` +
    `(and  exclude = ["${PROVIDER_HOSTNAME}/*/*"]  to its direct block), or run install-provider --mirror <dir> and use the CLI config it writes.`
  );
}

/** The sentences `install-provider` prints on stderr: where it wrote, why there, and what (if anything) to do. */
export function describeInstall(r: InstallProviderResult, env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  const lines = [`panos-ipsec install-provider: wrote ${r.source} ${r.version} to ${r.file}.`];
  if (r.cliConfig) {
    lines.push(`Terraform does not search ${r.mirror} by itself: export TF_CLI_CONFIG_FILE=${r.cliConfig} (a CLI config serving ${PROVIDER_HOSTNAME} from it).`);
  } else {
    lines.push(
      `Terraform searches ${r.mirror} without any CLI configuration, so plain terraform and cdktf find the provider from any folder; ` +
        'the file holds no path, so moving the project or reinstalling node_modules changes nothing and .terraform.lock.hcl can be shared.',
    );
    const problem = impliedMirrorProblem(r.mirror, env, home);
    if (problem) lines.push(`Warning: ${problem}`);
  }
  return `${lines.join('\n')}\n`;
}
