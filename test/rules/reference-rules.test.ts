import { ALL_DESCRIPTORS } from '../../src/panos/objects/registry';
import { runRules, UNKNOWN } from '../../src/rules';
import { ref007NameFormat } from '../../src/rules/checks/ref-007-name-format';
import { check, PATHS, transportStack, tunnelModeStack, withExtraTunnel } from './fixtures';

describe('PANOS-AR-001', () => {
  it('fails when the anti-replay window is 100', () => {
    const [f] = check('PANOS-AR-001', transportStack({ tunnel: { antiReplayWindow: '100' } }));
    expect(f).toMatchObject({ field: 'antiReplayWindow', value: '100', source: 'T19' });
    expect(f.allowed).toEqual(['64', '128', '256', '512', '1024', '2048', '4096']);
  });
  it('passes with 4096 given as text, or unset', () => {
    expect(check('PANOS-AR-001', transportStack({ tunnel: { antiReplayWindow: '4096' } }))).toEqual([]);
    expect(check('PANOS-AR-001', transportStack({ tunnel: { antiReplayWindow: undefined } }))).toEqual([]);
  });
  it('is not applicable when the window is unknown', () => {
    expect(check('PANOS-AR-001', transportStack({ tunnel: { antiReplayWindow: UNKNOWN } }))).toEqual([]);
  });
});

describe('PANOS-AR-002', () => {
  it('warns, without failing the plan, when a window is set while anti-replay is off (even an unknown one)', () => {
    // PAN-OS accepts the pair (docs/panos/ipsec-tunnel.md#window-without-anti-replay): the window only has no effect.
    const stack = transportStack({ tunnel: { antiReplay: false } });
    expect(runRules(stack).errors.filter((e) => e.ruleId === 'PANOS-AR-002')).toEqual([]);
    expect(runRules(stack).warnings.map((w) => w.ruleId)).toContain('PANOS-AR-002');
    expect(check('PANOS-AR-002', transportStack({ tunnel: { antiReplay: false } }))[0]).toMatchObject({ field: 'antiReplayWindow', level: 'warning' });
    expect(check('PANOS-AR-002', transportStack({ tunnel: { antiReplay: false, antiReplayWindow: UNKNOWN } }))).toHaveLength(1);
  });
  it('passes when anti-replay is off without a window', () => {
    expect(check('PANOS-AR-002', transportStack({ tunnel: { antiReplay: false, antiReplayWindow: undefined } }))).toEqual([]);
  });
  it('is not applicable when anti-replay is unknown', () => {
    expect(check('PANOS-AR-002', transportStack({ tunnel: { antiReplay: UNKNOWN } }))).toEqual([]);
  });
});

describe('PANOS-REF-001', () => {
  it('fails when the tunnel names a gateway and a profile that do not exist', () => {
    const f = check('PANOS-REF-001', transportStack({ tunnel: { ikeGateways: ['gw-missing'], ipsecCryptoProfile: 'nope' } }));
    expect(f.map((x) => [x.path, x.field, x.value])).toEqual([
      [PATHS.tunnel, 'ikeGateways', 'gw-missing'],
      [PATHS.tunnel, 'ipsecCryptoProfile', 'nope'],
    ]);
  });
  it('fails when an auto-key tunnel has no tunnel interface and a gateway no local interface', () => {
    const f = check('PANOS-REF-001', transportStack({ tunnel: { tunnelInterface: undefined }, gateway: { localInterface: undefined } }));
    expect(f.map((x) => x.field).sort()).toEqual(['localInterface', 'tunnelInterface']);
  });
  it("fails when the device's interfaces are known and the gateway's local interface is not among them", () => {
    const f = check('PANOS-REF-001', transportStack({ stack: { existing: [{ kind: 'interface', name: 'ethernet1/2' }] } }));
    expect(f[0]).toMatchObject({ path: PATHS.gateway, field: 'localInterface', value: 'ethernet1/1' });
  });
  it("passes with imported, existing and predefined 'default' objects", () => {
    const facts = transportStack({
      tunnel: { ikeGateways: ['gw-bgp', 'gw-old'], ipsecCryptoProfile: 'default', tunnelMonitor: { enable: true, destinationIp: '1.1.1.1', profile: 'default' } },
      stack: { existing: [{ kind: 'ike-gateway', name: 'gw-old' }, { kind: 'interface', name: 'ethernet1/1' }] },
    });
    expect(check('PANOS-REF-001', facts)).toEqual([]);
    expect(check('PANOS-REF-001', transportStack())).toEqual([]);
  });
  it('is not applicable when the referenced names are unknown', () => {
    expect(check('PANOS-REF-001', transportStack({ tunnel: { ikeGateways: UNKNOWN, ipsecCryptoProfile: UNKNOWN, tunnelInterface: UNKNOWN } }))).toEqual([]);
  });
});

describe('PANOS-REF-002', () => {
  it('fails when two tunnels share a name on one firewall (vsys1 and vsys2 share the device namespace)', () => {
    const facts = withExtraTunnel(transportStack(), { path: 'stack/vpn/bgp2', name: 'bgp', location: 'vsys:vsys2' });
    const [f] = check('PANOS-REF-002', facts);
    expect(f).toMatchObject({ path: 'stack/vpn/bgp2', field: 'name', value: 'bgp' });
    expect(f.message).toContain(PATHS.tunnel);
  });
  it('passes when the same name lives in two templates', () => {
    const facts = withExtraTunnel(transportStack(), { path: 'stack/vpn/bgp2', name: 'bgp', location: 'template:T2/vsys1' });
    expect(check('PANOS-REF-002', facts)).toEqual([]);
  });
  it('is not applicable when a name is unknown', () => {
    const facts = withExtraTunnel(transportStack(), { path: 'stack/vpn/bgp2', name: UNKNOWN });
    expect(check('PANOS-REF-002', facts)).toEqual([]);
  });
});

describe('PANOS-REF-007', () => {
  it('fails when a tunnel interface is not tunnel.N and a profile name is 32 characters', () => {
    expect(check('PANOS-REF-007', transportStack({ tunnelInterface: { name: 'tunnel.0' } }))[0]).toMatchObject({ field: 'name', value: 'tunnel.0', source: 'X2' });
    expect(check('PANOS-REF-007', transportStack({ ipsecProfile: { name: 'p'.repeat(32) } }))[0].message).toContain('1-31 characters');
    expect(check('PANOS-REF-007', transportStack({ gateway: { name: "gw'x" } }))).toHaveLength(1);
  });
  it('passes with tunnel.9999 and a 63-character gateway name', () => {
    expect(check('PANOS-REF-007', transportStack({ tunnelInterface: { name: 'tunnel.9999' }, gateway: { name: 'g'.repeat(63) } }))).toEqual([]);
  });
  it('is not applicable when the name is unknown or the object imported', () => {
    expect(check('PANOS-REF-007', transportStack({ tunnelInterface: { name: UNKNOWN } }))).toEqual([]);
    expect(check('PANOS-REF-007', transportStack({ tunnelInterface: { name: 'weird/name', imported: true } }))).toEqual([]);
  });
  it("explains each kind's name limit as the codec enforces it (RULES.md shows this text)", () => {
    const { explanation } = ref007NameFormat;
    for (const d of ALL_DESCRIPTORS) {
      if (d.kind === 'tunnel-interface') continue;
      const sentence = explanation.split('; ').find((part) => part.toLowerCase().includes(`${d.title.toLowerCase()}s`)) ?? '';
      expect(`${d.kind}: ${sentence}`).toContain(`allow ${d.nameMaxLength} characters`);
    }
    expect(explanation).toContain('tunnel.N with N from 1 to 9999');
  });
});

describe('PANOS-REF-003', () => {
  it('fails when the tunnel in vsys1 references a gateway declared only in vsys2', () => {
    const [f] = check('PANOS-REF-003', transportStack({ gateway: { location: 'vsys:vsys2' } }));
    expect(f).toMatchObject({ path: PATHS.tunnel, field: 'ikeGateways', value: 'gw-bgp', allowed: ['vsys:vsys1'] });
  });
  it('fails when the gateway in vsys2 references an IKE profile declared only in vsys1', () => {
    const f = check('PANOS-REF-003', transportStack({ gateway: { location: 'vsys:vsys2' } }));
    expect(f.map((x) => [x.path, x.field])).toContainEqual([PATHS.gateway, 'ikev2CryptoProfile']);
  });
  it('passes when everything is in one template', () => {
    const loc = { location: 'template:T/vsys1' };
    const facts = transportStack({ gateway: loc, tunnel: loc, ipsecProfile: loc, ikeProfile: loc, tunnelInterface: loc, monitorProfile: loc });
    expect(check('PANOS-REF-003', facts)).toEqual([]);
  });
  it('is not applicable when the reference is unknown', () => {
    expect(check('PANOS-REF-003', transportStack({ ipsecProfile: { location: 'vsys:vsys2' }, tunnel: { ipsecCryptoProfile: UNKNOWN } }))).toEqual([]);
  });
});

describe('PANOS-REF-004', () => {
  it('fails when two tunnels use tunnel.10', () => {
    const facts = withExtraTunnel(transportStack(), { path: 'stack/vpn/second', name: 'second', tunnelInterface: 'tunnel.10' });
    const [f] = check('PANOS-REF-004', facts);
    expect(f).toMatchObject({ path: 'stack/vpn/second', field: 'tunnelInterface', value: 'tunnel.10' });
  });
  it('passes with one tunnel per interface', () => expect(check('PANOS-REF-004', transportStack())).toEqual([]));
  it('is not applicable when the second interface is unknown', () => {
    const facts = withExtraTunnel(transportStack(), { path: 'stack/vpn/second', name: 'second', tunnelInterface: UNKNOWN });
    expect(check('PANOS-REF-004', facts)).toEqual([]);
  });
});

describe('PANOS-REF-005', () => {
  it('fails (warning) when the tunnel interface has neither zone nor virtual router', () => {
    const [f] = check('PANOS-REF-005', transportStack({ tunnelInterface: { zone: undefined, virtualRouter: undefined } }));
    expect(f).toMatchObject({ level: 'warning', path: PATHS.tunnelInterface });
  });
  it('passes with a zone only, or when imported', () => {
    expect(check('PANOS-REF-005', transportStack({ tunnelInterface: { virtualRouter: undefined } }))).toEqual([]);
    expect(check('PANOS-REF-005', transportStack({ tunnelInterface: { zone: undefined, virtualRouter: undefined, imported: true } }))).toEqual([]);
  });
  it('is not applicable when the memberships are unknown', () => {
    expect(check('PANOS-REF-005', transportStack({ tunnelInterface: { zone: UNKNOWN, virtualRouter: UNKNOWN } }))).toEqual([]);
  });
});

describe('PANOS-REF-006', () => {
  const feature = { path: PATHS.tunnelInterface, objectKind: 'tunnel-interface', objectName: 'tunnel.10', field: 'futureKnob', value: 'yes', minVersion: '11.1.0' };
  it('fails when a field introduced in 11.1.0 is set on a stack declaring 11.0.2, naming the version', () => {
    const [f] = check('PANOS-REF-006', transportStack({ stack: { minPanosVersion: '11.0.2', versionedFeatures: [feature] } }));
    expect(f).toMatchObject({ path: PATHS.tunnelInterface, field: 'futureKnob' });
    expect(f.message).toContain('introduced in PAN-OS 11.1.0');
    expect(f.message).toContain('11.0.2');
  });
  it('passes at 11.1.0, and leaves ipsecMode to PANOS-TM-001', () => {
    expect(check('PANOS-REF-006', transportStack({ stack: { minPanosVersion: '11.1.0', versionedFeatures: [feature] } }))).toEqual([]);
    const mode = { path: PATHS.tunnel, objectKind: 'ipsec-tunnel', field: 'ipsecMode', value: 'transport', minVersion: '11.0.0' };
    expect(check('PANOS-REF-006', transportStack({ stack: { minPanosVersion: '10.2', versionedFeatures: [mode] } }))).toEqual([]);
  });
  it('is not applicable without a declared version', () => {
    expect(check('PANOS-REF-006', transportStack({ stack: { minPanosVersion: undefined, versionedFeatures: [feature] } }))).toEqual([]);
  });
});

describe('reference rules on a tunnel-mode stack', () => {
  it('GIVEN a correct tunnel-mode stack WHEN the X rules run THEN they find nothing', () => {
    for (const id of ['PANOS-REF-001', 'PANOS-REF-002', 'PANOS-REF-003', 'PANOS-REF-004', 'PANOS-REF-005', 'PANOS-REF-007']) {
      expect(check(id, tunnelModeStack())).toEqual([]);
    }
  });
});
