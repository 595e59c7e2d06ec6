/**
 * The provider's address: one place for the source address Terraform resolves, used by `install-provider`,
 * the `schema` command, the plugin's debug mode and the generated constructs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Hostname of our own choosing, so Terraform and OpenTofu resolve the address alike (served by a filesystem mirror). */
export const PROVIDER_HOSTNAME = 'cdktf-panos-ipsec.dev';
/** Namespace part of the source address. */
export const PROVIDER_NAMESPACE = 'panos';
/** Provider type: every resource type starts with `panosipsec_`. */
export const PROVIDER_TYPE = 'panosipsec';
/** Full source address, `cdktf-panos-ipsec.dev/panos/panosipsec`. */
export const PROVIDER_SOURCE = `${PROVIDER_HOSTNAME}/${PROVIDER_NAMESPACE}/${PROVIDER_TYPE}`;

/** Finds package.json walking up from this file (works from src/ under ts-jest and from dist/src/ after tsc). */
function readPackageVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'cdktf-panos-ipsec' && typeof pkg.version === 'string') return pkg.version;
    }
    dir = path.dirname(dir);
  }
  throw new Error(`cannot find the cdktf-panos-ipsec package.json above ${__dirname}; the provider version comes from it`);
}

/** Provider version: the npm package's version (package.json). */
export const PROVIDER_VERSION: string = readPackageVersion();

/** Resource type name of an object kind: `ipsec-tunnel` → `panosipsec_ipsec_tunnel`. */
export function resourceTypeName(kind: string): string {
  return `${PROVIDER_TYPE}_${kind.replace(/-/g, '_')}`;
}

/** Resource type of the commit resource (commits on create/update). */
export const COMMIT_RESOURCE = `${PROVIDER_TYPE}_commit`;
/** Resource type of the anchor every PAN-OS resource depends on (commits on destroy). */
export const COMMIT_ANCHOR_RESOURCE = `${PROVIDER_TYPE}_commit_anchor`;
/** Data source with the device's version, model and serial. */
export const SYSTEM_INFO_DATA_SOURCE = `${PROVIDER_TYPE}_system_info`;
/** Data source listing what blocks a downgrade to a target version. */
export const DOWNGRADE_CHECK_DATA_SOURCE = `${PROVIDER_TYPE}_downgrade_check`;
