import {
  ALL_DESCRIPTORS,
  descriptorFor,
  ikeCryptoProfile,
  ikeGateway,
  ipsecCryptoProfile,
  ipsecTunnel,
  tunnelInterface,
  tunnelMonitorProfile,
  type PanosObjectDescriptor,
} from '../../../src/panos/objects';
import { parseXml, serializeXml } from '../../../src/panos/xml';
import { AH_PROFILE, GATEWAY, IKE_PROFILE, IPSEC_PROFILE, MONITOR_PROFILE, TUNNEL, TUNNEL_INTERFACE } from './fixtures';

const cases: Array<[string, PanosObjectDescriptor<{ name: string }>, { name: string }]> = [
  ['tunnel interface', tunnelInterface as never, TUNNEL_INTERFACE],
  ['tunnel monitor profile', tunnelMonitorProfile as never, MONITOR_PROFILE],
  ['IKE crypto profile', ikeCryptoProfile as never, IKE_PROFILE],
  ['IPSec crypto profile (esp)', ipsecCryptoProfile as never, IPSEC_PROFILE],
  ['IPSec crypto profile (ah)', ipsecCryptoProfile as never, AH_PROFILE],
  ['IKE gateway', ikeGateway as never, GATEWAY],
  ['IPSec tunnel', ipsecTunnel as never, TUNNEL],
];

describe('round trips', () => {
  for (const version of ['10.2.9', '11.1.2-h3']) {
    for (const [label, d, model] of cases) {
      it(`GIVEN a full ${label} WHEN encoded for ${version}, serialized, parsed and decoded THEN the model is unchanged`, () => {
        const xml = serializeXml(d.encode(model, version));
        expect(d.decode(parseXml(xml)).model).toEqual(model);
      });
    }
  }

  it.each(['tunnel', 'transport'] as const)('GIVEN a tunnel in %s mode WHEN round-tripped for 11.1 THEN ipsecMode survives', (mode) => {
    const model = { ...TUNNEL, ipsecMode: mode };
    const xml = serializeXml(ipsecTunnel.encode(model, '11.1.0'));
    expect(xml).toContain(`<ipsec-mode>${mode}</ipsec-mode>`);
    expect(ipsecTunnel.decode(parseXml(xml)).model).toEqual(model);
  });

  it('GIVEN minimal models WHEN encoded THEN only the declared elements are written', () => {
    const xml = serializeXml(ipsecTunnel.encode({ name: 't', tunnelInterface: 'tunnel.1', autoKey: { ikeGateways: ['g'] } }, '11.1.0'));
    expect(xml).toBe('<entry name="t"><tunnel-interface>tunnel.1</tunnel-interface><auto-key><ike-gateway><entry name="g"/></ike-gateway></auto-key></entry>');
    expect(serializeXml(tunnelMonitorProfile.encode({ name: 'm' }, '10.2.0'))).toBe('<entry name="m"/>');
  });

  it('GIVEN an IKE gateway with a profile per protocol block WHEN encoded THEN each sits in its own block, whatever the version', () => {
    const base = { name: 'g', localInterface: 'ethernet1/1', peerDynamic: true };
    const v1 = serializeXml(ikeGateway.encode({ ...base, version: 'ikev1', ikev1CryptoProfile: 'p1' }, '10.2.0'));
    const pref = serializeXml(ikeGateway.encode({ ...base, version: 'ikev2-preferred', ikev1CryptoProfile: 'p1', ikev2CryptoProfile: 'p2' }, '10.2.0'));
    expect(v1).toContain('<ikev1><ike-crypto-profile>p1</ike-crypto-profile></ikev1>');
    expect(v1).not.toContain('<ikev2>');
    expect(pref).toContain('<ikev1><ike-crypto-profile>p1</ike-crypto-profile></ikev1>');
    expect(pref).toContain('<ikev2><ike-crypto-profile>p2</ike-crypto-profile></ikev2>');
    expect(v1).toContain('<peer-address><dynamic/></peer-address>');
  });

  it('GIVEN text with XML metacharacters WHEN encoded and serialized THEN it is escaped and reads back verbatim', () => {
    const xml = serializeXml(tunnelInterface.encode({ name: 'tunnel.1', comment: `</comment><x a='1'>&amp;` }, '10.2.0'));
    expect(xml).not.toContain('<x ');
    expect(tunnelInterface.decode(parseXml(xml)).model.comment).toBe(`</comment><x a='1'>&amp;`);
  });

  it('GIVEN the registry WHEN listed THEN it holds every kind in dependency order and descriptorFor finds each', () => {
    expect(ALL_DESCRIPTORS.map((d) => d.kind)).toEqual([
      'tunnel-interface',
      'tunnel-monitor-profile',
      'ike-crypto-profile',
      'ipsec-crypto-profile',
      'ike-gateway',
      'ipsec-tunnel',
    ]);
    for (const d of ALL_DESCRIPTORS) expect(descriptorFor(d.kind)).toBe(d);
  });

  it('fails when descriptorFor is asked for an unknown kind', () => {
    expect(() => descriptorFor('nat-rule' as never)).toThrow(/unknown PAN-OS object kind/);
  });
});
