/**
 * The candidate configuration of the managed object kinds as one provider process knows it: one bulk read per kind
 * (at first use), then kept current with the process's own writes and deletes, with an index of who refers to whom.
 * Reads, imports, plan-time checks and apply all see this one view, so what a plan shows is what the next commit makes
 * running.
 *
 * Terraform runs the plan and the apply of one command in separate provider processes, and the apply's view is read
 * afresh on purpose, not handed over from the plan: a create must not land on a name taken since the plan
 * (resources/takeover.ts), and an edit must keep the unmanaged XML of the entry as the device holds it when it is
 * written (resources/object-apply.ts). The device may have changed in between (a saved plan can be applied hours later).
 */
import { descriptorFor, type Decoded, type ObjectKind } from '../panos/objects';
import type { XmlElement } from '../panos/xml';
import type { Model } from './model-values';
import { ReferenceIndex, objectKey, referencesOf } from './references';

/** A decoded candidate entry. */
export type CandidateEntry = Decoded<{ name: string }> & {
  /**
   * The admin whose uncommitted change created or last changed the entry itself (PAN-OS marks changed candidate nodes
   * with `admin`, `dirtyId` and `time`); undefined when the entry holds no uncommitted change of its own.
   */
  readonly changedBy?: string;
};

interface Waiter {
  readonly test: () => boolean;
  readonly done: (met: boolean) => void;
  /** Another write or delete of this process finished: the idle time starts again. */
  readonly progress: () => void;
}

/** See the file comment. */
export class CandidateView {
  private readonly reads = new Map<ObjectKind, Promise<Map<string, CandidateEntry>>>();
  private readonly loaded = new Map<ObjectKind, Map<string, CandidateEntry>>();
  private waiters: Waiter[] = [];
  /** `kind:name` of entries this process wrote: the view holds them as sent, the device may have transformed them. */
  private readonly writtenHere = new Set<string>();
  /** Who refers to whom among the loaded entries. */
  readonly references = new ReferenceIndex();

  /**
   * @param list one bulk read of the candidate entries of some kinds (those {@link readTogether} groups), by kind
   * @param one a read of one candidate entry
   * @param readTogether the kinds one bulk read brings along with `kind` (`kind` included)
   * @param onWait called when a caller of {@link until} starts waiting (the write batcher may send what it holds)
   */
  constructor(
    private readonly list: (kinds: readonly ObjectKind[]) => Promise<ReadonlyMap<ObjectKind, readonly CandidateEntry[]>>,
    private readonly one: (kind: ObjectKind, name: string) => Promise<CandidateEntry | undefined>,
    private readonly readTogether: (kind: ObjectKind) => readonly ObjectKind[] = (kind) => [kind],
    private readonly onWait: () => void = () => undefined,
  ) {}

  /** Callers of {@link until} waiting now: each holds until a write or delete of this process, or its timeout. */
  get waiting(): number {
    return this.waiters.length;
  }

  /**
   * The entries of a kind by name, read once per process (a failed read is retried on the next call). The kinds read
   * along with it are registered at the same moment, so a write of this process can never fall between the read and
   * the view of another kind of the same read.
   */
  entries(kind: ObjectKind): Promise<Map<string, CandidateEntry>> {
    const known = this.reads.get(kind);
    if (known) return known;
    const group = [kind, ...this.readTogether(kind).filter((k) => k !== kind && !this.reads.has(k))];
    const read = this.list(group);
    for (const k of group) {
      const p = read.then((byKind) => {
        const list = byKind.get(k) ?? [];
        const map = new Map(list.map((d) => [d.model.name, d]));
        this.loaded.set(k, map);
        for (const d of list) this.references.set(objectKey(k, d.model.name), referencesOf(k, d.model as Model));
        return map;
      });
      this.reads.set(k, p);
      p.catch(() => this.reads.delete(k));
    }
    return this.reads.get(kind) as Promise<Map<string, CandidateEntry>>;
  }

  /** True when the kind's entries have been asked for in this process (read or being read). */
  requested(kind: ObjectKind): boolean {
    return this.reads.has(kind);
  }

  /** One entry, or undefined. */
  async entry(kind: ObjectKind, name: string): Promise<CandidateEntry | undefined> {
    return (await this.entries(kind)).get(name);
  }

  /**
   * One entry as the device holds it, for reads and imports: from the bulk read, or read again when this process
   * wrote it (the device stores a pre-shared key encrypted, the view holds what was sent).
   */
  async deviceEntry(kind: ObjectKind, name: string): Promise<CandidateEntry | undefined> {
    return this.writtenHere.has(objectKey(kind, name)) ? this.one(kind, name) : this.entry(kind, name);
  }

  /** True when the entry is known to be in the candidate (false also when the kind is not read yet). */
  has(kind: ObjectKind, name: string): boolean {
    return this.loaded.get(kind)?.has(name) ?? false;
  }

  /** Records an entry this process wrote (the element as sent). */
  noteWritten(kind: ObjectKind, name: string, element: XmlElement): void {
    const decoded = descriptorFor(kind).decode(element) as CandidateEntry;
    this.loaded.get(kind)?.set(name, decoded);
    this.writtenHere.add(objectKey(kind, name));
    this.references.set(objectKey(kind, name), referencesOf(kind, decoded.model as Model));
    this.changed();
  }

  /** Records an entry this process deleted. */
  noteDeleted(kind: ObjectKind, name: string): void {
    this.loaded.get(kind)?.delete(name);
    this.writtenHere.delete(objectKey(kind, name));
    this.references.remove(objectKey(kind, name));
    this.changed();
  }

  /** Keys (`kind:name`) of the loaded entries that refer to an object. */
  referrers(kind: ObjectKind, name: string): ReadonlySet<string> {
    return this.references.referrers(objectKey(kind, name));
  }

  /**
   * Resolves true once `test` holds, re-tested after each write or delete of this process, or false once `idleMs`
   * pass without one (nothing this process does can make it hold then) or `maxMs` pass in all. Bounded on purpose:
   * every waiting apply holds one of Terraform's parallelism slots, so a wait for applies that cannot start must end.
   */
  until(test: () => boolean, idleMs: number, maxMs: number): Promise<boolean> {
    if (test()) return Promise.resolve(true);
    return new Promise((resolve) => {
      let idle: NodeJS.Timeout | undefined;
      const finish = (met: boolean): void => {
        clearTimeout(idle);
        clearTimeout(cap);
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(met);
      };
      const cap = setTimeout(() => finish(false), maxMs);
      const waiter: Waiter = {
        test,
        done: finish,
        progress: () => {
          clearTimeout(idle);
          idle = setTimeout(() => finish(false), idleMs);
        },
      };
      waiter.progress();
      this.waiters.push(waiter);
      this.onWait();
    });
  }

  private changed(): void {
    for (const w of [...this.waiters]) {
      if (w.test()) w.done(true);
      else w.progress();
    }
  }
}
