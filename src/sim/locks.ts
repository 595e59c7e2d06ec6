/**
 * Config and commit locks (docs/panos/xml-api.md#config-lock). A lock belongs to the admin whose key took it. Config
 * locks have a scope (`shared` or a vsys); a shared lock guards every write, a vsys lock the writes inside that vsys.
 */
import { deviceTime } from './config-store';
import { cdata, escAttr, escText } from './xml-tree';

interface LockInfo {
  readonly owner: string;
  readonly scope: string;
  readonly comment: string;
  readonly created: Date;
  lastActivity: Date;
}

/** A refusal, carried as the text of an error envelope. */
export class LockError extends Error {}

/** The lock table. */
export class LockTable {
  private readonly config = new Map<string, LockInfo>();
  private readonly commit = new Map<string, LockInfo>();

  /** Takes a config lock for `scope`. */
  addConfig(owner: string, scope: string, comment: string): string {
    const held = this.config.get(scope);
    if (held && held.owner === owner) throw new LockError(`You already own a config lock for scope ${scope}`);
    if (held) throw new LockError(`Config for scope ${scope} is currently locked by ${held.owner}`);
    const now = new Date();
    this.config.set(scope, { owner, scope, comment, created: now, lastActivity: now });
    return `Successfully acquired lock. Other administrators will not be able to modify configuration for scope ${scope} until lock is released`;
  }

  /** Releases the caller's config lock for `scope`. */
  removeConfig(owner: string, scope: string): string {
    const held = this.config.get(scope);
    if (!held) throw new LockError(`Config is not currently locked for scope ${scope}`);
    if (held.owner !== owner) throw new LockError(`Config for scope ${scope} is currently locked by ${held.owner}`);
    this.config.delete(scope);
    return `Config lock released for scope ${scope}`;
  }

  /** Another admin's config lock covering a write in `vsys` (undefined = outside any vsys), if any. */
  configHolder(requester: string, vsys: string | undefined): string | undefined {
    for (const l of this.config.values()) {
      if (l.owner === requester) continue;
      if (l.scope === 'shared' || l.scope === vsys) return l.owner;
    }
    return undefined;
  }

  /** Takes the caller's commit lock. */
  addCommit(owner: string, comment: string): string {
    const other = [...this.commit.values()][0];
    if (other) throw new LockError(`Commit lock is already held by ${other.owner}`);
    const now = new Date();
    this.commit.set(owner, { owner, scope: 'shared', comment, created: now, lastActivity: now });
    return 'Successfully acquired commit lock';
  }

  /** Releases `admin`'s commit lock (the caller's when omitted). */
  removeCommit(admin: string): string {
    if (!this.commit.delete(admin)) throw new LockError(`Commit lock is not currently held by ${admin}`);
    return 'Commit lock released';
  }

  /** Another admin's commit lock, if any. */
  commitHolder(requester: string): string | undefined {
    return [...this.commit.values()].find((l) => l.owner !== requester)?.owner;
  }

  /** `<config-locks>` (docs/panos/xml-api.md#lock-list); `extra` are owners of simulated (fault) locks. */
  configLocksXml(extra: readonly string[]): string {
    const rows = [...this.config.values()].map((l) => this.row(l));
    for (const owner of extra) rows.push(this.row({ owner, scope: 'shared', comment: '', created: new Date(), lastActivity: new Date() }));
    return `<config-locks>${rows.join('')}</config-locks>`;
  }

  /** `<commit-locks>` (docs/panos/xml-api.md#commit-lock). */
  commitLocksXml(extra: readonly string[]): string {
    const rows = [...this.commit.values()].map((l) => this.row(l));
    for (const owner of extra) rows.push(this.row({ owner, scope: 'shared', comment: '', created: new Date(), lastActivity: new Date() }));
    return `<commit-locks>${rows.join('')}</commit-locks>`;
  }

  private row(l: LockInfo): string {
    return (
      `<entry name="${escAttr(l.owner)}"><type>${l.scope === 'shared' ? 'shared' : 'vsys'}</type><name>${escText(l.scope)}</name>` +
      `<created>${deviceTime(l.created)}</created><last-activity>${deviceTime(l.lastActivity)}</last-activity>` +
      `<loggedin>yes</loggedin><comment>${cdata(l.comment)}</comment></entry>`
    );
  }
}
