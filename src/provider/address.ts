/**
 * The provider's address: one place for the source address Terraform resolves, used by `install-provider`,
 * the `schema` command, the plugin's debug mode and the generated constructs.
 */
import { packageJson } from '../util/package-info';

/** Hostname of our own choosing, so Terraform and OpenTofu resolve the address alike (served by a filesystem mirror). */
export const PROVIDER_HOSTNAME = 'cdktf-panos-ipsec.dev';
/** Namespace part of the source address. */
export const PROVIDER_NAMESPACE = 'panos';
/** Provider type: every resource type starts with `panosipsec_`. */
export const PROVIDER_TYPE = 'panosipsec';
/** Full source address, `cdktf-panos-ipsec.dev/panos/panosipsec`. */
export const PROVIDER_SOURCE = `${PROVIDER_HOSTNAME}/${PROVIDER_NAMESPACE}/${PROVIDER_TYPE}`;

/**
 * Set by the build of the self-contained provider file (scripts/build-provider.ts) to the package version, because
 * that file runs where no package.json is above it; undefined everywhere else.
 */
declare const PANOS_IPSEC_BUNDLED_VERSION: string | undefined;

/** Provider version: the npm package's version (package.json). */
export const PROVIDER_VERSION: string =
  typeof PANOS_IPSEC_BUNDLED_VERSION === 'string' ? PANOS_IPSEC_BUNDLED_VERSION : packageJson().version;

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
