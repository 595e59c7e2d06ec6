/**
 * Both ends of a tunnel at synth: a matrix of mismatched pairs, declared in two stacks of one app and in one stack
 * with two firewalls, each failing synth with its PANOS-PEER id and both construct paths; matching pairs pass.
 */
import { Lazy, TerraformStack, Testing } from 'cdktf';
import { ExternalPeer, IkeGateway, PeerPairing, SecretValue, type ExternalPeerProps } from '../../constructs';
import { buildPairs } from '../../bench/synth';
import { annotations, appErrors, twoEnds, type Base, type End, type EndPatch, type Layout } from './peer-helpers';

interface Case {
  readonly name: string;
  readonly rule: string;
  readonly a?: EndPatch;
  readonly b?: EndPatch;
  readonly base?: Base;
  /** The end the error is reported at (the other end's path is named in it). @default 'a' */
  readonly at?: 'a' | 'b';
  /** Declare the pair explicitly. */
  readonly explicit?: { readonly natBetween?: boolean };
}

const CASES: readonly Case[] = [
  { name: 'ikev2 against ikev1', rule: 'PANOS-PEER-001', base: 'tunnel', b: { gateway: { version: 'ikev1' } } },
  { name: 'IKEv1 main against aggressive', rule: 'PANOS-PEER-003', base: 'tunnel', a: { gateway: { version: 'ikev1', ikev1ExchangeMode: 'main' } }, b: { gateway: { version: 'ikev1', ikev1ExchangeMode: 'aggressive' } } },
  { name: 'IKE encryption with nothing in common', rule: 'PANOS-PEER-004', base: 'tunnel', b: { ike: { encryption: ['aes-256-cbc'] } } },
  { name: 'IKE authentication with nothing in common', rule: 'PANOS-PEER-004', b: { ike: { authentication: ['sha256'] } } },
  { name: 'IKE DH groups with nothing in common', rule: 'PANOS-PEER-004', base: 'tunnel', b: { ike: { dhGroups: ['group19'] } } },
  { name: 'one end on the predefined IKE profile', rule: 'PANOS-PEER-004', base: 'tunnel', b: { gateway: { cryptoProfile: undefined } } },
  { name: 'ESP encryption with nothing in common', rule: 'PANOS-PEER-005', base: 'tunnel', b: { ipsec: { espEncryption: ['aes-128-gcm'] } } },
  { name: 'ESP against AH', rule: 'PANOS-PEER-005', base: 'tunnel', b: { ipsec: { protocol: 'ah', espEncryption: undefined, espAuthentication: undefined, ahAuthentication: ['sha256'] } } },
  { name: 'no-pfs on one end only', rule: 'PANOS-PEER-006', base: 'tunnel', b: { ipsec: { dhGroup: 'no-pfs' } } },
  { name: 'PFS group14 against group20', rule: 'PANOS-PEER-006', base: 'tunnel', b: { ipsec: { dhGroup: 'group14' } } },
  { name: 'transport against tunnel mode', rule: 'PANOS-PEER-007', b: { tunnel: { mode: 'tunnel', carriesMulticastRouting: undefined } } },
  { name: 'GRE on one end only', rule: 'PANOS-PEER-008', b: { tunnel: { enableGreEncapsulation: true } }, at: 'a' },
  { name: 'a peer address that does not point back', rule: 'PANOS-PEER-009', b: { gateway: { peerIp: '198.51.100.5' } }, at: 'b' },
  { name: 'an explicit pair whose addresses do not mirror', rule: 'PANOS-PEER-009', a: { gateway: { peerFqdn: 'fw-b.example.net', peerIp: undefined } }, b: { gateway: { peerIp: '198.51.100.9' } }, at: 'b', explicit: {} },
  { name: 'pre-shared keys from different TF_VAR variables', rule: 'PANOS-PEER-010', b: { psk: (s) => SecretValue.fromEnvVariable(s, 'psk-b', 'bgp_psk_b') } },
  { name: 'different plain-text pre-shared keys', rule: 'PANOS-PEER-010', a: { psk: () => SecretValue.unsafePlainText('alpha-key-1') }, b: { psk: () => SecretValue.unsafePlainText('bravo-key-2') } },
  { name: 'a peer identity the peer does not send', rule: 'PANOS-PEER-012', a: { gateway: { peerId: { type: 'fqdn', id: 'fw-b.example.net' } } } },
  { name: 'a local identity the peer does not expect', rule: 'PANOS-PEER-012', a: { gateway: { localId: { type: 'fqdn', id: 'hq.example.net' } } }, b: { gateway: { peerId: { type: 'fqdn', id: 'fw-a.example.net' } } }, at: 'b' },
  { name: 'a declared NAT without NAT-T', rule: 'PANOS-PEER-014', base: 'tunnel', a: { gateway: { natTraversal: true } }, explicit: { natBetween: true }, at: 'b' },
  { name: 'proxy IDs that do not mirror', rule: 'PANOS-PEER-015', base: 'tunnel', a: { tunnel: { proxyIds: [{ name: 'lan', local: '10.1.0.0/16', remote: '10.2.0.0/16' }] } }, b: { tunnel: { proxyIds: [{ name: 'lan', local: '10.1.0.0/16', remote: '10.2.0.0/16' }] } } },
  { name: 'both gateways passive', rule: 'PANOS-PEER-019', a: { gateway: { passiveMode: true } }, b: { gateway: { passiveMode: true } } },
  { name: 'IKEv1 proxy IDs on one end only', rule: 'PANOS-PEER-015', base: 'tunnel', a: { gateway: { version: 'ikev1' }, tunnel: { proxyIds: [{ name: 'lan', local: '10.1.0.0/16', remote: '10.2.0.0/16' }] } }, b: { gateway: { version: 'ikev1' } } },
];

const LAYOUTS: readonly Layout[] = ['two-stacks', 'one-stack'];

describe('a mismatched pair fails synth with its PANOS-PEER id and both construct paths', () => {
  const matrix = LAYOUTS.flatMap((layout) => CASES.map((c) => ({ ...c, layout })));

  it('GIVEN the matrix THEN it holds at least 20 mismatched pairs in each layout', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(CASES.map((c) => c.rule)).size).toBeGreaterThanOrEqual(12);
  });

  it.each(matrix)('fails when $name ($layout): $rule', ({ rule, a, b, base, at, explicit, layout }) => {
    const { app, a: endA, b: endB } = twoEnds(a, b, layout, base);
    if (explicit) endA.gateway.pairWith(endB.gateway, explicit);
    const errors = appErrors(app).split('\n').filter((l) => l.includes(rule));
    expect(errors.length).toBeGreaterThan(0);
    const [here, there] = (at ?? 'a') === 'a' ? [endA, endB] : [endB, endA];
    // Constructs of one end live under its stack (two stacks) or under its firewall (one stack).
    const prefix = (e: End): string => `${layout === 'two-stacks' ? e.stack.node.path : e.firewall.node.path}/`;
    const line = errors.find((l) => l.includes(`${rule}:`))!;
    // The validating construct (cdktf's prefix) is one end; the message names a construct of the other end.
    expect(line).toMatch(new RegExp(`\\[${prefix(here)}[^\\]]*\\] ${rule}: `));
    expect(line.slice(line.indexOf(`${rule}:`))).toContain(prefix(there));
    expect(line).toMatch(/; fix: /);
  });

  it('never prints a plain-text pre-shared key in a pair finding', () => {
    const { app } = twoEnds({ psk: () => SecretValue.unsafePlainText('alpha-key-1') }, { psk: () => SecretValue.unsafePlainText('bravo-key-2') });
    const errors = appErrors(app);
    expect(errors).toContain('PANOS-PEER-010');
    expect(errors).not.toMatch(/alpha-key-1|bravo-key-2/);
    expect(JSON.stringify(PeerPairing.of(app).results)).not.toMatch(/alpha-key-1|bravo-key-2/);
  });
});

describe('matching pairs pass', () => {
  it.each(LAYOUTS)('GIVEN a correct transport-mode pair (%s) THEN synth passes with no pair finding at all', (layout) => {
    const { app, a, b } = twoEnds({}, {}, layout);
    expect(appErrors(app)).toBe('');
    const { pairs } = PeerPairing.of(app).pairing;
    expect(pairs.map((p) => [p.a.path, p.b.path, p.basis])).toEqual([[a.gateway.node.path, b.gateway.node.path, 'mirrored']]);
    expect(pairs[0]!.tunnels.map((t) => [t.a.path, t.b.path])).toEqual([[a.tunnel.node.path, b.tunnel.node.path]]);
    const r = PeerPairing.of(app).results;
    expect([...r.errors, ...r.warnings, ...r.infos]).toEqual([]);
  });

  it('GIVEN a tunnel-mode pair with mirrored proxy IDs and equal plain-text keys THEN no pair error', () => {
    const proxy = (local: string, remote: string): EndPatch['tunnel'] => ({ proxyIds: [{ name: 'lan', local, remote }] });
    const key = () => SecretValue.unsafePlainText('same-lab-key');
    const { app } = twoEnds({ tunnel: proxy('10.1.0.0/16', '10.2.0.0/16'), psk: key }, { tunnel: proxy('10.2.0.0/16', '10.1.0.0/16'), psk: key }, 'two-stacks', 'tunnel');
    expect(appErrors(app)).toBe('');
  });

  it('GIVEN NAT-T on one end only THEN synth passes with a PANOS-PEER-013 warning on the gateway', () => {
    const { app, a } = twoEnds({}, { gateway: { natTraversal: true } }, 'two-stacks', 'tunnel');
    expect(appErrors(app)).toBe('');
    expect(annotations(a.gateway, 'warn').join('\n')).toContain('PANOS-PEER-013');
  });

  it('GIVEN ikev2-preferred against ikev1 THEN synth passes and PANOS-PEER-002 is an info on the gateway', () => {
    const { app, a } = twoEnds({ gateway: { version: 'ikev2-preferred' } }, { gateway: { version: 'ikev1' } }, 'two-stacks', 'tunnel');
    expect(appErrors(app)).not.toContain('PANOS-PEER');
    expect(annotations(a.gateway, 'info').join('\n')).toContain('PANOS-PEER-002');
  });

  it('GIVEN an HA active/active end whose floating address the other end points at THEN they pair as mirrored and synth passes', () => {
    const { app } = twoEnds({ gateway: { localIp: undefined, floatingIp: '198.51.100.9' } }, { gateway: { peerIp: '198.51.100.9' } }, 'two-stacks', 'tunnel');
    expect(PeerPairing.of(app).pairing.pairs.map((p) => p.basis)).toEqual(['mirrored']);
    expect(appErrors(app)).toBe('');
  });

  it('GIVEN gateways of one firewall that mirror each other THEN they are not paired', () => {
    const { app, a } = twoEnds();
    new IkeGateway(a.stack, 'gw-back', { version: 'ikev2', localInterface: 'ethernet1/2', localIp: '198.51.100.2/30', peerIp: '198.51.100.1', preSharedKey: SecretValue.unsafePlainText('x') });
    expect(PeerPairing.of(app).pairing.pairs).toHaveLength(1);
  });
});

describe('infos and acknowledgements across firewalls', () => {
  it('GIVEN different IPSec lifetimes THEN PANOS-PEER-016 is an info on the profile naming the value that wins', () => {
    const { app, a } = twoEnds({}, { ipsec: { lifetime: { unit: 'minutes', value: 30 } } });
    expect(appErrors(app)).toBe('');
    const info = annotations(a.ipsec, 'info').join('\n');
    expect(info).toContain('PANOS-PEER-016');
    expect(info).toContain('the shorter, 30 minutes of fw-b/bgp, wins');
  });

  it('GIVEN the info acknowledged on the other firewall THEN it is not printed as an info and the acknowledgement is', () => {
    const { app, a, b } = twoEnds({}, { ipsec: { lifetime: { unit: 'minutes', value: 30 } } });
    b.firewall.acknowledge('PANOS-PEER-016', 'fw-b rekeys every 30 minutes on purpose');
    expect(appErrors(app)).toBe('');
    expect(annotations(a.ipsec, 'info').join('\n')).not.toContain('PANOS-PEER-016');
    expect(annotations(b.firewall, 'info').join('\n')).toContain('PANOS-PEER-016 acknowledged for 1 pair finding under fw-b/firewall: fw-b rekeys every 30 minutes on purpose');
  });

  it('GIVEN a pair error acknowledged THEN the acknowledgement is refused at once (errors cannot be acknowledged)', () => {
    const { a } = twoEnds();
    expect(() => a.firewall.acknowledge('PANOS-PEER-007', 'no')).toThrow(/PANOS-ACK-001.*PANOS-PEER-007 is an error/);
  });

  it('GIVEN keys from a computed value THEN the pair is not a pass but the PANOS-PEER-011 info', () => {
    const computed = Lazy.stringValue({ produce: () => 'resolved-at-deploy' });
    const { app, a } = twoEnds({ psk: () => SecretValue.unsafePlainText(computed) });
    expect(appErrors(app)).toBe('');
    expect(annotations(a.gateway, 'info').join('\n')).toContain('PANOS-PEER-011');
  });
});

describe('pairWith', () => {
  it('GIVEN an FQDN peer THEN nothing pairs until pairWith declares it; then the pair is checked', () => {
    const fqdn: EndPatch = { gateway: { peerIp: undefined, peerFqdn: 'fw-b.example.net' } };
    const first = twoEnds(fqdn, { ipsec: { dhGroup: 'group14' } });
    expect(PeerPairing.of(first.app).pairing.pairs.map((p) => p.basis)).toEqual(['half-mirrored']);
    const second = twoEnds({ gateway: { peerIp: undefined, peerDynamic: true } }, { gateway: { localIp: undefined, peerIp: undefined, peerFqdn: 'fw-a.example.net' }, ipsec: { dhGroup: 'group14' } });
    expect(PeerPairing.of(second.app).pairing.pairs).toEqual([]);
    second.a.gateway.pairWith(second.b.gateway);
    expect(PeerPairing.of(second.app).pairing.pairs.map((p) => p.basis)).toEqual(['explicit']);
    expect(appErrors(second.app)).toContain('PANOS-PEER-006');
  });

  it('fails at once when a gateway is paired with a gateway of its own firewall, or with a second peer', () => {
    const { a, b } = twoEnds();
    const own = new IkeGateway(a.stack, 'gw2', { localInterface: 'ethernet1/2' });
    expect(() => a.gateway.pairWith(own)).toThrow(/pairWith .*same PanosFirewall/);
    a.gateway.pairWith(b.gateway);
    const third = twoEnds({}, {}, 'two-stacks', 'transport', Testing.app());
    expect(() => a.gateway.pairWith(third.b.gateway)).toThrow(/already this end's pair/);
  });
});

describe('a far end that is not PAN-OS', () => {
  const strongSwan = (over: Partial<ExternalPeerProps> = {}): ExternalPeerProps => ({
    description: 'strongSwan 5.9',
    address: '198.51.100.2',
    peerAddress: '198.51.100.1',
    version: 'ikev2',
    ike: { encryption: ['aes-256-gcm', 'aes-128-gcm'], authentication: ['sha384', 'sha256'], dhGroups: ['group20', 'group19'] },
    ipsec: { espEncryption: ['aes-256-gcm'], espAuthentication: ['none'], pfsGroups: ['group20'] },
    mode: 'transport',
    ...over,
  });

  function withFarEnd(over: Partial<ExternalPeerProps> = {}, gateway: EndPatch = {}) {
    const app = Testing.app();
    // fw-b points elsewhere, so fw-a's peer address is the far end's.
    const { a } = twoEnds(gateway, { gateway: { localIp: '198.51.100.9/30', peerIp: '198.51.100.10' } }, 'two-stacks', 'transport', app);
    const farEndStack = new TerraformStack(app, 'far-end');
    const peer = new ExternalPeer(farEndStack, 'strongswan', { ...strongSwan(), ...over });
    return { app, a, peer, farEndStack };
  }

  it('GIVEN a matching far end THEN it pairs with the gateway pointing at it and writes nothing', () => {
    const app = Testing.app();
    const { a } = twoEnds({}, { gateway: { localIp: '198.51.100.9/30', peerIp: '198.51.100.10' } }, 'two-stacks', 'transport', app);
    const stack = new TerraformStack(app, 'far-end');
    const psk = SecretValue.fromEnvVariable(stack, 'psk', 'bgp_psk');
    new ExternalPeer(stack, 'strongswan', { ...strongSwan(), preSharedKey: psk });
    expect(appErrors(app)).toBe('');
    const pairs = PeerPairing.of(app).pairing.pairs;
    expect(pairs.map((p) => [p.a.path, p.b.path, p.basis])).toEqual([[a.gateway.node.path, 'far-end/strongswan', 'mirrored']]);
    const json = JSON.parse(Testing.synth(stack)) as { resource?: unknown };
    expect(json.resource).toBeUndefined();
  });

  it('fails when the far end offers no common IKE proposal: PANOS-PEER-004 at the PAN-OS profile, naming the far end', () => {
    const { app } = withFarEnd({ ike: { encryption: ['aes-256-cbc'], authentication: ['sha256'], dhGroups: ['group20'] } });
    const errors = appErrors(app);
    expect(errors).toMatch(/\[fw-a\/ike\] PANOS-PEER-004: .*far end 'strongswan' \(far-end\/strongswan\).*closest miss: aes-256-gcm\/sha384\/group20 against aes-256-cbc\/sha256\/group20/);
  });

  it('fails when the far end runs tunnel mode against a transport tunnel (PANOS-PEER-007)', () => {
    const { app } = withFarEnd({ mode: 'tunnel' });
    expect(appErrors(app)).toMatch(/\[fw-a\/bgp\] PANOS-PEER-007: .*far-end\/strongswan/);
  });

  it('fails at the far end when its peerAddress is not the gateway address (PANOS-PEER-009 on the far end)', () => {
    const { app } = withFarEnd({ peerAddress: '198.51.100.7' });
    expect(appErrors(app)).toMatch(/\[far-end\/strongswan\] PANOS-PEER-009: .*198\.51\.100\.7.*fw-a\/gw/);
  });

  it('GIVEN a far end that no gateway points at THEN a PANOS-PEER-018 warning is annotated on it', () => {
    const { app, peer } = withFarEnd({ address: '192.0.2.77', peerAddress: undefined });
    appErrors(app);
    expect(annotations(peer, 'warn').join('\n')).toContain('PANOS-PEER-018');
  });

  it('GIVEN a far end declared directly under the App (in no stack) THEN its errors still fail synth, at the PAN-OS end', () => {
    const app = Testing.app();
    twoEnds({}, { gateway: { localIp: '198.51.100.9/30', peerIp: '198.51.100.10' } }, 'two-stacks', 'transport', app);
    new ExternalPeer(app, 'loose', { ...strongSwan(), peerAddress: '198.51.100.7' });
    expect(appErrors(app)).toMatch(/\[fw-a\/gw\] \[loose\] PANOS-PEER-009: far end 'loose' \(loose\) connects to 198\.51\.100\.7/);
  });

  it('fails at once for a far end without any IKE encryption', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 's');
    expect(() => new ExternalPeer(stack, 'x', { ...strongSwan(), ike: { encryption: [], authentication: ['sha256'], dhGroups: ['group20'] } })).toThrow(
      /\[s\/x\] PANOS-VAL-001: ike\.encryption \[\] is empty/,
    );
  });
});

describe('pairing at scale (the synth benchmark app)', () => {
  it('GIVEN two firewalls with 200 mirrored gateways each THEN 200 pairs of one tunnel each, and none without mirroring', () => {
    const paired = Testing.app();
    buildPairs(paired, 200, true);
    const { pairs } = PeerPairing.of(paired).pairing;
    expect(pairs).toHaveLength(200);
    expect(pairs.every((p) => p.basis === 'mirrored' && p.tunnels.length === 1 && p.a.path.startsWith('fw-a/') && p.b.path.startsWith('fw-b/'))).toBe(true);
    expect(pairs[137]!.a.name).toBe(pairs[137]!.b.name);
    const r = PeerPairing.of(paired).results;
    expect([...r.errors, ...r.warnings, ...r.infos]).toEqual([]);
    const unpaired = Testing.app();
    buildPairs(unpaired, 200, false);
    expect(PeerPairing.of(unpaired).pairing.pairs).toEqual([]);
  });
});
