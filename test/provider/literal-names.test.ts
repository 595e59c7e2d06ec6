/**
 * Objects that name each other by quoted name give Terraform no order: the provider orders the writes itself, so
 * PAN-OS never sees a reference to an object this process is about to write, or a delete of an object still named by
 * one it is about to delete; and a name declared nowhere fails before the commit, per resource.
 */
import type { ConfigOp, PanosClient } from '../../src/panos/client';
import { WriteBatcher } from '../../src/provider/write-batcher';
import { writeOrder } from '../../src/provider/references';
import type { Simulator } from '../../src/sim';
import type { Logger } from '../../src/tfplugin';
import type { ValueObject } from '../../src/tfplugin/values';
import { ProviderClient } from '../harness';
import { cleanBuild, sim, startProvider } from './fixtures/session';
import { transportSet } from './fixtures/transport-set';
import { obj, resource } from './fixtures/values';

afterAll(cleanBuild);

const DEV = "/config/devices/entry[@name='localhost.localdomain']";
const silent: Logger = { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

describe('GIVEN the write batcher and writes of several kinds arriving together', () => {
  test('WHEN they go out in one request THEN referenced kinds are written first and deletes run referrers first', async () => {
    const sent: ConfigOp[][] = [];
    const client = { multiConfig: async (ops: ConfigOp[]) => void sent.push(ops) } as unknown as PanosClient;
    const batcher = new WriteBatcher(() => client, silent, { fullBatch: () => 6 });
    const op = (xpath: string, action: ConfigOp['action'] = 'edit'): ConfigOp[] => [{ action, xpath }];
    await Promise.all([
      batcher.submit(op('tunnel'), 't', writeOrder('ipsec-tunnel', 'write')),
      batcher.submit(op('del-profile', 'delete'), 'p', writeOrder('ike-crypto-profile', 'delete')),
      batcher.submit(op('gateway'), 'g', writeOrder('ike-gateway', 'write')),
      batcher.submit(op('del-gateway', 'delete'), 'dg', writeOrder('ike-gateway', 'delete')),
      batcher.submit(op('profile'), 'ip', writeOrder('ipsec-crypto-profile', 'write')),
      batcher.submit(op('interface'), 'i', writeOrder('tunnel-interface', 'write')),
    ]);
    expect(sent).toHaveLength(1);
    expect(sent[0].map((o) => o.xpath)).toEqual(['profile', 'interface', 'gateway', 'tunnel', 'del-gateway', 'del-profile']);
  });
});

describe('GIVEN a PAN-OS 11.1 simulator and one provider process applying resources that name each other by quoted name', () => {
  let s: Simulator;
  let p: ProviderClient;
  const set = transportSet(4);
  const configs = new Map(set);
  const states = new Map<string, ValueObject>();

  beforeAll(async () => {
    s = await sim('11.1.0');
    p = await startProvider(s);
  });
  afterAll(async () => {
    await p?.shutdown();
    await s?.close();
  });

  async function commit(client: ProviderClient, trigger: string): Promise<Awaited<ReturnType<ProviderClient['applyResourceChange']>>> {
    const config = resource('panosipsec_commit', { triggers: obj({ a: trigger }) });
    const plan = await client.planResourceChange('panosipsec_commit', null, config, config);
    return client.applyResourceChange('panosipsec_commit', null, plan.planned, config, plan.private);
  }

  const plans = new Map<string, Awaited<ReturnType<ProviderClient['planResourceChange']>>>();

  async function apply(type: string): Promise<string[]> {
    const config = configs.get(type) as ValueObject;
    const plan = plans.get(type);
    const applied = await p.applyResourceChange(type, null, plan?.planned ?? null, config, plan?.private);
    states.set(type, applied.state as ValueObject);
    return applied.diagnostics.map((d) => `${d.summary}: ${d.detail}`);
  }

  test('WHEN the tunnel is applied before the objects it names THEN its write waits for them instead of dangling', async () => {
    for (const [type, config] of set) plans.set(type, await p.planResourceChange(type, null, config, config));
    expect([...plans.values()].flatMap((x) => x.diagnostics).filter((d) => d.severity === 'error')).toEqual([]);
    const tunnel = apply('panosipsec_ipsec_tunnel');
    await new Promise((r) => setTimeout(r, 600));
    // Any write goes out within 400 ms of arriving; the tunnel is still held back.
    expect(s.config.candidate(`${DEV}/network/tunnel/ipsec/entry[@name='tm-4']`)).toBe('');
    const others = await Promise.all(['panosipsec_tunnel_interface', 'panosipsec_ike_crypto_profile', 'panosipsec_ipsec_crypto_profile', 'panosipsec_ike_gateway'].map(apply));
    expect(others.flat()).toEqual([]);
    expect(await tunnel).toEqual([]);
    expect(s.config.candidate(`${DEV}/network/tunnel/ipsec/entry[@name='tm-4']`)).toContain('<entry name="gw-4"/>');
    expect((await commit(p, '1')).diagnostics).toEqual([]);
    expect(s.config.pendingChanges()).toBe(false);
  });

  test('WHEN the gateway is destroyed before the tunnel that names it THEN its delete waits, and both deletes succeed', async () => {
    const gw = p.applyResourceChange('panosipsec_ike_gateway', states.get('panosipsec_ike_gateway') ?? null, null, null);
    await new Promise((r) => setTimeout(r, 600));
    const tunnel = await p.applyResourceChange('panosipsec_ipsec_tunnel', states.get('panosipsec_ipsec_tunnel') ?? null, null, null);
    expect(tunnel.diagnostics).toEqual([]);
    expect((await gw).diagnostics).toEqual([]);
    expect(s.config.candidate(`${DEV}/network/ike/gateway/entry[@name='gw-4']`)).toBe('');
  });

  test('fails when a tunnel names a gateway declared nowhere: the commit is refused per resource and nothing is committed', async () => {
    const fresh = await startProvider(s);
    try {
      const config = resource('panosipsec_ipsec_tunnel', {
        ...(configs.get('panosipsec_ipsec_tunnel') as Record<string, never>),
        name: 'tm-orphan',
        auto_key: obj({ ike_gateways: ['gw-nowhere'], ipsec_crypto_profile: 'ipsec-tm-4' }),
      });
      const plan = await fresh.planResourceChange('panosipsec_ipsec_tunnel', null, config, config);
      expect(plan.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const applied = await fresh.applyResourceChange('panosipsec_ipsec_tunnel', null, plan.planned, config, plan.private);
      expect(applied.diagnostics.map((d) => [d.severity, d.summary, d.path])).toEqual([['warning', 'Written With A Missing Reference', ['auto_key', 'ike_gateways']]]);
      expect(applied.diagnostics[0].detail).toContain('auto_key.ike_gateways names the IKE gateway "gw-nowhere"');
      const commitsBefore = s.counters.snapshot().commits;
      const refused = await commit(fresh, '2');
      expect(refused.diagnostics.map((d) => d.summary)).toEqual(['Reference To A Missing Object']);
      expect(refused.diagnostics[0].detail).toContain(
        'panosipsec_ipsec_tunnel with name "tm-orphan": auto_key.ike_gateways names the IKE gateway "gw-nowhere", which is not in the device\'s candidate configuration',
      );
      expect(s.counters.snapshot().commits).toBe(commitsBefore);
    } finally {
      await fresh.shutdown();
    }
  });
});
