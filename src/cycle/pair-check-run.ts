/**
 * What `panos-ipsec pair-check --inventory FILE` does (src/cli/pair-check-command.ts registers it): reads the running
 * configuration of every device of the inventory (one request each), pairs their gateways by mirrored addresses and
 * runs the pair rules on every pair, managed by this project or not. Exit 0 compatible, 3 not compatible, 1 error
 * (a bad inventory, a device that cannot be read). `--json` prints one document.
 */
import { PanosClient } from '../panos/client';
import { readInventory, type InventoryDevice } from './status/inventory';
import { describeError } from './status/status';
import { checkPairs } from './pair-check/pair-check';
import { PAIR_CHECK_EXIT, pairCheckDocument, pairCheckExitCode, renderPairCheckText, type PairCheckReport } from './pair-check/pair-check-render';
import { readDeviceConfiguration } from './pair-check/read-config';
import type { DeviceConfiguration } from '../rules/peer/device';
import { stdio, type Io } from './io';

/** Options of the command. */
export interface PairCheckOptions {
  inventory?: string;
  json?: boolean;
}

/** Devices that could not be read: the message names each and its fix. */
class UnreadableDevicesError extends Error {}

async function readAll(devices: readonly InventoryDevice[]): Promise<DeviceConfiguration[]> {
  const failures: string[] = [];
  const configs = await Promise.all(
    devices.map(async (d) => {
      const client = new PanosClient(d.connection);
      try {
        return await readDeviceConfiguration(client, d.name);
      } catch (err) {
        failures.push(`${d.name} (${d.address}): ${describeError(err, d)}`);
        return undefined;
      } finally {
        await client.close().catch(() => undefined);
      }
    }),
  );
  if (failures.length > 0) {
    throw new UnreadableDevicesError(
      `could not read the running configuration of ${failures.length} of ${devices.length} device(s), so no pair was judged:\n  ${failures.join('\n  ')}`,
    );
  }
  return configs as DeviceConfiguration[];
}

/** Reads the devices and checks every pair (exported for the demo and tests). */
export async function pairCheckReport(devices: readonly InventoryDevice[]): Promise<PairCheckReport> {
  const configs = await readAll(devices);
  const result = checkPairs(configs.map((configuration, i) => ({ configuration, ...(devices[i]!.natAddress ? { natAddress: devices[i]!.natAddress } : {}) })));
  return {
    devices: devices.map((d, i) => ({ name: d.name, address: d.address, gateways: configs[i]!.ikeGateways?.length ?? 0, tunnels: configs[i]!.ipsecTunnels?.length ?? 0 })),
    ...result,
  };
}

/** Runs `pair-check` and prints the report; returns the exit code. */
export async function runPairCheck(o: PairCheckOptions, env: NodeJS.ProcessEnv = process.env, io: Io = stdio): Promise<number> {
  try {
    if (o.inventory === undefined) {
      throw new Error('--inventory FILE is required: the devices to compare. Fix: pass the JSON file panos-ipsec lab prints, or one in its format ({"devices":[{"name","url","apiKeyEnv"}]}).');
    }
    const report = await pairCheckReport(readInventory(o.inventory, env));
    io.out(o.json ? `${JSON.stringify(pairCheckDocument(report), null, 2)}\n` : renderPairCheckText(report));
    return pairCheckExitCode(report);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (o.json) io.out(`${JSON.stringify({ command: 'pair-check', exitCode: PAIR_CHECK_EXIT.error, error: message }, null, 2)}\n`);
    io.err(`panos-ipsec pair-check: ${message}\n`);
    return PAIR_CHECK_EXIT.error;
  }
}
