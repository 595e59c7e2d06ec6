/** The provider configuration block: connection, location, commit behaviour and version declarations. */
import { cty, type AttributeSchema, type Schema } from '../tfplugin';
import { DEFAULT_PORTS, PROTOCOLS } from '../panos/client/options';
import { SETTINGS_DEFAULTS } from './config';
import { ACKNOWLEDGED_RULES, acknowledgedRulesAttribute } from './acknowledgements';

const opt = (type: AttributeSchema['type'], description: string, more: Partial<AttributeSchema> = {}): AttributeSchema => ({
  type,
  optional: true,
  description,
  ...more,
});

/** Provider config schema. Every connection setting falls back to a PANOS_* environment variable. */
export function providerConfigSchema(): Schema {
  return {
    version: 0,
    block: {
      description: 'PAN-OS IPSec provider. Connects lazily: nothing is sent to the device until a resource needs it.',
      attributes: {
        hostname: opt(cty.string, 'Management address of the firewall or Panorama. Env: PANOS_HOSTNAME.'),
        port: opt(cty.number, `Management port. Env: PANOS_PORT. Default: ${PROTOCOLS.map((p) => `${DEFAULT_PORTS[p]} for ${p}`).join(', ')}.`),
        protocol: opt(cty.string, `${PROTOCOLS.join(' or ')}. Env: PANOS_PROTOCOL. Default: ${PROTOCOLS[0]}.`),
        api_key: opt(cty.string, 'API key. Env: PANOS_API_KEY. Either this or username and password.', { sensitive: true }),
        username: opt(cty.string, 'Admin user name (generates an API key with password). Env: PANOS_USERNAME.'),
        password: opt(cty.string, 'Admin password. Env: PANOS_PASSWORD.', { sensitive: true }),
        skip_verify_certificate: opt(cty.bool, 'Do not verify the device TLS certificate. Env: PANOS_SKIP_VERIFY_CERTIFICATE. Default: false.'),
        ca_file: opt(cty.string, 'PEM file of the CA that signed the device certificate. Env: PANOS_CA_FILE.'),
        connect_timeout_seconds: opt(cty.number, 'TCP and TLS connect timeout in seconds. Default: 10.'),
        request_timeout_seconds: opt(cty.number,
          'Longest time one API request may take, its retries and the whole answer included (a device that answers a ' +
          `byte at a time is cut off too). Env: PANOS_REQUEST_TIMEOUT_SECONDS. Default: ${SETTINGS_DEFAULTS.requestTimeoutSeconds}.`),
        max_in_flight: opt(cty.number, 'API requests in flight at once (Palo Alto advises at most 5). Default: 5.'),
        vsys: opt(cty.string, 'vsys the objects live in (zones and interface imports). Default: vsys1.'),
        template: opt(cty.string, 'Panorama template holding the objects. Conflicts with template_stack.'),
        template_stack: opt(cty.string, 'Panorama template stack holding the objects. Conflicts with template.'),
        commit_scope: opt(cty.string, 'admin (commit only this API admin\'s changes, a partial commit) or full. Default: admin.'),
        commit_timeout_seconds: opt(cty.number, 'How long to wait for a commit job to finish. Default: 600.'),
        commit_description: opt(cty.string, 'Description of commits made by the provider. Default: "cdktf-panos-ipsec".'),
        commit_poll_interval_ms: opt(cty.number, 'Longest interval between commit job polls in milliseconds: the first poll comes 100 ms after the commit, then the waits follow the job\'s progress, backing off to this. Default: 2000.'),
        config_lock: opt(cty.bool, 'Hold a PAN-OS config lock from the first write until the commit. Default: false.'),
        downgrade_target_version: opt(cty.string,
          'PAN-OS version (e.g. 10.2.9) the device may be downgraded to; plans fail when the configuration would block it.'),
        min_panos_version: opt(cty.string, 'Lowest PAN-OS version the configuration must work on; fields newer than it are rejected at plan.'),
        [ACKNOWLEDGED_RULES]: acknowledgedRulesAttribute('provider'),
      },
    },
  };
}
