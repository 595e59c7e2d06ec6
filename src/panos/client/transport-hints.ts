/**
 * What a failed request tells its user: what happened, whether it is likely to go away by itself, and which setting
 * fixes it, named the way the user configured the client ({@link SettingNames}: HCL attributes for the provider,
 * PANOS_* variables for the command line).
 */
import type { ResolvedOptions, SettingNames } from './options';
import type { RequestKind, TransportFailure } from './retry';

const TRANSIENT =
  'this is usually transient (a busy management plane, a management server restarting, a proxy on the way): run ' +
  'again; if it keeps happening, check the load of the device\'s management plane';

/** `https://host:443`, as the client reaches the device. */
export function whereOf(o: ResolvedOptions): string {
  const host = o.hostname.includes(':') && !o.hostname.startsWith('[') ? `[${o.hostname}]` : o.hostname;
  return `${o.protocol}://${host}:${o.port}`;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** The fix for a failure, in the caller's vocabulary. */
export function failureHint(failure: TransportFailure, o: ResolvedOptions): string {
  const n: SettingNames = o.names;
  const where = whereOf(o);
  switch (failure.reason) {
    case 'refused':
      return `nothing accepts connections at ${where}: check ${n.hostname} and ${n.port}, and that the management interface allows HTTPS (the XML API) from this host`;
    case 'dns':
      return `${n.hostname} "${o.hostname}" does not resolve: check its spelling, or use the management IP address`;
    case 'no-route':
      return `there is no network path to ${o.hostname}: check ${n.hostname}, and the routes and firewalls between this host and the management interface`;
    case 'connect-timeout':
      return `nothing answered at ${where} within ${seconds(o.connectMs)}: check ${n.hostname} and ${n.port} and that no firewall drops the traffic, or raise ${n.connectTimeout}`;
    case 'tls-not-spoken':
      return `set ${n.protocol} to "http" if the device really serves the API without TLS, or set ${n.port} to its HTTPS management port`;
    case 'tls-certificate':
      return `set ${n.caFile} to the PEM file of the CA that signed the certificate of ${where} (for a lab only: ${n.skipVerify})`;
    case 'headers-timeout':
    case 'body-timeout':
    case 'deadline':
      return `${TRANSIENT}; if the device is just slow, raise ${n.requestTimeout}`;
    case 'reset':
      return o.protocol === 'http' ? `${TRANSIENT}; if ${where} serves HTTPS, set ${n.protocol} to "https"` : TRANSIENT;
    case 'http-5xx':
    case 'session-timeout':
      return TRANSIENT;
    case 'other':
      return `check ${n.hostname}, ${n.port} and ${n.protocol} (${where})`;
  }
}

/** What happened, with the number of tries and why it stopped there. */
export function failureSummary(failure: TransportFailure, o: ResolvedOptions, kind: RequestKind, tries: number, elapsedMs: number): string {
  let what = failure.summary;
  if (failure.reason === 'deadline') what = `no complete answer within ${seconds(o.requestMs)} (${o.names.requestTimeout})`;
  if (failure.reason === 'headers-timeout') what = `no answer within ${seconds(o.headersMs)}`;
  if (failure.reason === 'body-timeout') what = `the answer stalled for ${seconds(o.bodyMs)}`;
  if (!failure.transient) return what;
  const tried = tries > 1 ? `${tries} tries in ${seconds(elapsedMs)}` : 'one try';
  if (tries === 1 && !failure.beforeSend && (kind === 'write-once' || kind === 'commit')) {
    return `${what} (transient; not sent again: this ${kind === 'commit' ? 'commit' : 'request'} may have reached the device)`;
  }
  return `${what} (transient; ${tried})`;
}
