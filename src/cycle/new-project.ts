/**
 * What `panos-ipsec init` does: writes the files of a new cdktf project that uses this package (main.ts, cdktf.json,
 * .gitignore) and adds the npm scripts that run the cycle. The README's "Start a new project" shows the same files
 * (test/cycle/new-project.test.ts keeps the two equal), so the command and the hand-written way agree.
 *
 * It never overwrites: an existing main.ts or cdktf.json stops it before anything is written, an existing .gitignore
 * only gains the lines it lacks, and an existing script of the same name is kept.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A complete app: one firewall stack with a transport-mode tunnel protecting BGP, synthesized by `app.synth()`. */
export const MAIN_TS = `import { App, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { IkeGateway, IkeVersion, IpsecTunnel, PanosFirewall, SecretValue, TransportModeCrypto, TunnelInterface } from 'cdktf-panos-ipsec';

/** One firewall: IPSec transport mode protecting its BGP peering on ethernet1/1. */
class BgpProtection extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new PanosFirewall(this, 'fw', { minPanosVersion: '11.0.0' }); // connection from the PANOS_* variables
    const crypto = new TransportModeCrypto(this, 'tm'); // aes-256-gcm + group20, IKE and ESP
    const gateway = new IkeGateway(this, 'peer', {
      version: IkeVersion.IKEV2,
      cryptoProfile: crypto.ike,
      preSharedKey: SecretValue.fromEnvVariable(this, 'psk', 'bgp_psk'), // TF_VAR_bgp_psk; sent write-only, never in state
      localInterface: 'ethernet1/1',
      localIp: '198.51.100.1/24',
      peerIp: '198.51.100.2',
    });
    const tunnelInterface = new TunnelInterface(this, 'tif', { name: 'tunnel.10', zone: 'untrust', virtualRouter: 'default' });
    IpsecTunnel.transport(this, 'bgp', { tunnelInterface, gateway, cryptoProfile: crypto.ipsec, carriesMulticastRouting: false });
  }
}

const app = new App();
new BgpProtection(app, 'fw-a');
app.synth();
`;

/** cdktf's project file: run main.ts with tsx. */
export const CDKTF_JSON = `{
  "language": "typescript",
  "app": "npx tsx main.ts",
  "projectId": "panos-ipsec-vpn",
  "sendCrashReports": "false",
  "terraformProviders": [],
  "terraformModules": [],
  "context": {}
}
`;

/**
 * What never belongs in git: dependencies, synth output, Terraform's working files and local state. The one file of
 * the synth output that does belong there is each stack's `.terraform.lock.hcl` (the provider's hash is the same on
 * every machine), so cdktf.out is ignored file by file rather than as a whole (git cannot re-include a file below an
 * ignored directory).
 */
export const GITIGNORE = `node_modules/
.terraform/
*.tfstate
*.tfstate.*
cdktf.out/*
!cdktf.out/stacks/
cdktf.out/stacks/*/*
!cdktf.out/stacks/*/.terraform.lock.hcl
`;

/** The npm scripts of the cycle. */
export const SCRIPTS: Readonly<Record<string, string>> = {
  synth: 'cdktf synth',
  plan: 'panos-ipsec plan',
  deploy: 'panos-ipsec deploy',
  drift: 'panos-ipsec drift',
  destroy: 'panos-ipsec destroy',
};

/** What {@link initProject} did, file by file. */
export interface InitResult {
  readonly dir: string;
  /** Files written or changed, relative to `dir`. */
  readonly written: readonly string[];
  /** What was left alone and why. */
  readonly kept: readonly string[];
}

/**
 * Writes the project files into `dir` (which must hold a package.json: run `npm init -y` first).
 * @throws Error naming the file when main.ts or cdktf.json exists already, before writing anything
 */
export function initProject(dir: string): InitResult {
  const root = path.resolve(dir);
  const pkgFile = path.join(root, 'package.json');
  if (!fs.existsSync(pkgFile)) throw new Error(`${root} has no package.json. Fix: run "npm init -y" there first (then install the packages), then init again.`);
  for (const f of ['main.ts', 'cdktf.json']) {
    if (fs.existsSync(path.join(root, f))) throw new Error(`${path.join(root, f)} exists already; init never overwrites a file. Fix: move it away, or write the project files by hand (README, "Start a new project").`);
  }
  const written: string[] = [];
  const kept: string[] = [];
  fs.writeFileSync(path.join(root, 'main.ts'), MAIN_TS);
  fs.writeFileSync(path.join(root, 'cdktf.json'), CDKTF_JSON);
  written.push('main.ts', 'cdktf.json');

  const ignoreFile = path.join(root, '.gitignore');
  const have = fs.existsSync(ignoreFile) ? fs.readFileSync(ignoreFile, 'utf8') : '';
  const haveLines = new Set(have.split('\n').map((l) => l.trim()));
  const missing = GITIGNORE.split('\n').filter((l) => l !== '' && !haveLines.has(l));
  if (missing.length > 0) {
    fs.writeFileSync(ignoreFile, `${have}${have !== '' && !have.endsWith('\n') ? '\n' : ''}${missing.join('\n')}\n`);
    written.push('.gitignore');
  } else {
    kept.push('.gitignore (already lists everything)');
  }
  if (haveLines.has('cdktf.out') || haveLines.has('cdktf.out/')) {
    kept.push('.gitignore line "cdktf.out/": it hides the stacks\' .terraform.lock.hcl from git; replace it with the cdktf.out lines init added to share them');
  }

  const pkgText = fs.readFileSync(pkgFile, 'utf8');
  const pkg = JSON.parse(pkgText) as { scripts?: Record<string, string> };
  const scripts = { ...(pkg.scripts ?? {}) };
  let added = false;
  for (const [name, command] of Object.entries(SCRIPTS)) {
    if (scripts[name] === undefined) {
      scripts[name] = command;
      added = true;
    } else if (scripts[name] !== command) {
      kept.push(`package.json script "${name}" (already "${scripts[name]}")`);
    }
  }
  if (added) {
    const indent = /^\{\n(\s+)/.exec(pkgText)?.[1] ?? '  ';
    fs.writeFileSync(pkgFile, `${JSON.stringify({ ...pkg, scripts }, null, indent)}\n`);
    written.push('package.json (scripts)');
  }
  return { dir: root, written, kept };
}
