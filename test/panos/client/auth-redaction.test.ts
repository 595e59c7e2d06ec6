import type { LogLevel } from '../../../src/panos/client';
import { el } from '../../../src/panos/xml';
import { ENVELOPES, startFakeDevice, xml, type FakeDevice, type Recorded, type Scripted } from './fake-device';
import { caught } from './caught';

const XPATH = "/config/devices/entry[@name='localhost.localdomain']/network/ike/gateway";
const PASSWORD = 'S3cret&x=pw';
const FOUND = '<response status="success" code="19"><result><gateway/></result></response>';

let device: FakeDevice;
let keys: string[];
/** Keys the device accepts now; a key not in this set gets `reject`. */
let valid: Set<string>;
let reject: Scripted;
/** When false, keygen issues keys the device then refuses (a broken session store). */
let acceptIssued: boolean;

function handler(req: Recorded): Scripted {
  if (req.params.type === 'keygen') {
    if (req.params.user !== 'api-admin' || req.params.password !== PASSWORD) return xml(ENVELOPES.invalidCredential, 403);
    const key = `KEY-${keys.length + 1}+/=`;
    keys.push(key);
    if (acceptIssued) valid = new Set([key]);
    return xml(ENVELOPES.keygenOk(key));
  }
  if (!valid.has(String(req.headers['x-pan-key']))) return reject;
  return xml(FOUND);
}

beforeAll(async () => {
  device = await startFakeDevice(handler);
});
afterAll(() => device.close());
beforeEach(() => {
  device.requests.splice(0);
  keys = [];
  valid = new Set();
  reject = xml(ENVELOPES.sessionTimeout);
  acceptIssued = true;
});

const creds = { apiKey: undefined, username: 'api-admin', password: PASSWORD };

describe('GIVEN a client configured with username and password', () => {
  test('WHEN the first requests run in parallel THEN one keygen runs, with the password in the POST body only', async () => {
    const client = device.client(creds);
    await Promise.all([client.get(XPATH), client.get(XPATH), client.get(XPATH)]);
    const keygens = device.requests.filter((r) => r.params.type === 'keygen');
    expect(keygens).toHaveLength(1);
    expect(keygens[0].url).toBe('/api/');
    expect(keygens[0].headers['x-pan-key']).toBeUndefined();
    for (const r of device.requests) expect(r.url).not.toContain('key');
    expect(device.requests.filter((r) => r.params.type === 'config').every((r) => r.headers['x-pan-key'] === 'KEY-1+/=')).toBe(true);
  });

  test('WHEN the session times out (code 22) THEN the client generates a new key and replays the request once', async () => {
    const client = device.client(creds);
    await client.get(XPATH);
    valid = new Set(); // the device forgot the session
    await expect(client.get(XPATH)).resolves.toMatchObject({ name: 'gateway' });
    expect(keys).toEqual(['KEY-1+/=', 'KEY-2+/=']);
    expect(device.requests.map((r) => r.params.type)).toEqual(['keygen', 'config', 'config', 'keygen', 'config']);
  });

  test('WHEN a stale key gets HTTP 403 THEN the client re-keys once, also for a write', async () => {
    reject = xml(ENVELOPES.invalidCredential, 403);
    const client = device.client(creds);
    await client.get(XPATH);
    valid = new Set();
    await client.set(XPATH, el('entry', [], { name: 'gw1' }));
    expect(keys).toHaveLength(2);
  });

  test('fails with PANOS_AUTH when the password is wrong, without retrying keygen, in this request or any later one', async () => {
    const client = device.client({ ...creds, password: 'wrong-pw' });
    const err = await caught(client.get(XPATH));
    expect(err.code).toBe('PANOS_AUTH');
    expect(err.action).toBe('keygen');
    expect(err.message).toContain('Invalid Credential');
    expect(err.message).not.toContain('wrong-pw');
    expect(err.hint).toContain('check apiKey, or username and password (the device refused user api-admin)');
    const later = await caught(client.show(XPATH));
    expect(later.firstFailure).toBe(err);
    expect(device.requests).toHaveLength(1);
  });

  test('fails with PANOS_SESSION_TIMEOUT when the fresh key is rejected too (one re-keygen only)', async () => {
    const client = device.client(creds);
    await client.get(XPATH);
    valid = new Set();
    acceptIssued = false;
    const err = await caught(client.get(XPATH));
    expect(err.code).toBe('PANOS_SESSION_TIMEOUT');
    expect(keys).toHaveLength(2);
  });
});

describe('GIVEN a client configured with a stale API key only', () => {
  test('fails with PANOS_AUTH naming the fix, and does not try keygen', async () => {
    reject = xml(ENVELOPES.invalidCredential, 403);
    const err = await caught(device.client({ apiKey: 'OLD-KEY' }).get(XPATH));
    expect(err.code).toBe('PANOS_AUTH');
    expect(err.httpStatus).toBe(403);
    expect(err.hint).toMatch(/check apiKey/);
    expect(device.requests.some((r) => r.params.type === 'keygen')).toBe(false);
  });
});

describe('GIVEN a device that echoes secrets back', () => {
  const PSK = 'my-psk-Value!42';

  test('WHEN errors and log lines are produced THEN the key, the password and a registered PSK never appear', async () => {
    const logs: Array<{ level: LogLevel; message: string; fields: Record<string, unknown> }> = [];
    const echo = await startFakeDevice((req) => {
      if (req.params.type === 'keygen') return xml(ENVELOPES.keygenOk('SeCrEtKeY123=='));
      const body = new URLSearchParams(req.params).toString();
      return xml(
        `<response status="error" code="12"><msg><line><![CDATA[ gw1 -> pre-shared-key '${PSK}' is invalid]]></line>` +
          `<line>key ${String(req.headers['x-pan-key'])} password ${PASSWORD.replace(/&/g, '&amp;')} body ${body.replace(/&/g, '&amp;')}</line></msg></response>`,
      );
    });
    const client = echo.client({ apiKey: undefined, username: 'api-admin', password: PASSWORD, logger: (level, message, fields) => logs.push({ level, message, fields }) });
    client.addSecret(PSK);
    const element = el('entry', [el('authentication', [el('pre-shared-key', [el('key', PSK)])])], { name: 'gw1' });
    const err = await caught(client.set(`${XPATH}/entry[@name='${PSK}']`, element));
    const slow = await startFakeDevice(() => ({ ...xml(FOUND), delayMs: 2000 }));
    const timeout = await caught(
      slow.client({ apiKey: 'SeCrEtKeY123==', timeouts: { headersMs: 100 }, retries: { attempts: 2, baseDelayMs: 1 }, logger: (level, message, fields) => logs.push({ level, message, fields }) }).get(`${XPATH}/entry[@name='SeCrEtKeY123==']`),
    );
    await Promise.all([echo.close(), slow.close()]);

    const texts = [err.message, String(err.xpath), String(err.element), ...err.lines, timeout.message, JSON.stringify(logs)];
    expect(logs.length).toBeGreaterThan(0);
    for (const text of texts) {
      for (const secret of ['SeCrEtKeY123==', encodeURIComponent('SeCrEtKeY123=='), PASSWORD, encodeURIComponent(PASSWORD), PSK]) {
        expect(text).not.toContain(secret);
      }
    }
    expect(err.message).toContain("pre-shared-key '***' is invalid");
  });
});
