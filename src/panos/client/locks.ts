/**
 * Config and commit locks. Acquiring a lock we already hold counts as acquired and releasing a lock nobody holds
 * counts as released, so a retried run after a crash converges; a lock held by someone else is 'PANOS_LOCKED' and
 * is never force-removed.
 */
import { PanosApiError } from './errors';
import { child, childrenNamed, escapeText, textAt } from '../xml';
import { isSuccess } from './envelope';
import type { PanosClient } from './client';
import type { Reply, RequestSpec } from './transport';

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
const NOT_HELD = /is not currently (locked|held)|not currently locked|Commit lock is not currently held/i;

/**
 * Sends a lock command. Lock commands are replayed after a transient failure: a replayed add that finds the lock
 * already ours, or a replayed remove that finds it gone, did what was asked.
 */
async function lockOp(client: PanosClient, cmd: string, vsys: string | undefined, benign: RegExp): Promise<Reply & { spec: RequestSpec }> {
  const spec = client.opSpec(cmd, { vsys, kind: 'write' });
  const reply = await client.transport.send(spec);
  if (isSuccess(reply.env)) return { ...reply, spec };
  if (reply.env.lines.some((l) => benign.test(l))) {
    client.transport.log('debug', `lock: ${reply.env.lines.join(' | ')}`, {});
    return { ...reply, spec };
  }
  throw client.transport.envelopeError(reply.env, spec, reply.httpStatus);
}

/** The config lock is already held by the admin this client acts as (another run, or a run that was killed). */
export class ConfigLockOwnedError extends PanosApiError {
  constructor(init: ConstructorParameters<typeof PanosApiError>[0]) {
    super(init);
    this.name = 'ConfigLockOwnedError';
  }
}

/** See {@link PanosClient.acquireConfigLock}. */
export async function acquireConfigLock(client: PanosClient, comment: string, options: { vsys?: string; exclusive?: boolean }): Promise<void> {
  const cmd = `<request><config-lock><add><comment>${escapeText(comment)}</comment></add></config-lock></request>`;
  const { env, httpStatus, maybeDelivered, spec } = await lockOp(client, cmd, options.vsys, ALREADY_OWN);
  // PAN-OS locks belong to an admin, not to a session: a second run as the same admin would "already own" the lock
  // and write alongside the first. An exclusive acquire treats a lock this caller did not just take as held, unless
  // an earlier try of this very request may have taken it (its answer was lost).
  if (!options.exclusive || isSuccess(env) || maybeDelivered) return;
  throw new ConfigLockOwnedError({
    code: 'PANOS_LOCKED',
    action: spec.action,
    xpath: spec.target,
    panosCode: env.code,
    lines: [...env.lines, 'the config lock is already held by this admin: another run is changing the configuration, or a run that was stopped left it'],
    httpStatus,
    hint:
      'wait for the other run to finish; if none is running, release the lock on the device with the op command ' +
      '<request><config-lock><remove></remove></config-lock></request> (as the same admin) or in the web interface (Locks)',
    redactor: client.transport.redactor,
  });
}

/** See {@link PanosClient.releaseConfigLock}. */
export async function releaseConfigLock(client: PanosClient, options: { vsys?: string }): Promise<void> {
  await lockOp(client, '<request><config-lock><remove></remove></config-lock></request>', options.vsys, NOT_HELD);
}

/** See {@link PanosClient.acquireCommitLock}. */
export async function acquireCommitLock(client: PanosClient, comment: string): Promise<void> {
  const cmd = `<request><commit-lock><add><comment>${escapeText(comment)}</comment></add></commit-lock></request>`;
  await lockOp(client, cmd, undefined, ALREADY_OWN);
}

/** See {@link PanosClient.releaseCommitLock}. */
export async function releaseCommitLock(client: PanosClient, options: { admin?: string }): Promise<void> {
  const admin = options.admin === undefined ? '' : `<admin>${escapeText(options.admin)}</admin>`;
  await lockOp(client, `<request><commit-lock><remove>${admin}</remove></commit-lock></request>`, undefined, NOT_HELD);
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
