import type { Command } from 'commander';

/** Placeholder until the simulator lands (replaced by the simulator's command). */
export function registerSimCommand(program: Command): void {
  program.command('sim').description('start the embedded PAN-OS simulator').action(() => {
    throw new Error('the simulator is not built yet');
  });
}
