/**
 * The PANOS_* environment variables every command (and the provider) reads, turned into client options and a
 * location. One place, so `drift`, `downgrade-check` and the wrappers agree on names and on error wording.
 */
import { existsSync } from 'node:fs';
import type { ClientOptions } from '../panos/client';
import type { Location } from '../panos/objects/types';

/** The environment variables understood here, for help texts. */
export const CONNECTION_ENV_VARS = [
  'PANOS_HOSTNAME',
  'PANOS_PORT',
  'PANOS_PROTOCOL',
  'PANOS_API_KEY',
  'PANOS_USERNAME',
  'PANOS_PASSWORD',
  'PANOS_SKIP_VERIFY_CERTIFICATE',
  'PANOS_CA_FILE',
  'PANOS_REQUEST_TIMEOUT_SECONDS',
] as const;

/** Connection errors name the variables that fix them. */
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

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off', '']);

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (TRUE.has(raw)) return true;
  if (FALSE.has(raw)) return false;
  throw new ConnectionConfigError(`${name}=${JSON.stringify(env[name])} is not a boolean. Fix: set it to true or false.`);
}

/**
 * Reads the connection from the environment.
 * @throws ConnectionConfigError naming the missing or bad variable
 */
export function connectionFromEnv(env: NodeJS.ProcessEnv = process.env): ClientOptions {
  const hostname = (env.PANOS_HOSTNAME ?? '').trim();
  if (!hostname) {
    throw new ConnectionConfigError(
      'PANOS_HOSTNAME is not set. Fix: export PANOS_HOSTNAME=<management address of the firewall or Panorama> ' +
        '(and PANOS_API_KEY, or PANOS_USERNAME and PANOS_PASSWORD).',
    );
  }
  const protocolRaw = (env.PANOS_PROTOCOL ?? 'https').trim().toLowerCase();
  if (protocolRaw !== 'https' && protocolRaw !== 'http') {
    throw new ConnectionConfigError(`PANOS_PROTOCOL=${JSON.stringify(env.PANOS_PROTOCOL)} is not supported. Fix: set it to https or http.`);
  }
  let port: number | undefined;
  if (env.PANOS_PORT !== undefined && env.PANOS_PORT.trim() !== '') {
    const p = env.PANOS_PORT.trim();
    if (!/^\d+$/.test(p) || Number(p) < 1 || Number(p) > 65535) {
      throw new ConnectionConfigError(`PANOS_PORT=${JSON.stringify(env.PANOS_PORT)} is not a TCP port. Fix: set a number from 1 to 65535.`);
    }
    port = Number(p);
  }
  const apiKey = env.PANOS_API_KEY?.trim() || undefined;
  const username = env.PANOS_USERNAME?.trim() || undefined;
  const password = env.PANOS_PASSWORD || undefined;
  if (!apiKey && (username === undefined) !== (password === undefined)) {
    throw new ConnectionConfigError(
      `${username === undefined ? 'PANOS_USERNAME' : 'PANOS_PASSWORD'} is not set while ` +
        `${username === undefined ? 'PANOS_PASSWORD' : 'PANOS_USERNAME'} is. Fix: set both, or set PANOS_API_KEY instead.`,
    );
  }
  if (!apiKey && !username) {
    throw new ConnectionConfigError('No credentials: set PANOS_API_KEY, or PANOS_USERNAME and PANOS_PASSWORD.');
  }
  const caFile = env.PANOS_CA_FILE?.trim() || undefined;
  if (caFile !== undefined && !existsSync(caFile)) {
    throw new ConnectionConfigError(`PANOS_CA_FILE=${JSON.stringify(caFile)} does not exist. Fix: point it at the PEM file of the device's CA.`);
  }
  const timeoutRaw = env.PANOS_REQUEST_TIMEOUT_SECONDS?.trim();
  let requestMs: number | undefined;
  if (timeoutRaw) {
    if (!/^\d+(\.\d+)?$/.test(timeoutRaw) || Number(timeoutRaw) <= 0) {
      throw new ConnectionConfigError(`PANOS_REQUEST_TIMEOUT_SECONDS=${JSON.stringify(env.PANOS_REQUEST_TIMEOUT_SECONDS)} is not a number of seconds. Fix: set it to e.g. 60.`);
    }
    requestMs = Number(timeoutRaw) * 1000;
  }
  return {
    hostname,
    protocol: protocolRaw,
    ...(port !== undefined ? { port } : {}),
    ...(apiKey ? { apiKey } : { username, password }),
    verifyTls: !flag(env, 'PANOS_SKIP_VERIFY_CERTIFICATE'),
    ...(caFile ? { caFile } : {}),
    ...(requestMs !== undefined ? { timeouts: { requestMs } } : {}),
    settingNames: ENV_SETTING_NAMES,
  };
}

/** The `--vsys`, `--template`, `--template-stack` options. */
export interface LocationOptions {
  vsys?: string;
  template?: string;
  templateStack?: string;
}

/**
 * The location the options name: a Panorama template or template stack, else a firewall vsys (vsys1 by default).
 * @throws ConnectionConfigError when both --template and --template-stack are given
 */
export function locationFromOptions(o: LocationOptions): Location {
  if (o.template !== undefined && o.templateStack !== undefined) {
    throw new ConnectionConfigError(
      `--template ${JSON.stringify(o.template)} and --template-stack ${JSON.stringify(o.templateStack)} exclude each other. Fix: give one.`,
    );
  }
  const vsys = o.vsys !== undefined ? { vsys: o.vsys } : {};
  if (o.template !== undefined) return { type: 'template', template: o.template, ...vsys };
  if (o.templateStack !== undefined) return { type: 'template-stack', templateStack: o.templateStack, ...vsys };
  return { type: 'vsys', ...vsys };
}

/** The environment variables that point a client at a running simulator (used by the demo and tests). */
export function simulatorEnv(sim: { url: string; apiKey: string }): Record<string, string> {
  const u = new URL(sim.url);
  return {
    PANOS_HOSTNAME: u.hostname,
    PANOS_PORT: u.port,
    PANOS_PROTOCOL: u.protocol.replace(':', ''),
    PANOS_API_KEY: sim.apiKey,
  };
}
