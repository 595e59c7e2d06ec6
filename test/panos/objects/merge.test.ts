import { ikeGateway, ipsecCryptoProfile, ipsecTunnel, tunnelInterface, ikeCryptoProfile } from '../../../src/panos/objects';
import { parseXml, serializeXml, type XmlElement } from '../../../src/panos/xml';
import { GATEWAY, TUNNEL } from './fixtures';

const DEVICE_TUNNEL = `
<entry name="vpn-branch" uuid="5d3c8a1e-0000-4000-8000-00000000abcd" admin="admin" dirtyId="7" time="2025/01/02 03:04:05">
  <tunnel-interface>tunnel.12</tunnel-interface>
  <future-knob>yes</future-knob>
  <auto-key admin="admin" dirtyId="7" time="2025/01/02 03:04:05">
    <ike-gateway><entry name="gw-branch" x-vendor="keep-me"/></ike-gateway>
    <ipsec-crypto-profile>esp-gcm</ipsec-crypto-profile>
    <proxy-id><entry name="web" future-attr="1"><local>10.1.0.0/24</local><remote>10.2.0.0/24</remote><protocol><tcp><local-port>0</local-port><remote-port>443</remote-port></tcp></protocol><pid-knob>on</pid-knob></entry></proxy-id>
  </auto-key>
  <tunnel-monitor hint="nested-unknown-attr"><enable>yes</enable><destination-ip>10.2.0.1</destination-ip></tunnel-monitor>
  <anti-replay>yes</anti-replay>
  <comment>old</comment>
</entry>`;

function find(root: XmlElement, ...path: string[]): XmlElement | undefined {
  let cur: XmlElement | undefined = root;
  for (const p of path) cur = cur?.children.find((c) => c.name === p);
  return cur;
}

describe('encode onto a base entry', () => {
  it('GIVEN a device entry with unknown children and attributes WHEN decoded, modified and encoded with base THEN everything unknown is kept', () => {
    const { model, raw } = ipsecTunnel.decode(parseXml(DEVICE_TUNNEL));
    const out = ipsecTunnel.encode({ ...model, comment: 'new', antiReplayWindow: '512' }, '11.1.0', raw);
    expect(out.attrs.uuid).toBe('5d3c8a1e-0000-4000-8000-00000000abcd');
    expect(find(out, 'future-knob')?.text).toBe('yes');
    expect(find(out, 'tunnel-monitor')?.attrs.hint).toBe('nested-unknown-attr');
    expect(find(out, 'auto-key', 'ike-gateway', 'entry')?.attrs['x-vendor']).toBe('keep-me');
    const pid = find(out, 'auto-key', 'proxy-id', 'entry');
    expect(pid?.attrs['future-attr']).toBe('1');
    expect(find(pid!, 'pid-knob')?.text).toBe('on');
    expect(find(out, 'comment')?.text).toBe('new');
    expect(find(out, 'anti-replay-window')?.text).toBe('512');
    expect(ipsecTunnel.decode(out).model).toEqual({ ...model, comment: 'new', antiReplayWindow: '512' });
  });

  it('GIVEN a device entry with bookkeeping attributes WHEN decoded and re-encoded THEN admin, dirtyId and time are gone everywhere and uuid stays', () => {
    const { model, raw } = ipsecTunnel.decode(parseXml(DEVICE_TUNNEL));
    const xmlRaw = serializeXml(raw);
    const xmlOut = serializeXml(ipsecTunnel.encode(model, '10.2.0', parseXml(DEVICE_TUNNEL)));
    for (const xml of [xmlRaw, xmlOut]) {
      expect(xml).not.toMatch(/\b(admin|dirtyId|time)="/);
      expect(xml).toContain('uuid="5d3c8a1e-0000-4000-8000-00000000abcd"');
    }
  });

  it('GIVEN a modelled field now unset WHEN encoded with base THEN its element is removed and unknown siblings stay', () => {
    const { model, raw } = ipsecTunnel.decode(parseXml(DEVICE_TUNNEL));
    const { tunnelMonitor: _tm, comment: _c, ...rest } = model;
    const out = ipsecTunnel.encode(rest, '10.2.0', raw);
    expect(find(out, 'comment')).toBeUndefined();
    // A block the user dropped goes as a whole: keeping a husk would read back as an empty block (perpetual diff).
    expect(find(out, 'tunnel-monitor')).toBeUndefined();
    expect(find(out, 'future-knob')?.text).toBe('yes');
    expect(ipsecTunnel.decode(out).model).toEqual(rest);
  });

  it('GIVEN a model WHEN encoded without base THEN no device default is written for unset fields', () => {
    const xml = serializeXml(ipsecTunnel.encode({ name: 't', tunnelInterface: 'tunnel.2', autoKey: { ikeGateways: ['g'] } }, '11.1.0'));
    for (const el of ['anti-replay', 'anti-replay-window', 'ipsec-mode', 'ipsec-crypto-profile', 'copy-tos', 'disabled', 'tunnel-monitor']) {
      expect(xml).not.toContain(`<${el}>`);
    }
    const gw = serializeXml(ikeGateway.encode({ name: 'g', localInterface: 'ethernet1/1', peerIp: '192.0.2.1' }, '11.1.0'));
    expect(gw).toBe('<entry name="g"><local-address><interface>ethernet1/1</interface></local-address><peer-address><ip>192.0.2.1</ip></peer-address></entry>');
  });

  it('GIVEN a gateway with a static peer WHEN switched to an FQDN peer THEN only fqdn remains under peer-address', () => {
    const base = ikeGateway.encode(GATEWAY, '10.2.0');
    const { model, raw } = ikeGateway.decode(base);
    const out = ikeGateway.encode({ ...model, peerIp: undefined, peerFqdn: 'branch.example' }, '10.2.0', raw);
    expect(find(out, 'peer-address')?.children.map((c) => c.name)).toEqual(['fqdn']);
    const dyn = ikeGateway.encode({ ...model, peerIp: undefined, peerDynamic: true }, '10.2.0', raw);
    expect(find(dyn, 'peer-address')?.children.map((c) => c.name)).toEqual(['dynamic']);
  });

  it('fails when a model sets two members of the peer-address group', () => {
    expect(() => ikeGateway.encode({ ...GATEWAY, peerFqdn: 'x.example' }, '10.2.0')).toThrow(/peer_ip and peer_fqdn are mutually exclusive/);
  });

  it('GIVEN a floating-ip local address WHEN local_ip replaces floating_ip THEN floating-ip is removed (one local address kind)', () => {
    const base = parseXml('<entry name="g"><local-address><interface>ethernet1/1</interface><floating-ip>10.0.0.9</floating-ip></local-address><peer-address><dynamic/></peer-address></entry>');
    const { model, raw } = ikeGateway.decode(base);
    expect(model.floatingIp).toBe('10.0.0.9');
    const out = ikeGateway.encode({ ...model, floatingIp: undefined, localIp: '10.0.0.1/24' }, '10.2.0', raw);
    expect(find(out, 'local-address')?.children.map((c) => c.name)).toEqual(['interface', 'ip']);
    const back = ikeGateway.encode({ ...model, localIp: undefined, floatingIp: '10.0.0.8' }, '10.2.0', out);
    expect(find(back, 'local-address')?.children.map((c) => c.name)).toEqual(['interface', 'floating-ip']);
  });

  it('fails when a model sets both local addresses (local_ip and floating_ip)', () => {
    expect(() => ikeGateway.encode({ ...GATEWAY, localIp: '10.0.0.1/24', floatingIp: '10.0.0.9' }, '10.2.0')).toThrow(/local_ip and floating_ip are mutually exclusive/);
  });

  it('GIVEN an esp profile WHEN switched to ah THEN the esp element is gone and the ah one holds the algorithms', () => {
    const esp = ipsecCryptoProfile.encode({ name: 'p', protocol: 'esp', espEncryption: ['aes-256-gcm'], espAuthentication: ['none'], dhGroup: 'group20' }, '10.2.0');
    const { raw } = ipsecCryptoProfile.decode(esp);
    const out = ipsecCryptoProfile.encode({ name: 'p', protocol: 'ah', ahAuthentication: ['sha256'], dhGroup: 'group20' }, '10.2.0', raw);
    expect(out.children.map((c) => c.name).sort()).toEqual(['ah', 'dh-group']);
  });

  it('GIVEN an esp profile with no algorithms listed WHEN encoded THEN an empty esp element marks the protocol', () => {
    expect(serializeXml(ipsecCryptoProfile.encode({ name: 'p', protocol: 'esp' }, '10.2.0'))).toBe('<entry name="p"><esp/></entry>');
  });

  it('fails when fields of the other variant are set', () => {
    expect(() => ipsecCryptoProfile.encode({ name: 'p', protocol: 'ah', espEncryption: ['aes-256-gcm'] }, '10.2.0')).toThrow(
      /esp_encryption .*belongs to protocol "esp" but protocol is "ah"/,
    );
  });

  it('GIVEN a lifetime in hours WHEN changed to minutes on the same base THEN exactly one unit remains', () => {
    const first = ikeCryptoProfile.encode({ name: 'p', dhGroups: ['group20'], authentication: ['sha384'], encryption: ['aes-256-gcm'], lifetime: { unit: 'hours', value: 8 } }, '10.2.0');
    const out = ikeCryptoProfile.encode(
      { name: 'p', dhGroups: ['group20'], authentication: ['sha384'], encryption: ['aes-256-gcm'], lifetime: { unit: 'minutes', value: 30 } },
      '10.2.0',
      first,
    );
    expect(serializeXml(find(out, 'lifetime')!)).toBe('<lifetime><minutes>30</minutes></lifetime>');
  });

  it('GIVEN a proxy ID switched from tcp to protocol number WHEN encoded with base THEN the tcp element and its ports are gone', () => {
    const { model, raw } = ipsecTunnel.decode(ipsecTunnel.encode(TUNNEL, '10.2.0'));
    const pids = model.autoKey!.proxyIds!.map((p) => (p.name === 'web' ? { name: 'web', local: p.local, remote: p.remote, protocol: 'number' as const, number: 6 } : p));
    const out = ipsecTunnel.encode({ ...model, autoKey: { ...model.autoKey!, proxyIds: pids } }, '10.2.0', raw);
    const web = find(out, 'auto-key', 'proxy-id')!.children.find((e) => e.attrs.name === 'web')!;
    expect(serializeXml(find(web, 'protocol')!)).toBe('<protocol><number>6</number></protocol>');
  });

  it('GIVEN an interface with addresses WHEN one address is dropped THEN the others keep their entries', () => {
    const base = parseXml('<entry name="tunnel.3"><ip><entry name="10.0.0.1/30" tag="x"/><entry name="10.0.1.1/30"/></ip><future>1</future></entry>');
    const { model, raw } = tunnelInterface.decode(base);
    expect(model.ipv4Addresses).toEqual(['10.0.0.1/30', '10.0.1.1/30']);
    const out = tunnelInterface.encode({ ...model, ipv4Addresses: ['10.0.0.1/30'] }, '10.2.0', raw);
    expect(serializeXml(out)).toBe('<entry name="tunnel.3"><ip><entry name="10.0.0.1/30" tag="x"/></ip><future>1</future></entry>');
  });

  it('GIVEN the model as last known WHEN one field changes THEN a modelled element it never held (set on the device) stays', () => {
    // The last known model (Terraform's prior state) manages mtu only; someone added a comment on the device since.
    const device = parseXml('<entry name="tunnel.5"><comment>added by hand</comment><mtu>1400</mtu></entry>');
    const previous = { name: 'tunnel.5', mtu: 1400 };
    const out = tunnelInterface.encode({ name: 'tunnel.5', mtu: 1500 }, '10.2.0', device, previous);
    expect(serializeXml(out)).toBe('<entry name="tunnel.5"><comment>added by hand</comment><mtu>1500</mtu></entry>');
  });

  it('GIVEN the model as last known WHEN one proxy ID changes THEN the others, and one added on the device, keep place and content', () => {
    const device = parseXml(
      '<entry name="t"><auto-key><ike-gateway><entry name="g"/></ike-gateway><proxy-id>' +
        '<entry name="a"><local>10.0.0.0/24</local><x-new>1</x-new></entry><entry name="oob"><local>10.9.0.0/24</local></entry>' +
        '<entry name="b"><local>10.1.0.0/24</local></entry></proxy-id></auto-key></entry>',
    );
    const previous = { name: 't', autoKey: { ikeGateways: ['g'], proxyIds: [{ name: 'a', local: '10.0.0.0/24' }, { name: 'b', local: '10.1.0.0/24' }] } };
    const next = { name: 't', autoKey: { ikeGateways: ['g'], proxyIds: [{ name: 'a', local: '10.0.0.0/24' }, { name: 'b', local: '10.2.0.0/24' }] } };
    expect(serializeXml(ipsecTunnel.encode(next, '10.2.0', device, previous))).toBe(
      '<entry name="t"><auto-key><ike-gateway><entry name="g"/></ike-gateway><proxy-id>' +
        '<entry name="a"><local>10.0.0.0/24</local><x-new>1</x-new></entry><entry name="oob"><local>10.9.0.0/24</local></entry>' +
        '<entry name="b"><local>10.2.0.0/24</local></entry></proxy-id></auto-key></entry>',
    );
  });

  it('GIVEN the model as last known WHEN a proxy ID moves from tcp to udp with the same ports THEN the ports move along', () => {
    const pid = (protocol: 'tcp' | 'udp') => ({ name: 't', autoKey: { proxyIds: [{ name: 'p', protocol, localPort: 0, remotePort: 53 }] } });
    const device = ipsecTunnel.encode(pid('tcp'), '10.2.0');
    const out = ipsecTunnel.encode(pid('udp'), '10.2.0', device, pid('tcp'));
    expect(serializeXml(out)).toBe(
      '<entry name="t"><auto-key><proxy-id><entry name="p"><protocol><udp><local-port>0</local-port><remote-port>53</remote-port></udp></protocol></entry></proxy-id></auto-key></entry>',
    );
  });

  it('GIVEN membership fields on a tunnel interface WHEN encoded THEN they are not written into the interface entry', () => {
    const xml = serializeXml(tunnelInterface.encode({ name: 'tunnel.4', zone: 'vpn', virtualRouter: 'default', vsys: 'vsys1' }, '10.2.0'));
    expect(xml).toBe('<entry name="tunnel.4"/>');
  });
});
