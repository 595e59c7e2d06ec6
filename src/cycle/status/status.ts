/**
 * `status` as a function: reads every device of the inventory (or the one PANOS_* names) in parallel, and with
 * `waitSeconds` polls until every tunnel is up or the time runs out, reporting progress between polls.
 */
import { PanosClient, PanosApiError, type ClientOptions } from '../../panos/client';
import type { InventoryDevice } from './inventory';
import { makeReport, type DeviceStatus, type StatusReport } from './status-model';
import { readDeviceStatus } from './status-read';

/** Options of {@link collectStatus}. */
export interface CollectOptions {
  /** Poll until all tunnels are up, for at most this many seconds. @default 0 (read once) */
  readonly waitSeconds?: number;
  /** Pause between polls. @default 2000 */
  readonly intervalMs?: number;
  /** Receives one line per poll that is not the last. */
  readonly progress?: (line: string) => void;
  /** Client settings every device shares (timeouts, retries, logger). */
  readonly client?: Partial<ClientOptions>;
}

/** The device `PANOS_*` names, as an inventory of one. */
export function singleDevice(connection: ClientOptions): InventoryDevice {
  const address = `${connection.hostname}${connection.port ? `:${connection.port}` : ''}`;
  return { name: connection.hostname, address, connection };
}

/** A device's read error with the fix (the client's own, or one naming the device and its address). */
export function describeError(err: unknown, d: InventoryDevice): string {
  const message = err instanceof Error ? err.message : String(err);
  // The client's connection and authentication errors carry their own fix already.
  if (/\bFix:/.test(message)) return message;
  if (err instanceof PanosApiError && err.code === 'PANOS_AUTH') return `${message}. Fix: check the API key or credentials given for ${d.name}.`;
  if (err instanceof PanosApiError && (err.code === 'PANOS_CONNECTION' || err.code === 'PANOS_TIMEOUT' || err.code === 'PANOS_TLS')) {
    return `${message}. Fix: check that ${d.address} is the management address of ${d.name} and reachable from here.`;
  }
  return message;
}

async function readAll(devices: readonly InventoryDevice[], clients: readonly PanosClient[]): Promise<StatusReport> {
  const results = await Promise.all(
    devices.map(async (d, i): Promise<DeviceStatus> => {
      try {
        const s = await readDeviceStatus(clients[i], d.name, d.address);
        return d.natAddress ? { ...s, natAddress: d.natAddress } : s;
      } catch (err) {
        return { name: d.name, address: d.address, tunnels: [], error: describeError(err, d) };
      }
    }),
  );
  return makeReport(results);
}

function progressLine(r: StatusReport, remainingSec: number): string {
  const down = r.devices.flatMap((d) => [
    ...(d.error !== undefined ? [`${d.name}: unreachable`] : []),
    ...d.tunnels.filter((t) => !t.up).map((t) => `${d.name}/${t.tunnel}`),
  ]);
  const shown = down.slice(0, 5).join(', ') + (down.length > 5 ? `, +${down.length - 5} more` : '');
  return `waiting: ${r.counts.up}/${r.counts.tunnels} tunnel(s) up; not yet: ${shown}; ${remainingSec}s left`;
}

/** Reads every device (polling with `waitSeconds`) and returns the last report. Never throws for a device's error. */
export async function collectStatus(devices: readonly InventoryDevice[], o: CollectOptions = {}): Promise<StatusReport> {
  const clients = devices.map((d) => new PanosClient({ ...o.client, ...d.connection }));
  const deadline = Date.now() + Math.max(0, o.waitSeconds ?? 0) * 1000;
  try {
    for (;;) {
      const report = await readAll(devices, clients);
      const done = report.counts.errors === 0 && report.counts.down === 0;
      const left = deadline - Date.now();
      if (done || left <= 0) return report;
      o.progress?.(progressLine(report, Math.ceil(left / 1000)));
      await new Promise((resolve) => setTimeout(resolve, Math.min(o.intervalMs ?? 2000, left)));
    }
  } finally {
    await Promise.all(clients.map((c) => c.close()));
  }
}
