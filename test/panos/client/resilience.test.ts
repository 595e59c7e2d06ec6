import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { PanosClient } from '../../../src/panos/client';
import { el } from '../../../src/panos/xml';
import { ENVELOPES, startFakeDevice, xml, type FakeDevice, type Scripted } from './fake-device';
import { caught } from './caught';

const XPATH = "/config/devices/entry[@name='localhost.localdomain']/network/ike/gateway";
const FOUND = '<response status="success" code="19"><result total-count="1" count="1"><gateway/></result></response>';

const devices: FakeDevice[] = [];
async function device(handler: (i: number) => Scripted): Promise<FakeDevice> {
  const d = await startFakeDevice((_req, i) => handler(i));
  devices.push(d);
  return d;
}
afterEach(async () => {
  await Promise.all(devices.splice(0).map((d) => d.close()));
});

async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('GIVEN reads on a flaky device', () => {
  test('WHEN the first two answers are 503 THEN the read succeeds on the third try', async () => {
    const d = await device((i) => (i < 2 ? { status: 503, body: '<html>busy</html>' } : xml(FOUND)));
    await expect(d.client().get(XPATH)).resolves.toMatchObject({ name: 'gateway' });
    expect(d.requests).toHaveLength(3);
  });

  test('WHEN the first connection is reset THEN the read succeeds on the retry', async () => {
    const d = await device((i) => (i === 0 ? { reset: true } : xml(FOUND)));
    await expect(d.client().show(XPATH)).resolves.toMatchObject({ name: 'gateway' });
    expect(d.requests).toHaveLength(2);
  });

  test('fails when every try answers 503, saying the failure is transient and how many tries were made', async () => {
    const d = await device(() => ({ status: 503, body: 'down' }));
    const err = await caught(d.client({ retries: { attempts: 2, baseDelayMs: 1 } }).get(XPATH));
    expect(err.code).toBe('PANOS_HTTP');
    expect(err.httpStatus).toBe(503);
    expect(err.transient).toBe(true);
    expect(err.message).toMatch(/transient; 2 tries in [\d.]+ s/);
    expect(err.hint).toMatch(/usually transient/);
    expect(err.hint).not.toMatch(/check hostname/);
    expect(d.requests).toHaveLength(2);
  });
});

describe('GIVEN writes on a flaky device', () => {
  test('WHEN a set is answered 503 once THEN it is sent again (a set applied twice leaves what one leaves) and succeeds', async () => {
    const d = await device((i) => (i === 0 ? { status: 503, body: 'busy' } : xml(ENVELOPES.commandSucceeded)));
    await d.client().set(XPATH, el('entry', [], { name: 'gw1' }));
    expect(d.requests).toHaveLength(2);
    expect(d.requests[1].params).toEqual(d.requests[0].params);
  });

  test('WHEN the connection drops after a delete was sent THEN it is sent again, and "already gone" counts as deleted', async () => {
    const d = await device((i) => (i === 0 ? { reset: true } : xml(ENVELOPES.deleteMissing)));
    await d.client().delete(`${XPATH}/entry[@name='gw1']`);
    expect(d.requests).toHaveLength(2);
  });

  test('fails when the connection drops after a multi-config holding a rename was sent, without sending it again', async () => {
    const d = await device(() => ({ reset: true }));
    const err = await caught(d.client().multiConfig([{ action: 'rename', xpath: `${XPATH}/entry[@name='a']`, newName: 'b' }]));
    expect(err.code).toBe('PANOS_CONNECTION');
    expect(err.maybeDelivered).toBe(true);
    expect(err.message).toMatch(/not sent again: this request may have reached the device/);
    expect(d.requests).toHaveLength(1);
  });

  test('WHEN a multi-config of edits and deletes meets a 502 THEN it is sent again', async () => {
    const d = await device((i) => (i === 0 ? { status: 502, body: 'gateway' } : xml('<response status="success" code="20"><response status="success" code="20" id="1"/></response>')));
    await d.client().multiConfig([{ action: 'edit', xpath: `${XPATH}/entry[@name='a']`, element: el('entry', [], { name: 'a' }) }, { action: 'delete', xpath: `${XPATH}/entry[@name='b']` }]);
    expect(d.requests).toHaveLength(2);
  });

  test('WHEN the first connection is refused (nothing sent) THEN the write is replayed once the device listens', async () => {
    const port = await freePort();
    let late: FakeDevice | undefined;
    let starting: Promise<void> | undefined;
    const client = new PanosClient({
      hostname: '127.0.0.1',
      port,
      protocol: 'http',
      apiKey: 'k',
      retries: { attempts: 3, baseDelayMs: 200, maxDelayMs: 400 },
      logger: (level) => {
        // The first refused try logs its retry; the device comes up during the backoff.
        if (level === 'warn' && !starting) {
          starting = startFakeDevice(() => xml(ENVELOPES.commandSucceeded), { port }).then((d) => {
            late = d;
            devices.push(d);
          });
        }
      },
    });
    try {
      await client.set(XPATH, el('entry', [], { name: 'gw1' }));
      await starting;
      expect(late?.requests).toHaveLength(1);
    } finally {
      await client.close();
    }
  });
});

describe('GIVEN a device that is slow to answer', () => {
  test('fails with PANOS_TIMEOUT when no headers arrive within headersMs', async () => {
    const d = await device(() => ({ ...xml(FOUND), delayMs: 3000 }));
    const err = await caught(d.client({ timeouts: { headersMs: 200 }, retries: { attempts: 1 } }).get(XPATH));
    expect(err.code).toBe('PANOS_TIMEOUT');
    expect(err.message).toContain('no answer within 0.2 s');
  });

  test('fails with PANOS_TIMEOUT at the request deadline when the device sends headers and then one byte at a time, naming the setting', async () => {
    // Each byte comes well within any idle timeout; only an overall deadline ends this.
    let sent = 0;
    let closedEarly = false;
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      const body = FOUND;
      const timer = setInterval(() => {
        if (sent >= body.length) {
          clearInterval(timer);
          res.end();
          return;
        }
        res.write(body[sent++]);
      }, 400);
      res.on('close', () => {
        clearInterval(timer);
        if (sent < body.length) closedEarly = true;
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const client = new PanosClient({
      hostname: '127.0.0.1',
      port: (server.address() as AddressInfo).port,
      protocol: 'http',
      apiKey: 'k',
      timeouts: { requestMs: 1500 },
      settingNames: { requestTimeout: 'request_timeout_seconds' },
    });
    try {
      const err = await caught(client.get(XPATH));
      expect(err.code).toBe('PANOS_TIMEOUT');
      expect(err.message).toContain('no complete answer within 1.5 s (request_timeout_seconds)');
      expect(err.hint).toContain('raise request_timeout_seconds');
      await new Promise((r) => setTimeout(r, 100));
      expect(closedEarly).toBe(true);
      expect(sent).toBeLessThan(FOUND.length);
    } finally {
      await client.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('GIVEN a device that stops half way', () => {
  test('fails with PANOS_TIMEOUT naming connectMs when the TLS handshake never completes, and replays even a rename (nothing was sent)', async () => {
    // Accepts the TCP connection and then says nothing: the client's TLS hello is never answered.
    const sockets = new Set<net.Socket>();
    const server = net.createServer((s) => {
      sockets.add(s);
      s.on('error', () => undefined);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const client = new PanosClient({
      hostname: '127.0.0.1',
      port: (server.address() as AddressInfo).port,
      apiKey: 'k',
      timeouts: { connectMs: 300 },
      retries: { attempts: 2, baseDelayMs: 1 },
    });
    try {
      const err = await caught(client.multiConfig([{ action: 'rename', xpath: `${XPATH}/entry[@name='a']`, newName: 'b' }]));
      expect(err.code).toBe('PANOS_TIMEOUT');
      expect(err.message).toContain('no connection could be made in time (transient; 2 tries');
      expect(err.hint).toContain('within 0.3 s');
      expect(err.hint).toContain('raise timeouts.connectMs');
      expect(err.maybeDelivered).toBe(false);
      expect(sockets.size).toBe(2);
    } finally {
      await client.close();
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  test('fails with PANOS_TIMEOUT saying the answer stalled when the body stops for bodyMs', async () => {
    const server = http.createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.write('<response status="success"><result>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const client = new PanosClient({ hostname: '127.0.0.1', port: (server.address() as AddressInfo).port, protocol: 'http', apiKey: 'k', timeouts: { bodyMs: 300 }, retries: { attempts: 1 } });
    try {
      const err = await caught(client.get(XPATH));
      expect(err.code).toBe('PANOS_TIMEOUT');
      expect(err.message).toContain('the answer stalled for 0.3 s');
      expect(err.transient).toBe(true);
    } finally {
      await client.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  test('WHEN the connection drops in the middle of the body THEN the read is sent again and succeeds', async () => {
    let requests = 0;
    const server = http.createServer((req, res) => {
      req.resume();
      requests += 1;
      res.writeHead(200, { 'content-type': 'application/xml', 'content-length': String(FOUND.length) });
      if (requests > 1) {
        res.end(FOUND);
        return;
      }
      res.write(FOUND.slice(0, 20));
      setTimeout(() => req.socket.destroy(), 20);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const client = new PanosClient({ hostname: '127.0.0.1', port: (server.address() as AddressInfo).port, protocol: 'http', apiKey: 'k', retries: { baseDelayMs: 1 } });
    try {
      await expect(client.get(XPATH)).resolves.toMatchObject({ name: 'gateway' });
      expect(requests).toBe(2);
    } finally {
      await client.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('GIVEN a client that is closed', () => {
  test('WHEN close is called while a request is in flight THEN that request still gets its answer and the connection is closed after it', async () => {
    let closedAt: 'before-answer' | 'after-answer' | undefined;
    let answered = false;
    let arrived: () => void = () => undefined;
    const arrival = new Promise<void>((r) => (arrived = r));
    const server = http.createServer((req, res) => {
      req.socket.on('close', () => (closedAt ??= answered ? 'after-answer' : 'before-answer'));
      req.resume();
      arrived();
      setTimeout(() => {
        answered = true;
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end(FOUND);
      }, 200);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const client = new PanosClient({ hostname: '127.0.0.1', port: (server.address() as AddressInfo).port, protocol: 'http', apiKey: 'k' });
    try {
      const read = client.get(XPATH);
      await arrival;
      await client.close();
      await expect(read).resolves.toMatchObject({ name: 'gateway' });
      await new Promise((r) => setTimeout(r, 50));
      expect(closedAt).toBe('after-answer');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('GIVEN a cap on requests in flight', () => {
  test.each([5, 2])('WHEN 20 gets run in parallel with maxInFlight %i THEN the server never sees more at once', async (cap) => {
    const d = await device(() => ({ ...xml(FOUND), delayMs: 30 }));
    const client = d.client({ maxInFlight: cap });
    await Promise.all(Array.from({ length: 20 }, () => client.get(XPATH)));
    expect(d.requests).toHaveLength(20);
    expect(d.maxConcurrent()).toBeLessThanOrEqual(cap);
    expect(d.maxConcurrent()).toBeGreaterThan(1);
  });
});

describe('GIVEN a response size limit', () => {
  const big = `<response status="success"><result>${'<entry name="x"/>'.repeat(20_000)}</result></response>`;

  test('fails with PANOS_RESPONSE_TOO_LARGE when Content-Length exceeds the limit', async () => {
    const d = await device(() => xml(big));
    const err = await caught(d.client({ maxResponseBytes: 10_000 }).get(XPATH));
    expect(err.code).toBe('PANOS_RESPONSE_TOO_LARGE');
    expect(err.message).toContain('maxResponseBytes');
  });

  test('fails with PANOS_RESPONSE_TOO_LARGE while streaming a chunked body past the limit', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      const chunk = '<entry name="x"/>'.repeat(500);
      for (let i = 0; i < 40; i++) res.write(chunk);
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const client = new PanosClient({ hostname: '127.0.0.1', port: (server.address() as AddressInfo).port, protocol: 'http', apiKey: 'k', maxResponseBytes: 20_000 });
    try {
      const err = await caught(client.get(XPATH));
      expect(err.code).toBe('PANOS_RESPONSE_TOO_LARGE');
      expect(err.message).toMatch(/aborted after \d+ bytes/);
    } finally {
      await client.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  test('fails with PANOS_BAD_RESPONSE and a short excerpt when the body is an HTML page', async () => {
    const d = await device(() => ({ status: 200, body: `<html><body>${'login '.repeat(100)}</body></html>`, headers: { 'content-type': 'text/html' } }));
    const err = await caught(d.client().get(XPATH));
    expect(err.code).toBe('PANOS_BAD_RESPONSE');
    expect(err.excerpt?.length).toBeLessThanOrEqual(161);
  });
});
