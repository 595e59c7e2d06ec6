import { ikeGateway, InvalidFieldError, ipsecTunnel } from '../../../src/panos/objects';
import { parseXml, serializeXml } from '../../../src/panos/xml';

const MANUAL_KEY = `<entry name="mk" uuid="u-1"><tunnel-interface>tunnel.5</tunnel-interface><manual-key><local-spi>00001001</local-spi><remote-spi>00001002</remote-spi><local-address><interface>ethernet1/1</interface><ip>192.0.2.1/24</ip></local-address><peer-address><ip>198.51.100.7</ip></peer-address><esp><authentication><sha256><key>-AQ==enc1==</key></sha256></authentication><encryption><algorithm>aes-128-cbc</algorithm><key>-AQ==enc2==</key></encryption></esp></manual-key><anti-replay>yes</anti-replay></entry>`;

const GP_SATELLITE = `<entry name="sat"><tunnel-interface>tunnel.6</tunnel-interface><global-protect-satellite><portal-address>portal.example</portal-address><ipv6-preferred>no</ipv6-preferred><local-address><interface>ethernet1/2</interface><ip><ipv4>192.0.2.9/24</ipv4></ip></local-address><publish-connected-routes><enable>yes</enable></publish-connected-routes><publish-routes><member>10.9.0.0/16</member></publish-routes><external-ca><local-certificate>sat-cert</local-certificate><certificate-profile>cp</certificate-profile></external-ca></global-protect-satellite></entry>`;

const CERT_GATEWAY = `<entry name="gw-cert"><authentication><certificate><local-certificate><name>fw-cert</name></local-certificate><certificate-profile>peer-cp</certificate-profile><strict-validation-revocation>yes</strict-validation-revocation></certificate></authentication><protocol><version>ikev2</version><ikev2><ike-crypto-profile>p</ike-crypto-profile></ikev2></protocol><local-address><interface>ethernet1/1</interface></local-address><peer-address><ip>203.0.113.1</ip></peer-address></entry>`;

describe('variants this project keeps but does not build', () => {
  it.each([
    ['manual-key', MANUAL_KEY],
    ['global-protect-satellite', GP_SATELLITE],
  ])('GIVEN a %s tunnel WHEN read and re-encoded with its base THEN the XML is unchanged', (keyType, xml) => {
    const { model, raw } = ipsecTunnel.decode(parseXml(xml));
    expect(model.keyType).toBe(keyType);
    expect(model.autoKey).toBeUndefined();
    expect(serializeXml(ipsecTunnel.encode(model, '10.2.0', raw))).toBe(xml);
  });

  it('GIVEN a manual-key tunnel WHEN a modelled field changes THEN the manual-key block is kept verbatim', () => {
    const { model, raw } = ipsecTunnel.decode(parseXml(MANUAL_KEY));
    const out = serializeXml(ipsecTunnel.encode({ ...model, comment: 'kept', antiReplay: false }, '11.1.0', raw));
    expect(out).toContain(serializeXml(parseXml(MANUAL_KEY).children[1]));
    expect(out).toContain('<anti-replay>no</anti-replay>');
  });

  it('GIVEN a manual-key tunnel WHEN converted to auto-key THEN manual-key is removed', () => {
    const { model, raw } = ipsecTunnel.decode(parseXml(MANUAL_KEY));
    const out = ipsecTunnel.encode({ ...model, keyType: 'auto-key', autoKey: { ikeGateways: ['gw'] } }, '11.1.0', raw);
    expect(out.children.map((c) => c.name)).toEqual(['tunnel-interface', 'anti-replay', 'auto-key']);
  });

  it('fails when a manual-key tunnel is encoded without the entry it was read from', () => {
    expect(() => ipsecTunnel.encode({ name: 'mk', tunnelInterface: 'tunnel.5', keyType: 'manual-key' }, '10.2.0')).toThrow(InvalidFieldError);
    expect(() => ipsecTunnel.encode({ name: 'mk', tunnelInterface: 'tunnel.5', keyType: 'manual-key' }, '10.2.0')).toThrow(/key_type = "manual-key" is read-only/);
  });

  it('fails when auto-key settings are declared on a manual-key tunnel', () => {
    expect(() =>
      ipsecTunnel.encode({ name: 'mk', tunnelInterface: 'tunnel.5', keyType: 'manual-key', autoKey: { ikeGateways: ['g'] } }, '10.2.0', parseXml(MANUAL_KEY)),
    ).toThrow(/auto_key .*belongs to key_type "auto-key"/);
  });

  it('GIVEN a certificate-authenticated gateway WHEN read and re-encoded THEN the certificate block is unchanged and no key is invented', () => {
    const { model, raw } = ikeGateway.decode(parseXml(CERT_GATEWAY));
    expect(model).toMatchObject({ authentication: 'certificate', version: 'ikev2', ikev2CryptoProfile: 'p' });
    expect(model.preSharedKeyEncrypted).toBeUndefined();
    expect(serializeXml(ikeGateway.encode(model, '11.1.0', raw))).toBe(CERT_GATEWAY);
  });

  it('GIVEN a certificate gateway WHEN a pre-shared key is declared THEN certificate is replaced by pre-shared-key', () => {
    const { model, raw } = ikeGateway.decode(parseXml(CERT_GATEWAY));
    const out = ikeGateway.encode({ ...model, authentication: undefined, preSharedKey: 'n3w-secret' }, '11.1.0', raw);
    expect(serializeXml(out.children[0])).toBe('<authentication><pre-shared-key><key>n3w-secret</key></pre-shared-key></authentication>');
  });
});

describe('pre-shared keys', () => {
  const READ = `<entry name="g"><authentication><pre-shared-key><key>-AQ==c2VjcmV0==</key></pre-shared-key></authentication><local-address><interface>ethernet1/1</interface></local-address><peer-address><dynamic/></peer-address></entry>`;

  it('GIVEN a gateway read from the device THEN the key is exposed only as preSharedKeyEncrypted', () => {
    const { model } = ikeGateway.decode(parseXml(READ));
    expect(model.preSharedKeyEncrypted).toBe('-AQ==c2VjcmV0==');
    expect(model.preSharedKey).toBeUndefined();
  });

  it('GIVEN no new key WHEN re-encoded THEN the encrypted key is written back verbatim; a new plaintext key wins', () => {
    const { model, raw } = ikeGateway.decode(parseXml(READ));
    expect(serializeXml(ikeGateway.encode({ ...model, comment: 'x' }, '10.2.0', raw))).toContain('<key>-AQ==c2VjcmV0==</key>');
    expect(serializeXml(ikeGateway.encode({ ...model, preSharedKey: 'plain' }, '10.2.0', raw))).toContain('<key>plain</key>');
  });

  it('fails without echoing the secret when a pre-shared key is too long', () => {
    const secret = `S3CR3T-${'k'.repeat(300)}`;
    let msg = '';
    try {
      ikeGateway.encode({ name: 'g', localInterface: 'ethernet1/1', peerDynamic: true, preSharedKey: secret }, '10.2.0');
    } catch (e) {
      msg = (e as Error).message;
      expect((e as InvalidFieldError).problems[0].value).toBeUndefined();
    }
    expect(msg).toMatch(/pre_shared_key .*at most 255/);
    expect(msg).not.toContain('S3CR3T');
  });
});
