import { UNKNOWN } from '../../src/rules';
import { check, PATHS, transportStack } from './fixtures';

describe('PANOS-TM-001', () => {
  it('fails when a transport tunnel is declared with minPanosVersion 10.2', () => {
    const [f, ...rest] = check('PANOS-TM-001', transportStack({ stack: { minPanosVersion: '10.2' } }));
    expect(rest).toHaveLength(0);
    expect(f.path).toBe(PATHS.tunnel);
    expect(f.field).toBe('ipsecMode');
    expect(f.message).toContain('11.0.0');
    expect(f.message).toContain('minPanosVersion is 10.2');
  });
  it('fails when the device runs 10.2.9 even though minPanosVersion says 11.1', () => {
    const f = check('PANOS-TM-001', transportStack({ stack: { deviceVersion: '10.2.9' } }));
    expect(f[0].message).toContain('the device version is 10.2.9');
  });
  it("fails when ipsecMode 'tunnel' is set explicitly below 11.0 (10.2 has no ipsec-mode element)", () => {
    const f = check('PANOS-TM-001', transportStack({ stack: { minPanosVersion: '10.2.4' }, tunnel: { ipsecMode: 'tunnel' } }));
    expect(f[0].message).toMatch(/omit ipsecMode/);
  });
  it('passes on 11.0.0 and when ipsecMode is unset below 11.0', () => {
    expect(check('PANOS-TM-001', transportStack({ stack: { minPanosVersion: '11.0.0' } }))).toEqual([]);
    expect(check('PANOS-TM-001', transportStack({ stack: { minPanosVersion: '10.2' }, tunnel: { ipsecMode: undefined } }))).toEqual([]);
  });
  it('is not applicable when the mode is unknown or no version is declared', () => {
    expect(check('PANOS-TM-001', transportStack({ stack: { minPanosVersion: '10.2' }, tunnel: { ipsecMode: UNKNOWN } }))).toEqual([]);
    expect(check('PANOS-TM-001', transportStack({ stack: { minPanosVersion: undefined } }))).toEqual([]);
  });
});

describe('PANOS-TM-002', () => {
  it('fails when a downgrade to 10.2.9 is declared with a transport tunnel, naming the tunnel and the fix', () => {
    const [f] = check('PANOS-TM-002', transportStack({ stack: { downgradeTarget: '10.2.9' } }));
    expect(f.message).toContain(`[${PATHS.tunnel}] PANOS-TM-002`);
    expect(f.message).toContain("'bgp'");
    expect(f.fix).toMatch(/remove the tunnel or set ipsecMode to 'tunnel'/);
  });
  it('passes when the downgrade target is 11.0 or the tunnel uses tunnel mode', () => {
    expect(check('PANOS-TM-002', transportStack({ stack: { downgradeTarget: '11.0.3' } }))).toEqual([]);
    expect(check('PANOS-TM-002', transportStack({ stack: { downgradeTarget: '10.2.9' }, tunnel: { ipsecMode: 'tunnel' } }))).toEqual([]);
  });
  it('is not applicable when the mode is unknown', () => {
    expect(check('PANOS-TM-002', transportStack({ stack: { downgradeTarget: '10.2.9' }, tunnel: { ipsecMode: UNKNOWN } }))).toEqual([]);
  });
});

describe('PANOS-TM-003', () => {
  it('fails when the gateway has ipv6 on and an IPv6 peer address', () => {
    const f = check('PANOS-TM-003', transportStack({ gateway: { ipv6: true, peerIp: '2001:db8::2' } }));
    expect(f.map((x) => x.field).sort()).toEqual(['ipv6', 'peerIp']);
    expect(f.every((x) => x.path === PATHS.gateway)).toBe(true);
  });
  it('passes with IPv4 addresses', () => {
    expect(check('PANOS-TM-003', transportStack())).toEqual([]);
  });
  it('is not applicable when the addresses are unknown or the tunnel is in tunnel mode', () => {
    expect(check('PANOS-TM-003', transportStack({ gateway: { localIp: UNKNOWN, peerIp: UNKNOWN, ipv6: UNKNOWN } }))).toEqual([]);
    expect(check('PANOS-TM-003', transportStack({ gateway: { ipv6: true }, tunnel: { ipsecMode: 'tunnel' } }))).toEqual([]);
  });
});

describe('PANOS-TM-004', () => {
  it("fails when the IPSec crypto profile uses 'ah'", () => {
    const [f] = check('PANOS-TM-004', transportStack({ ipsecProfile: { protocol: 'ah', ahAuthentication: ['sha256'] } }));
    expect(f).toMatchObject({ path: PATHS.ipsecProfile, field: 'protocol', value: 'ah', allowed: ['esp'] });
  });
  it('passes with esp', () => expect(check('PANOS-TM-004', transportStack())).toEqual([]));
  it('is not applicable when the protocol is unknown', () => {
    expect(check('PANOS-TM-004', transportStack({ ipsecProfile: { protocol: UNKNOWN } }))).toEqual([]);
  });
});

describe('PANOS-TM-005', () => {
  it('fails when the transport tunnel uses an IKEv1 gateway', () => {
    const [f] = check('PANOS-TM-005', transportStack({ gateway: { version: 'ikev1' } }));
    expect(f).toMatchObject({ path: PATHS.gateway, field: 'version', value: 'ikev1', allowed: ['ikev2'] });
    expect(f.message).toContain(PATHS.tunnel);
  });
  it("fails when the version is 'ikev2-preferred' or unset (device default ikev1)", () => {
    expect(check('PANOS-TM-005', transportStack({ gateway: { version: 'ikev2-preferred' } }))).toHaveLength(1);
    expect(check('PANOS-TM-005', transportStack({ gateway: { version: undefined } }))[0].message).toContain('device default');
  });
  it('passes with ikev2', () => expect(check('PANOS-TM-005', transportStack())).toEqual([]));
  it('is not applicable when the version or the gateway list is unknown, or the gateway is imported', () => {
    expect(check('PANOS-TM-005', transportStack({ gateway: { version: UNKNOWN } }))).toEqual([]);
    expect(check('PANOS-TM-005', transportStack({ gateway: { version: 'ikev1' }, tunnel: { ikeGateways: UNKNOWN } }))).toEqual([]);
    expect(check('PANOS-TM-005', transportStack({ gateway: { version: 'ikev1', imported: true } }))).toEqual([]);
  });
});

describe('PANOS-TM-006', () => {
  it('fails when the IKE crypto profile also offers group14', () => {
    const [f] = check('PANOS-TM-006', transportStack({ ikeProfile: { dhGroups: ['group20', 'group14'] } }));
    expect(f).toMatchObject({ path: PATHS.ikeProfile, field: 'dhGroups', value: 'group20, group14' });
  });
  it("fails on the gateway's reference when it uses the predefined 'default' IKE profile", () => {
    const [f] = check('PANOS-TM-006', transportStack({ gateway: { ikev2CryptoProfile: undefined } }));
    expect(f).toMatchObject({ path: PATHS.gateway, field: 'ikev2CryptoProfile', value: 'default' });
    expect(f.message).toContain('predefined');
  });
  it('passes with exactly group20', () => expect(check('PANOS-TM-006', transportStack())).toEqual([]));
  it('is not applicable when the groups are unknown', () => {
    expect(check('PANOS-TM-006', transportStack({ ikeProfile: { dhGroups: UNKNOWN } }))).toEqual([]);
  });
});

describe('PANOS-TM-019', () => {
  it('fails when the IPSec crypto profile uses no-pfs', () => {
    const [f] = check('PANOS-TM-019', transportStack({ ipsecProfile: { dhGroup: 'no-pfs' } }));
    expect(f).toMatchObject({ path: PATHS.ipsecProfile, field: 'dhGroup', value: 'no-pfs', source: 'T6' });
  });
  it('fails when dhGroup is unset (device default group2)', () => {
    expect(check('PANOS-TM-019', transportStack({ ipsecProfile: { dhGroup: undefined } }))[0].value).toBe('group2');
  });
  it('passes with group20', () => expect(check('PANOS-TM-019', transportStack())).toEqual([]));
  it('is not applicable when the group is unknown', () => {
    expect(check('PANOS-TM-019', transportStack({ ipsecProfile: { dhGroup: UNKNOWN } }))).toEqual([]);
  });
});

describe('PANOS-TM-007', () => {
  it('fails when the transport tunnel uses an aes-128-cbc IPSec profile', () => {
    const [f] = check('PANOS-TM-007', transportStack({ ipsecProfile: { espEncryption: ['aes-128-cbc'] } }));
    expect(f).toMatchObject({ path: PATHS.ipsecProfile, field: 'espEncryption', value: 'aes-128-cbc', allowed: ['aes-256-gcm'] });
  });
  it('fails when the IKE profile offers aes-256-cbc next to aes-256-gcm', () => {
    const [f] = check('PANOS-TM-007', transportStack({ ikeProfile: { encryption: ['aes-256-gcm', 'aes-256-cbc'] } }));
    expect(f).toMatchObject({ path: PATHS.ikeProfile, field: 'encryption' });
  });
  it("fails on the tunnel's reference when the tunnel uses the predefined 'default' IPSec profile", () => {
    const [f] = check('PANOS-TM-007', transportStack({ tunnel: { ipsecCryptoProfile: undefined } }));
    expect(f).toMatchObject({ path: PATHS.tunnel, field: 'ipsecCryptoProfile', value: 'default' });
  });
  it('passes with aes-256-gcm on both profiles', () => expect(check('PANOS-TM-007', transportStack())).toEqual([]));
  it('is not applicable when the lists are unknown or the profile reference is unknown', () => {
    expect(check('PANOS-TM-007', transportStack({ ipsecProfile: { espEncryption: UNKNOWN }, ikeProfile: { encryption: UNKNOWN } }))).toEqual([]);
    expect(check('PANOS-TM-007', transportStack({ ipsecProfile: { espEncryption: ['des'] }, tunnel: { ipsecCryptoProfile: UNKNOWN } }))).toEqual([]);
  });
});

describe('PANOS-TM-008', () => {
  it('fails when NAT traversal is enabled on the gateway', () => {
    expect(check('PANOS-TM-008', transportStack({ gateway: { natTraversal: true } }))[0]).toMatchObject({ field: 'natTraversal', path: PATHS.gateway });
  });
  it('passes when NAT-T is off or unset', () => {
    expect(check('PANOS-TM-008', transportStack())).toEqual([]);
    expect(check('PANOS-TM-008', transportStack({ gateway: { natTraversal: undefined } }))).toEqual([]);
  });
  it('is not applicable when NAT-T is unknown', () => {
    expect(check('PANOS-TM-008', transportStack({ gateway: { natTraversal: UNKNOWN } }))).toEqual([]);
  });
});

describe('PANOS-TM-009', () => {
  it('fails when the gateway sits on loopback.1', () => {
    expect(check('PANOS-TM-009', transportStack({ gateway: { localInterface: 'loopback.1' } }))[0]).toMatchObject({ field: 'localInterface', value: 'loopback.1' });
  });
  it('passes on ethernet1/1', () => expect(check('PANOS-TM-009', transportStack())).toEqual([]));
  it('is not applicable when the interface is unknown', () => {
    expect(check('PANOS-TM-009', transportStack({ gateway: { localInterface: UNKNOWN } }))).toEqual([]);
  });
});

describe('PANOS-TM-010', () => {
  it('fails when a transport tunnel declares IPv4 and IPv6 proxy IDs', () => {
    const f = check('PANOS-TM-010', transportStack({ tunnel: { proxyIds: [{ name: 'p1' }], proxyIdsV6: [{ name: 'p6' }] } }));
    expect(f.map((x) => x.field)).toEqual(['proxyIds', 'proxyIdsV6']);
  });
  it('passes with no or empty proxy IDs', () => {
    expect(check('PANOS-TM-010', transportStack({ tunnel: { proxyIds: [] } }))).toEqual([]);
  });
  it('is not applicable when the proxy IDs are unknown', () => {
    expect(check('PANOS-TM-010', transportStack({ tunnel: { proxyIds: UNKNOWN } }))).toEqual([]);
  });
});

describe('PANOS-TM-011', () => {
  it('fails when a transport tunnel uses manual key', () => {
    expect(check('PANOS-TM-011', transportStack({ tunnel: { keyType: 'manual-key' } }))[0]).toMatchObject({ field: 'keyType', value: 'manual-key' });
  });
  it('passes with auto-key', () => expect(check('PANOS-TM-011', transportStack())).toEqual([]));
  it('is not applicable when the key type is unknown', () => {
    expect(check('PANOS-TM-011', transportStack({ tunnel: { keyType: UNKNOWN } }))).toEqual([]);
  });
});

describe('PANOS-TM-012', () => {
  it('fails (warning) when no tunnel references the gateway', () => {
    const [f] = check('PANOS-TM-012', transportStack({ tunnel: { ikeGateways: ['other'] } }));
    expect(f).toMatchObject({ level: 'warning', path: PATHS.gateway });
  });
  it('passes when a tunnel uses the gateway', () => expect(check('PANOS-TM-012', transportStack())).toEqual([]));
  it('is not applicable when a tunnel gateway list is unknown', () => {
    expect(check('PANOS-TM-012', transportStack({ tunnel: { ikeGateways: UNKNOWN } }))).toEqual([]);
  });
});

describe('PANOS-TM-013', () => {
  it('fails (warning) when a transport tunnel without GRE uses an interface with an IPv4 address', () => {
    const [f] = check('PANOS-TM-013', transportStack({ tunnelInterface: { ipv4Addresses: ['169.254.0.1/30'] } }));
    expect(f).toMatchObject({ level: 'warning', path: PATHS.tunnelInterface, field: 'ipv4Addresses' });
  });
  it('passes with GRE enabled or no address', () => {
    expect(check('PANOS-TM-013', transportStack({ tunnelInterface: { ipv4Addresses: ['169.254.0.1/30'] }, tunnel: { enableGreEncapsulation: true } }))).toEqual([]);
    expect(check('PANOS-TM-013', transportStack())).toEqual([]);
  });
  it('is not applicable when GRE or the addresses are unknown', () => {
    expect(check('PANOS-TM-013', transportStack({ tunnelInterface: { ipv4Addresses: ['169.254.0.1/30'] }, tunnel: { enableGreEncapsulation: UNKNOWN } }))).toEqual([]);
    expect(check('PANOS-TM-013', transportStack({ tunnelInterface: { ipv4Addresses: UNKNOWN } }))).toEqual([]);
  });
});

describe('PANOS-TM-014', () => {
  it('fails when GRE is enabled and the tunnel interface has no IPv4 address', () => {
    const [f] = check('PANOS-TM-014', transportStack({ tunnel: { enableGreEncapsulation: true } }));
    expect(f).toMatchObject({ level: 'error', path: PATHS.tunnelInterface, field: 'ipv4Addresses' });
  });
  it('passes with GRE and an address', () => {
    expect(check('PANOS-TM-014', transportStack({ tunnel: { enableGreEncapsulation: true }, tunnelInterface: { ipv4Addresses: ['169.254.0.1/30'] } }))).toEqual([]);
  });
  it('is not applicable when the addresses are unknown or the interface is imported', () => {
    expect(check('PANOS-TM-014', transportStack({ tunnel: { enableGreEncapsulation: true }, tunnelInterface: { ipv4Addresses: UNKNOWN } }))).toEqual([]);
    expect(check('PANOS-TM-014', transportStack({ tunnel: { enableGreEncapsulation: true }, tunnelInterface: { imported: true } }))).toEqual([]);
  });
});

describe('PANOS-TM-015', () => {
  it('fails when multicast routing is declared over a transport tunnel without GRE', () => {
    const [f] = check('PANOS-TM-015', transportStack({ tunnel: { carriesMulticastRouting: true } }));
    expect(f).toMatchObject({ level: 'error', path: PATHS.tunnel, field: 'enableGreEncapsulation' });
  });
  it('passes with GRE', () => {
    expect(check('PANOS-TM-015', transportStack({ tunnel: { carriesMulticastRouting: true, enableGreEncapsulation: true } }))).toEqual([]);
  });
  it('is not applicable when the intent is unknown', () => {
    expect(check('PANOS-TM-015', transportStack({ tunnel: { carriesMulticastRouting: UNKNOWN } }))).toEqual([]);
  });
});

describe('PANOS-TM-020', () => {
  it('reports an info when a transport tunnel without GRE declares no routing intent', () => {
    const [f] = check('PANOS-TM-020', transportStack({ tunnel: { carriesMulticastRouting: undefined } }));
    expect(f).toMatchObject({ level: 'info', source: 'T15' });
  });
  it('passes when the intent is declared false or GRE is on', () => {
    expect(check('PANOS-TM-020', transportStack())).toEqual([]);
    expect(check('PANOS-TM-020', transportStack({ tunnel: { carriesMulticastRouting: undefined, enableGreEncapsulation: true } }))).toEqual([]);
  });
  it('is not applicable when GRE is unknown', () => {
    expect(check('PANOS-TM-020', transportStack({ tunnel: { carriesMulticastRouting: undefined, enableGreEncapsulation: UNKNOWN } }))).toEqual([]);
  });
});

describe('PANOS-TM-016', () => {
  it('reports an info when a transport tunnel enables GRE', () => {
    expect(check('PANOS-TM-016', transportStack({ tunnel: { enableGreEncapsulation: true } }))[0]).toMatchObject({ level: 'info', source: 'T16' });
  });
  it('passes without GRE', () => expect(check('PANOS-TM-016', transportStack())).toEqual([]));
  it('is not applicable when GRE is unknown', () => {
    expect(check('PANOS-TM-016', transportStack({ tunnel: { enableGreEncapsulation: UNKNOWN } }))).toEqual([]);
  });
});

describe('PANOS-TM-017', () => {
  it('fails when tunnel monitoring is enabled without a destination', () => {
    const [f] = check('PANOS-TM-017', transportStack({ tunnel: { tunnelMonitor: { enable: true } } }));
    expect(f).toMatchObject({ path: PATHS.tunnel, field: 'tunnelMonitor.destinationIp' });
  });
  it('passes with a destination, or with monitoring off', () => {
    expect(check('PANOS-TM-017', transportStack())).toEqual([]);
    expect(check('PANOS-TM-017', transportStack({ tunnel: { tunnelMonitor: { enable: false } } }))).toEqual([]);
  });
  it('is not applicable when the monitor (a token anywhere in it) is unknown', () => {
    expect(check('PANOS-TM-017', transportStack({ tunnel: { tunnelMonitor: UNKNOWN } }))).toEqual([]);
  });
});

describe('PANOS-TM-018', () => {
  it('reports an info when copyTos is enabled on a transport tunnel', () => {
    expect(check('PANOS-TM-018', transportStack({ tunnel: { copyTos: true } }))[0]).toMatchObject({ level: 'info', field: 'copyTos' });
  });
  it('passes with copyTos off', () => expect(check('PANOS-TM-018', transportStack({ tunnel: { copyTos: false } }))).toEqual([]));
  it('is not applicable when copyTos is unknown', () => {
    expect(check('PANOS-TM-018', transportStack({ tunnel: { copyTos: UNKNOWN } }))).toEqual([]);
  });
});
