/**
 * The pair rules at the device level: a pure function over two (or more) decoded configurations, as a pair-check
 * command feeds it. Each case changes one thing on one device of a correct transport-mode pair.
 */
import { checkDevicePair, checkDevices, formatFinding, runRules, validateAcknowledgement, type Finding } from '../../src/rules';
import { DEVICE_PATHS as P, device, ids, pairOf, stored, type DevicePatch } from './peer-fixtures';

function check(a: DevicePatch = {}, b: DevicePatch = {}) {
  const [x, y] = pairOf(a, b);
  return checkDevicePair(x, y);
}

function only(findings: readonly Finding[], ruleId: string): Finding {
  const hits = findings.filter((f) => f.ruleId === ruleId);
  expect(hits.map((f) => f.ruleId)).toEqual([ruleId]);
  return hits[0]!;
}

describe('pairing devices', () => {
  it('GIVEN two devices whose gateways mirror addresses THEN they pair, with their tunnels', () => {
    const { pairs } = check();
    expect(pairs).toEqual([{ a: P.gwA, b: P.gwB, basis: 'mirrored', tunnels: [{ a: P.tunnelA, b: P.tunnelB }] }]);
  });

  it('GIVEN a matching pair whose stored keys carry the same digest (each under its own master key) THEN nothing is reported', () => {
    const { results } = check({ gateway: { preSharedKeyEncrypted: stored('bgp-lab-key', 'Y2lwaGVyIEE=') } }, { gateway: { preSharedKeyEncrypted: stored('bgp-lab-key', 'Y2lwaGVyIEI=') } });
    expect(ids(results)).toEqual({ errors: [], warnings: [], infos: [] });
  });

  it('fails when the stored keys carry different digests (PANOS-PEER-010), printing neither key nor digest', () => {
    const b = stored('another-key');
    const { results } = check({}, { gateway: { preSharedKeyEncrypted: b } });
    const f = only(results.errors, 'PANOS-PEER-010');
    expect(f.message).toContain('use different pre-shared keys');
    for (const secret of ['another-key', 'bgp-lab-key', b.slice(5, 33), stored('bgp-lab-key').slice(5, 33), '-AQ==']) expect(f.message).not.toContain(secret);
  });

  it('GIVEN a stored key without the digest THEN the pair cannot be verified: the PANOS-PEER-011 info, not a pass', () => {
    const { results } = check({}, { gateway: { preSharedKeyEncrypted: '-AQ==short' } });
    expect(ids(results)).toEqual({ errors: [], warnings: [], infos: ['PANOS-PEER-011'] });
    expect(results.infos[0]!.message).toContain('cannot be compared');
  });

  it('fails when both gateways are passive: PANOS-PEER-019, neither starts IKE', () => {
    const { results } = check({ gateway: { passiveMode: true } }, { gateway: { passiveMode: true } });
    const f = only(results.errors, 'PANOS-PEER-019');
    expect(f).toMatchObject({ path: P.gwA, field: 'passiveMode', peerPath: P.gwB });
    expect(f.message).toContain('neither starts IKE');
  });

  it('GIVEN one passive gateway and one that initiates THEN PANOS-PEER-019 stays silent', () => {
    const { results } = check({}, { gateway: { passiveMode: true } });
    expect(results.errors.map((f) => f.ruleId)).not.toContain('PANOS-PEER-019');
  });

  it('GIVEN the local address written with and without prefix, and IPv6 spelt differently THEN they still pair', () => {
    const a = device('fw-a', '2001:db8::1', '2001:0db8:0:0::2');
    const b = device('fw-b', '2001:db8:0::2', '2001:db8::0:1');
    expect(checkDevicePair(a, b).pairs).toHaveLength(1);
  });

  it('GIVEN gateways of one device that mirror each other THEN they do not pair (a device does not negotiate with itself)', () => {
    const [a] = pairOf();
    const looped = { ...a, ikeGateways: [...a.ikeGateways!, { ...device('x', '198.51.100.2', '198.51.100.1').ikeGateways![0]!, name: 'gw-back' }] };
    expect(checkDevices([looped]).pairs).toEqual([]);
  });

  it('fails when one end points at the other but the other points elsewhere: PANOS-PEER-009 names both paths (half mirror)', () => {
    const { pairs, results } = check({}, { gateway: { peerIp: '198.51.100.9' } });
    expect(pairs[0]!.basis).toBe('half-mirrored');
    const f = only(results.errors, 'PANOS-PEER-009');
    expect(f.path).toBe(P.gwB);
    expect(f.peerPath).toBe(P.gwA);
    expect(f.message).toMatch(/^\[fw-b\/ike-gateway\/gw-bgp\] PANOS-PEER-009: .*198\.51\.100\.9.*fw-a\/ike-gateway\/gw-bgp.*198\.51\.100\.1; allowed: 198\.51\.100\.1; fix: /);
  });

  it('GIVEN an explicit pair across a declared NAT THEN addresses are not compared but NAT-T is required (PANOS-PEER-014)', () => {
    const [a, b] = pairOf({}, { gateway: { peerIp: '203.0.113.7' } });
    const natted = checkDevices([a, { ...b, ikeGateways: [{ ...b.ikeGateways![0]!, localIp: '10.0.0.2/24' }] }], {
      pairs: [{ a: P.gwA, b: P.gwB, natBetween: true }],
    });
    expect(natted.pairs[0]!.basis).toBe('explicit');
    expect(ids(natted.results).errors).toEqual(['PANOS-PEER-014', 'PANOS-PEER-014']);
    expect(natted.results.errors.map((e) => e.path)).toEqual([P.gwA, P.gwB]);
  });

  it('GIVEN two devices with the same name THEN checkDevices refuses them (paths would be ambiguous)', () => {
    const [a] = pairOf();
    expect(() => checkDevices([a, a])).toThrow(/two devices are named 'fw-a'/);
  });
});

describe('pair rules over two devices: each mismatch fails with its id and both paths', () => {
  const cases: { name: string; rule: string; a?: DevicePatch; b?: DevicePatch; at: string }[] = [
    { name: 'ikev2 against ikev1', rule: 'PANOS-PEER-001', b: { gateway: { version: 'ikev1' }, tunnel: { ipsecMode: 'transport' } }, at: P.gwA },
    { name: 'IKE encryption with nothing in common', rule: 'PANOS-PEER-004', b: { ike: { encryption: ['aes-256-cbc'] } }, at: P.ikeA },
    { name: 'IKE DH groups with nothing in common', rule: 'PANOS-PEER-004', b: { ike: { dhGroups: ['group19', 'group14'] } }, at: P.ikeA },
    { name: 'ESP encryption with nothing in common', rule: 'PANOS-PEER-005', b: { ipsec: { espEncryption: ['aes-128-gcm'] } }, at: P.ipsecA },
    { name: 'ESP against AH', rule: 'PANOS-PEER-005', b: { ipsec: { protocol: 'ah', espEncryption: undefined, espAuthentication: undefined, ahAuthentication: ['sha256'] } }, at: P.ipsecA },
    { name: 'no-pfs on one end only', rule: 'PANOS-PEER-006', b: { ipsec: { dhGroup: 'no-pfs' } }, at: P.ipsecA },
    { name: 'PFS groups differ', rule: 'PANOS-PEER-006', b: { ipsec: { dhGroup: 'group14' } }, at: P.ipsecA },
    { name: 'transport against tunnel', rule: 'PANOS-PEER-007', b: { tunnel: { ipsecMode: 'tunnel' } }, at: P.tunnelA },
    { name: 'GRE on one end only', rule: 'PANOS-PEER-008', a: { tunnel: { enableGreEncapsulation: true } }, at: P.tunnelA },
    { name: 'certificate against pre-shared key', rule: 'PANOS-PEER-010', b: { gateway: { authentication: 'certificate', preSharedKeyEncrypted: undefined } }, at: P.gwA },
    { name: 'peer identity not what the peer sends', rule: 'PANOS-PEER-012', a: { gateway: { peerId: { type: 'fqdn', id: 'fw-b.example.net' } } }, at: P.gwA },
  ];
  it.each(cases)('fails when $name: $rule', ({ rule, a, b, at }) => {
    const { results } = check(a, b);
    const f = only(results.errors, rule);
    expect(f.path).toBe(at);
    expect(f.message.startsWith(`[${at}] ${rule}: `)).toBe(true);
    const other = at.startsWith('fw-a') ? 'fw-b/' : 'fw-a/';
    expect(f.message).toContain(other);
    expect(f.peerPath?.startsWith(other)).toBe(true);
    expect(f.message).toMatch(/; fix: /);
  });

  it('names the closest miss of an IKE proposal mismatch', () => {
    const { results } = check({}, { ike: { encryption: ['aes-256-cbc'], authentication: ['sha256', 'sha384'] } });
    const f = only(results.errors, 'PANOS-PEER-004');
    expect(f.message).toContain('authentication sha384 in common');
    expect(f.message).toContain('encryption aes-256-gcm vs aes-256-cbc (none in common)');
    expect(f.message).toContain('closest miss: aes-256-gcm/sha384/group20 against aes-256-cbc/sha384/group20, differing in encryption');
  });

  it('GIVEN NAT-T on one end only and no NAT declared THEN a PANOS-PEER-013 warning (it breaks once a NAT sits between them)', () => {
    const { results } = check({ tunnel: { ipsecMode: 'tunnel' } }, { gateway: { natTraversal: true }, tunnel: { ipsecMode: 'tunnel' } });
    expect(ids(results)).toEqual({ errors: [], warnings: ['PANOS-PEER-013'], infos: [] });
    expect(results.warnings[0]!.message).toContain(P.gwB);
  });

  it('GIVEN one end ikev2-preferred and the other ikev1 THEN no version error but the PANOS-PEER-002 info', () => {
    const { results } = check({ gateway: { version: 'ikev2-preferred' } }, { gateway: { version: 'ikev1' } });
    expect(ids(results).errors).not.toContain('PANOS-PEER-001');
    expect(ids(results).infos).toContain('PANOS-PEER-002');
  });

  it('GIVEN ikev2-preferred on both ends THEN the pair speaks IKEv2 and nothing is reported about the version', () => {
    const { results } = check({ gateway: { version: 'ikev2-preferred' } }, { gateway: { version: 'ikev2-preferred' } });
    expect([...ids(results).errors, ...ids(results).infos].filter((i) => i === 'PANOS-PEER-001' || i === 'PANOS-PEER-002')).toEqual([]);
  });

  it('fails when an IKEv1 pair uses main against aggressive mode (PANOS-PEER-003); auto against aggressive passes', () => {
    const v1 = (mode: 'main' | 'aggressive' | 'auto'): DevicePatch => ({ gateway: { version: 'ikev1', ikev1ExchangeMode: mode } });
    expect(ids(check(v1('main'), v1('aggressive')).results).errors).toEqual(['PANOS-PEER-003']);
    expect(ids(check(v1('auto'), v1('aggressive')).results).errors).toEqual([]);
  });

  it('GIVEN an IKEv1 pair (ikev2-preferred falling back) THEN the IKEv1 blocks are compared, not the IKEv2 ones', () => {
    const v1 = { name: 'ike-v1', dhGroups: ['group14'], authentication: ['sha256'], encryption: ['aes-256-cbc'] } as const;
    const [a0, b0] = pairOf({ gateway: { version: 'ikev2-preferred', ikev1CryptoProfile: 'ike-v1' }, tunnel: { ipsecMode: 'tunnel' } });
    const a = { ...a0, ikeCryptoProfiles: [...a0.ikeCryptoProfiles!, { ...v1, dhGroups: [...v1.dhGroups], authentication: [...v1.authentication], encryption: [...v1.encryption] }] };
    const bWith = (block: string): typeof b0 => ({
      ...b0,
      ikeGateways: [{ ...b0.ikeGateways![0]!, version: 'ikev1', ikev1CryptoProfile: block }],
      ikeCryptoProfiles: [...b0.ikeCryptoProfiles!, { ...v1, dhGroups: [...v1.dhGroups], authentication: [...v1.authentication], encryption: [...v1.encryption] }],
      ipsecTunnels: [{ ...b0.ipsecTunnels![0]!, ipsecMode: 'tunnel' }],
    });
    // fw-b's IKEv1 block matches fw-a's IKEv1 block: compatible, though it matches nothing of fw-a's IKEv2 block.
    expect(ids(checkDevicePair(a, bWith('ike-v1')).results).errors).toEqual([]);
    // fw-b's IKEv1 block is fw-a's IKEv2 profile's twin: the IKEv1 negotiation still fails.
    const f = only(checkDevicePair(a, bWith('ike-tm')).results.errors, 'PANOS-PEER-004');
    expect(f.path).toBe('fw-a/ike-crypto-profile/ike-v1');
    expect(f.message).toContain('closest miss: aes-256-cbc/sha256/group14 against aes-256-gcm/sha384/group20');
  });

  it('GIVEN an unset PFS group on one end and group2 on the other THEN they match (group2 is the device default)', () => {
    expect(ids(check({ ipsec: { dhGroup: undefined } }, { ipsec: { dhGroup: 'group2' } }).results).errors).toEqual([]);
  });

  it('GIVEN both ends on the predefined default profiles THEN they match; one end on default, the other on GCM fails', () => {
    const onDefault: DevicePatch = { gateway: { ikev2CryptoProfile: undefined }, tunnel: { ipsecMode: 'tunnel', autoKey: { ikeGateways: ['gw-bgp'] } } };
    expect(ids(check(onDefault, onDefault).results).errors).toEqual([]);
    const f = only(check(onDefault, { tunnel: { ipsecMode: 'tunnel' } }).results.errors, 'PANOS-PEER-004');
    expect(f.path).toBe(P.gwA);
    expect(f.field).toBe('ikev2CryptoProfile');
    expect(f.message).toContain("the predefined IKE crypto profile 'default'");
  });
});

describe('proxy IDs (tunnel mode)', () => {
  const tunnelMode = (proxyIds?: { name: string; local?: string; remote?: string; protocol?: 'tcp'; localPort?: number; remotePort?: number }[], version?: 'ikev1'): DevicePatch => ({
    tunnel: { ipsecMode: 'tunnel', autoKey: { ikeGateways: ['gw-bgp'], ipsecCryptoProfile: 'ipsec-tm', ...(proxyIds ? { proxyIds } : {}) } },
    ...(version ? { gateway: { version } } : {}),
  });

  it('GIVEN mirrored proxy IDs (host written without /32, ports swapped) THEN they pass', () => {
    const a = tunnelMode([{ name: 'lan', local: '10.1.0.0/16', remote: '10.2.0.5', protocol: 'tcp', localPort: 0, remotePort: 179 }]);
    const b = tunnelMode([{ name: 'other-name', local: '10.2.0.5/32', remote: '10.1.0.0/16', protocol: 'tcp', localPort: 179, remotePort: 0 }]);
    expect(ids(check(a, b).results).errors).toEqual([]);
  });

  it('fails when the proxy IDs do not mirror (PANOS-PEER-015 lists the unmatched entries)', () => {
    const a = tunnelMode([{ name: 'lan', local: '10.1.0.0/16', remote: '10.2.0.0/16' }]);
    const b = tunnelMode([{ name: 'lan', local: '10.1.0.0/16', remote: '10.2.0.0/16' }]);
    const f = only(check(a, b).results.errors, 'PANOS-PEER-015');
    expect(f.message).toContain("'lan' (local 10.1.0.0/16, remote 10.2.0.0/16)");
    expect(f.message).toContain(P.tunnelB);
  });

  it('GIVEN nested proxy IDs (a /16 against a /24 inside it) THEN IKEv2 passes (the responder narrows) and IKEv1 fails', () => {
    const wide = [{ name: 'lan', local: '10.1.0.0/16', remote: '10.2.0.0/16' }];
    const narrow = [{ name: 'lan', local: '10.2.3.0/24', remote: '10.1.4.0/24' }];
    expect(ids(check(tunnelMode(wide), tunnelMode(narrow)).results).errors).toEqual([]);
    expect(ids(check(tunnelMode(wide, 'ikev1'), tunnelMode(narrow, 'ikev1')).results).errors).toEqual(['PANOS-PEER-015']);
  });

  it('GIVEN a proxy ID written with host bits (10.1.2.3/16) THEN it selects its network and mirrors 10.1.0.0/16 under IKEv1', () => {
    const a = tunnelMode([{ name: 'lan', local: '10.1.2.3/16', remote: '10.2.0.0/16' }], 'ikev1');
    const b = tunnelMode([{ name: 'lan', local: '10.2.0.0/16', remote: '10.1.0.0/16' }], 'ikev1');
    expect(ids(check(a, b).results).errors).toEqual([]);
  });

  it('GIVEN proxy IDs on one end only THEN IKEv1 fails (exact match) and IKEv2 passes (narrowing)', () => {
    const some = [{ name: 'lan', local: '10.1.0.0/16', remote: '10.2.0.0/16' }];
    expect(ids(check(tunnelMode(some, 'ikev1'), tunnelMode(undefined, 'ikev1')).results).errors).toEqual(['PANOS-PEER-015']);
    expect(ids(check(tunnelMode(some), tunnelMode()).results).errors).toEqual([]);
  });
});

describe('infos that name what holds', () => {
  it('GIVEN different IPSec lifetimes THEN PANOS-PEER-016 names the shorter as the one that wins', () => {
    const f = only(check({}, { ipsec: { lifetime: { unit: 'minutes', value: 30 } } }).results.infos, 'PANOS-PEER-016');
    expect(f.message).toContain('the shorter, 30 minutes of fw-b/ipsec-tunnel/bgp, wins');
  });

  it('GIVEN 480 minutes against 8 hours THEN the IKE lifetimes are the same', () => {
    expect(ids(check({ ike: { lifetime: { unit: 'minutes', value: 480 } } }, { ike: { lifetime: { unit: 'hours', value: 8 } } }).results).infos).toEqual([]);
  });

  it('GIVEN different anti-replay windows THEN PANOS-PEER-017 is an info naming both', () => {
    const f = only(check({}, { tunnel: { antiReplayWindow: '64' } }).results.infos, 'PANOS-PEER-017');
    expect(f.message).toMatch(/window of 512 packets .* window of 64 packets/);
  });
});

describe('acknowledgements over a pair', () => {
  it('GIVEN an info acknowledged by the path of the other end THEN it is listed as acknowledged, not as an info', () => {
    const [a, b] = pairOf({}, { tunnel: { antiReplayWindow: '64' } });
    const { results } = checkDevices([a, b], { acknowledgements: [{ ruleId: 'PANOS-PEER-017', reason: 'fw-b sees reordering', path: 'fw-b' }] });
    expect(ids(results).infos).toEqual([]);
    expect(results.acknowledged.map((x) => [x.finding.ruleId, x.reason])).toEqual([['PANOS-PEER-017', 'fw-b sees reordering']]);
  });

  it('GIVEN an error acknowledged THEN the acknowledgement is refused (PANOS-ACK-001) and the error stays', () => {
    const [a, b] = pairOf({}, { tunnel: { ipsecMode: 'tunnel' } });
    const { results } = checkDevices([a, b], { acknowledgements: [{ ruleId: 'PANOS-PEER-007', reason: 'r' }] });
    expect(ids(results).errors.sort()).toEqual(['PANOS-ACK-001', 'PANOS-PEER-007']);
  });

  it('GIVEN a firewall acknowledging a pair info THEN its own stack rules accept the id (no PANOS-ACK-001); a pair error is refused', () => {
    expect(validateAcknowledgement({ ruleId: 'PANOS-PEER-016', reason: 'shorter on purpose' }).id).toBe('PANOS-PEER-016');
    expect(runRules({ acknowledgements: [{ ruleId: 'PANOS-PEER-017', reason: 'r' }] }).errors).toEqual([]);
    expect(() => validateAcknowledgement({ ruleId: 'PANOS-PEER-001', reason: 'r' })).toThrow(/PANOS-PEER-001 is an error/);
  });

  it('prints a finding on one line with its source item', () => {
    const { results } = check({}, { tunnel: { ipsecMode: 'tunnel' } });
    expect(formatFinding(results.errors[0]!)).toMatch(/^ERROR \[fw-a\/ipsec-tunnel\/bgp\] PANOS-PEER-007: .* \(source N6\)$/);
  });
});
