/**
 * `panos-ipsec install-provider [--mirror DIR]`: installs the panosipsec provider into an unpacked Terraform
 * filesystem mirror and writes a CLI config that serves our hostname from it, so `terraform init` (and cdktf, which
 * always runs init) works offline. Prints one JSON line with the source, version, mirror and CLI config paths.
 *
 * The launcher in the mirror is tiny and byte-identical across runs for the same node and package location:
 * `terraform init` pins an `h1:` hash of the package directory in `.terraform.lock.hcl`, and any change to the
 * directory would make later inits fail until the lock file is renewed. The provider's JavaScript therefore stays
 * outside the mirror, in the package's dist/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { PROVIDER_HOSTNAME, PROVIDER_NAMESPACE, PROVIDER_SOURCE, PROVIDER_TYPE, PROVIDER_VERSION } from '../provider/address';

/** Name of the CLI config file written inside the mirror directory. */
export const CLI_CONFIG_FILE_NAME = 'terraformrc';
/** Default mirror directory, relative to the package root. */
export const DEFAULT_MIRROR_DIR_NAME = '.terraform-mirror';

/** What `install-provider` prints (one JSON line) and returns. */
export interface InstallProviderResult {
  /** Provider source address for `required_providers`, e.g. `cdktf-panos-ipsec.dev/panos/panosipsec`. */
  readonly source: string;
  readonly version: string;
  /** Absolute mirror directory. */
  readonly mirror: string;
  /** Absolute path of the CLI config file: point `TF_CLI_CONFIG_FILE` at it. */
  readonly cliConfig: string;
}

/** Inputs of {@link installProvider}; every one has a default suited to the running package. */
export interface InstallProviderOptions {
  /** Mirror directory. @default `<package root>/.terraform-mirror` */
  readonly mirror?: string;
  /** Node executable the launcher runs. @default process.execPath */
  readonly nodePath?: string;
  /** Compiled provider entry. @default `<package root>/dist/src/provider/main.js` */
  readonly providerEntry?: string;
  /** `process.platform`. @default process.platform */
  readonly platform?: NodeJS.Platform;
  /** `process.arch`. @default process.arch */
  readonly arch?: string;
}

/** The package root: the nearest directory above this module holding our package.json (src/cli or dist/src/cli). */
export function packageRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string };
      if (pkg.name === 'cdktf-panos-ipsec') return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the cdktf-panos-ipsec package.json above ${from}`);
    dir = parent;
  }
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
 * Throws for platforms where a `#!/bin/sh` launcher cannot work (Windows) or that Terraform does not build for.
 */
export function terraformPlatform(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string {
  if (platform === 'win32') {
    throw new Error('install-provider does not support Windows: Terraform there runs only .exe providers, and the launcher is a #!/bin/sh script. Use WSL (linux_amd64) instead.');
  }
  const os = OS_NAMES[platform];
  const cpu = ARCH_NAMES[arch];
  if (!os || !cpu) {
    throw new Error(`install-provider does not know Terraform's platform name for ${platform}/${arch}; supported: ${Object.keys(OS_NAMES).join(', ')} on ${Object.keys(ARCH_NAMES).join(', ')}`);
  }
  return `${os}_${cpu}`;
}

/** Quotes a value for a POSIX shell (single quotes; embedded quotes closed and escaped). */
function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Quotes a value as an HCL string literal (escapes, and `${`/`%{` so paths are never read as templates). */
function hclString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{')}"`;
}

/** The launcher's bytes: absolute node and entry paths, nothing that varies between runs. */
export function launcherScript(nodePath: string, providerEntry: string): string {
  return [
    '#!/bin/sh',
    `# ${PROVIDER_SOURCE} ${PROVIDER_VERSION}, written by panos-ipsec install-provider. exec: Terraform's kill must reach node.`,
    `exec ${shellQuote(nodePath)} ${shellQuote(providerEntry)} "$@"`,
    '',
  ].join('\n');
}

/** The CLI config: our hostname from the mirror only, every other provider as usual. */
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
function writeIfChanged(file: string, content: string, mode: number): void {
  const same = fs.existsSync(file) && fs.readFileSync(file, 'utf8') === content;
  if (!same) fs.writeFileSync(file, content, { mode });
  fs.chmodSync(file, mode);
}

/** Installs the provider launcher into the mirror and writes the CLI config; idempotent. */
export function installProvider(opts: InstallProviderOptions = {}): InstallProviderResult {
  const root = packageRoot();
  const mirror = path.resolve(opts.mirror ?? path.join(root, DEFAULT_MIRROR_DIR_NAME));
  const entry = path.resolve(opts.providerEntry ?? path.join(root, 'dist', 'src', 'provider', 'main.js'));
  if (!fs.existsSync(entry)) {
    throw new Error(`the compiled provider ${entry} is missing; run "npm run build" in ${root} first, then install-provider again`);
  }
  const platform = terraformPlatform(opts.platform ?? process.platform, opts.arch ?? process.arch);
  const pkgDir = path.join(mirror, PROVIDER_HOSTNAME, PROVIDER_NAMESPACE, PROVIDER_TYPE, PROVIDER_VERSION, platform);
  fs.mkdirSync(pkgDir, { recursive: true });
  writeIfChanged(path.join(pkgDir, `terraform-provider-${PROVIDER_TYPE}_v${PROVIDER_VERSION}`), launcherScript(opts.nodePath ?? process.execPath, entry), 0o755);
  const cliConfig = path.join(mirror, CLI_CONFIG_FILE_NAME);
  writeIfChanged(cliConfig, cliConfigText(mirror), 0o644);
  return { source: PROVIDER_SOURCE, version: PROVIDER_VERSION, mirror, cliConfig };
}

/** Registers `install-provider` on the program. */
export function registerInstallProviderCommand(program: Command, out: (s: string) => void = (s) => process.stdout.write(s)): void {
  program
    .command('install-provider')
    .description(
      `Install the ${PROVIDER_TYPE} Terraform provider into a filesystem mirror and write a CLI config for it; prints one JSON line {source, version, mirror, cliConfig}. Then: export TF_CLI_CONFIG_FILE=<cliConfig>`,
    )
    .option('--mirror <dir>', `mirror directory (default: <package root>/${DEFAULT_MIRROR_DIR_NAME})`)
    .action((o: { mirror?: string }) => {
      out(`${JSON.stringify(installProvider({ mirror: o.mirror }))}\n`);
    });
}
