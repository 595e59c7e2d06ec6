/**
 * This package's root directory and version, found by walking up from the running file to the package.json named
 * `cdktf-panos-ipsec`: that works from the TypeScript sources (ts-jest, tsx), from the compiled dist/src and from an
 * installed node_modules/cdktf-panos-ipsec alike. The self-contained provider file has no package.json above it;
 * its build writes the version in (see scripts/build-provider.ts and src/provider/address.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The npm package name. */
export const PACKAGE_NAME = 'cdktf-panos-ipsec';

/** The fields of our package.json this code reads. */
export interface PackageJson {
  readonly name: string;
  readonly version: string;
  readonly peerDependencies?: Readonly<Record<string, string>>;
}

/** The nearest directory at or above `from` whose package.json is ours. */
export function packageRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string };
      if (pkg.name === PACKAGE_NAME) return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package.json above ${from}`);
    dir = parent;
  }
}

/** Our package.json. */
export function packageJson(root: string = packageRoot()): PackageJson {
  return JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageJson;
}
