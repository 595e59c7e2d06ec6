/**
 * Commit progress seen during deploy. Terraform shows a provider's stderr only with TF_LOG, which buries it in
 * noise, so the provider also appends one line per progress change to the file named by PANOS_IPSEC_PROGRESS_FILE
 * (when set), and the deploy wrapper tails that file and prints new lines as they arrive.
 *
 * File contract: UTF-8 text, one event per line, appended (never rewritten), e.g. `commit job 7: 45% (ACT)`.
 * No secrets may be written there.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
export { PROGRESS_FILE_ENV, appendProgress, formatCommitProgress } from '../util/progress-file';

/** Follows a file as it grows and hands each complete new line to `onLine`. */
export class ProgressTail {
  private offset = 0;
  private partial = '';
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly file: string,
    private readonly onLine: (line: string) => void,
    private readonly intervalMs = 200,
  ) {}

  /** Starts polling. */
  start(): this {
    this.timer = setInterval(() => this.poll(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  /** Reads what was appended since the last call. */
  poll(): void {
    if (!existsSync(this.file)) return;
    const size = statSync(this.file).size;
    if (size <= this.offset) return;
    const fd = openSync(this.file, 'r');
    try {
      const buf = Buffer.alloc(size - this.offset);
      const n = readSync(fd, buf, 0, buf.length, this.offset);
      this.offset += n;
      const text = this.partial + buf.subarray(0, n).toString('utf8');
      const lines = text.split('\n');
      this.partial = lines.pop() ?? '';
      for (const l of lines) if (l.trim() !== '') this.onLine(l);
    } finally {
      closeSync(fd);
    }
  }

  /** Stops polling after reading the rest (a last line without newline included). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.poll();
    if (this.partial.trim() !== '') this.onLine(this.partial);
    this.partial = '';
  }
}
