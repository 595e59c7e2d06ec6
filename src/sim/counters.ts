/** Request counters: per type and action, commit jobs, and concurrency measured while requests are handled. */
import { CounterSnapshot, CounterView } from './types';

/** The counters behind `sim.counters`. */
export class Counters implements CounterView {
  private requests = 0;
  private byType: Record<string, number> = {};
  private byAction: Record<string, number> = {};
  private commits = 0;
  private commitsFailed = 0;
  private inFlight = 0;
  private maxInFlight = 0;

  snapshot(): CounterSnapshot {
    return {
      requests: this.requests,
      byType: { ...this.byType },
      byAction: { ...this.byAction },
      commits: this.commits,
      commitsFailed: this.commitsFailed,
      maxInFlight: this.maxInFlight,
      inFlight: this.inFlight,
    };
  }

  reset(): void {
    this.requests = 0;
    this.byType = {};
    this.byAction = {};
    this.commits = 0;
    this.commitsFailed = 0;
    this.maxInFlight = this.inFlight;
  }

  /** A request arrived. */
  begin(): void {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
  }

  /** A request was answered (or its socket died). */
  end(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  /** Counts a request once its type and action are known. */
  count(type: string, key: string): void {
    this.requests += 1;
    this.byType[type] = (this.byType[type] ?? 0) + 1;
    this.byAction[key] = (this.byAction[key] ?? 0) + 1;
  }

  /** A commit job was created. */
  commitCreated(): void {
    this.commits += 1;
  }

  /** A commit job ended FAIL. */
  commitFailed(): void {
    this.commitsFailed += 1;
  }
}
