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

/** Samples every `intervalMs` the children of `parentPid` whose command line contains `marker`. */
export function sampleChildMemory(parentPid: number, marker: string, intervalMs = 50): MemorySampler {
  const peaks = new Map<string, number>();
  const poll = (): void => {
    let entries: string[];
    try {
      entries = fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e));
    } catch {
      return;
    }
    for (const pid of entries) {
      if (parentOf(pid) !== parentPid) continue;
      const cmd = readText(`/proc/${pid}/cmdline`);
      if (!cmd || !cmd.includes(marker)) continue;
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
