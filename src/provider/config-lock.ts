/**
 * The PAN-OS config lock a run takes with `config_lock = true`, signed with who and when in its comment, so that a
 * later run can tell its own stale lock (a run that was killed) from one that is still working.
 *
 * PAN-OS locks belong to an admin, not to a session: a run of the same admin gets "You already own a config lock"
 * whether the holder is alive or not. The comment decides:
 * - written by a run on this host whose process is gone: stale; taken over with a warning (released and taken again,
 *   with this run's comment);
 * - anything else (a run still alive, a run on another host, a lock a person took): not ours to remove; the run fails
 *   once, naming the holder and the exact command that releases the lock.
 */
import * as os from 'node:os';
import { ConfigLockOwnedError, PanosApiError, type PanosClient } from '../panos/client';
import type { LockInfo } from '../panos/client';
import type { Logger } from '../tfplugin';

const MARK = 'cdktf-panos-ipsec run';

/** Who holds a lock this provider took, as its comment says. */
export interface LockRun {
  readonly pid: number;
  readonly host: string;
  readonly user: string;
  readonly started: string;
}

function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

/** The comment of a lock taken by this process. */
export function lockComment(now: Date = new Date()): string {
  return `${MARK} pid=${process.pid} host=${os.hostname()} user=${osUser()} started=${now.toISOString()}`;
}

/** The run a lock comment names, or undefined for a lock this provider did not take. */
export function parseLockComment(comment: string): LockRun | undefined {
  if (!comment.startsWith(MARK)) return undefined;
  const field = (k: string): string | undefined => new RegExp(`(?:^|\\s)${k}=(\\S+)`).exec(comment)?.[1];
  const pid = Number(field('pid'));
  const host = field('host');
  if (!Number.isInteger(pid) || pid <= 0 || host === undefined) return undefined;
  return { pid, host, user: field('user') ?? 'unknown', started: field('started') ?? 'unknown' };
}

/** True when a process with this pid runs on this host (EPERM: it runs, as another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock this run may take over: taken by this provider on this host, by a process that is gone. */
export function isStale(run: LockRun, host: string = os.hostname(), isAlive: (pid: number) => boolean = alive): boolean {
  return run.host === host && run.pid !== process.pid && !isAlive(run.pid);
}

/** Where and how to release the lock by hand. */
function releaseCommand(where: string): string {
  const cmd = '<request><config-lock><remove></remove></config-lock></request>';
  return (
    `release it as the same admin, in the web interface (the lock icon, then Remove Lock) or with the XML API: ` +
    `curl -H "X-PAN-KEY: <API key>" --data-urlencode "type=op" --data-urlencode "cmd=${cmd}" ${where}/api/`
  );
}

/** Takes the config lock for this run; see the module comment for what happens when the admin already holds one. */
export async function takeConfigLock(client: PanosClient, log: Logger, options: { vsys?: string; where: string }): Promise<void> {
  const comment = lockComment();
  try {
    await client.acquireConfigLock(comment, { vsys: options.vsys, exclusive: true });
    return;
  } catch (err) {
    if (!(err instanceof ConfigLockOwnedError)) throw err;
    const held = await client.configLocks().catch(() => [] as LockInfo[]);
    const runs = held.map((l) => ({ lock: l, run: parseLockComment(l.comment) }));
    const stale = runs.find((r) => r.run !== undefined && isStale(r.run));
    if (stale?.run) {
      log.warn(
        `config lock: taking over the lock of ${stale.lock.owner} left by a run that no longer runs ` +
          `(pid ${stale.run.pid} on ${stale.run.host}, started ${stale.run.started}; it was probably killed)`,
      );
      await client.releaseConfigLock({ vsys: options.vsys });
      await client.acquireConfigLock(comment, { vsys: options.vsys, exclusive: true });
      return;
    }
    const ours = runs.find((r) => r.run !== undefined);
    const holder = ours?.run
      ? `a run of this provider (pid ${ours.run.pid} on ${ours.run.host}, user ${ours.run.user}, started ${ours.run.started}) ` +
        `holds the config lock of admin ${ours.lock.owner}${ours.run.host === os.hostname() ? ' and is still running' : ''}`
      : `this admin already holds the config lock${held[0] ? ` (comment ${JSON.stringify(held[0].comment)})` : ''}, and this provider did not take it`;
    throw new PanosApiError({
      code: 'PANOS_LOCKED',
      action: err.action,
      xpath: err.xpath,
      panosCode: err.panosCode,
      lines: [holder],
      hint: `wait for that run to finish; if none is running, ${releaseCommand(options.where)}`,
      cause: err,
    });
  }
}
