import { ALL_DESCRIPTORS, ikeCryptoProfile, ikeGateway, InvalidFieldError, ipsecTunnel, tunnelMonitorProfile, type FieldSpec, type IkeCryptoProfile } from '../../../src/panos/objects';
import { serializeXml } from '../../../src/panos/xml';

function walk(fields: readonly FieldSpec[], visit: (f: FieldSpec, path: string) => void, prefix = ''): void {
  for (const f of fields) {
    visit(f, `${prefix}${f.key}`);
    if (f.fields) walk(f.fields, visit, `${prefix}${f.key}.`);
  }
}

describe('field specs (they generate the provider schema and docs)', () => {
  for (const d of ALL_DESCRIPTORS) {
    it(`GIVEN the ${d.kind} fields THEN each has a snake_case tfName, a description, and only the name requires replacement`, () => {
      walk(d.fields, (f, path) => {
        expect(f.tfName).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(f.description.length).toBeGreaterThan(5);
        if (f.requiresReplace) expect(path).toBe('name');
        if (f.choice) expect(f.enum).toEqual(f.choice);
        if (f.type === 'object' || f.type === 'object-list') expect(f.fields?.length).toBeGreaterThan(0);
      });
      expect(d.fields[0]).toMatchObject({ key: 'name', required: true, requiresReplace: true });
    });
  }

  it('GIVEN the secrets THEN they are flagged sensitive', () => {
    const psk = ikeGateway.fields.filter((f) => f.key.startsWith('preSharedKey'));
    expect(psk.map((f) => [f.key, f.sensitive])).toEqual([
      ['preSharedKey', true],
      ['preSharedKeyEncrypted', true],
    ]);
  });

  it('GIVEN ipsec_mode THEN it documents the device default and the 11.0.0 gate', () => {
    expect(ipsecTunnel.fields.find((f) => f.key === 'ipsecMode')).toMatchObject({ tfName: 'ipsec_mode', minVersion: '11.0.0', deviceDefault: 'tunnel' });
  });
});

describe('value rules from the field specs', () => {
  const profile: IkeCryptoProfile = { name: 'p', dhGroups: ['group20'], authentication: ['sha384'], encryption: ['aes-256-gcm'] };

  it('fails when a list member is outside its enum, naming the field, value and allowed values', () => {
    const bad = { ...profile, dhGroups: ['group20', 'group3'] } as never;
    expect(() => ikeCryptoProfile.encode(bad, '10.2.0')).toThrow(/IKE crypto profile "p": dh_groups\[1\] = "group3" is not an allowed value\. Fix: use one of group1/);
  });

  it('fails when a lifetime is outside the range of its unit', () => {
    expect(() => ikeCryptoProfile.encode({ ...profile, lifetime: { unit: 'days', value: 400 } }, '10.2.0')).toThrow(/lifetime\.value = "400" is outside 1-365/);
    expect(() => ikeCryptoProfile.encode({ ...profile, lifetime: { unit: 'seconds', value: 60 } }, '10.2.0')).toThrow(/outside 180-65535/);
  });

  it('fails when numbers are out of range, and accepts a gateway that holds only its name', () => {
    const problems = tunnelMonitorProfile.validate({ name: 'm', interval: 1, threshold: 11 });
    expect(problems.map((p) => p.field)).toEqual(['interval', 'threshold']);
    // The vendor schema requires no child of a gateway (docs/panos/README.md#required): a name alone is valid.
    expect(ikeGateway.validate({ name: 'g' })).toEqual([]);
  });

  it('fails when proxy IDs repeat a name or use ports without tcp/udp', () => {
    const t = { name: 't', tunnelInterface: 'tunnel.1', autoKey: { ikeGateways: ['g'], proxyIds: [{ name: 'a' }, { name: 'a' }] } };
    expect(() => ipsecTunnel.encode(t, '10.2.0')).toThrow(/auto_key\.proxy_ids\[1\]\.name = "a" is used twice/);
    expect(() => ipsecTunnel.encode({ ...t, autoKey: { ikeGateways: ['g'], proxyIds: [{ name: 'a', protocol: 'tcp', number: 6 }] } }, '10.2.0')).toThrow(
      /number .*belongs to protocol "number" but protocol is "tcp"/,
    );
  });

  it('fails when a reference has the wrong shape for its kind', () => {
    expect(() => ipsecTunnel.encode({ name: 't', tunnelInterface: 'ethernet1/1', autoKey: { ikeGateways: ['g'] } }, '10.2.0')).toThrow(
      /tunnel_interface = "ethernet1\/1" must be tunnel\.N/,
    );
    expect(ikeGateway.validate({ name: 'g', localInterface: "eth']" }).map((p) => p.tfName)).toEqual(['local_interface']);
  });

  it('GIVEN an invalid model WHEN encoding fails THEN it is an InvalidFieldError with one problem per field', () => {
    try {
      tunnelMonitorProfile.encode({ name: 'm', action: 'explode' as never, interval: 500 }, '10.2.0');
      throw new Error('expected a failure');
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidFieldError);
      expect((e as InvalidFieldError).code).toBe('PANOS_INVALID_FIELD');
      expect((e as InvalidFieldError).problems.map((p) => p.tfName)).toEqual(['action', 'interval']);
    }
  });

  it('GIVEN NAT-T settings WHEN unset on a base THEN the emptied protocol-common parents are pruned but a sibling keeps its parent', () => {
    const base = ikeGateway.encode({ name: 'g', localInterface: 'ethernet1/1', peerDynamic: true, natTraversal: true, natKeepAlive: 20, passiveMode: true }, '10.2.0');
    const onlyPassive = ikeGateway.encode({ name: 'g', localInterface: 'ethernet1/1', peerDynamic: true, passiveMode: true }, '10.2.0', base);
    expect(serializeXml(onlyPassive)).toContain('<protocol-common><passive-mode>yes</passive-mode></protocol-common>');
    const none = ikeGateway.encode({ name: 'g', localInterface: 'ethernet1/1', peerDynamic: true }, '10.2.0', base);
    expect(serializeXml(none)).not.toContain('protocol-common');
  });
});
