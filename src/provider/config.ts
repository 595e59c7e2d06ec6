/**
 * Provider configuration: the config block merged over PANOS_* environment variables, validated without touching
 * the network (the device is contacted lazily, on the first resource call that needs it).
 */
import { errorDiagnostic, type Diagnostic, type Value, type ValueObject } from '../tfplugin';
import { isProtocol, PROTOCOLS, type ClientOptions } from '../panos/client/options';
import type { Location } from '../panos/objects';
import { connectionEnvVar, isTcpPort, readConnectionEnv, TCP_PORTS, type ConnectionSetting } from '../panos/connection-env';
import { parseVersion } from '../panos/version';
import type { Acknowledgement } from '../rules';
import { ACKNOWLEDGED_RULES, acknowledgementsOf, checkAcknowledgements } from './acknowledgements';

/** Settings resolved from config and environment. */
export interface ProviderSettings {
  /** Client options; undefined when no hostname is configured (reported on first device use). */
  readonly client?: ClientOptions;
  readonly location: Location;
  readonly commitScope: 'admin' | 'full';
  readonly commitTimeoutMs: number;
  readonly commitDescription: string;
  readonly commitPollIntervalMs: number;
  readonly configLock: boolean;
  readonly downgradeTargetVersion?: string;
  readonly minPanosVersion?: string;
  /** Admin whose changes an admin-scoped commit includes (the configured username). */
  readonly admin?: string;
  /** The valid `acknowledged_rules` of the provider configuration (no path: they cover every object). */
  readonly acknowledgements: readonly Acknowledgement[];
}

/** Defaults documented in the schema. */
export const SETTINGS_DEFAULTS = {
  commitTimeoutSeconds: 600,
  commitPollIntervalMs: 2000,
  commitDescription: 'cdktf-panos-ipsec',
  maxInFlight: 5,
  requestTimeoutSeconds: 60,
} as const;

const str = (v: Value | undefined): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: Value | undefined): number | undefined => (v === null || v === undefined || typeof v === 'symbol' ? undefined : Number(v));
const bool = (v: Value | undefined): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

function checkVersion(attr: string, v: string | undefined, diags: Diagnostic[]): void {
  if (v === undefined) return;
  try {
    parseVersion(v);
  } catch {
    diags.push(errorDiagnostic('Invalid PAN-OS Version', `${attr} = ${JSON.stringify(v)} is not a PAN-OS version. Fix: write it like 10.2.9 or 11.1.2-h3.`, [attr]));
  }
}

/** Resolves and validates the provider settings; diagnostics carry attribute paths. */
export function resolveSettings(config: ValueObject, env: NodeJS.ProcessEnv = process.env): { settings: ProviderSettings; diagnostics: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  // A PANOS_* variable counts (and is checked) only where the configuration block leaves its attribute unset.
  const fromEnv = readConnectionEnv(env);
  const unset = (setting: ConnectionSetting): boolean => config[setting] === null || config[setting] === undefined || config[setting] === '';
  for (const p of fromEnv.problems) if (unset(p.setting)) diags.push(errorDiagnostic('Invalid Environment Variable', p.message));
  const e = fromEnv.values;
  const hostname = str(config.hostname) ?? e.hostname;
  const protocolRaw = str(config.protocol) ?? e.protocol ?? PROTOCOLS[0];
  if (!isProtocol(protocolRaw)) {
    const allowed = PROTOCOLS.map((p) => JSON.stringify(p)).join(' or ');
    diags.push(errorDiagnostic('Invalid Protocol', `protocol = ${JSON.stringify(protocolRaw)} is not supported. Fix: use ${allowed}.`, ['protocol']));
  }
  const protocol = isProtocol(protocolRaw) ? protocolRaw : PROTOCOLS[0];
  const port = num(config.port) ?? e.port;
  if (port !== undefined && !isTcpPort(port)) {
    diags.push(errorDiagnostic('Invalid Port', `port = ${port} is not a TCP port. Fix: use ${TCP_PORTS}.`, ['port']));
  }
  const apiKey = str(config.api_key) ?? e.apiKey;
  const username = str(config.username) ?? e.username;
  const password = str(config.password) ?? e.password;
  const skipVerify = bool(config.skip_verify_certificate) ?? e.skipVerifyCertificate ?? false;
  const caFile = str(config.ca_file) ?? e.caFile;
  if ((username === undefined) !== (password === undefined) && !apiKey) {
    diags.push(errorDiagnostic('Incomplete Credentials', 'username and password must be given together (or set api_key). Env: PANOS_USERNAME, PANOS_PASSWORD.',
      [username === undefined ? 'username' : 'password']));
  }
  const template = str(config.template);
  const templateStack = str(config.template_stack);
  const vsys = str(config.vsys);
  if (template && templateStack) {
    diags.push(errorDiagnostic('Conflicting Locations', 'template and template_stack are both set; objects live in exactly one place. Fix: remove one of them.', ['template_stack']));
  }
  const location: Location = templateStack
    ? { type: 'template-stack', templateStack, ...(vsys ? { vsys } : {}) }
    : template
      ? { type: 'template', template, ...(vsys ? { vsys } : {}) }
      : { type: 'vsys', ...(vsys ? { vsys } : {}) };
  const scope = str(config.commit_scope) ?? 'admin';
  if (scope !== 'admin' && scope !== 'full') {
    diags.push(errorDiagnostic('Invalid Commit Scope', `commit_scope = ${JSON.stringify(scope)} is not supported. Fix: use "admin" or "full".`, ['commit_scope']));
  }
  const positive = (attr: string, v: number | undefined, fallback: number): number => {
    if (v === undefined) return fallback;
    if (!Number.isFinite(v) || v <= 0) {
      diags.push(errorDiagnostic('Invalid Number', `${attr} = ${v} must be a positive number.`, [attr]));
      return fallback;
    }
    return v;
  };
  const downgradeTargetVersion = str(config.downgrade_target_version);
  const minPanosVersion = str(config.min_panos_version);
  checkVersion('downgrade_target_version', downgradeTargetVersion, diags);
  checkVersion('min_panos_version', minPanosVersion, diags);
  const acks = checkAcknowledgements(acknowledgementsOf(config[ACKNOWLEDGED_RULES]), 'provider "panosipsec"');
  diags.push(...acks.diagnostics);
  const connect = num(config.connect_timeout_seconds);
  const request = num(config.request_timeout_seconds) ?? e.requestTimeoutSeconds;
  // Connection errors name the setting that fixes them as the user set it: the attribute, or its variable.
  const named = (setting: ConnectionSetting): string => {
    const envVar = connectionEnvVar(setting);
    return (config[setting] === null || config[setting] === undefined) && env[envVar] ? envVar : setting;
  };
  const skipVerifyName = named('skip_verify_certificate');
  const settingNames: ClientOptions['settingNames'] = {
    hostname: named('hostname'),
    port: named('port'),
    protocol: named('protocol'),
    caFile: named('ca_file'),
    skipVerify: skipVerifyName === 'skip_verify_certificate' ? 'skip_verify_certificate = true' : `${skipVerifyName}=true`,
    requestTimeout: named('request_timeout_seconds'),
    connectTimeout: 'connect_timeout_seconds',
    credentials: apiKey && !str(config.api_key) ? 'PANOS_API_KEY, or PANOS_USERNAME and PANOS_PASSWORD' : 'api_key, or username and password',
  };
  const client: ClientOptions | undefined = hostname
    ? {
        hostname,
        protocol,
        ...(port !== undefined ? { port } : {}),
        ...(apiKey ? { apiKey } : { username, password }),
        verifyTls: !skipVerify,
        ...(caFile ? { caFile } : {}),
        timeouts: {
          connectMs: positive('connect_timeout_seconds', connect, 10) * 1000,
          requestMs: positive('request_timeout_seconds', request, SETTINGS_DEFAULTS.requestTimeoutSeconds) * 1000,
        },
        maxInFlight: positive('max_in_flight', num(config.max_in_flight), SETTINGS_DEFAULTS.maxInFlight),
        settingNames,
      }
    : undefined;
  return {
    diagnostics: diags,
    settings: {
      client,
      location,
      commitScope: scope === 'full' ? 'full' : 'admin',
      commitTimeoutMs: positive('commit_timeout_seconds', num(config.commit_timeout_seconds), SETTINGS_DEFAULTS.commitTimeoutSeconds) * 1000,
      commitDescription: str(config.commit_description) ?? SETTINGS_DEFAULTS.commitDescription,
      commitPollIntervalMs: positive('commit_poll_interval_ms', num(config.commit_poll_interval_ms), SETTINGS_DEFAULTS.commitPollIntervalMs),
      configLock: bool(config.config_lock) ?? false,
      ...(downgradeTargetVersion ? { downgradeTargetVersion } : {}),
      ...(minPanosVersion ? { minPanosVersion } : {}),
      ...(username ? { admin: username } : {}),
      acknowledgements: acks.valid,
    },
  };
}
