/**
 * Builds the self-contained provider file, dist/provider/terraform-provider-panosipsec.cjs: src/provider/main.ts and
 * every module it needs (our sources, protobufjs's minimal runtime, the plugin protocol's codecs…) in one CommonJS
 * file that starts as a shell script which runs the node on PATH on itself (see {@link banner}).
 * `panos-ipsec install-provider` copies it, unchanged, into a Terraform plugin directory. Because it holds no path and
 * depends on nothing outside itself, the copy is byte-identical in every folder and on every machine for one package
 * version, and Terraform's lock-file hash of it is too.
 *
 * The bundle is carried as a string and compiled with a V8 code cache kept in the user's cache directory (see
 * {@link codeCacheLoader}): the provider starts several times per Terraform command, each time before Terraform can go on.
 *
 * Run by `npm run build` after tsc (and so by `prepack` before `npm pack` / `npm publish`). Also writes
 * dist/provider/THIRD-PARTY-NOTICES.txt: the name, version, license and license text of every npm package whose
 * code the file carries, since the file is a copy of their code.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSync, type Metafile } from 'esbuild';
import { DEFERRED_EXTRA_CA_CERTS_ENV } from '../src/panos/client/trust';

const ROOT = path.resolve(__dirname, '..');

/** The provider file inside the package (install-provider reads it from here). */
export const PROVIDER_FILE = path.join('dist', 'provider', 'terraform-provider-panosipsec.cjs');
/** The notices file next to it. */
export const NOTICES_FILE = path.join('dist', 'provider', 'THIRD-PARTY-NOTICES.txt');

/** The lowest Node.js major version the file runs on (package.json `engines`). */
const MIN_NODE_MAJOR = 20;

/**
 * The provider's GetProviderSchema answer, encoded and in base64, from the sources being bundled: the file carries it
 * so that the process Terraform starts only to fetch the schema sends it without loading the provider or protobufjs
 * (src/provider/main.ts). test/provider/bundled-schema.test.ts checks the built file's copy against the sources.
 */
export function schemaResponseBase64(): string {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { encodeSchemaResponse } = require('../src/tfplugin') as typeof import('../src/tfplugin');
  const { PanosIpsecProvider } = require('../src/provider/provider') as typeof import('../src/provider/provider');
  /* eslint-enable @typescript-eslint/no-require-imports */
  return encodeSchemaResponse(new PanosIpsecProvider().getSchema()).toString('base64');
}

/**
 * The shell command run before node starts (POSIX sh; the development launcher bin/terraform-provider-panosipsec
 * carries the same text, checked by test/provider/launcher.test.ts). It moves NODE_EXTRA_CA_CERTS to
 * {@link DEFERRED_EXTRA_CA_CERTS_ENV} so that node does not parse its root certificates at every start; the client
 * restores Node.js's trust where a connection needs it (src/panos/client/trust.ts). Left alone when NODE_OPTIONS asks
 * for OpenSSL's CA store, whose semantics the client does not rebuild.
 */
export const DEFER_EXTRA_CA_SHELL =
  `case "$NODE_OPTIONS" in *--use-openssl-ca*) ;; *) if [ -n "$NODE_EXTRA_CA_CERTS" ]; then ` +
  `export ${DEFERRED_EXTRA_CA_CERTS_ENV}="$NODE_EXTRA_CA_CERTS"; unset NODE_EXTRA_CA_CERTS; fi ;; esac`;

/**
 * Lines before the bundle: how Terraform runs it, what it is, and a clear stop on an old Node.js. The first two lines
 * are read by both sh and node: sh runs `:` (nothing) and then {@link DEFER_EXTRA_CA_SHELL}, and replaces itself with
 * node on this file; node skips the `#!` line, takes `':'` for a string and the rest of that line for a comment.
 */
function banner(version: string): string {
  return [
    '#!/bin/sh',
    `':' //; ${DEFER_EXTRA_CA_SHELL}; exec node "$0" "$@"`,
    `// cdktf-panos-ipsec.dev/panos/panosipsec ${version}: the panosipsec Terraform provider in one file, run by the node`,
    '// on PATH. Written by scripts/build-provider.ts of the cdktf-panos-ipsec npm package; the third-party code it',
    '// carries is listed with its licenses in THIRD-PARTY-NOTICES.txt next to it.',
    `if (Number(process.versions.node.split('.')[0]) < ${MIN_NODE_MAJOR}) {`,
    `  process.stderr.write('terraform-provider-panosipsec needs Node.js ${MIN_NODE_MAJOR} or later; the node on PATH is ' + process.version + '. Fix: put a newer node first on PATH.\\n');`,
    '  process.exit(1);',
    '}',
  ].join('\n');
}

/**
 * The file's body: the bundle as a string, compiled through node:vm with a V8 code cache. Compiling the bundle is the
 * largest cost of a provider start before its handshake, and Node.js 20 caches no compiled code of its own
 * (module.enableCompileCache came in 22.1). Scanning the string costs a small part of parsing it as code; with the
 * cache, V8 takes the compiled functions from it instead of parsing. The first start of a version writes a cache
 * once its modules have loaded (`started`), and the first process that Terraform configured (so it planned, applied or
 * read; src/provider/main.ts marks it) writes at its exit one that also holds what serving those calls compiled
 * (`served`, preferred when present), so later processes compile neither. They go
 * to `$XDG_CACHE_HOME/cdktf-panos-ipsec` or `~/.cache/cdktf-panos-ipsec`, a 0700 directory of 0600 files named after
 * the bundle's hash, the Node.js version, the architecture and the stage; a file another user owns is ignored, and V8
 * itself rejects a cache made from other source or by another V8 (then it is removed and written again).
 * Any failure to read or write the cache only means compiling without it. Stack traces name this file, with line
 * numbers of the bundle. Nothing of the cache is in the file, so the file stays byte-identical for one version.
 */
function codeCacheLoader(bundleText: string): string {
  const code = `(function (exports, require, module, __filename, __dirname) {${bundleText}\n})`;
  const key = createHash('sha256').update(code).digest('hex').slice(0, 16);
  return [
    '(function () {',
    "  const vm = require('node:vm'), fs = require('node:fs'), path = require('node:path'), os = require('node:os');",
    // ASCII only: Node.js reads an ASCII file without decoding UTF-8, and the string stays one byte per character.
    `  const code = ${JSON.stringify(code).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)};`,
    "  const dir = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'cdktf-panos-ipsec');",
    `  const file = (stage) => path.join(dir, 'provider-${key}-' + process.version + '-' + process.arch + '-' + stage + '.v8cache');`,
    '  let cachedData, stage;',
    "  for (const s of ['served', 'started']) {",
    '    try {',
    '      const st = fs.statSync(file(s));',
    "      if (typeof process.getuid === 'function' && st.uid !== process.getuid()) continue;",
    '      cachedData = fs.readFileSync(file(s));',
    '      stage = s;',
    '      break;',
    '    } catch {}',
    '  }',
    '  const script = new vm.Script(code, { filename: __filename, cachedData });',
    '  const save = (s) => {',
    '    try {',
    '      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });',
    "      const tmp = file(s) + '.' + process.pid;",
    '      fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });',
    '      fs.renameSync(tmp, file(s));',
    '    } catch {}',
    '  };',
    '  if (script.cachedDataRejected) {',
    '    try {',
    '      fs.unlinkSync(file(stage));',
    '    } catch {}',
    '    stage = undefined;',
    '  }',
    '  script.runInThisContext()(exports, require, module, __filename, __dirname);',
    "  if (stage === undefined) save('started');",
    "  if (stage !== 'served') process.once('exit', () => process[Symbol.for('panosipsec.configured')] && save('served'));",
    '})();',
    '',
  ].join('\n');
}

interface PackageInfo {
  readonly name: string;
  readonly version: string;
  readonly license: string;
  readonly dir: string;
}

/** The npm packages (outermost node_modules/<name> directory of each input) whose code went into the bundle. */
function bundledPackages(meta: Metafile, outfile: string): PackageInfo[] {
  const dirs = new Set<string>();
  for (const input of Object.keys(meta.outputs[outfile]?.inputs ?? {})) {
    const m = /^(.*?node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) dirs.add(m[1]);
  }
  return [...dirs]
    .map((dir) => {
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, dir, 'package.json'), 'utf8')) as { name: string; version: string; license?: string };
      return { name: pkg.name, version: pkg.version, license: pkg.license ?? 'see its package', dir: path.join(ROOT, dir) };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function noticesText(packages: readonly PackageInfo[]): string {
  const parts = [
    'The panosipsec provider file (terraform-provider-panosipsec.cjs) carries code of these npm packages, each under',
    'its own license, reproduced below as the package ships it.',
    '',
    ...packages.map((p) => `- ${p.name} ${p.version} (${p.license})`),
  ];
  for (const p of packages) {
    const file = fs.readdirSync(p.dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
    parts.push('', '='.repeat(100), `${p.name} ${p.version} (${p.license})`, '='.repeat(100));
    parts.push(file ? fs.readFileSync(path.join(p.dir, file), 'utf8').trimEnd() : `(the package ships no license file; its package.json names ${p.license})`);
  }
  return `${parts.join('\n')}\n`;
}

/** Builds the provider file and its notices under `root`; returns the provider file's absolute path. */
export function buildProviderFile(root: string = ROOT): string {
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const outfile = path.join(root, PROVIDER_FILE);
  const result = buildSync({
    absWorkingDir: root,
    entryPoints: ['src/provider/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${MIN_NODE_MAJOR}`,
    outfile,
    write: false,
    define: { PANOS_IPSEC_BUNDLED_VERSION: JSON.stringify(version), PANOS_IPSEC_BUNDLED_SCHEMA_RESPONSE: JSON.stringify(schemaResponseBase64()) },
    // Whitespace and syntax only: names stay readable in a stack trace, and the file is a third smaller.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'eof',
    metafile: true,
    logLevel: 'warning',
  });
  const bundle = result.outputFiles.find((f) => f.path === outfile);
  if (!bundle) throw new Error(`esbuild wrote no ${outfile}`);
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  fs.writeFileSync(outfile, `${banner(version)}\n${codeCacheLoader(bundle.text)}`);
  fs.chmodSync(outfile, 0o755);
  fs.writeFileSync(path.join(root, NOTICES_FILE), noticesText(bundledPackages(result.metafile, path.relative(root, outfile))));
  return outfile;
}

if (require.main === module) {
  const file = buildProviderFile();
  // stderr: `npm pack --json` runs this through prepack, and its stdout must stay the JSON document.
  process.stderr.write(`wrote ${path.relative(process.cwd(), file)} (${(fs.statSync(file).size / 1024 / 1024).toFixed(2)} MiB)\n`);
}
