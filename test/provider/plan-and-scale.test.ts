import { ProviderClient } from '../harness';
import type { Simulator } from '../../src/sim';
import { UNKNOWN, type ValueObject } from '../../src/tfplugin/values';
import { cleanBuild, planApply, sim, startProvider } from './fixtures/session';
import { FIXTURE_PSK, transportSet } from './fixtures/transport-set';
import { obj, resource } from './fixtures/values';

afterAll(cleanBuild);

const DEV = "/config/devices/entry[@name='localhost.localdomain']";

describe('GIVEN a PAN-OS 11.1 simulator', () => {
  let s: Simulator;
  beforeAll(async () => {
    s = await sim('11.1.0');
  });
  afterAll(async () => {
    await s?.close();
  });

  test('WHEN a transport tunnel is planned after its IKEv1 gateway THEN the plan reports PANOS-TM-005', async () => {
    const p = await startProvider(s);
    try {
      const set = transportSet(5);
      const gw = resource('panosipsec_ike_gateway', { ...(set[3][1] as Record<string, never>), version: 'ikev1' });
      const gwPlan = await p.planResourceChange('panosipsec_ike_gateway', null, gw, gw);
      expect(gwPlan.diagnostics.filter((d) => d.detail?.includes('PANOS-TM-005'))).toEqual([]);
      const [, tunnel] = set[4];
      const plan = await p.planResourceChange('panosipsec_ipsec_tunnel', null, tunnel, tunnel);
      const tm5 = plan.diagnostics.find((d) => d.detail?.includes('PANOS-TM-005'));
      expect(tm5).toMatchObject({ severity: 'error', summary: 'Rule PANOS-TM-005' });
      expect(tm5?.detail).toContain('panosipsec_ike_gateway with name "gw-5"');
    } finally {
      await p.shutdown();
    }
  });

  test('WHEN a gateway names by quoted name an IKE profile planned after it THEN neither plan nor the commit plan has an error', async () => {
    const p = await startProvider(s);
    try {
      const set = transportSet(8);
      const gw = resource('panosipsec_ike_gateway', { ...(set[3][1] as Record<string, never>), ikev2_crypto_profile: 'ike-declared-later' });
      const gwPlan = await p.planResourceChange('panosipsec_ike_gateway', null, gw, gw);
      expect(gwPlan.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const profile = resource('panosipsec_ike_crypto_profile', { ...(set[1][1] as Record<string, never>), name: 'ike-declared-later' });
      const profilePlan = await p.planResourceChange('panosipsec_ike_crypto_profile', null, profile, profile);
      expect(profilePlan.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const commit = resource('panosipsec_commit', { triggers: obj({ a: UNKNOWN }) });
      const commitPlan = await p.planResourceChange('panosipsec_commit', null, commit, commit);
      expect(commitPlan.diagnostics).toEqual([]);
    } finally {
      await p.shutdown();
    }
  });

  test('fails when a quoted name is declared nowhere: the commit plan names the resource, the attribute, the value and the fix', async () => {
    const p = await startProvider(s);
    try {
      const set = transportSet(9);
      const gw = resource('panosipsec_ike_gateway', { ...(set[3][1] as Record<string, never>), ikev2_crypto_profile: 'ike-nowhere' });
      const gwPlan = await p.planResourceChange('panosipsec_ike_gateway', null, gw, gw);
      expect(gwPlan.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const commit = resource('panosipsec_commit', { triggers: obj({ a: UNKNOWN }) });
      const commitPlan = await p.planResourceChange('panosipsec_commit', null, commit, commit);
      expect(commitPlan.diagnostics).toHaveLength(1);
      expect(commitPlan.diagnostics[0]).toMatchObject({ severity: 'error', summary: 'Reference To A Missing Object' });
      expect(commitPlan.diagnostics[0].detail).toContain(
        'panosipsec_ike_gateway with name "gw-9": ikev2_crypto_profile names the IKE crypto profile "ike-nowhere", which is neither on the device nor declared in this configuration',
      );
      expect(commitPlan.diagnostics[0].detail).toContain('declare a panosipsec_ike_crypto_profile with name = "ike-nowhere"');
    } finally {
      await p.shutdown();
    }
  });

  test('WHEN a tunnel references a gateway whose name is not known yet THEN the plan has unknowns and no rule error', async () => {
    const p = await startProvider(s);
    try {
      const [[ifType, iface], , , , [, tunnel]] = transportSet(6);
      await p.planResourceChange(ifType, null, iface, iface);
      const config = resource('panosipsec_ipsec_tunnel', { ...(tunnel as Record<string, never>), auto_key: obj({ ike_gateways: UNKNOWN, ipsec_crypto_profile: UNKNOWN }) });
      const plan = await p.planResourceChange('panosipsec_ipsec_tunnel', null, config, config);
      expect(plan.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(((plan.planned as ValueObject).auto_key as ValueObject).ike_gateways).toBe(UNKNOWN);
      expect((plan.planned as ValueObject).revision).toBe(UNKNOWN);
    } finally {
      await p.shutdown();
    }
  });

  test('WHEN the pre-shared key is changed on the device THEN read shows a change once, and the key is in no log', async () => {
    const p = await startProvider(s);
    let gwState: ValueObject;
    let priv: Buffer;
    try {
      for (const [type, config] of transportSet(7, { psk: 'plain' }).slice(0, 4)) {
        const r = await planApply(p, type, null, config);
        if (type === 'panosipsec_ike_gateway') {
          gwState = r.state;
          priv = r.priv;
        }
      }
      await planApply(p, 'panosipsec_commit', null, resource('panosipsec_commit', { triggers: obj({ a: '1' }) }));
      expect(p.stderr()).not.toContain(FIXTURE_PSK);
    } finally {
      await p.shutdown();
    }
    const first = await startProvider(s);
    try {
      const r1 = await first.readResource('panosipsec_ike_gateway', gwState!, priv!);
      expect((r1.state as ValueObject).pre_shared_key).toBe(FIXTURE_PSK);
      priv = r1.private;
    } finally {
      await first.shutdown();
    }
    s.config.edit(`${DEV}/network/ike/gateway/entry[@name='gw-7']/authentication/pre-shared-key/key`, '<key>changed-out-of-band</key>');
    await s.config.commit();
    const second = await startProvider(s);
    try {
      const r2 = await second.readResource('panosipsec_ike_gateway', gwState!, priv!);
      expect((r2.state as ValueObject).pre_shared_key).toBeNull();
      expect(JSON.stringify(r2.diagnostics)).not.toContain(FIXTURE_PSK);
    } finally {
      await second.shutdown();
    }
  });

  test('WHEN 100 tunnels with their interfaces and gateways are refreshed THEN the reads cost at most 10 requests', async () => {
    const n = 100;
    const ids = Array.from({ length: n }, (_, i) => i + 100);
    s.config.set(`${DEV}/network/interface/tunnel/units`, ids.map((i) => `<entry name="tunnel.${i}"/>`).join(''));
    s.config.set(`${DEV}/network/ike/gateway`, ids.map((i) =>
      `<entry name="bulk-gw-${i}"><protocol><version>ikev2</version></protocol><local-address><interface>ethernet1/1</interface></local-address>` +
      `<peer-address><ip>203.0.113.${i}</ip></peer-address><authentication><pre-shared-key><key>k${i}</key></pre-shared-key></authentication></entry>`).join(''));
    s.config.set(`${DEV}/network/tunnel/ipsec`, ids.map((i) =>
      `<entry name="bulk-${i}"><tunnel-interface>tunnel.${i}</tunnel-interface><auto-key><ike-gateway><entry name="bulk-gw-${i}"/></ike-gateway></auto-key></entry>`).join(''));
    await s.config.commit();
    const p = await startProvider(s);
    try {
      s.counters.reset();
      let found = 0;
      for (const i of ids) {
        const reads: Array<[string, ValueObject]> = [
          ['panosipsec_tunnel_interface', resource('panosipsec_tunnel_interface', { name: `tunnel.${i}`, id: `tunnel.${i}`, revision: 'r' })],
          ['panosipsec_ike_gateway', resource('panosipsec_ike_gateway', { name: `bulk-gw-${i}`, local_interface: 'ethernet1/1', id: 'x', revision: 'r' })],
          ['panosipsec_ipsec_tunnel', resource('panosipsec_ipsec_tunnel', { name: `bulk-${i}`, tunnel_interface: `tunnel.${i}`, id: 'x', revision: 'r' })],
        ];
        for (const [type, state] of reads) {
          const r = await p.readResource(type, state);
          if (r.state !== null) found += 1;
        }
      }
      expect(found).toBe(3 * n);
      expect(s.counters.snapshot().requests).toBeLessThanOrEqual(10);
    } finally {
      await p.shutdown();
    }
  });
  test('WHEN 10 tunnels are planned in one provider process and applied in the next THEN each process reads each object kind once, in 3 requests, the memberships once in 3, and the system info once', async () => {
    const sets = Array.from({ length: 10 }, (_, i) => transportSet(60 + i, { psk: 'plain' }));
    const reads = (): { config: number; info: number } => {
      const by = s.counters.snapshot().byAction;
      return { config: (by['config:get'] ?? 0) + (by['config:show'] ?? 0), info: by['op:show-system-info'] ?? 0 };
    };
    const plan = await startProvider(s);
    try {
      s.counters.reset();
      for (const set of sets) {
        for (const [type, config] of set) {
          const r = await plan.planResourceChange(type, null, config, config);
          expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        }
      }
      // The IKE node brings both crypto profile kinds and the gateways; tunnel interfaces and tunnels one each; the
      // zones, virtual routers and vsys imports once (the device's other tunnel interfaces are judged with them).
      expect(reads()).toEqual({ config: 6, info: 1 });
    } finally {
      await plan.shutdown();
    }
    const apply = await startProvider(s);
    try {
      s.counters.reset();
      for (const set of sets) for (const [type, config] of set) await planApply(apply, type, null, config);
      // A new process reads again: the creates must not land on a name taken since the plan (takeover.ts).
      expect(reads()).toEqual({ config: 6, info: 1 });
      await planApply(apply, 'panosipsec_commit', null, resource('panosipsec_commit', { triggers: obj({ a: 'reads' }) }));
    } finally {
      await apply.shutdown();
    }
  });
});
