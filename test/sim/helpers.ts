/** Test helpers: a tiny XML API caller against a running simulator. */
import { Agent, request } from 'undici';
import type { Simulator } from '../../src/sim';
import { SimNode, parseElement, pathOf } from '../../src/sim/xml-tree';

export const DEV = "/config/devices/entry[@name='localhost.localdomain']";
export const VSYS = `${DEV}/vsys/entry[@name='vsys1']`;

/** A parsed answer. */
export interface Answer {
  status: number;
  body: string;
  doc: SimNode;
  headers: Record<string, string | string[] | undefined>;
}

/** POSTs form fields to /api/ with the simulator's key (unless `key` is given as null or a string). */
export async function api(
  sim: Simulator,
  fields: Record<string, string>,
  opts: { key?: string | null; dispatcher?: Agent; method?: 'GET' | 'POST'; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const key = opts.key === undefined ? sim.apiKey : opts.key;
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (key !== null) headers['X-PAN-KEY'] = key;
  const form = new URLSearchParams(fields).toString();
  const method = opts.method ?? 'POST';
  const url = method === 'GET' ? `${sim.url}/api/?${form}` : `${sim.url}/api/`;
  if (method === 'POST') headers['content-type'] = 'application/x-www-form-urlencoded';
  const res = await request(url, { method, headers, body: method === 'POST' ? form : undefined, dispatcher: opts.dispatcher });
  const body = await res.body.text();
  let doc: SimNode;
  try {
    doc = parseElement(body);
  } catch {
    doc = { name: '#none', attrs: {}, children: [], text: body };
  }
  return { status: res.statusCode, body, doc, headers: res.headers };
}

export const config = (sim: Simulator, action: string, xpath: string, element?: string, key?: string): Promise<Answer> =>
  api(sim, { type: 'config', action, xpath, ...(element !== undefined ? { element } : {}) }, key !== undefined ? { key } : {});

export const op = (sim: Simulator, cmd: string, key?: string, extra: Record<string, string> = {}): Promise<Answer> =>
  api(sim, { type: 'op', cmd, ...extra }, key !== undefined ? { key } : {});

/** Text of every <line> under the answer (nested lines included). */
export function lines(a: Answer): string[] {
  const out: string[] = [];
  const walk = (n: SimNode): void => {
    if (n.name === 'line' && n.children.length === 0) out.push(n.text.trim());
    n.children.forEach(walk);
  };
  walk(a.doc);
  return out;
}

/** Commits and waits for the job; returns the final job element. */
export async function commitAndWait(sim: Simulator, cmd = '<commit></commit>', key?: string, action?: string): Promise<SimNode> {
  const a = await api(sim, { type: 'commit', cmd, ...(action ? { action } : {}) }, key !== undefined ? { key } : {});
  const id = pathOf(a.doc, 'result', 'job')?.text;
  if (!id) throw new Error(`commit did not enqueue a job: ${a.body}`);
  return waitJob(sim, id, key);
}

/** Polls a job until FIN. */
export async function waitJob(sim: Simulator, id: string, key?: string): Promise<SimNode> {
  for (let i = 0; i < 500; i++) {
    const j = await op(sim, `<show><jobs><id>${id}</id></jobs></show>`, key);
    const job = pathOf(j.doc, 'result', 'job');
    if (job && pathOf(job, 'status')?.text === 'FIN') return job;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`job ${id} did not finish`);
}

/** Keygen for a user. */
export async function keygen(sim: Simulator, user: string, password: string): Promise<string> {
  const a = await api(sim, { type: 'keygen', user, password }, { key: null });
  const key = pathOf(a.doc, 'result', 'key')?.text;
  if (!key) throw new Error(`keygen failed: ${a.body}`);
  return key;
}
