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
 * parallelism, 10 by default, once the apply is under way); otherwise once no write has arrived for
 * {@link BATCH_QUIET_MS}, and at the latest {@link BATCH_WINDOW_MS} after its first write.
 *
 * Up to a hundred tunnels, Terraform hands over writes in bursts of ten and batches fill. At 500 tunnels its own
 * per-resource work slows and spreads the arrivals (one recorded apply: median gap 17 ms, 90th percentile 77 ms,
 * 99th 199 ms), so with a 60 ms quiet time a third of the batches held one to three writes (457 requests for 2,500
 * writes). With 100 ms, two applies of 500 tunnels each took 325–332 requests instead of 488–499 with 60 ms (runs
 * alternated on one machine), and their write phase 84–85 s instead of 79 s: about 3% of the whole apply (200–215 s),
 * for a third fewer requests to the management plane.
 */
export const BATCH_QUIET_MS = 100;
/** Longest a write waits for others to join its batch, in ms (short against a commit's seconds). */
export const BATCH_WINDOW_MS = 400;

/** The batcher behind {@link DeviceSession.write}. */
export class WriteBatcher {
  private queue: Pending[] = [];
  private timer?: NodeJS.Timeout;
  private openedAt = 0;
  /** Multi-config requests sent (for logs and tests). */
  requests = 0;

  /**
   * @param fullBatch the batch size that sends at once: the most resource changes seen in flight together
   */
  constructor(
    private readonly client: () => PanosClient,
    private readonly log: Logger,
    private readonly fullBatch: () => number = () => Infinity,
    private readonly quietMs = BATCH_QUIET_MS,
    private readonly windowMs = BATCH_WINDOW_MS,
  ) {}

  /**
   * Queues the ops of one resource; resolves once they are written.
   * @param order place in a combined request: lower orders run first, equal orders keep their arrival order
   */
  submit(ops: readonly ConfigOp[], label: string, order = 0): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.queue.length === 0) this.openedAt = Date.now();
      this.queue.push({ ops, label, order, resolve, reject });
      clearTimeout(this.timer);
      if (this.queue.length >= this.fullBatch()) {
        void this.flush();
        return;
      }
      const wait = Math.max(0, Math.min(this.quietMs, this.openedAt + this.windowMs - Date.now()));
      this.timer = setTimeout(() => void this.flush(), wait);
    });
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    // Array.prototype.sort is stable: equal orders keep their arrival order.
    const batch = [...this.queue].sort((a, b) => a.order - b.order);
    this.queue = [];
    if (batch.length === 0) return;
    const client = this.client();
    try {
      this.requests += 1;
      await client.multiConfig(batch.flatMap((p) => p.ops.map((op) => ({ ...op, id: undefined }))));
      this.log.debug(`wrote ${batch.length} resource(s) in one multi-config request`, { resources: batch.map((p) => p.label) });
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
