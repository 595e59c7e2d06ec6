/**
 * Peak resident memory of the provider processes Terraform starts: polls /proc for children of the terraform
 * process whose command line runs the provider, and keeps each one's VmHWM (the kernel's own high-water mark, so a
 * sample taken any time before the process exits already holds its peak up to then).
 */
import * as fs from 'node:fs';

/** A running sampler. */
export interface MemorySampler {
  /** Stops polling and returns the highest VmHWM seen in KiB (0 when no provider process was seen) and how many processes. */
  stop(): { peakKiB: number; processes: number };
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function parentOf(pid: string): number | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // The command name may hold spaces and parentheses: fields after the last ')' are fixed.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(rest[1]);
}

/**
 * Samples every `intervalMs` the children of `parentPid` whose command line contains `marker`.
 *
 * The sampler runs in the bench's own process, beside the simulator, and only while the provider side is measured, so
 * what it costs is charged to the provider: reading every process's stat file at each poll cost 53–67 ms of CPU per
 * second on a machine with 65 processes (about 15 ms this way). A process is therefore looked at once: one that is
 * not a child of `parentPid` is remembered as such (until its pid leaves /proc), and only the provider processes'
 * status files are read at each poll. A child whose command line does not hold the marker yet is looked at again:
 * right after its fork it still carries Terraform's command line.
 */
export function sampleChildMemory(parentPid: number, marker: string, intervalMs = 50): MemorySampler {
  const peaks = new Map<string, number>();
  const isProvider = new Map<string, boolean>();
  const poll = (): void => {
    let entries: string[];
    try {
      entries = fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e));
    } catch {
      return;
    }
    const present = new Set(entries);
    for (const pid of isProvider.keys()) if (!present.has(pid)) isProvider.delete(pid);
    for (const pid of entries) {
      let provider = isProvider.get(pid);
      if (provider === undefined) {
        if (parentOf(pid) !== parentPid) {
          isProvider.set(pid, false);
          continue;
        }
        const cmd = readText(`/proc/${pid}/cmdline`);
        if (!cmd || !cmd.includes(marker)) continue;
        isProvider.set(pid, (provider = true));
      }
      if (!provider) continue;
      const hwm = /VmHWM:\s+(\d+)\s+kB/.exec(readText(`/proc/${pid}/status`) ?? '');
      if (hwm) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, Number(hwm[1])));
    }
  };
  const timer = setInterval(poll, intervalMs);
  poll();
  return {
    stop: () => {
      poll();
      clearInterval(timer);
      return { peakKiB: Math.max(0, ...peaks.values()), processes: peaks.size };
    },
  };
}
