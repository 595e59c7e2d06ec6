/**
 * `npm run demo`: the whole cycle against the embedded PAN-OS simulator (see src/cycle/demo.ts). Exits 0 only when
 * every step gave its expected exit code and destroy left the device's running config as it was.
 * Usage: npm run demo [-- --app <cdktf app dir> --stack <stack>]
 */
import { runDemo } from '../src/cycle/demo';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

runDemo({ appDir: argValue('--app'), stack: argValue('--stack') })
  .then((r) => {
    process.exitCode = r.ok ? 0 : 1;
  })
  .catch((err: unknown) => {
    process.stderr.write(`demo: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
