/** Starts the simulator: device state, HTTP or HTTPS listener, out-of-band config view, clean shutdown. */
import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { makeSelfSignedCertificate } from '../util/self-signed-cert';
import { DeviceState } from './api-context';
import { AuthTable } from './auth';
import { ConfigError, ConfigStore, parseElements } from './config-store';
import { Counters } from './counters';
import { FaultEngine } from './faults';
import { initialConfig } from './initial-config';
import { JobQueue } from './jobs';
import { LabFabric, VpnNode } from './lab/fabric';
import { LockTable } from './locks';
import { RequestLogEntry, makeListener } from './server';
import { parseSimVersion } from './sim-version';
import { ConfigView, Simulator, SimulatorOptions } from './types';
import { serialize } from './xml-tree';

/** Options the CLI adds on top of the public ones. */
export interface SimulatorRuntimeOptions extends SimulatorOptions {
  /** Called after each answered request (no secrets in the entry). */
  onRequest?: (e: RequestLogEntry) => void;
  /** The lab this device negotiates in (src/sim/lab); a lone simulator is a lab of one. */
  fabric?: LabFabric;
  /** 1:1 NAT in front of ethernet1/1 (lab devices only). */
  nat?: { readonly inside: string; readonly outside: string };
}

const OOB_ADMIN = 'oob-admin';

function configView(store: ConfigStore, vpn: VpnNode): ConfigView {
  const dump = (which: 'candidate' | 'running', xpath?: string): string =>
    store.select(xpath ?? '/config', which).map((ch) => serialize(ch[ch.length - 1])).join('');
  const rethrow = (fn: () => void): void => {
    try {
      fn();
    } catch (err) {
      if (err instanceof ConfigError) throw new Error(`config view: ${err.message} (code ${err.code ?? 'none'})`);
      throw err;
    }
  };
  return {
    running: (xpath) => dump('running', xpath),
    candidate: (xpath) => dump('candidate', xpath),
    set: (xpath, xml) => rethrow(() => store.set(OOB_ADMIN, xpath, parseElements(xml))),
    edit: (xpath, xml) => rethrow(() => store.edit(OOB_ADMIN, xpath, parseElements(xml))),
    delete: (xpath) => rethrow(() => store.delete(OOB_ADMIN, xpath)),
    pendingChanges: () => store.pendingChanges(),
    commit: async () => {
      const plan = store.planCommit();
      if (!plan) return;
      const tree = store.resultOf(plan);
      const problems = store.validate(tree);
      if (problems) throw new Error(problems.map((l) => l.trim()).join('\n'));
      store.applyCommit(plan, tree);
      vpn.committed();
    },
  };
}

/** Starts a simulator and resolves once it listens. */
export async function startSimulator(opts: SimulatorRuntimeOptions = {}): Promise<Simulator> {
  const version = parseSimVersion(opts.panosVersion ?? '11.1.0');
  const users = new Map(Object.entries(opts.users ?? { admin: randomBytes(12).toString('base64url') }));
  if (users.size === 0) throw new Error('users must hold at least one username → password pair');
  const [username, password] = [...users.entries()][0];
  const host = opts.host ?? '127.0.0.1';
  const hostname = opts.hostname ?? 'fw-sim-01';
  const jobs = new JobQueue(Math.max(0, opts.commitDurationMs ?? 300));
  const store = new ConfigStore(version, initialConfig(version.text, hostname, opts.interfaces));
  const fabric = opts.fabric ?? new LabFabric();
  const vpn = fabric.join({ name: hostname, running: () => store.running, ...(opts.nat ? { nat: opts.nat } : {}) });
  const device: DeviceState = {
    version,
    store,
    jobs,
    locks: new LockTable(),
    faults: new FaultEngine(),
    counters: new Counters(),
    info: { hostname, model: opts.model ?? 'PA-VM', serial: opts.serial ?? '0079540000SIM01', ipAddress: host },
    startedAt: new Date(),
    vpn,
  };
  const auth = new AuthTable(users);
  const apiKey = auth.keygen(username, password) as string;

  let closing = false;
  const sleepers = new Set<{ timer: NodeJS.Timeout; resolve: (v: boolean) => void }>();
  const sleep = (ms: number): Promise<boolean> =>
    new Promise((resolve) => {
      if (closing) return resolve(false);
      const s = {
        timer: setTimeout(() => {
          sleepers.delete(s);
          resolve(true);
        }, ms),
        resolve,
      };
      sleepers.add(s);
    });

  const listener = makeListener({ device, auth, maxBodyBytes: opts.maxBodyBytes ?? 10 * 1024 * 1024, latencyMs: Math.max(0, opts.latencyMs ?? 0), onRequest: opts.onRequest, sleep });
  let caCertPem: string | undefined;
  let server: http.Server | https.Server;
  if (opts.tls) {
    const cert = await makeSelfSignedCertificate({ commonName: 'panos-sim', ipAddresses: ['127.0.0.1', ...(host !== '127.0.0.1' && /^[\d.]+$/.test(host) ? [host] : [])] });
    caCertPem = cert.certPem;
    server = https.createServer({ key: cert.keyPem, cert: cert.certPem }, listener);
  } else {
    server = http.createServer(listener);
  }
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `${opts.tls ? 'https' : 'http'}://${urlHost}:${port}`,
    apiKey,
    username,
    password,
    panosVersion: version.text,
    caCertPem,
    faults: device.faults,
    counters: device.counters,
    config: configView(store, vpn),
    close: async () => {
      if (closing) return;
      closing = true;
      jobs.close();
      for (const s of sleepers) {
        clearTimeout(s.timer);
        s.resolve(false);
      }
      sleepers.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
    },
  };
}
