/**
 * Client options and their defaults. Every timeout, limit and retry knob has an explicit default here, so a
 * reader of an error ("no complete answer within 60 s") can find where the number came from.
 */

/** How the management web server is reached: https, or http (the simulator only). The first is the default. */
export const PROTOCOLS = ['https', 'http'] as const;
/** One of {@link PROTOCOLS}. */
export type Protocol = (typeof PROTOCOLS)[number];
/** The port of each protocol when none is given. */
export const DEFAULT_PORTS: Readonly<Record<Protocol, number>> = { https: 443, http: 80 };

/** Whether a string is one of {@link PROTOCOLS}. */
export function isProtocol(value: unknown): value is Protocol {
  return (PROTOCOLS as readonly unknown[]).includes(value);
}

/** Log levels the client uses. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Receives the client's log lines. Messages and string fields are already redacted. */
export type Logger = (level: LogLevel, message: string, fields: Record<string, unknown>) => void;

/** Options of {@link PanosClient}. */
export interface ClientOptions {
  /** Management address of the firewall or Panorama (name or IP). */
  readonly hostname: string;
  /** @default 443 for https, 80 for http ({@link DEFAULT_PORTS}) */
  readonly port?: number;
  /** @default 'https' (the first of {@link PROTOCOLS}) */
  readonly protocol?: Protocol;
  /** API key. Either this or username + password. */
  readonly apiKey?: string;
  /** With `password`: the client generates a key on first use and again once when the device rejects it. */
  readonly username?: string;
  readonly password?: string;
  /**
   * Verify the device's TLS certificate.
   * @default true. `false` must be set explicitly and logs a warning once.
   */
  readonly verifyTls?: boolean;
  /** PEM file of the CA (or the self-signed certificate) that signed the device's certificate. */
  readonly caFile?: string;
  readonly timeouts?: {
    /** TCP + TLS connect. @default 10000 */
    readonly connectMs?: number;
    /**
     * Overall deadline of one request: every try, the whole answer and the waits between tries. A device that sends
     * headers and then a byte now and then never trips an idle timeout; it trips this one.
     * @default 60000
     */
    readonly requestMs?: number;
    /** From request sent to response headers. @default the request deadline */
    readonly headersMs?: number;
    /** Idle time between body chunks. @default the request deadline */
    readonly bodyMs?: number;
  };
  /** Requests in flight at once; the rest queue. Palo Alto advises at most 5. @default 5 */
  readonly maxInFlight?: number;
  readonly retries?: {
    /** Total tries of a retryable request (1 = no retry), within the request deadline. @default 4 */
    readonly attempts?: number;
    /** First backoff; doubles per try, with full jitter. @default 250 */
    readonly baseDelayMs?: number;
    /** Backoff cap. @default 5000 */
    readonly maxDelayMs?: number;
  };
  /** Largest response body accepted; larger ones are aborted while streaming. @default 67108864 (64 MiB) */
  readonly maxResponseBytes?: number;
  readonly logger?: Logger;
  /** @default 'cdktf-panos-ipsec' */
  readonly userAgent?: string;
  /**
   * How the caller's users spell the settings that fix a connection problem, used in every hint (the provider passes
   * its HCL attribute names, the command line its PANOS_* variables). @default the option names of this client
   */
  readonly settingNames?: Partial<SettingNames>;
}

/** The settings a connection error's fix may name, in the vocabulary of whoever configured the client. */
export interface SettingNames {
  readonly hostname: string;
  readonly port: string;
  readonly protocol: string;
  readonly caFile: string;
  /** How to turn certificate verification off, e.g. `verifyTls: false`. */
  readonly skipVerify: string;
  readonly requestTimeout: string;
  readonly connectTimeout: string;
  /** Where the API key or the username and password are set. */
  readonly credentials: string;
}

/** The client's own option names. */
export const CLIENT_SETTING_NAMES: SettingNames = {
  hostname: 'hostname',
  port: 'port',
  protocol: 'protocol',
  caFile: 'caFile',
  skipVerify: 'verifyTls: false',
  requestTimeout: 'timeouts.requestMs',
  connectTimeout: 'timeouts.connectMs',
  credentials: 'apiKey, or username and password',
};

/** Options with every default applied. */
export interface ResolvedOptions {
  readonly hostname: string;
  readonly port: number;
  readonly protocol: Protocol;
  readonly apiKey?: string;
  readonly username?: string;
  readonly password?: string;
  readonly verifyTls: boolean;
  readonly caFile?: string;
  readonly connectMs: number;
  readonly requestMs: number;
  readonly headersMs: number;
  readonly bodyMs: number;
  readonly maxInFlight: number;
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxResponseBytes: number;
  readonly logger?: Logger;
  readonly userAgent: string;
  readonly names: SettingNames;
}

/** Default values, exported for documentation and tests. */
export const CLIENT_DEFAULTS = {
  connectMs: 10_000,
  requestMs: 60_000,
  maxInFlight: 5,
  attempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 5_000,
  maxResponseBytes: 64 * 1024 * 1024,
  userAgent: 'cdktf-panos-ipsec',
} as const;

function positive(name: string, v: number | undefined, fallback: number, min = 1): number {
  if (v === undefined) return fallback;
  if (!Number.isFinite(v) || v < min) {
    throw new TypeError(`PanosClient option ${name} must be a number >= ${min}, got ${String(v)}`);
  }
  return Math.floor(v);
}

/** Applies defaults and rejects unusable combinations with a message naming the option. */
export function resolveOptions(o: ClientOptions): ResolvedOptions {
  if (!o || typeof o.hostname !== 'string' || o.hostname.trim() === '') {
    throw new TypeError('PanosClient option hostname is required (the management address of the device)');
  }
  const protocol = o.protocol ?? PROTOCOLS[0];
  if (!isProtocol(protocol)) {
    throw new TypeError(`PanosClient option protocol must be ${PROTOCOLS.map((p) => `'${p}'`).join(' or ')}, got '${String(protocol)}'`);
  }
  const hasCreds = o.username !== undefined || o.password !== undefined;
  if (hasCreds && (!o.username || !o.password)) {
    throw new TypeError('PanosClient options username and password must be given together');
  }
  if (!o.apiKey && !hasCreds) {
    throw new TypeError('PanosClient needs apiKey, or username and password to generate one');
  }
  const requestMs = positive('timeouts.requestMs', o.timeouts?.requestMs, CLIENT_DEFAULTS.requestMs);
  return {
    hostname: o.hostname.trim(),
    port: positive('port', o.port, DEFAULT_PORTS[protocol]),
    protocol,
    apiKey: o.apiKey,
    username: o.username,
    password: o.password,
    verifyTls: o.verifyTls !== false,
    caFile: o.caFile,
    connectMs: positive('timeouts.connectMs', o.timeouts?.connectMs, CLIENT_DEFAULTS.connectMs),
    requestMs,
    headersMs: positive('timeouts.headersMs', o.timeouts?.headersMs, requestMs),
    bodyMs: positive('timeouts.bodyMs', o.timeouts?.bodyMs, requestMs),
    maxInFlight: positive('maxInFlight', o.maxInFlight, CLIENT_DEFAULTS.maxInFlight),
    attempts: positive('retries.attempts', o.retries?.attempts, CLIENT_DEFAULTS.attempts),
    baseDelayMs: positive('retries.baseDelayMs', o.retries?.baseDelayMs, CLIENT_DEFAULTS.baseDelayMs, 0),
    maxDelayMs: positive('retries.maxDelayMs', o.retries?.maxDelayMs, CLIENT_DEFAULTS.maxDelayMs, 0),
    maxResponseBytes: positive('maxResponseBytes', o.maxResponseBytes, CLIENT_DEFAULTS.maxResponseBytes),
    logger: o.logger,
    userAgent: o.userAgent ?? CLIENT_DEFAULTS.userAgent,
    names: { ...CLIENT_SETTING_NAMES, ...o.settingNames },
  };
}
