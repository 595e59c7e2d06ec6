/**
 * `npm run bench:launch`: provider start to handshake, side by side in one run: the installed provider (the single
 * file `install-provider` copies, dist/provider/terraform-provider-panosipsec.cjs), the compiled sources it is built
 * from (dist/src/provider/main.js through bin/terraform-provider-panosipsec, what installs ran before), and
 * `node -e 0`, the floor of any Node.js provider. Prints medians and ratios; RUNS sets the number of rounds.
 */
import * as path from 'node:path';
import { measureLaunches } from './support/launch-time';
import { ROOT } from './support/terraform';

async function main(): Promise<void> {
  const runs = Number(process.env.RUNS ?? 21);
  const r = await measureLaunches(
    {
      singleFile: path.join(ROOT, 'dist', 'provider', 'terraform-provider-panosipsec.cjs'),
      compiledDist: path.join(ROOT, 'bin', 'terraform-provider-panosipsec'),
    },
    runs,
  );
  const ms = (v: number): string => `${v.toFixed(0)} ms`;
  process.stdout.write(
    `provider start to handshake, medians of ${runs} interleaved starts (${new Date().toISOString().slice(0, 10)}):\n` +
      `  single file (installed)        ${ms(r.singleFile)}  ${(r.singleFile / r.nodeMs).toFixed(2)}x node -e 0\n` +
      `  compiled dist/src (before)     ${ms(r.compiledDist)}  ${(r.compiledDist / r.nodeMs).toFixed(2)}x node -e 0\n` +
      `  node -e 0                      ${ms(r.nodeMs)}\n` +
      `  single file / compiled dist:   ${(r.singleFile / r.compiledDist).toFixed(2)}x\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:launch: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
