/**
 * Config and commit locks. Acquiring a lock we already hold counts as acquired and releasing a lock nobody holds
 * counts as released, so a retried run after a crash converges; a lock held by someone else is 'PANOS_LOCKED' and
 * is never force-removed.
 */
import { PanosApiError } from './errors';
import { child, childrenNamed, escapeText, textAt } from '../xml';
import { isSuccess } from './envelope';
import type { PanosClient } from './client';

/** One lock as listed by the device. */
export interface LockInfo {
  /** Admin holding the lock (the entry's `name` attribute). */
  readonly owner: string;
  /** Scope type, e.g. `shared` or `vsys`. */
  readonly type: string;
  /** Scope name, e.g. `shared` or `vsys1`. */
  readonly name: string;
  readonly comment: string;
  readonly loggedIn?: boolean;
}

const ALREADY_OWN = /You already own a (config|commit) lock|Commit lock is already held by (you|the current)/i;
/** Matches no reply: every failure is an error. */
const NEVER = /(?!)/;
const NOT_HELD = /is not currently (locked|held)|not currently locked|Commit lock is not currently held/i;

async function lockOp(client: PanosClient, cmd: string, vsys: string | undefined, benign: RegExp): Promise<void> {
  const spec = client.opSpec(cmd, { vsys, kind: 'write' });
  const { env, httpStatus } = await client.transport.send(spec);
  if (isSuccess(env)) return;
  if (env.lines.some((l) => benign.test(l))) {
    client.transport.log('debug', `lock: ${env.lines.join(' | ')}`, {});
    return;
  }
  throw client.transport.envelopeError(env, spec, httpStatus);
}

/** See {@link PanosClient.acquireConfigLock}. */
export async function acquireConfigLock(client: PanosClient, comment: string, options: { vsys?: string; exclusive?: boolean }): Promise<void> {
  const cmd = `<request><config-lock><add><comment>${escapeText(comment)}</comment></add></config-lock></request>`;
  if (!options.exclusive) return lockOp(client, cmd, options.vsys, ALREADY_OWN);
  // PAN-OS locks belong to an admin, not to a session: a second run as the same admin would "already own" the lock
  // and write alongside the first. An exclusive acquire treats a lock this caller did not just take as held.
  try {
    await lockOp(client, cmd, options.vsys, NEVER);
  } catch (err) {
    if (!(err instanceof PanosApiError) || !err.lines.some((l) => ALREADY_OWN.test(l))) throw err;
    throw new PanosApiError({
      code: 'PANOS_LOCKED',
      action: err.action,
      xpath: err.xpath,
      panosCode: err.panosCode,
      lines: [
        ...err.lines,
        'the config lock is already held by this admin, so another run (or a session of this admin) is changing the configuration',
      ],
      httpStatus: err.httpStatus,
      hint:
        'wait for the other run to finish; if none is running (a run was killed), release the lock on the device with ' +
        '<request><config-lock><remove></remove></config-lock></request> or in the web interface (Locks)',
      redactor: client.transport.redactor,
      cause: err,
    });
  }
}

/** See {@link PanosClient.releaseConfigLock}. */
export function releaseConfigLock(client: PanosClient, options: { vsys?: string }): Promise<void> {
  return lockOp(client, '<request><config-lock><remove></remove></config-lock></request>', options.vsys, NOT_HELD);
}

/** See {@link PanosClient.acquireCommitLock}. */
export function acquireCommitLock(client: PanosClient, comment: string): Promise<void> {
  const cmd = `<request><commit-lock><add><comment>${escapeText(comment)}</comment></add></commit-lock></request>`;
  return lockOp(client, cmd, undefined, ALREADY_OWN);
}

/** See {@link PanosClient.releaseCommitLock}. */
export function releaseCommitLock(client: PanosClient, options: { admin?: string }): Promise<void> {
  const admin = options.admin === undefined ? '' : `<admin>${escapeText(options.admin)}</admin>`;
  return lockOp(client, `<request><commit-lock><remove>${admin}</remove></commit-lock></request>`, undefined, NOT_HELD);
}

function parseLocks(container: ReturnType<typeof child>): LockInfo[] {
  return childrenNamed(container, 'entry').map((e) => {
    const loggedin = textAt(e, 'loggedin')?.trim().toLowerCase();
    return {
      owner: e.attrs.name ?? '',
      type: (textAt(e, 'type') ?? '').trim(),
      name: (textAt(e, 'name') ?? '').trim(),
      comment: (textAt(e, 'comment') ?? '').trim(),
      ...(loggedin === undefined ? {} : { loggedIn: loggedin === 'yes' }),
    };
  });
}

/** See {@link PanosClient.configLocks}. */
export async function configLocks(client: PanosClient, options: { vsys?: string }): Promise<LockInfo[]> {
  const vsys = escapeText(options.vsys ?? 'all');
  const result = await client.op(`<show><config-locks><vsys>${vsys}</vsys></config-locks></show>`);
  return parseLocks(child(result, 'config-locks'));
}

/** See {@link PanosClient.commitLocks}. */
export async function commitLocks(client: PanosClient): Promise<LockInfo[]> {
  const result = await client.op('<show><commit-locks></commit-locks></show>');
  return parseLocks(child(result, 'commit-locks'));
}

/** See {@link PanosClient.withConfigLock}. */
export async function withConfigLock<T>(client: PanosClient, comment: string, fn: () => Promise<T>, options: { vsys?: string }): Promise<T> {
  await acquireConfigLock(client, comment, options);
  let value: T;
  try {
    value = await fn();
  } catch (err) {
    // The work's error is the one the caller needs; a failed release is only logged.
    await releaseConfigLock(client, options).catch((releaseErr: unknown) =>
      client.transport.log('error', `releasing the config lock failed: ${(releaseErr as Error).message}`, {}),
    );
    throw err;
  }
  await releaseConfigLock(client, options);
  return value;
}
