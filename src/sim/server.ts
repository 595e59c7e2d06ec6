/**
 * The HTTP(S) front: /api/ only, GET query or POST form, body limit, counting, faults, authentication and dispatch.
 * Any unexpected exception becomes a code 21 envelope: hostile input must never take the simulator down.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DeviceState, RequestContext } from './api-context';
import { AuthTable } from './auth';
import { handleCommit } from './commit-api';
import { handleConfig } from './config-api';
import { ApiReply, badRequest, errorLines, invalidCredential, keygenReply, sessionTimeout } from './envelope';
import { RequestFacts } from './faults';
import type { Fault } from './types';
import { handleOp, handleVersion, opKey, parseOp } from './op-api';
import { parseFragment } from './xml-tree';

/** One handled request, for logs (carries no key, password or element). */
export interface RequestLogEntry {
  readonly method: string;
  readonly type: string;
  readonly action: string;
  readonly xpath?: string;
  readonly user?: string;
  readonly status: number;
  readonly ms: number;
}

/** What the front needs besides the device. */
export interface FrontOptions {
  readonly device: DeviceState;
  readonly auth: AuthTable;
  readonly maxBodyBytes: number;
  readonly onRequest?: (e: RequestLogEntry) => void;
  /** Added to every request before it is handled (SimulatorOptions.latencyMs). */
  readonly latencyMs?: number;
  /** Sleeps that close() can cut short. */
  readonly sleep: (ms: number) => Promise<boolean>;
}

const KNOWN_TYPES = ['keygen', 'config', 'commit', 'op', 'version', 'report', 'log', 'import', 'export', 'user-id'];

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Type, action and xpaths of a request, for counters and fault matching. */
export function requestFacts(params: URLSearchParams): RequestFacts {
  const type = params.get('type') ?? '';
  const action = params.get('action') ?? '';
  const xpaths: string[] = [];
  const xp = params.get('xpath');
  if (xp) xpaths.push(xp);
  if (type === 'config' && action === 'multi-config') {
    try {
      for (const root of parseFragment(params.get('element') ?? '')) {
        for (const a of root.children) if (a.attrs.xpath) xpaths.push(a.attrs.xpath);
      }
    } catch {
      // Malformed multi-config is answered later with code 18; nothing to match here.
    }
  }
  switch (type) {
    case 'config':
      return { type, action, counterKey: `config:${action}`, xpaths };
    case 'op': {
      const cmd = parseOp(params.get('cmd') ?? '');
      const key = cmd ? opKey(cmd) : 'malformed';
      return { type, action: key, counterKey: `op:${key}`, xpaths };
    }
    case 'commit':
      return { type, action, counterKey: action === 'partial' ? 'commit:partial' : 'commit', xpaths };
    default:
      return { type, action, counterKey: type === '' ? 'none' : type, xpaths };
  }
}

function errorPage(status: 500 | 502 | 503): ApiReply {
  const text = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' }[status];
  return { status, reason: text, body: `<html><body><h1>${status} ${text}</h1></body></html>\n`, contentType: 'text/html' };
}

function send(res: ServerResponse, reply: ApiReply): void {
  if (res.destroyed || res.headersSent) return;
  const body = Buffer.from(reply.body, 'utf8');
  res.writeHead(reply.status, reply.reason, {
    'Content-Type': reply.contentType ?? 'application/xml; charset=UTF-8',
    'Content-Length': body.length,
  });
  res.end(body);
}

/** Builds the request listener. */
export function makeListener(front: FrontOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void handle(front, req, res).catch(() => {
      send(res, errorLines(['Internal error'], 21));
    });
  };
}

async function handle(front: FrontOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { device } = front;
  const started = Date.now();
  device.counters.begin();
  let ended = false;
  const done = (): void => {
    if (!ended) {
      ended = true;
      device.counters.end();
    }
  };
  res.on('close', done);
  res.on('finish', done);
  const url = new URL(req.url ?? '/', 'http://sim.invalid');
  if (url.pathname !== '/api' && url.pathname !== '/api/') {
    send(res, { status: 404, reason: 'Not Found', body: 'Not Found\n', contentType: 'text/plain; charset=UTF-8' });
    return;
  }
  let body = '';
  try {
    body = await readBody(req, front.maxBodyBytes);
  } catch (err) {
    if (err instanceof BodyTooLarge) {
      device.counters.count('none', 'too-large');
      send(res, { ...badRequest(`Request body exceeds ${front.maxBodyBytes} bytes`), status: 413, reason: 'Payload Too Large' });
      return;
    }
    throw err;
  }
  const params = new URLSearchParams(url.search);
  if (req.method === 'POST' && body !== '') for (const [k, v] of new URLSearchParams(body)) params.set(k, v);
  const facts = requestFacts(params);
  device.counters.count(facts.type === '' ? 'none' : facts.type, facts.counterKey);

  const latency = (front.latencyMs ?? 0) + device.faults.take(['latency'], facts).reduce((sum, f) => sum + f.ms, 0);
  if (latency > 0 && !(await front.sleep(latency))) return;
  const before = (f: Fault): boolean => !('after' in f && f.after === true);
  const abrupt = device.faults.take(['reset', 'http-error', 'session-timeout'], facts, { first: true, where: before })[0];
  let user: string | undefined;
  let reply: ApiReply;
  if (abrupt?.kind === 'reset') {
    req.socket.destroy();
    return;
  } else if (abrupt?.kind === 'http-error') {
    reply = errorPage(abrupt.status);
  } else if (abrupt?.kind === 'session-timeout') {
    reply = sessionTimeout();
  } else {
    const r = dispatch(front, req, params, facts);
    reply = r.reply;
    user = r.user;
    // The device has acted on the request; now its answer is lost on the way.
    const lost = device.faults.take(['reset', 'http-error'], facts, { first: true, where: (f) => !before(f) })[0];
    if (lost?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (lost?.kind === 'http-error') reply = errorPage(lost.status);
  }
  send(res, reply);
  front.onRequest?.({
    method: req.method ?? 'GET',
    type: facts.type,
    action: facts.counterKey,
    xpath: params.get('xpath') ?? undefined,
    user,
    status: reply.status,
    ms: Date.now() - started,
  });
}

function dispatch(front: FrontOptions, req: IncomingMessage, params: URLSearchParams, facts: RequestFacts): { reply: ApiReply; user?: string } {
  const type = params.get('type');
  if (type === 'keygen') {
    const key = front.auth.keygen(params.get('user'), params.get('password'));
    return { reply: key ? keygenReply(key) : invalidCredential(), user: params.get('user') ?? undefined };
  }
  const user = front.auth.authenticate(req.headers, params);
  if (!user) return { reply: invalidCredential() };
  if (type === null || type === '') return { reply: badRequest('Parameter "type" is required'), user };
  if (!KNOWN_TYPES.includes(type)) return { reply: badRequest(`Illegal value for parameter "type" [${type}].`), user };
  const ctx: RequestContext = { device: front.device, user, params, facts };
  switch (type) {
    case 'config':
      return { reply: handleConfig(ctx), user };
    case 'op':
      return { reply: handleOp(ctx), user };
    case 'commit':
      return { reply: handleCommit(ctx), user };
    case 'version':
      return { reply: handleVersion(ctx), user };
    default:
      return { reply: errorLines([`type=${type} is not supported by the simulator`], 1), user };
  }
}
