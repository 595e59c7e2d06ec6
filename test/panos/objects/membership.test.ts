import {
  importedInterfaces,
  membershipOf,
  tunnelInterface,
  virtualRouterMembership,
  vsysImportMembership,
  zoneMembership,
} from '../../../src/panos/objects';
import { parseXml } from '../../../src/panos/xml';

const ZONES = parseXml(`<response status="success"><result total-count="1" count="1"><zone>
  <entry name="trust"><network><layer3><member>ethernet1/2</member></layer3></network></entry>
  <entry name="vpn" admin="a" dirtyId="1"><network><layer3><member>tunnel.1</member><member>tunnel.2</member></layer3><zone-protection-profile>zp</zone-protection-profile></network></entry>
  <entry name="l2"><network><layer2><member>ethernet1/9</member></layer2></network></entry>
</zone></result></response>`);

const ROUTERS = parseXml(`<virtual-router>
  <entry name="default"><interface><member>ethernet1/1</member><member>tunnel.1</member></interface><routing-table/></entry>
  <entry name="vr-b"><interface><member>tunnel.2</member></interface></entry>
</virtual-router>`);

const VSYS = parseXml(`<vsys>
  <entry name="vsys1"><import><network><interface><member>tunnel.1</member><member>ethernet1/1</member></interface></network></import></entry>
  <entry name="vsys2"><import><network><interface><member>tunnel.2</member></interface><virtual-router><member>vr-b</member></virtual-router></network></import></entry>
</vsys>`);

describe('tunnel interface membership', () => {
  it('GIVEN one bulk read of zones WHEN indexed THEN each layer3 member maps to its zone', () => {
    const zones = zoneMembership(ZONES.children[0]);
    expect(zones.get('tunnel.1')).toBe('vpn');
    expect(zones.get('tunnel.2')).toBe('vpn');
    expect(zones.get('ethernet1/2')).toBe('trust');
    expect(zones.has('ethernet1/9')).toBe(false);
  });

  it('GIVEN the API <result> wrapper WHEN indexed THEN the zone container inside it is found', () => {
    const result = ZONES.children[0];
    expect(result.name).toBe('result');
    expect(zoneMembership(result).get('tunnel.1')).toBe('vpn');
  });

  it('GIVEN routers and vsys imports WHEN indexed THEN membershipOf fills zone, virtualRouter and vsys for a tunnel', () => {
    const maps = {
      zones: zoneMembership(ZONES.children[0]),
      virtualRouters: virtualRouterMembership(ROUTERS),
      vsysImports: vsysImportMembership(VSYS),
    };
    expect(membershipOf('tunnel.1', maps)).toEqual({ zone: 'vpn', virtualRouter: 'default', vsys: 'vsys1' });
    expect(membershipOf('tunnel.2', maps)).toEqual({ zone: 'vpn', virtualRouter: 'vr-b', vsys: 'vsys2' });
    expect(membershipOf('tunnel.9', maps)).toEqual({});
  });

  it('GIVEN a decoded interface WHEN membership is merged in THEN the model carries it and re-encoding ignores it', () => {
    const { model, raw } = tunnelInterface.decode(parseXml('<entry name="tunnel.1"><mtu>1400</mtu></entry>'));
    const full = { ...model, ...membershipOf('tunnel.1', { zones: zoneMembership(ZONES.children[0]), virtualRouters: virtualRouterMembership(ROUTERS) }) };
    expect(full).toEqual({ name: 'tunnel.1', mtu: 1400, zone: 'vpn', virtualRouter: 'default' });
    expect(tunnelInterface.encode(full, '10.2.0', raw)).toEqual(raw);
    expect(tunnelInterface.references(full)).toEqual([
      { kind: 'zone', name: 'vpn', field: 'zone' },
      { kind: 'virtual-router', name: 'default', field: 'virtualRouter' },
    ]);
  });

  it('GIVEN an import list, its <import> ancestor or nothing WHEN read THEN the imported set is right', () => {
    const imp = VSYS.children[0].children[0];
    expect([...importedInterfaces(imp)]).toEqual(['tunnel.1', 'ethernet1/1']);
    expect([...importedInterfaces(imp.children[0].children[0])]).toEqual(['tunnel.1', 'ethernet1/1']);
    expect(importedInterfaces(undefined).size).toBe(0);
  });

  it('fails when a tunnel interface declares an invalid zone or vsys name', () => {
    expect(() => tunnelInterface.encode({ name: 'tunnel.1', zone: "vpn']" }, '10.2.0')).toThrow(/zone = "vpn'\]"/);
    expect(() => tunnelInterface.encode({ name: 'tunnel.1', vsys: 'shared' }, '10.2.0')).toThrow(/vsys/);
  });
});
