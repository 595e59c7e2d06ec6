/**
 * The foundation end to end: a full transport-mode set written through the client with the object model, committed on
 * the simulator, and read back from the running configuration; the same model refused before any write on 10.2; the raw
 * XML refused by a 10.2 simulator itself.
 */
import { PanosApiError, PanosClient } from '../../src/panos/client';
import {
  ikeCryptoProfile,
  ikeGateway,
  ipsecCryptoProfile,
  ipsecTunnel,
  memberXpath,
  tunnelInterface,
  virtualRouterInterfacesXpath,
  vsysImportInterfacesXpath,
  zoneMembersXpath,
  VersionGateError,
  type IkeCryptoProfile,
  type IkeGateway,
  type IpsecCryptoProfile,
  type IpsecTunnel,
  type Location,
  type TunnelInterface,
} from '../../src/panos/objects';
import { el, serializeXml } from '../../src/panos/xml';
import { startSimulator } from '../../src/sim';
import type { Simulator } from '../../src/sim/types';

const LOC: Location = { type: 'vsys', vsys: 'vsys1' };

const IFACE: TunnelInterface = { name: 'tunnel.7', comment: 'BGP to peer', ipv4Addresses: ['169.254.7.1/30'] };
const IKE: IkeCryptoProfile = {
  name: 'ike-gcm256',
  dhGroups: ['group20'],
  authentication: ['sha384'],
  encryption: ['aes-256-gcm'],
  lifetime: { unit: 'hours', value: 8 },
};
const ESP: IpsecCryptoProfile = {
  name: 'esp-gcm256',
  protocol: 'esp',
  espEncryption: ['aes-256-gcm'],
  espAuthentication: ['none'],
  dhGroup: 'group20',
  lifetime: { unit: 'hours', value: 1 },
};
const GW: IkeGateway = {
  name: 'gw-peer',
  version: 'ikev2',
  authentication: 'pre-shared-key',
  preSharedKey: 'correct horse battery staple',
  localInterface: 'ethernet1/1',
  localIp: '198.51.100.1/24',
  peerIp: '198.51.100.2',
  ikev2CryptoProfile: 'ike-gcm256',
  natTraversal: false,
};
const TUNNEL: IpsecTunnel = {
  name: 'bgp-transport',
  tunnelInterface: 'tunnel.7',
  autoKey: { ikeGateways: ['gw-peer'], ipsecCryptoProfile: 'esp-gcm256' },
  ipsecMode: 'transport',
  antiReplay: true,
  antiReplayWindow: '512',
  enableGreEncapsulation: true,
};

function clientFor(sim: Simulator): PanosClient {
  const url = new URL(sim.url);
  return new PanosClient({ hostname: url.hostname, port: Number(url.port), protocol: 'http', apiKey: sim.apiKey });
}

async function writeSet(client: PanosClient): Promise<void> {
  await client.putObject(tunnelInterface, LOC, IFACE);
  await client.set(zoneMembersXpath(LOC, 'trust'), el('member', IFACE.name));
  await client.set(virtualRouterInterfacesXpath(LOC, 'default'), el('member', IFACE.name));
  await client.set(vsysImportInterfacesXpath(LOC), el('member', IFACE.name));
  await client.putObject(ikeCryptoProfile, LOC, IKE);
  await client.putObject(ipsecCryptoProfile, LOC, ESP);
  await client.putObject(ikeGateway, LOC, GW);
  await client.putObject(ipsecTunnel, LOC, TUNNEL);
}

describe('a transport-mode set through the client', () => {
  let sim: Simulator;
  let client: PanosClient;
  beforeAll(async () => {
    sim = await startSimulator({ panosVersion: '11.1.0', commitDurationMs: 50 });
    client = clientFor(sim);
  });
  afterAll(async () => {
    await client.close();
    await sim.close();
  });

  test('GIVEN an 11.1 device WHEN the set is written and committed THEN running config reads back equal', async () => {
    await writeSet(client);
    const progress: number[] = [];
    const result = await client.commit({ pollIntervalMs: 10, onProgress: (p) => progress.push(Number(p.progress)) });
    expect(result.noChanges).toBe(false);
    expect(result.result).toBe('OK');
    expect(progress[progress.length - 1]).toBe(100);

    const tunnel = await client.getObject(ipsecTunnel, LOC, TUNNEL.name, { running: true });
    expect(tunnel?.model).toEqual({ ...TUNNEL, keyType: 'auto-key' });
    expect((await client.getObject(ikeCryptoProfile, LOC, IKE.name, { running: true }))?.model).toEqual(IKE);
    expect((await client.getObject(ipsecCryptoProfile, LOC, ESP.name, { running: true }))?.model).toEqual(ESP);
    expect((await client.getObject(tunnelInterface, LOC, IFACE.name, { running: true }))?.model).toEqual(IFACE);

    const gw = (await client.getObject(ikeGateway, LOC, GW.name, { running: true }))?.model;
    const { preSharedKey, ...gwWithoutKey } = GW;
    expect(gw).toMatchObject(gwWithoutKey);
    // The device keeps the key encrypted: the plaintext never comes back.
    expect(gw?.preSharedKey).toBeUndefined();
    expect(gw?.preSharedKeyEncrypted).toBeTruthy();
    expect(gw?.preSharedKeyEncrypted).not.toContain(preSharedKey);

    expect(sim.config.running(memberXpath(zoneMembersXpath(LOC, 'trust'), IFACE.name))).toContain('tunnel.7');
    expect(sim.config.pendingChanges()).toBe(false);
  });
});

describe('the same set aimed at PAN-OS 10.2', () => {
  let sim: Simulator;
  let client: PanosClient;
  beforeAll(async () => {
    sim = await startSimulator({ panosVersion: '10.2.9', commitDurationMs: 50 });
    client = clientFor(sim);
  });
  afterAll(async () => {
    await client.close();
    await sim.close();
  });

  test('fails when the client is asked to write the transport tunnel: refused before any write', async () => {
    await client.version();
    sim.counters.reset();
    const err = await client.putObject(ipsecTunnel, LOC, TUNNEL).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(VersionGateError);
    expect((err as Error).message).toMatch(/ipsec/i);
    expect((err as Error).message).toContain('11.0');
    expect((err as Error).message).toContain('10.2.9');
    const counts = sim.counters.snapshot();
    expect(Object.keys(counts.byAction).filter((k) => /config:(set|edit|delete|multi-config)/.test(k))).toEqual([]);
    expect(sim.config.candidate(ipsecTunnel.entryXpath(LOC, TUNNEL.name))).toBe('');
  });

  test('fails when the raw XML is sent straight to the 10.2 simulator: the device refuses ipsec-mode', async () => {
    const raw = el('entry', [
      el('auto-key', [el('ike-gateway', [el('entry', [], { name: 'gw-peer' })]), el('ipsec-crypto-profile', 'default')]),
      el('tunnel-interface', 'tunnel.7'),
      el('ipsec-mode', 'transport'),
    ], { name: 'raw-transport' });
    const err = await client.set(ipsecTunnel.containerXpath(LOC), raw).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PanosApiError);
    expect((err as PanosApiError).panosCode).toBe(12);
    expect((err as Error).message).toContain('ipsec-mode unexpected here');
    expect(serializeXml(raw)).toContain('ipsec-mode');
    expect(sim.config.candidate(ipsecTunnel.entryXpath(LOC, 'raw-transport'))).toBe('');
  });
});
