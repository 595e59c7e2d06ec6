/**
 * Combines config writes that arrive together (Terraform applies independent resources in parallel) into one
 * multi-config request. When a combined request fails, each submission is retried alone so every resource gets
 * its own error, and the ones that are fine are still written.
 */
import type { ConfigOp, PanosClient } from '../panos/client';
import type { Logger } from '../tfplugin';

interface Pending {
  readonly ops: readonly ConfigOp[];
  readonly label: string;
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * Writes are collected until none has arrived for {@link BATCH_QUIET_MS}, and for at most {@link BATCH_WINDOW_MS}.
 * Terraform refills its parallel slots (10 by default) as applies return, and the refills reach the provider a few
 * milliseconds apart, interleaved with their final plans; a quiet period groups them where a fixed window from the
 * first write cut batches at two or three resources.
 */
export const BATCH_QUIET_MS = 40;
/** Longest a write waits for others to join its batch, in ms (short against a commit's seconds). */
export const BATCH_WINDOW_MS = 250;

/** The batcher behind {@link DeviceSession.write}. */
export class WriteBatcher {
  private queue: Pending[] = [];
  private timer?: NodeJS.Timeout;
  private openedAt = 0;
  /** Multi-config requests sent (for logs and tests). */
  requests = 0;

  constructor(
    private readonly client: () => PanosClient,
    private readonly log: Logger,
    private readonly quietMs = BATCH_QUIET_MS,
    private readonly windowMs = BATCH_WINDOW_MS,
  ) {}

  /** Queues the ops of one resource; resolves once they are written. */
  submit(ops: readonly ConfigOp[], label: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.queue.length === 0) this.openedAt = Date.now();
      this.queue.push({ ops, label, resolve, reject });
      clearTimeout(this.timer);
      const wait = Math.max(0, Math.min(this.quietMs, this.openedAt + this.windowMs - Date.now()));
      this.timer = setTimeout(() => void this.flush(), wait);
    });
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const batch = this.queue;
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
