/**
 * Combines config writes that arrive together (Terraform applies independent resources in parallel) into one
 * multi-config request, in an order that keeps references resolvable: each submission carries an `order`, and a
 * combined request runs lower orders first (the provider gives writes of referenced kinds lower orders than writes
 * of the kinds that refer to them, and deletes the reverse). When a combined request fails, each submission is
 * retried alone, in the same order, so every resource gets its own error, and the ones that are fine are still
 * written.
 */
import type { ConfigOp, PanosClient } from '../panos/client';
import type { Logger } from '../tfplugin';

interface Pending {
  readonly ops: readonly ConfigOp[];
  readonly label: string;
  readonly order: number;
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * A batch goes out as soon as it holds as many writes as this process has seen in flight at once (Terraform's
 * parallelism, 10 by default, once the apply is under way). It goes out early, {@link BATCH_GRACE_MS} after the
 * moment, when it holds at least half that many and nothing in flight can still add to it: every resource change
 * Terraform has handed over to this process is queued here, being written, or waiting in the candidate view for a
 * write of this process, and none that Terraform has planned here is still on its way to its apply (in the apply's
 * process Terraform plans each resource again right before applying it). Otherwise it goes out once no write has
 * arrived for {@link BATCH_QUIET_MS}, and at the latest {@link BATCH_WINDOW_MS} after its first write.
 *
 * Up to a hundred tunnels, Terraform hands over writes in bursts of ten and batches fill. At 500 tunnels its own
 * per-resource work slows and spreads the arrivals (one recorded apply: median gap 17 ms, 90th percentile 77 ms,
 * 99th 199 ms), so with a 60 ms quiet time a third of the batches held one to three writes (457 requests for 2,500
 * writes). With 100 ms, two applies of 500 tunnels each took 325–332 requests instead of 488–499 with 60 ms (runs
 * alternated on one machine), and their write phase 84–85 s instead of 79 s: about 3% of the whole apply (200–215 s),
 * for a third fewer requests to the management plane.
 *
 * The early send is for the end of a dependency level in a small apply: its last writes wait for writes that cannot
 * come, since Terraform starts their dependents only once their applies return. Measured 2026-12-03 (apply of 10
 * tunnels, TF_LOG_PROVIDER=debug, the rule on and off in one build): the one batch per apply that waited the quiet
 * time (8 writes, held 109–188 ms) went out 40–56 ms after its first write, with 6 requests as before; against main,
 * runs alternated, the apply took 3.02 s instead of 3.42 s (medians of 5). Each part of the rule is there because runs
 * without it made many more write requests: without counting planned changes as coming, 15–22 at 10 tunnels instead
 * of 6 (Terraform's next calls were between their plan and their apply); without the half-batch floor, 170–185 at 100
 * tunnels instead of 52–73, and 619 at 250 instead of 155–256: at that size Terraform's own per-resource work, not the
 * end of a level, is what leaves few changes in flight. With the floor, a grace of 5 ms still made 244 requests at 250
 * tunnels (171 without the rule in the run beside it); {@link BATCH_GRACE_MS} is why 30 ms.
 */
export const BATCH_QUIET_MS = 100;
/** Longest a write waits for others to join its batch, in ms (short against a commit's seconds). */
export const BATCH_WINDOW_MS = 400;
/**
 * How long a batch waits, once nothing in flight can still add to it, for calls Terraform is about to send, in ms.
 * At 250 tunnels, arrivals that no count here foresees come often within a few tens of ms (Terraform's work for the
 * next resource before it plans it): with 5 ms the early rule made 244 write requests, with 30 ms 211 and 251
 * (without the rule 155–256 in four runs, 256 in the run beside the 251); at 10 tunnels the batch at the end of a
 * level went out 32–35 ms after its first write with 5 ms, 40–56 ms with 30 ms.
 */
export const BATCH_GRACE_MS = 30;

/** When a batch goes out (see {@link BATCH_QUIET_MS}). */
export interface BatchRules {
  /** The batch size that sends at once: the most resource changes seen in flight together. */
  readonly fullBatch?: () => number;
  /**
   * True when no resource change in flight in this process can still submit a write: each one is held here
   * ({@link WriteBatcher.holding}) or waits for another write of this process. Call {@link WriteBatcher.nudge} when
   * it may have become true other than by a submission.
   */
  readonly settled?: () => boolean;
  readonly quietMs?: number;
  readonly windowMs?: number;
  readonly graceMs?: number;
}

/** The batcher behind {@link DeviceSession.write}. */
export class WriteBatcher {
  private queue: Pending[] = [];
  private timer?: NodeJS.Timeout;
  private graceTimer?: NodeJS.Timeout;
  private openedAt = 0;
  private held = 0;
  /** Multi-config requests sent (for logs and tests). */
  requests = 0;
  private readonly fullBatch: () => number;
  private readonly settled: () => boolean;
  private readonly quietMs: number;
  private readonly windowMs: number;
  private readonly graceMs: number;

  constructor(
    private readonly client: () => PanosClient,
    private readonly log: Logger,
    rules: BatchRules = {},
  ) {
    this.fullBatch = rules.fullBatch ?? (() => Infinity);
    this.settled = rules.settled ?? (() => false);
    this.quietMs = rules.quietMs ?? BATCH_QUIET_MS;
    this.windowMs = rules.windowMs ?? BATCH_WINDOW_MS;
    this.graceMs = rules.graceMs ?? BATCH_GRACE_MS;
  }

  /** Submissions not yet written or failed: queued, or in the request under way. */
  get holding(): number {
    return this.held;
  }

  /**
   * Queues the ops of one resource; resolves once they are written.
   * @param order place in a combined request: lower orders run first, equal orders keep their arrival order
   */
  submit(ops: readonly ConfigOp[], label: string, order = 0): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.queue.length === 0) this.openedAt = Date.now();
      this.held += 1;
      this.queue.push({
        ops,
        label,
        order,
        resolve: () => {
          this.held -= 1;
          resolve();
        },
        reject: (err) => {
          this.held -= 1;
          reject(err);
        },
      });
      clearTimeout(this.timer);
      if (this.queue.length >= this.fullBatch()) {
        void this.flush();
        return;
      }
      const wait = Math.max(0, Math.min(this.quietMs, this.openedAt + this.windowMs - Date.now()));
      this.timer = setTimeout(() => void this.flush(), wait);
      this.nudge();
    });
  }

  /**
   * Sends the open batch {@link BATCH_GRACE_MS} from now when nothing in flight can still submit (see
   * {@link BatchRules.settled}), unless a change that arrives meanwhile is still on its way then.
   */
  nudge(): void {
    if (this.graceTimer !== undefined || !this.mayGoEarly()) return;
    this.graceTimer = setTimeout(() => {
      this.graceTimer = undefined;
      if (this.mayGoEarly()) void this.flush();
    }, this.graceMs);
  }

  /** Nothing in flight can still submit, and the batch holds at least half a full batch (see {@link BATCH_QUIET_MS}). */
  private mayGoEarly(): boolean {
    return this.queue.length > 0 && this.queue.length * 2 >= this.fullBatch() && this.settled();
  }

  private async flush(): Promise<void> {
    clearTimeout(this.timer);
    clearTimeout(this.graceTimer);
    this.timer = undefined;
    this.graceTimer = undefined;
    const heldMs = Date.now() - this.openedAt;
    // Array.prototype.sort is stable: equal orders keep their arrival order.
    const batch = [...this.queue].sort((a, b) => a.order - b.order);
    this.queue = [];
    if (batch.length === 0) return;
    const client = this.client();
    try {
      this.requests += 1;
      await client.multiConfig(batch.flatMap((p) => p.ops.map((op) => ({ ...op, id: undefined }))));
      this.log.debug(`wrote ${batch.length} resource(s) in one multi-config request`, { resources: batch.map((p) => p.label), heldMs });
      for (const p of batch) p.resolve();
    } catch (err) {
      if (batch.length === 1) {
        batch[0].reject(err);
        return;
      }
      this.log.warn(`combined write of ${batch.length} resources failed; writing each alone to find the failing one`);
      for (const p of batch) {
        try {
          this.requests += 1;
          await client.multiConfig(p.ops);
          p.resolve();
        } catch (e) {
          p.reject(e);
        }
      }
    }
  }
}
