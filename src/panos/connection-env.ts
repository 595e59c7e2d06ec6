/**
 * The PANOS_* environment variables, read in one place for every entry point: the provider (merged under its
 * configuration block), the `drift` / `downgrade-check` commands and the cdktf wrappers. Each variable is
 * `PANOS_` + the provider attribute it stands for, upper-cased (the names users of the official PAN-OS provider
 * know), and every one is parsed by the same rules wherever it is read.
 */
import { existsSync } from 'node:fs';
import { DEFAULT_PORTS, isProtocol, PROTOCOLS, type ClientOptions, type Protocol } from './client/options';

/** The connection settings, named as the provider's attributes; the variable is `PANOS_<SETTING>`. */
export const CONNECTION_SETTINGS = [
  'hostname',
  'port',
  'protocol',
  'api_key',
  'username',
  'password',
  'skip_verify_certificate',
  'ca_file',
  'request_timeout_seconds',
] as const;

/** One connection setting (a provider attribute name). */
export type ConnectionSetting = (typeof CONNECTION_SETTINGS)[number];

/** The environment variable of a setting: `api_key` → `PANOS_API_KEY`. */
export function connectionEnvVar(setting: ConnectionSetting): string {
  return `PANOS_${setting.toUpperCase()}`;
}

/** Every variable understood, for help texts and for clearing an environment. */
export const CONNECTION_ENV_VARS: readonly string[] = CONNECTION_SETTINGS.map(connectionEnvVar);

/** The settings found in the environment; a variable that is unset, empty or invalid is absent. */
export interface ConnectionEnv {
  readonly hostname?: string;
  readonly port?: number;
  readonly protocol?: Protocol;
  readonly apiKey?: string;
  readonly username?: string;
  /** Not trimmed: a password may begin or end with a space. */
  readonly password?: string;
  readonly skipVerifyCertificate?: boolean;
  readonly caFile?: string;
  /** Overall deadline of one request, seconds. */
  readonly requestTimeoutSeconds?: number;
}

/** A variable whose value cannot be used; the message names it, its value (never a secret's) and the fix. */
export interface ConnectionEnvProblem {
  readonly setting: ConnectionSetting;
  readonly variable: string;
  readonly message: string;
}

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

/** A yes/no setting: 1/true/yes/on or 0/false/no/off in any case; undefined when empty; `null` when unreadable. */
export function parseFlag(raw: string | undefined): boolean | undefined | null {
  const v = (raw ?? '').trim().toLowerCase();
  if (v === '') return undefined;
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return null;
}

const TCP_PORT_MAX = 65535;

/** The TCP port numbers, as every entry point checks a port (PANOS_PORT, the provider's `port`, the construct's). */
export const TCP_PORTS = `1-${TCP_PORT_MAX}`;

/** True for a TCP port number ({@link TCP_PORTS}). */
export function isTcpPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= TCP_PORT_MAX;
}

/** A TCP port written in decimal; undefined when empty; `null` when unreadable. */
export function parsePort(raw: string | undefined): number | undefined | null {
  const v = (raw ?? '').trim();
  if (v === '') return undefined;
  if (!/^\d+$/.test(v) || !isTcpPort(Number(v))) return null;
  return Number(v);
}

/** One of {@link PROTOCOLS} in any case; undefined when empty; `null` when anything else. */
export function parseProtocol(raw: string | undefined): Protocol | undefined | null {
  const v = (raw ?? '').trim().toLowerCase();
  if (v === '') return undefined;
  return isProtocol(v) ? v : null;
}

/** A positive number of seconds; undefined when empty; `null` when unreadable. */
export function parseSeconds(raw: string | undefined): number | undefined | null {
  const v = (raw ?? '').trim();
  if (v === '') return undefined;
  return /^\d+(\.\d+)?$/.test(v) && Number(v) > 0 ? Number(v) : null;
}

/** Reads every PANOS_* variable; problems are returned, not thrown, so each caller reports them its own way. */
export function readConnectionEnv(env: NodeJS.ProcessEnv = process.env): { values: ConnectionEnv; problems: ConnectionEnvProblem[] } {
  const problems: ConnectionEnvProblem[] = [];
  const bad = (setting: ConnectionSetting, fix: string, what: string): void => {
    const variable = connectionEnvVar(setting);
    problems.push({ setting, variable, message: `${variable}=${JSON.stringify(env[variable])} is not ${what}. Fix: ${fix}.` });
  };
  const text = (setting: ConnectionSetting): string | undefined => env[connectionEnvVar(setting)]?.trim() || undefined;

  const port = parsePort(env.PANOS_PORT);
  const defaults = PROTOCOLS.map((p) => `${DEFAULT_PORTS[p]} (${p})`).join(' / ');
  if (port === null) bad('port', `set a number from 1 to ${TCP_PORT_MAX}, or unset it for ${defaults}`, 'a TCP port');
  const protocol = parseProtocol(env.PANOS_PROTOCOL);
  if (protocol === null) bad('protocol', 'set it to https, or http (the simulator only)', 'a supported protocol');
  const skip = parseFlag(env.PANOS_SKIP_VERIFY_CERTIFICATE);
  if (skip === null) bad('skip_verify_certificate', 'set it to true or false (also accepted: 1/0, yes/no, on/off)', 'a boolean');
  const requestTimeout = parseSeconds(env.PANOS_REQUEST_TIMEOUT_SECONDS);
  if (requestTimeout === null) bad('request_timeout_seconds', 'set a positive number of seconds, e.g. 60', 'a number of seconds');

  const values: ConnectionEnv = {
    ...(text('hostname') !== undefined ? { hostname: text('hostname') } : {}),
    ...(typeof port === 'number' ? { port } : {}),
    ...(protocol ? { protocol } : {}),
    ...(text('api_key') !== undefined ? { apiKey: text('api_key') } : {}),
    ...(text('username') !== undefined ? { username: text('username') } : {}),
    ...(env.PANOS_PASSWORD ? { password: env.PANOS_PASSWORD } : {}),
    ...(typeof skip === 'boolean' ? { skipVerifyCertificate: skip } : {}),
    ...(text('ca_file') !== undefined ? { caFile: text('ca_file') } : {}),
    ...(typeof requestTimeout === 'number' ? { requestTimeoutSeconds: requestTimeout } : {}),
  };
  return { values, problems };
}

/** Connection errors of the commands name the variables that fix them. */
const ENV_SETTING_NAMES: NonNullable<ClientOptions['settingNames']> = {
  hostname: 'PANOS_HOSTNAME',
  port: 'PANOS_PORT',
  protocol: 'PANOS_PROTOCOL',
  caFile: 'PANOS_CA_FILE',
  skipVerify: 'PANOS_SKIP_VERIFY_CERTIFICATE=true',
  requestTimeout: 'PANOS_REQUEST_TIMEOUT_SECONDS',
  credentials: 'PANOS_API_KEY, or PANOS_USERNAME and PANOS_PASSWORD',
};

/** A connection setting that cannot be used; the message names the variable, the value (never a secret) and the fix. */
export class ConnectionConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectionConfigError';
  }
}

/**
 * The client options of the commands that talk to the device directly (`drift` goes through the provider instead):
 * every variable valid, a hostname, and an API key or a username with its password.
 * @throws ConnectionConfigError naming the missing or bad variable and the fix
 */
export function connectionFromEnv(env: NodeJS.ProcessEnv = process.env): ClientOptions {
  const { values: v, problems } = readConnectionEnv(env);
  if (problems.length > 0) throw new ConnectionConfigError(problems.map((p) => p.message).join('\n'));
  if (v.hostname === undefined) {
    throw new ConnectionConfigError(
      'PANOS_HOSTNAME is not set. Fix: export PANOS_HOSTNAME=<management address of the firewall or Panorama> ' +
        '(and PANOS_API_KEY, or PANOS_USERNAME and PANOS_PASSWORD).',
    );
  }
  if (v.apiKey === undefined && (v.username === undefined) !== (v.password === undefined)) {
    const [missing, given] = v.username === undefined ? ['PANOS_USERNAME', 'PANOS_PASSWORD'] : ['PANOS_PASSWORD', 'PANOS_USERNAME'];
    throw new ConnectionConfigError(`${missing} is not set while ${given} is. Fix: set both, or set PANOS_API_KEY instead.`);
  }
  if (v.apiKey === undefined && v.username === undefined) {
    throw new ConnectionConfigError('No credentials: set PANOS_API_KEY, or PANOS_USERNAME and PANOS_PASSWORD.');
  }
  if (v.caFile !== undefined && !existsSync(v.caFile)) {
    throw new ConnectionConfigError(`PANOS_CA_FILE=${JSON.stringify(v.caFile)} does not exist. Fix: point it at the PEM file of the device's CA.`);
  }
  return {
    hostname: v.hostname,
    protocol: v.protocol ?? PROTOCOLS[0],
    ...(v.port !== undefined ? { port: v.port } : {}),
    ...(v.apiKey !== undefined ? { apiKey: v.apiKey } : { username: v.username, password: v.password }),
    verifyTls: v.skipVerifyCertificate !== true,
    ...(v.caFile !== undefined ? { caFile: v.caFile } : {}),
    ...(v.requestTimeoutSeconds !== undefined ? { timeouts: { requestMs: v.requestTimeoutSeconds * 1000 } } : {}),
    settingNames: ENV_SETTING_NAMES,
  };
}

/**
 * The PANOS_* variables that point a client at a device's XML API URL with an API key, e.g. the simulator's
 * start line `{"url":"http://127.0.0.1:41234","apiKey":"…"}`.
 */
export function connectionEnvFor(device: { url: string; apiKey: string }): Record<string, string> {
  const u = new URL(device.url);
  const protocol = u.protocol.replace(':', '');
  return {
    PANOS_HOSTNAME: u.hostname,
    PANOS_PORT: u.port || String(DEFAULT_PORTS[isProtocol(protocol) ? protocol : PROTOCOLS[0]]),
    PANOS_PROTOCOL: protocol,
    PANOS_API_KEY: device.apiKey,
  };
}
