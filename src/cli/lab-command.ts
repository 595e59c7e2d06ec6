/** `panos-ipsec lab`: registers the command and its options; src/cycle/lab-run.ts starts the lab. */
import type { Command } from 'commander';
import { runLab, type LabCommandOptions } from '../cycle/lab-run';

/** Registers `lab` on the program. */
export function registerLabCommand(program: Command): void {
  program
    .command('lab')
    .description('start several simulated firewalls that negotiate IKE/IPSec with each other (first stdout line: JSON {"devices":[…]}, the status --inventory format)')
    .option('--devices <list>', 'name=version pairs, e.g. fw-a=11.1.0,fw-b=11.1.0', 'fw-a=11.1.0,fw-b=11.1.0')
    .option('--port <n>', 'port of the first device, the others follow (0 = any free port each)', '0')
    .option('--host <address>', 'listen address', '127.0.0.1')
    .option('--nat <names>', 'devices behind a 1:1 NAT (comma-separated), to exercise NAT traversal')
    .option('--user <name>', 'admin username on every device (with --password)')
    .option('--password <password>', 'admin password on every device (with --user)')
    .option('--commit-ms <n>', 'duration of one commit job in milliseconds', '300')
    .option('--quiet', 'do not log requests to stderr')
    .action(async (o: LabCommandOptions) => {
      const lab = await runLab(o);
      await new Promise<void>((resolve) => {
        const onSignal = (): void => {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          resolve();
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
      });
      await lab.close();
      process.stderr.write('panos-ipsec lab: stopped\n');
    });
}
