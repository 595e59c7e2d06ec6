/**
 * One reading of the PANOS_* variables for every entry point: the provider (under its configuration block) and the
 * commands that talk to the device directly accept and refuse the same values, with the same words.
 */
import { connectionFromEnv, readConnectionEnv } from '../../src/panos/connection-env';
import { resolveSettings } from '../../src/provider/config';

const BASE = { PANOS_HOSTNAME: 'fw.example.net', PANOS_API_KEY: 'k' };

function fromProvider(env: NodeJS.ProcessEnv): { verifyTls?: boolean; port?: number; protocol?: string; errors: string[] } {
  const { settings, diagnostics } = resolveSettings({}, env);
  return { verifyTls: settings.client?.verifyTls, port: settings.client?.port, protocol: settings.client?.protocol, errors: diagnostics.map((d) => d.detail ?? d.summary) };
}

describe('PANOS_SKIP_VERIFY_CERTIFICATE', () => {
  test.each([
    ['on', false],
    ['ON', false],
    [' yes ', false],
    ['1', false],
    ['true', false],
    ['off', true],
    ['no', true],
    ['0', true],
    ['False', true],
    ['', true],
  ])('GIVEN %j WHEN read by the provider and by the commands THEN both give verifyTls %s', (value, verifyTls) => {
    const env = { ...BASE, PANOS_SKIP_VERIFY_CERTIFICATE: value };
    expect(connectionFromEnv(env).verifyTls).toBe(verifyTls);
    expect(fromProvider(env)).toMatchObject({ verifyTls, errors: [] });
  });

  test('fails when the value is not a yes/no word, in both, naming the variable and the fix', () => {
    const env = { ...BASE, PANOS_SKIP_VERIFY_CERTIFICATE: 'maybe' };
    const expected = 'PANOS_SKIP_VERIFY_CERTIFICATE="maybe" is not a boolean. Fix: set it to true or false';
    expect(() => connectionFromEnv(env)).toThrow(expected);
    expect(fromProvider(env).errors.join('\n')).toContain(expected);
  });
});

describe('PANOS_PORT and PANOS_PROTOCOL', () => {
  test('GIVEN valid values with spaces and capitals WHEN read THEN both entry points use the same port and protocol', () => {
    const env = { ...BASE, PANOS_PORT: ' 8443 ', PANOS_PROTOCOL: 'HTTP' };
    expect(connectionFromEnv(env)).toMatchObject({ port: 8443, protocol: 'http' });
    expect(fromProvider(env)).toMatchObject({ port: 8443, protocol: 'http', errors: [] });
  });

  test.each([
    ['PANOS_PORT', '99999', 'is not a TCP port'],
    ['PANOS_PORT', '44.3', 'is not a TCP port'],
    ['PANOS_PROTOCOL', 'ftp', 'is not a supported protocol'],
  ])('fails when %s=%s, in both, with the same message', (name, value, words) => {
    const env = { ...BASE, [name]: value };
    const message = readConnectionEnv(env).problems[0]?.message;
    expect(message).toContain(`${name}=${JSON.stringify(value)} ${words}. Fix:`);
    expect(() => connectionFromEnv(env)).toThrow(message);
    expect(fromProvider(env).errors).toContain(message);
  });

  test('GIVEN the configuration block sets the attribute WHEN the variable is unreadable THEN the provider ignores the variable (the block wins)', () => {
    const { diagnostics, settings } = resolveSettings({ port: 443, skip_verify_certificate: false }, { ...BASE, PANOS_PORT: 'x', PANOS_SKIP_VERIFY_CERTIFICATE: 'maybe' });
    expect(diagnostics).toEqual([]);
    expect(settings.client).toMatchObject({ port: 443, verifyTls: true });
  });
});

test('GIVEN a password with surrounding spaces WHEN read THEN it is kept as typed, and no message ever shows it', () => {
  const env = { PANOS_HOSTNAME: 'fw', PANOS_USERNAME: ' admin ', PANOS_PASSWORD: ' pass word ', PANOS_PORT: 'nope' };
  expect(readConnectionEnv(env).values).toMatchObject({ username: 'admin', password: ' pass word ' });
  expect(() => connectionFromEnv(env)).toThrow(/PANOS_PORT/);
  expect(() => connectionFromEnv(env)).not.toThrow(/pass word/);
});
