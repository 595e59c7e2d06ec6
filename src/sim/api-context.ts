/** What the request handlers share: the device state and the identity of the caller. */
import { ConfigStore } from './config-store';
import { Counters } from './counters';
import { FaultEngine, RequestFacts } from './faults';
import { JobQueue } from './jobs';
import type { VpnNode } from './lab/fabric';
import { LockTable } from './locks';
import { SimVersion } from './sim-version';

/** Device-wide state. */
export interface DeviceState {
  readonly version: SimVersion;
  readonly store: ConfigStore;
  readonly jobs: JobQueue;
  readonly locks: LockTable;
  readonly faults: FaultEngine;
  readonly counters: Counters;
  readonly info: { readonly hostname: string; readonly model: string; readonly serial: string; readonly ipAddress: string };
  readonly startedAt: Date;
  /** The device's place in its lab: SA state, system log, negotiation after commits (src/sim/lab). */
  readonly vpn: VpnNode;
}

/** One authenticated request. */
export interface RequestContext {
  readonly device: DeviceState;
  /** The admin whose key made the request. */
  readonly user: string;
  readonly params: URLSearchParams;
  readonly facts: RequestFacts;
}

/** The vsys an xpath writes into (for vsys-scoped config locks), if any. */
export function vsysOfXpath(xpath: string): string | undefined {
  const m = /\/vsys\/entry\[@name=(['"])(.*?)\1\]/.exec(xpath);
  return m ? m[2] : undefined;
}

/** The holder of a config lock that blocks `user` writing at `xpaths` (real lock or a lock-held fault). */
export function blockingConfigLock(ctx: RequestContext, xpaths: readonly string[]): string | undefined {
  const { locks, faults } = ctx.device;
  for (const x of xpaths.length > 0 ? xpaths : ['']) {
    const holder = locks.configHolder(ctx.user, vsysOfXpath(x));
    if (holder) return holder;
  }
  const simulated = faults.take(['lock-held'], ctx.facts, { first: true, where: (f) => f.lock === 'config' })[0];
  return simulated ? simulated.owner ?? 'admin2' : undefined;
}

/** The holder of a commit lock that blocks `user` committing (real lock or a lock-held fault). */
export function blockingCommitLock(ctx: RequestContext): string | undefined {
  const holder = ctx.device.locks.commitHolder(ctx.user);
  if (holder) return holder;
  const simulated = ctx.device.faults.take(['lock-held'], ctx.facts, { first: true, where: (f) => f.lock === 'commit' })[0];
  return simulated ? simulated.owner ?? 'admin2' : undefined;
}
