import { resolveSettings } from '../../src/provider/config';
import { providerConfig } from './fixtures/values';

describe('GIVEN the provider configuration', () => {
  test('WHEN request_timeout_seconds is set THEN it is the deadline of every request, retries included', () => {
    const { settings, diagnostics } = resolveSettings(providerConfig({ hostname: 'fw', api_key: 'k', request_timeout_seconds: 30 }), {});
    expect(diagnostics).toEqual([]);
    expect(settings.client?.timeouts?.requestMs).toBe(30_000);
  });

  test('WHEN only PANOS_REQUEST_TIMEOUT_SECONDS is set THEN it is used; unset THEN the default is 60 s', () => {
    expect(resolveSettings(providerConfig({}), { PANOS_HOSTNAME: 'fw', PANOS_API_KEY: 'k', PANOS_REQUEST_TIMEOUT_SECONDS: '15' }).settings.client?.timeouts?.requestMs).toBe(15_000);
    expect(resolveSettings(providerConfig({}), { PANOS_HOSTNAME: 'fw', PANOS_API_KEY: 'k' }).settings.client?.timeouts?.requestMs).toBe(60_000);
  });

  test('WHEN the connection comes from HCL attributes THEN connection errors will name those attributes', () => {
    const { settings } = resolveSettings(providerConfig({ hostname: 'fw', port: 8443, protocol: 'https', api_key: 'k', ca_file: '/ca.pem' }), {});
    expect(settings.client?.settingNames).toMatchObject({
      hostname: 'hostname',
      port: 'port',
      protocol: 'protocol',
      caFile: 'ca_file',
      skipVerify: 'skip_verify_certificate = true',
      requestTimeout: 'request_timeout_seconds',
      credentials: 'api_key, or username and password',
    });
  });

  test('WHEN the connection comes from PANOS_* variables THEN connection errors will name the variables', () => {
    const { settings } = resolveSettings(providerConfig({}), { PANOS_HOSTNAME: 'fw', PANOS_PROTOCOL: 'https', PANOS_PORT: '8443', PANOS_API_KEY: 'k' });
    expect(settings.client?.settingNames).toMatchObject({
      hostname: 'PANOS_HOSTNAME',
      port: 'PANOS_PORT',
      protocol: 'PANOS_PROTOCOL',
      credentials: 'PANOS_API_KEY, or PANOS_USERNAME and PANOS_PASSWORD',
    });
  });

  test('fails when PANOS_REQUEST_TIMEOUT_SECONDS is not a positive number, naming the variable', () => {
    const { diagnostics } = resolveSettings(providerConfig({}), { PANOS_HOSTNAME: 'fw', PANOS_API_KEY: 'k', PANOS_REQUEST_TIMEOUT_SECONDS: 'soon' });
    expect(diagnostics.map((d) => d.detail)).toEqual([expect.stringContaining('PANOS_REQUEST_TIMEOUT_SECONDS="soon"')]);
  });
});
