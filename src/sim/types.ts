/** The simulator's public contract (others code against exactly this). */

/** Options for {@link startSimulator}. */
export interface SimulatorOptions {
  /** PAN-OS version to play: 10.2.x, 11.0.x, 11.1.x or later 11.x. @default '11.1.0' */
  panosVersion?: string;
  /** TCP port. @default 0 (a free port) */
  port?: number;
  /** Listen address. @default '127.0.0.1' */
  host?: string;
  /** Serve HTTPS with a fresh self-signed certificate (its PEM is `caCertPem`). @default false */
  tls?: boolean;
  /** username → password; the first user is "the" user. @default { admin: <random password> } */
  users?: Record<string, string>;
  /** `show system info` hostname. @default 'fw-sim-01' */
  hostname?: string;
  /** `show system info` model. @default 'PA-VM' */
  model?: string;
  /** `show system info` serial. @default '0079540000SIM01' */
  serial?: string;
  /** How long one commit job runs; progress goes 0..100 over it. @default 300 */
  commitDurationMs?: number;
  /**
   * Time the device takes over every request before it acts on it, in milliseconds: a real management plane answers
   * in 100–500 ms, and a client that makes few requests is the one that gains there. Requests in flight wait side by
   * side. Fault latencies add to it. @default 0
   */
  latencyMs?: number;
  /** Cap on request body size in bytes (HTTP 413 beyond it). @default 10 MiB */
  maxBodyBytes?: number;
  /**
   * Interface addresses of the starting configuration, replacing the defaults of the named interfaces
   * (`{ 'ethernet1/1': '198.51.100.2/30' }`). @default ethernet1/1 198.51.100.1/24, ethernet1/2 192.0.2.1/24,
   * ethernet1/3 10.1.1.1/24, ethernet1/4 10.2.2.1/24, loopback.1 192.0.2.254/32
   */
  interfaces?: Record<string, string>;
}

/** Narrows which requests a fault applies to. */
export interface FaultMatch {
  /** Request type: keygen, config, op, commit, version. */
  type?: string;
  /** Config action (`set`), op command key (`show-jobs`) or counter key (`config:set`, `op:show-jobs`, `commit`). */
  action?: string;
  /** Substring of the request's xpath (any action's xpath inside multi-config). */
  xpathIncludes?: string;
}

/** Options every fault accepts. */
export interface FaultCommon {
  match?: FaultMatch;
  /** Fire for the next N matching requests, then expire. @default unlimited */
  times?: number;
  /** Chance (0..1) that a matching request is hit. @default 1 */
  probability?: number;
  /** Seed of the fault's own random sequence (deterministic). @default 1 */
  seed?: number;
}

/** A fault to inject. */
export type Fault = FaultCommon &
  (
    | { kind: 'latency'; ms: number }
    /**
     * An HTML error page instead of the device's answer. With `after`, the device has acted on the request (applied
     * the write, queued the commit) before the page replaces its answer, as when a proxy times out.
     */
    | { kind: 'http-error'; status: 500 | 502 | 503; after?: boolean }
    /** The connection is dropped without an answer; with `after`, once the device has acted on the request. */
    | { kind: 'reset'; after?: boolean }
    | { kind: 'session-timeout' }
    /**
     * The device refuses a config write (set, edit, delete, or the matching action of a multi-config, which then
     * fails as a whole) with an error envelope, as for a value its schema rejects. Nothing is written.
     * @default code 12, lines ["<xpath's last step> is invalid"]
     */
    | { kind: 'write-error'; code?: number; lines?: string[] }
    | { kind: 'commit-fail'; lines?: string[] }
    | { kind: 'lock-held'; lock: 'config' | 'commit'; owner?: string }
  );

/** Adds and removes faults. */
export interface FaultController {
  add(f: Fault): string;
  remove(id: string): void;
  clear(): void;
  /** How many times faults fired. */
  injected(): number;
}

/** Request counters. */
export interface CounterSnapshot {
  requests: number;
  byType: Record<string, number>;
  /** Keys like 'config:get', 'config:set', 'op:show-jobs', 'commit', 'commit:partial', 'keygen', 'version'. */
  byAction: Record<string, number>;
  /** Commit jobs created. */
  commits: number;
  commitsFailed: number;
  maxInFlight: number;
  inFlight: number;
}

/** Read and reset the counters. */
export interface CounterView {
  snapshot(): CounterSnapshot;
  reset(): void;
}

/** Out-of-band configuration access for tests and demos (acts as admin "oob-admin"; not subject to locks). */
export interface ConfigView {
  /** XML of the running node(s) at xpath (whole config when omitted); '' when absent. */
  running(xpath?: string): string;
  /** XML of the candidate node(s) at xpath, without bookkeeping attributes; '' when absent. */
  candidate(xpath?: string): string;
  /** `set` into the candidate; throws with the device's error lines. */
  set(xpath: string, elementXml: string): void;
  /** `edit` in the candidate. */
  edit(xpath: string, elementXml: string): void;
  /** `delete` from the candidate (absent nodes are fine). */
  delete(xpath: string): void;
  /** Commits the whole candidate at once, validated like an API commit; rejects with the details lines. */
  commit(): Promise<void>;
  pendingChanges(): boolean;
}

/** A running simulator. */
export interface Simulator {
  /** Base URL, e.g. http://127.0.0.1:PORT (clients append /api/). */
  readonly url: string;
  /** API key of the first user, as keygen would return it. */
  readonly apiKey: string;
  readonly username: string;
  readonly password: string;
  readonly panosVersion: string;
  /** PEM of the self-signed certificate when `tls`. */
  readonly caCertPem?: string;
  readonly faults: FaultController;
  readonly counters: CounterView;
  readonly config: ConfigView;
  /** Closes the server and all sockets and cancels timers. */
  close(): Promise<void>;
}
