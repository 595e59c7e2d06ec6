/**
 * A scripted stand-in for a PAN-OS management server: a node:http(s) server on 127.0.0.1, port 0, that records
 * every request (form fields, headers, URL) and answers with whatever the test's handler returns.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { PanosClient } from '../../../src/panos/client';
import type { ClientOptions } from '../../../src/panos/client';

export interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly params: Record<string, string>;
}

export interface Scripted {
  readonly status?: number;
  readonly body?: string;
  readonly headers?: Record<string, string>;
  /** Wait before answering. */
  readonly delayMs?: number;
  /** Drop the connection instead of answering. */
  readonly reset?: boolean;
}

export type Handler = (req: Recorded, index: number) => Scripted | Promise<Scripted>;

export interface FakeDevice {
  readonly port: number;
  readonly requests: Recorded[];
  /** Highest number of requests being handled at once. */
  readonly maxConcurrent: () => number;
  client(extra?: Partial<ClientOptions>): PanosClient;
  close(): Promise<void>;
}

/** XML envelope with the PAN-OS content type. */
export function xml(body: string, status = 200): Scripted {
  return { status, body, headers: { 'content-type': 'application/xml; charset=UTF-8' } };
}

/** Starts a fake device. With `tls`, serves HTTPS with the given key and certificate. */
export async function startFakeDevice(
  handler: Handler,
  opts: { tls?: { keyPem: string; certPem: string }; port?: number } = {},
): Promise<FakeDevice> {
  const requests: Recorded[] = [];
  const clients: PanosClient[] = [];
  let active = 0;
  let peak = 0;
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        active++;
        peak = Math.max(peak, active);
        const body = Buffer.concat(chunks).toString('utf8');
        const params = Object.fromEntries(new URLSearchParams(body));
        const rec: Recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, params };
        requests.push(rec);
        try {
          const reply = await handler(rec, requests.length - 1);
          if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs).unref());
          if (reply.reset) {
            req.socket.destroy();
            return;
          }
          res.writeHead(reply.status ?? 200, reply.headers ?? { 'content-type': 'application/xml; charset=UTF-8' });
          res.end(reply.body ?? '');
        } catch (err) {
          res.writeHead(500);
          res.end(String(err));
        } finally {
          active--;
        }
      })();
    });
  };
  const server = opts.tls
    ? https.createServer({ key: opts.tls.keyPem, cert: opts.tls.certPem }, onRequest)
    : http.createServer(onRequest);
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    requests,
    maxConcurrent: () => peak,
    client(extra: Partial<ClientOptions> = {}): PanosClient {
      const c = new PanosClient({
        hostname: '127.0.0.1',
        port,
        protocol: opts.tls ? 'https' : 'http',
        apiKey: 'TEST-KEY-abc123==',
        retries: { baseDelayMs: 5, maxDelayMs: 20 },
        ...extra,
      } as ClientOptions);
      clients.push(c);
      return c;
    },
    async close(): Promise<void> {
      await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Canonical envelopes from xml-api-exchanges.md. */
export const ENVELOPES = {
  keygenOk: (key: string): string => `<response status = 'success'><result><key>${key}</key></result></response>`,
  invalidCredential: "<response status = 'error' code = '403'><result><msg>Invalid Credential</msg></result></response>",
  sessionTimeout: '<response status="unauth" code="22"><msg><line>Session timed out</line></msg></response>',
  commandSucceeded: '<response status="success" code="20"><msg>command succeeded</msg></response>',
  getMissing: '<response status="success" code="7"><result/></response>',
  showMissing: '<response status="error"><msg><line>No such node</line></msg></response>',
  deleteMissing: '<response status="success" code="7"><msg>Object doesn\'t exist</msg></response>',
  noChanges: '<response status="success" code="19"><msg>There are no changes to commit.</msg></response>',
  enqueued: (id: number): string =>
    `<response status="success" code="19"><result><msg><line>Commit job enqueued with jobid ${id}</line></msg><job>${id}</job></result></response>`,
  job: (id: number, status: string, result: string, progress: string, details = '', warnings = ''): string =>
    `<response status="success"><result><job><tenq>2024/06/11 09:31:02</tenq><tdeq>09:31:02</tdeq><id>${id}</id>` +
    `<user>api-admin</user><type>Commit</type><status>${status}</status><queued>NO</queued><stoppable>no</stoppable>` +
    `<result>${result}</result><tfin>Still Active</tfin><description>vpn tun1</description><positionInQ>0</positionInQ>` +
    `<progress>${progress}</progress><details>${details}</details><warnings>${warnings}</warnings></job></result></response>`,
  systemInfo: (version: string): string =>
    `<response status="success"><result><system>\n  <hostname>fw-vpn-01</hostname>\n  <family>vm</family>\n  <model>PA-VM</model>\n` +
    `  <serial>007954000123456</serial>\n  <sw-version>${version}</sw-version>\n  <multi-vsys>off</multi-vsys>\n` +
    `  <plugin_versions><entry name='dlp' version='3.0.9'><pkginfo>dlp-3.0.9</pkginfo></entry></plugin_versions>\n</system></result></response>`,
} as const;
