/**
 * `panos-ipsec sim`: registers the command and its options; src/cycle/sim-run.ts starts the simulator. Runs in the
 * foreground until Ctrl-C.
 */
import type { Command } from 'commander';
import { runSim, type SimCommandOptions } from '../cycle/sim-run';

/** Registers `sim` on the program. */
export function registerSimCommand(program: Command): void {
  program
    .command('sim')
    .description('start the embedded PAN-OS XML API simulator (first stdout line: JSON with url, apiKey, username, password)')
    .option('--panos-version <version>', 'PAN-OS version to simulate (10.2.x, 11.0.x, 11.1.x)', '11.1.0')
    .option('--port <n>', 'TCP port (0 = any free port)', '0')
    .option('--host <address>', 'listen address', '127.0.0.1')
    .option('--tls', 'serve HTTPS with a self-signed certificate (its PEM is printed and written to caFile)')
    .option('--user <name>', 'admin username (with --password)')
    .option('--password <password>', 'admin password (with --user)')
    .option('--commit-ms <n>', 'duration of one commit job in milliseconds', '300')
    .option('--latency-ms <n>', 'time the device takes over every request, in milliseconds (real ones: 100-500)', '0')
    .option('--quiet', 'do not log requests to stderr')
    .action(async (o: SimCommandOptions) => {
      const { stop } = await runSim(o);
      await new Promise<void>((resolve) => {
        const onSignal = (): void => {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          resolve();
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
      });
      await stop();
      process.stderr.write('panos-ipsec sim: stopped\n');
    });
}
