/**
 * One provider process's view of the device: a lazily created client, per-process caches (system info, the candidate
 * view with one bulk read per object kind, one read per membership container, one running read per kind for the
 * downgrade check), the write batcher, the config lock, the registry of objects planned in this process and the
 * objects it has written.
 */
import { PanosClient, stripBookkeeping, type ConfigOp, type SystemInfo } from '../panos/client';
import {
  ALL_DESCRIPTORS,
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
import { child, childrenNamed } from '../panos/xml';
import type { Logger } from '../tfplugin';
import { CandidateView, type CandidateEntry } from './candidate-view';
import type { ProviderSettings } from './config';
import { WriteBatcher } from './write-batcher';
import { takeConfigLock } from './config-lock';
import { NotAttemptedError } from './not-attempted';
import type { Model } from './model-values';
import type { Acknowledgement } from '../rules';
import { ReferenceIndex, objectKey, referencesOf } from './references';

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

/** An object this process created or updated. */
export interface WrittenObject {
  readonly kind: ObjectKind;
  readonly name: string;
}

/**
 * Nodes read whole when several managed kinds are asked for, relative to the device (or template) node: the IKE node
 * holds the IKE and IPSec crypto profiles and the IKE gateways and nothing large besides (GlobalProtect app crypto
 * profiles), so one `get` of it brings three kinds in one request (docs/panos/xml-api.md#get-subtree).
 */
const SHARED_READ_NODES = ['network/ike'] as const;

/** Every managed object kind. */
const MANAGED_KINDS = ALL_DESCRIPTORS.map((d) => d.kind);

/** The shared node (absolute xpath) `kind`'s container lies under, if any. */
function sharedNodeOf(loc: Location, kind: ObjectKind): string | undefined {
  const container = descriptorFor(kind).containerXpath(loc);
  return SHARED_READ_NODES.map((n) => `${deviceXpath(loc)}/${n}`).find((n) => container.startsWith(`${n}/`));
}

/** Raised when a resource needs the device but no hostname is configured. */
export class NotConfiguredError extends Error {}

/** Device access and caches shared by every resource call of one provider process. */
export class DeviceSession {
  private clientInstance?: PanosClient;
  private info?: Promise<SystemInfo>;
  private readonly running = new Map<ObjectKind, Promise<Decoded<{ name: string }>[]>>();
  private memberships?: Promise<MembershipMaps>;
  private lockHeld = false;
  private lockPromise?: Promise<void>;
  private lockFailure?: unknown;
  private notConfigured?: NotConfiguredError;
  /** The candidate configuration as this process knows it (reads, imports, plan-time checks and writes use it). */
  readonly candidate: CandidateView;
  /** Objects planned for a create or update in this process, by `kind:name`; use {@link addPlanned} to add. */
  readonly planned = new Map<string, PlannedObject>();
  /** Who refers to whom among {@link planned}. */
  readonly plannedReferences = new ReferenceIndex();
  /** The kinds that objects planned in this process refer to (kept as they are planned). */
  readonly plannedReferencedKinds = new Set<ObjectKind>();
  /** `kind:name` of objects planned for deletion in this process. */
  readonly plannedDeletes = new Set<string>();
  /** Objects created or updated by this process, by `kind:name` (their references are checked before a commit). */
  readonly written = new Map<string, WrittenObject>();
  /** `kind:name` of creates under way or done in this process: a second create of the same name is refused. */
  readonly creating = new Set<string>();
  /** Rule findings already reported in this process (each is reported once). */
  readonly reportedFindings = new Set<string>();
  /**
   * The valid `acknowledged_rules` of every object resource planned in this process (whether it writes or not), by
   * `kind:name`, each with the object's address as its path: the plan-time rules apply them as synth does.
   */
  readonly acknowledgements = new Map<string, readonly Acknowledgement[]>();
  readonly batcher: WriteBatcher;
  /**
   * Creates and updates Terraform has planned in this process and not yet handed over for apply, by
   * `type_name:name`: in the apply's process each one's apply follows within milliseconds (see {@link announceChange}).
   */
  private readonly announced = new Set<string>();
  /** Resource changes (create, update, delete) in progress in this process, and the most seen at once. */
  private writersInFlight = 0;
  private writersPeak = 0;

  constructor(readonly settings: ProviderSettings, readonly log: Logger) {
    this.batcher = new WriteBatcher(() => this.client(), log, {
      fullBatch: () => Math.max(2, this.writersPeak),
      // Every change in flight is held by the batcher or waits in the view for a write of this process, and no change
      // Terraform has planned here is still on its way to its apply: none can submit before this batch is written,
      // and Terraform starts the ones that depend on them only after.
      settled: () => {
        const coming = this.writersInFlight + this.announced.size;
        return coming > 0 && this.batcher.holding + this.candidate.waiting >= coming;
      },
    });
    this.candidate = new CandidateView(
      (kinds) => this.readCandidate(kinds),
      (kind, name) => this.client().getObject(descriptorFor(kind), this.location, name),
      (kind) => this.readTogether(kind),
      () => this.batcher.nudge(),
    );
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

  /** Every entry of a kind in the running config, one request per kind per process (what the device runs now). */
  runningObjects(kind: ObjectKind): Promise<Decoded<{ name: string }>[]> {
    let p = this.running.get(kind);
    if (!p) {
      p = this.client().listObjects(descriptorFor(kind), this.location, { running: true });
      this.running.set(kind, p);
      p.catch(() => this.running.delete(kind));
    }
    return p;
  }

  /**
   * The managed kinds whose containers lie under the same shared node as `kind`'s ({@link SHARED_READ_NODES}), `kind`
   * first; just `kind` when its container is under none.
   */
  private readTogether(kind: ObjectKind): ObjectKind[] {
    const node = sharedNodeOf(this.location, kind);
    if (node === undefined) return [kind];
    return [kind, ...MANAGED_KINDS.filter((k) => k !== kind && sharedNodeOf(this.location, k) === node)];
  }

  /**
   * One bulk `get` of the kinds' candidate entries, decoded, each with the admin of its own uncommitted change: one
   * request for a kind alone, or one request of the shared node that holds all of `kinds` (see {@link readTogether}).
   */
  private async readCandidate(kinds: readonly ObjectKind[]): Promise<Map<ObjectKind, CandidateEntry[]>> {
    const loc = this.location;
    const node = kinds.length > 1 ? sharedNodeOf(loc, kinds[0]) : undefined;
    const top = await this.client().get(node ?? descriptorFor(kinds[0]).containerXpath(loc));
    const out = new Map<ObjectKind, CandidateEntry[]>();
    for (const kind of kinds) {
      const desc = descriptorFor(kind);
      let container = top;
      if (node !== undefined) {
        for (const step of desc.containerXpath(loc).slice(node.length + 1).split('/')) container = container && child(container, step);
      }
      out.set(kind, childrenNamed(container, 'entry').map((e) => ({ ...desc.decode(stripBookkeeping(e)), changedBy: e.attrs.admin })));
    }
    return out;
  }

  /** Records an object planned for a create or update (replacing an earlier plan of the same object). */
  addPlanned(o: PlannedObject): void {
    const key = objectKey(o.kind, o.name);
    this.planned.set(key, o);
    const refs = referencesOf(o.kind, o.model);
    this.plannedReferences.set(key, refs);
    for (const r of refs) this.plannedReferencedKinds.add(r.kind);
  }

  /**
   * Forgets the membership maps once this process has changed a membership, so a later read in the same process (a
   * refresh after an apply, the plan-time rules) reads the device again instead of the maps from before the write.
   */
  forgetMemberships(): void {
    this.memberships = undefined;
  }

  /** Zone, virtual-router and vsys-import membership of interfaces (candidate config), three requests per process. */
  membershipMaps(): Promise<MembershipMaps> {
    if (!this.memberships) {
      const c = this.client();
      const loc = this.location;
      this.memberships = Promise.all([
        c.get(zonesXpath(loc)),
        c.get(virtualRoutersXpath(loc)),
        c.get(`${deviceXpath(loc)}/vsys`),
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
    // A device-wide (no vsys) lock: the network objects written here live under the device, not a vsys.
    this.lockPromise ??= takeConfigLock(this.client(), this.log, { where: this.client().baseUrl })
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

  /**
   * Sends config operations through the batcher (taking the lock first when configured).
   * @param order place inside a combined request: lower goes first (see {@link WriteBatcher.submit})
   */
  async write(ops: readonly ConfigOp[], label: string, order = 0): Promise<void> {
    if (ops.length === 0) return;
    await this.beforeWrite();
    try {
      await this.batcher.submit(ops, label, order);
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
      await this.clientInstance.releaseConfigLock();
    } catch (err) {
      this.log.warn(`releasing the PAN-OS config lock failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /**
   * Records a create or update Terraform has just planned. In the apply's process Terraform plans each resource
   * again right before it applies it, in the same one of its parallel slots, so the write batcher counts the change
   * as coming until its apply arrives ({@link trackWriter}). In a process that only plans, nothing is written and
   * the record is never used; a planned change whose apply never comes only makes batches wait their quiet time.
   */
  announceChange(key: string): void {
    this.announced.add(key);
  }

  /**
   * Runs one resource change, counted so the write batcher learns how many arrive together and when none of them
   * can still submit.
   * @param key the change's key as given to {@link announceChange} (undefined for a delete, which is not planned again)
   */
  async trackWriter<T>(key: string | undefined, work: () => Promise<T>): Promise<T> {
    if (key !== undefined) this.announced.delete(key);
    this.writersInFlight += 1;
    this.writersPeak = Math.max(this.writersPeak, this.writersInFlight);
    try {
      return await work();
    } finally {
      this.writersInFlight -= 1;
      this.batcher.nudge();
    }
  }

  /** Forgets every cached running read (after a commit changed the running config). */
  invalidateAll(): void {
    this.running.clear();
  }

  /** Releases the lock and closes connections (StopProvider / shutdown). */
  async close(): Promise<void> {
    await this.releaseLock();
    await this.clientInstance?.close();
  }
}
