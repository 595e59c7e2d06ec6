/**
 * One provider process's view of the device: a lazily created client, per-process caches (system info, one bulk
 * running read per object kind and per membership container, one candidate read per kind at first write), the
 * write batcher, the config lock and the registry of objects planned in this process.
 */
import { PanosClient, type ConfigOp, type SystemInfo } from '../panos/client';
import {
  descriptorFor,
  type Decoded,
  type Location,
  type ObjectKind,
  virtualRouterMembership,
  virtualRoutersXpath,
  vsysImportMembership,
  zoneMembership,
  zonesXpath,
  deviceXpath,
} from '../panos/objects';
import type { XmlElement } from '../panos/xml';
import type { Logger } from '../tfplugin';
import type { ProviderSettings } from './config';
import { WriteBatcher } from './write-batcher';
import { takeConfigLock } from './config-lock';
import { NotAttemptedError } from './not-attempted';
import type { Model } from './model-values';

/** Where tunnel interfaces are members, read once per process. */
export interface MembershipMaps {
  readonly zones: Map<string, string>;
  readonly virtualRouters: Map<string, string>;
  readonly vsysImports: Map<string, string>;
}

/** An object planned in this process (for cross-resource rules at plan). */
export interface PlannedObject {
  readonly kind: ObjectKind;
  readonly name: string;
  readonly path: string;
  /** Model with unknown values replaced by the rules' UNKNOWN marker. */
  readonly model: Model;
}

/** Raised when a resource needs the device but no hostname is configured. */
export class NotConfiguredError extends Error {}

/** Device access and caches shared by every resource call of one provider process. */
export class DeviceSession {
  private clientInstance?: PanosClient;
  private info?: Promise<SystemInfo>;
  private readonly running = new Map<ObjectKind, Promise<Decoded<{ name: string }>[]>>();
  private readonly candidate = new Map<ObjectKind, Promise<Map<string, XmlElement>>>();
  private memberships?: Promise<MembershipMaps>;
  private lockHeld = false;
  private lockPromise?: Promise<void>;
  private lockFailure?: unknown;
  private notConfigured?: NotConfiguredError;
  readonly planned = new Map<string, PlannedObject>();
  /** Rule findings already reported in this process (each is reported once). */
  readonly reportedFindings = new Set<string>();
  readonly batcher: WriteBatcher;
  /** Resource changes (create, update, delete) in progress in this process, and the most seen at once. */
  private writersInFlight = 0;
  private writersPeak = 0;

  constructor(readonly settings: ProviderSettings, readonly log: Logger) {
    this.batcher = new WriteBatcher(() => this.client(), log, () => Math.max(2, this.writersPeak));
  }

  /** The client, created on first use. */
  client(): PanosClient {
    if (!this.clientInstance) {
      if (!this.settings.client) {
        // One error object for the whole run, so it is reported in full once (see errors.ts).
        this.notConfigured ??= new NotConfiguredError(
          'No PAN-OS device is configured. Fix: set hostname (or PANOS_HOSTNAME) and api_key (or PANOS_API_KEY, or ' +
            'username and password) in the provider block.',
        );
        throw this.notConfigured;
      }
      const log = this.log;
      this.clientInstance = new PanosClient({
        ...this.settings.client,
        logger: (level, message, fields) => log[level](message, fields),
      });
    }
    return this.clientInstance;
  }

  get location(): Location {
    return this.settings.location;
  }

  /** `show system info`, once per process. */
  systemInfo(): Promise<SystemInfo> {
    if (!this.info) {
      this.info = this.client().systemInfo();
      this.info.catch(() => (this.info = undefined));
    }
    return this.info;
  }

  /** Every entry of a kind in the running config, one request per kind per process. */
  runningObjects(kind: ObjectKind): Promise<Decoded<{ name: string }>[]> {
    let p = this.running.get(kind);
    if (!p) {
      p = this.client().listObjects(descriptorFor(kind), this.location, { running: true });
      this.running.set(kind, p);
      p.catch(() => this.running.delete(kind));
    }
    return p;
  }

  /** One running entry by name. */
  async runningObject(kind: ObjectKind, name: string): Promise<Decoded<{ name: string }> | undefined> {
    return (await this.runningObjects(kind)).find((d) => d.model.name === name);
  }

  /** Candidate entries of a kind by name (the base writes merge onto), one request per kind per process. */
  candidateEntries(kind: ObjectKind): Promise<Map<string, XmlElement>> {
    let p = this.candidate.get(kind);
    if (!p) {
      p = this.client()
        .listObjects(descriptorFor(kind), this.location)
        .then((list) => new Map(list.map((d) => [d.model.name, d.raw])));
      this.candidate.set(kind, p);
      p.catch(() => this.candidate.delete(kind));
    }
    return p;
  }

  /** Zone, virtual-router and vsys-import membership of interfaces (running config), three requests per process. */
  membershipMaps(): Promise<MembershipMaps> {
    if (!this.memberships) {
      const c = this.client();
      const loc = this.location;
      this.memberships = Promise.all([
        c.show(zonesXpath(loc)),
        c.show(virtualRoutersXpath(loc)),
        c.show(`${deviceXpath(loc)}/vsys`),
      ]).then(([z, vr, vs]) => ({ zones: zoneMembership(z), virtualRouters: virtualRouterMembership(vr), vsysImports: vsysImportMembership(vs) }));
      this.memberships.catch(() => (this.memberships = undefined));
    }
    return this.memberships;
  }

  /**
   * Takes the config lock before the first write when `config_lock` is on (once per process). When it cannot be
   * taken, the write that tried reports why (with the command that releases a stale lock); every other write of
   * this run fails without trying again, pointing at that report.
   */
  async beforeWrite(): Promise<void> {
    if (!this.settings.configLock || this.lockHeld) return;
    if (this.lockFailure) throw new NotAttemptedError('taking the PAN-OS config lock', this.lockFailure);
    const first = this.lockPromise === undefined;
    this.lockPromise ??= takeConfigLock(this.client(), this.log, { vsys: this.lockVsys(), where: this.client().baseUrl })
      .then(() => {
        this.lockHeld = true;
      })
      .catch((err: unknown) => {
        this.lockFailure = err;
        throw err;
      })
      .finally(() => (this.lockPromise = undefined));
    try {
      await this.lockPromise;
    } catch (err) {
      if (first) throw err;
      throw new NotAttemptedError('taking the PAN-OS config lock', err);
    }
  }

  /** Sends config operations through the batcher (taking the lock first when configured). */
  async write(ops: readonly ConfigOp[], label: string): Promise<void> {
    if (ops.length === 0) return;
    await this.beforeWrite();
    try {
      await this.batcher.submit(ops, label);
    } catch (err) {
      await this.releaseLock();
      throw err;
    }
  }

  /** Releases the config lock if this process holds it; errors are logged, never thrown. */
  async releaseLock(): Promise<void> {
    if (!this.lockHeld || !this.clientInstance) return;
    this.lockHeld = false;
    try {
      await this.clientInstance.releaseConfigLock({ vsys: this.lockVsys() });
    } catch (err) {
      this.log.warn(`releasing the PAN-OS config lock failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Runs one resource change, counted so the write batcher learns how many arrive together. */
  async trackWriter<T>(work: () => Promise<T>): Promise<T> {
    this.writersInFlight += 1;
    this.writersPeak = Math.max(this.writersPeak, this.writersInFlight);
    try {
      return await work();
    } finally {
      this.writersInFlight -= 1;
    }
  }

  /** Forgets every cached running read (after a commit changed the running config). */
  invalidateAll(): void {
    this.running.clear();
    this.memberships = undefined;
  }

  /** Releases the lock and closes connections (StopProvider / shutdown). */
  async close(): Promise<void> {
    await this.releaseLock();
    await this.clientInstance?.close();
  }

  private lockVsys(): string | undefined {
    // A shared (device-wide) lock also guards the network objects we write.
    return undefined;
  }
}
