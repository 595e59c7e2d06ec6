import { createLogger, hclogTimestamp, levelFromEnv } from '../../src/tfplugin/logger';

// go-plugin (Terraform's plugin host) parses a plugin's stderr line as hclog JSON only when `@timestamp` matches the Go
// layout 2006-01-02T15:04:05.000000Z07:00; otherwise it logs the raw line at DEBUG, whatever its level.
const GO_LAYOUT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}(Z|[+-]\d{2}:\d{2})$/;

describe('GIVEN the provider logger', () => {
  test('WHEN it writes a warning THEN the line is JSON with the level, message and a timestamp in the layout go-plugin parses', () => {
    const lines: string[] = [];
    createLogger('panosipsec', { level: 'warn', write: (l) => lines.push(l) }).warn('commit_scope is "admin" but no username is configured', { jobId: 7 });
    expect(lines).toHaveLength(1);
    expect(lines[0].endsWith('\n')).toBe(true);
    const rec = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(rec).toMatchObject({ '@level': 'warn', '@message': 'commit_scope is "admin" but no username is configured', '@module': 'panosipsec', jobId: 7 });
    expect(rec['@timestamp']).toMatch(GO_LAYOUT);
  });

  test('WHEN a time has milliseconds THEN the timestamp keeps them and pads to microseconds', () => {
    expect(hclogTimestamp(new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 678)))).toBe('2025-01-02T03:04:05.678000Z');
    expect(hclogTimestamp(new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 0)))).toMatch(GO_LAYOUT);
  });

  test('WHEN the level is warn THEN info and debug lines are not written', () => {
    const lines: string[] = [];
    const log = createLogger('m', { level: 'warn', write: (l) => lines.push(l) });
    log.debug('d');
    log.info('i');
    log.error('e');
    expect(lines.map((l) => (JSON.parse(l) as { '@level': string })['@level'])).toEqual(['error']);
  });

  test.each([
    [{ TF_LOG: 'WARN' }, 'warn'],
    [{ TF_LOG: 'json' }, 'trace'],
    [{ TF_LOG: 'debug', TF_LOG_PROVIDER: 'error' }, 'error'],
    [{}, 'warn'],
  ] as const)('WHEN the environment is %j THEN the level is %s', (env, level) => {
    expect(levelFromEnv(env)).toBe(level);
  });
});
