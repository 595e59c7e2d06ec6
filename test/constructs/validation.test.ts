import { Lazy, TerraformStack, Testing } from 'cdktf';
import { IkeCryptoProfile, IkeGateway, IkeVersion, IpsecCryptoProfile, IpsecTunnel, PanosFirewall, TunnelInterface, type PanosConstructError } from '../../constructs';
import { fullJson, synthError, synthJson, transportStack } from './helpers';

function annotations(construct: { node: { metadata: { type: string; data: unknown }[] } }, level: 'warn' | 'info'): string[] {
  return construct.node.metadata.filter((m) => m.type === `@cdktf/${level}`).map((m) => String(m.data));
}

describe('synth-time rules', () => {
  test('GIVEN a correct transport stack WHEN synthesized with validations THEN it passes without warnings', () => {
    const { stack, tunnel, gateway } = transportStack();
    expect(synthError(stack)).toBe('');
    expect(annotations(tunnel, 'warn')).toEqual([]);
    expect(annotations(gateway, 'warn')).toEqual([]);
  });

  test('fails when a transport tunnel uses an IKEv1 gateway (PANOS-TM-005 at the gateway path)', () => {
    const { stack } = transportStack({ gateway: { version: 'ikev1' } });
    expect(synthError(stack)).toContain('[fw1/gw-bgp] PANOS-TM-005:');
  });

  test('fails when a transport tunnel uses an aes-128-cbc IPSec profile (PANOS-TM-007 at the profile path)', () => {
    const { stack, firewall, tunnelInterface, gateway } = transportStack({ tunnel: { name: 'unused' } });
    const weak = new IpsecCryptoProfile(stack, 'weak', { espEncryption: ['aes-128-cbc'], espAuthentication: ['sha256'], dhGroup: 'group20' });
    const other = new TunnelInterface(stack, 'if2', { name: 'tunnel.11', zone: 'vpn', virtualRouter: 'default' });
    IpsecTunnel.transport(stack, 'weak-tunnel', { tunnelInterface: other, gateway, cryptoProfile: weak, carriesMulticastRouting: false });
    expect(firewall).toBeDefined();
    expect(tunnelInterface).toBeDefined();
    const message = synthError(stack);
    expect(message).toContain('[fw1/weak] PANOS-TM-007:');
    expect(message).toContain('aes-128-cbc');
  });

  test('fails when a transport tunnel is in a stack targeting PAN-OS 10.2 (PANOS-TM-001 at the tunnel path)', () => {
    const { stack } = transportStack({ firewall: { minPanosVersion: '10.2.0' } });
    const message = synthError(stack);
    expect(message).toContain('[fw1/bgp] PANOS-TM-001:');
    // In the props' words: the prop is mode, not the model's ipsecMode or the HCL ipsec_mode.
    expect(message).toMatch(/sets mode 'transport'.*omit mode/);
    expect(message).not.toMatch(/ipsecMode|ipsec_mode/);
  });

  test('fails when a downgrade target below 11.0 is declared with a transport tunnel (PANOS-TM-002)', () => {
    const { stack } = transportStack({ firewall: { downgradeTargetVersion: '10.2.9' } });
    expect(synthError(stack)).toContain('PANOS-TM-002');
  });

  test('GIVEN a transport tunnel declared to carry OSPF without GRE WHEN synthesized THEN PANOS-TM-015 fails synth', () => {
    const { stack } = transportStack({ tunnel: { carriesMulticastRouting: true } });
    expect(synthError(stack)).toContain('[fw1/bgp] PANOS-TM-015:');
  });

  test('GIVEN a tunnel interface outside any zone WHEN synthesized THEN a PANOS-REF-005 warning is annotated and synth passes', () => {
    const { stack } = transportStack();
    const bare = new TunnelInterface(stack, 'bare', { name: 'tunnel.20' });
    expect(synthError(stack)).toBe('');
    expect(annotations(bare, 'warn').join('\n')).toContain('PANOS-REF-005');
  });

  test('GIVEN an anti-replay window with anti-replay off WHEN synthesized THEN a PANOS-AR-002 warning is annotated and synth passes', () => {
    // PAN-OS accepts the pair (docs/panos/ipsec-tunnel.md#window-without-anti-replay); the window has no effect.
    const { stack, tunnel } = transportStack({ tunnel: { antiReplay: false } });
    expect(synthError(stack)).toBe('');
    expect(annotations(tunnel, 'warn').join('\n')).toMatch(/PANOS-AR-002: .*antiReplayWindow '512' but antiReplay is false, so the window has no effect/);
  });

  test('GIVEN an ikev2-preferred gateway with a separate IKEv1 fallback profile WHEN synthesized THEN each protocol block names its own profile', () => {
    const { stack, crypto } = transportStack({ tunnel: { name: 'unused' } });
    const legacy = new IkeCryptoProfile(stack, 'legacy', { dhGroups: ['group14'], authentication: ['sha256'], encryption: ['aes-256-cbc'] });
    new IkeGateway(stack, 'pref', { version: IkeVersion.IKEV2_PREFERRED, cryptoProfile: crypto.ike, ikev1CryptoProfile: legacy, localInterface: 'ethernet1/2', peerDynamic: true });
    new IkeGateway(stack, 'v1', { version: IkeVersion.IKEV1, cryptoProfile: legacy, localInterface: 'ethernet1/3', peerDynamic: true });
    const gws = Object.values(synthJson(stack).resource.panosipsec_ike_gateway) as Record<string, unknown>[];
    expect(gws.find((g) => g.name === 'pref')).toMatchObject({ ikev1_crypto_profile: expect.stringContaining('legacy'), ikev2_crypto_profile: expect.stringContaining('tm_Ike') });
    const v1 = gws.find((g) => g.name === 'v1')!;
    expect(v1.ikev1_crypto_profile).toEqual(expect.stringContaining('legacy'));
    expect(v1.ikev2_crypto_profile).toBeUndefined();
  });

  test('GIVEN a token for the IKE version WHEN synthesized THEN rules needing it are not applicable (the plan checks it)', () => {
    const version = Lazy.stringValue({ produce: () => 'ikev1' }) as 'ikev2';
    const { stack } = transportStack({ gateway: { version } });
    expect(synthError(stack)).toBe('');
    expect(Testing.synth(stack)).toContain('"version": "ikev1"');
  });
});

describe('acknowledgements', () => {
  test('GIVEN an acknowledged warning WHEN synthesized THEN its resource carries it to the plan in acknowledged_rules, it is listed in the JSON with its reason and summarised, not warned', () => {
    const { stack } = transportStack();
    const bare = new TunnelInterface(stack, 'bare', { name: 'tunnel.20' });
    bare.acknowledge('PANOS-REF-005', 'placed in zone and router by the Panorama template');
    expect(synthError(stack)).toBe('');
    expect(annotations(bare, 'warn')).toEqual([]);
    expect(annotations(bare, 'info').join('\n')).toContain('PANOS-REF-005 acknowledged for 1 finding under fw1/bare');
    const json = fullJson(stack);
    // Terraform drops "//": the attribute is what the plan sees.
    expect(json.resource.panosipsec_tunnel_interface!.bare!.acknowledged_rules).toEqual({ 'PANOS-REF-005': 'placed in zone and router by the Panorama template' });
    const commit = Object.values(json.resource.panosipsec_commit!)[0]!;
    expect(commit['//']).toMatchObject({ acknowledged_rules: [{ rule: 'PANOS-REF-005', scope: 'fw1/bare' }] });
  });

  test('GIVEN a firewall-wide acknowledgement WHEN several objects raise the finding THEN one summary line counts them and the provider configuration carries it to the plan', () => {
    const { stack, firewall } = transportStack();
    new TunnelInterface(stack, 'bare1', { name: 'tunnel.21' });
    new TunnelInterface(stack, 'bare2', { name: 'tunnel.22' });
    firewall.acknowledge('PANOS-REF-005', 'zones are managed by another team');
    expect(synthError(stack)).toBe('');
    expect(annotations(firewall, 'info').join('\n')).toContain('PANOS-REF-005 acknowledged for 2 findings under fw1/fw');
    const json = fullJson(stack) as unknown as { provider: { panosipsec: Record<string, unknown>[] }; resource: Record<string, Record<string, Record<string, unknown>>> };
    expect(json.provider.panosipsec[0]!.acknowledged_rules).toEqual({ 'PANOS-REF-005': 'zones are managed by another team' });
    // Firewall-wide only: no object resource repeats it.
    expect(Object.values(json.resource.panosipsec_tunnel_interface!).map((r) => r.acknowledged_rules)).toEqual([undefined, undefined, undefined]);
  });

  test('fails when an error rule is acknowledged', () => {
    const { tunnel } = transportStack();
    expect(() => tunnel.acknowledge('PANOS-TM-005', 'we know')).toThrow(/\[fw1\/bgp\] PANOS-ACK-001: .*PANOS-TM-005 .*errors cannot be acknowledged/);
  });

  test('fails when an acknowledgement has no reason or an unknown id', () => {
    const { tunnel } = transportStack();
    expect(() => tunnel.acknowledge('PANOS-REF-005', '  ')).toThrow(/has no reason/);
    expect(() => tunnel.acknowledge('PANOS-NOPE-999', 'x')).toThrow(/names no known rule/);
  });

  test('GIVEN an acknowledgement on one construct WHEN another construct raises the same warning THEN that one still warns', () => {
    const { stack } = transportStack();
    const a = new TunnelInterface(stack, 'bare1', { name: 'tunnel.21' });
    const b = new TunnelInterface(stack, 'bare2', { name: 'tunnel.22' });
    a.acknowledge('PANOS-REF-005', 'zone set by template');
    synthError(stack);
    expect(annotations(a, 'warn')).toEqual([]);
    expect(annotations(b, 'warn').join('\n')).toContain('PANOS-REF-005');
  });
});

describe('what an acknowledgement on a construct covers', () => {
  /** A tunnel-mode tunnel on weak profiles (3des, sha1, group2): PANOS-WC-001 findings sit on the profiles. */
  function weakTunnel(stack: TerraformStack, id: string, profiles?: { ike: IkeCryptoProfile; ipsec: IpsecCryptoProfile }) {
    const ike = profiles?.ike ?? new IkeCryptoProfile(stack, `${id}-ike`, { dhGroups: ['group2'], authentication: ['sha1'], encryption: ['3des'] });
    const ipsec = profiles?.ipsec ?? new IpsecCryptoProfile(stack, `${id}-ipsec`, { espEncryption: ['3des'], espAuthentication: ['sha1'], dhGroup: 'group2' });
    const n = 40 + id.charCodeAt(0);
    const gateway = new IkeGateway(stack, `${id}-gw`, { version: IkeVersion.IKEV2, cryptoProfile: ike, localInterface: 'ethernet1/1', peerIp: `203.0.113.${n}` });
    const tunnelInterface = new TunnelInterface(stack, `${id}-if`, { name: `tunnel.${n}`, zone: 'vpn', virtualRouter: 'default' });
    return { ike, ipsec, tunnel: new IpsecTunnel(stack, id, { tunnelInterface, gateway, cryptoProfile: ipsec }) };
  }
  const warnings = (stack: TerraformStack): string[] =>
    stack.node.findAll().flatMap((c) => annotations(c, 'warn'));

  test('GIVEN weak findings on the profiles a tunnel uses WHEN the tunnel acknowledges PANOS-WC-001 THEN they are covered, summarised and recorded', () => {
    const { stack } = transportStack();
    const { tunnel } = weakTunnel(stack, 'legacy');
    tunnel.acknowledge('PANOS-WC-001', 'the legacy peer only speaks 3des until its replacement');
    expect(synthError(stack)).toBe('');
    expect(warnings(stack).filter((w) => w.includes('PANOS-WC-001'))).toEqual([]);
    expect(annotations(tunnel, 'info').join('\n')).toMatch(/PANOS-WC-001 acknowledged for \d+ findings under fw1\/legacy/);
    // The tunnel's resource carries it, and so does each profile whose finding it covers: Terraform plans a profile
    // before the tunnel that uses it, so the profile's plan must know it.
    const json = fullJson(stack);
    const reason = { 'PANOS-WC-001': 'the legacy peer only speaks 3des until its replacement' };
    expect(json.resource.panosipsec_ipsec_tunnel!.legacy!.acknowledged_rules).toEqual(reason);
    expect(json.resource.panosipsec_ike_crypto_profile!['legacy-ike']!.acknowledged_rules).toEqual(reason);
    expect(json.resource.panosipsec_ipsec_crypto_profile!['legacy-ipsec']!.acknowledged_rules).toEqual(reason);
    expect(json.resource.panosipsec_ike_gateway!['legacy-gw']!.acknowledged_rules).toBeUndefined();
  });

  test('GIVEN a weak profile shared by two tunnels WHEN only one acknowledges THEN the finding still warns and the acknowledgement is reported, not recorded', () => {
    const { stack } = transportStack();
    const a = weakTunnel(stack, 'a');
    const b = weakTunnel(stack, 'b', { ike: a.ike, ipsec: a.ipsec });
    a.tunnel.acknowledge('PANOS-WC-001', 'peer a is legacy');
    expect(synthError(stack)).toBe('');
    expect(annotations(a.ipsec, 'warn').join('\n')).toContain('PANOS-WC-001');
    const reported = annotations(a.tunnel, 'warn').join('\n');
    expect(reported).toContain('acknowledgement of PANOS-WC-001 on fw1/a');
    expect(reported).toContain('covers no finding');
    expect(reported).toContain('fw1/b');
    expect(b.tunnel).toBeDefined();
    const json = fullJson(stack);
    expect(json.resource.panosipsec_ipsec_tunnel!.a!['//'] ?? {}).not.toHaveProperty('acknowledged_rules');
    expect(Object.values(json.resource.panosipsec_commit!)[0]!['//'] ?? {}).not.toHaveProperty('acknowledged_rules');
  });

  test('GIVEN both users of the shared profile acknowledge THEN the finding is covered by both', () => {
    const { stack } = transportStack();
    const a = weakTunnel(stack, 'a');
    const b = weakTunnel(stack, 'b', { ike: a.ike, ipsec: a.ipsec });
    a.tunnel.acknowledge('PANOS-WC-001', 'peer a is legacy');
    b.tunnel.acknowledge('PANOS-WC-001', 'peer b is legacy');
    expect(synthError(stack)).toBe('');
    expect(warnings(stack).filter((w) => w.includes('PANOS-WC-001'))).toEqual([]);
  });

  test('GIVEN an acknowledgement of a rule that finds nothing WHEN synthesized THEN a warning names the path, the rule and why, and nothing is recorded', () => {
    const { stack, tunnel } = transportStack();
    tunnel.acknowledge('PANOS-TM-018', 'single ToS class');
    expect(synthError(stack)).toBe('');
    expect(annotations(tunnel, 'warn').join('\n')).toMatch(
      /acknowledgement of PANOS-TM-018 on fw1\/bgp .*covers no finding: PANOS-TM-018 finds nothing on fw1\/bgp.*not recorded as accepted/,
    );
    expect(fullJson(stack).resource.panosipsec_ipsec_tunnel!.bgp!['//'] ?? {}).not.toHaveProperty('acknowledged_rules');
  });
});

describe('misuse visible from props alone', () => {
  test('fails when a prop value is outside the object model (anti-replay window 100)', () => {
    const { stack, tunnel } = transportStack();
    const props = { tunnelInterface: new TunnelInterface(stack, 'if3', { name: 'tunnel.30' }), gateway: tunnel.firewall && transportGateway(stack) };
    expect(() => IpsecTunnel.transport(stack, 'bad', { ...props, antiReplayWindow: '100' as '64' })).toThrow(
      /\[fw1\/bad\] PANOS-AR-001: invalid IPSec tunnel props: IPSec tunnel "bad": antiReplayWindow = "100" is not an allowed value.*64, 128/,
    );
  });

  test('fails when a tunnel interface is named outside tunnel.1 to tunnel.9999, blaming the interface itself', () => {
    const { stack } = transportStack();
    expect(() => new TunnelInterface(stack, 'if0', { name: 'tunnel.0' })).toThrow(/^\[fw1\/if0\] PANOS-REF-007: .*tunnel\.0/);
  });

  test('fails when a crypto profile lists an algorithm PAN-OS does not offer', () => {
    const { stack } = transportStack();
    expect(() => new IpsecCryptoProfile(stack, 'p', { espEncryption: ['aes-512-gcm' as 'aes-256-gcm'] })).toThrow(/\[fw1\/p\] .*espEncryption/);
  });

  test('fails when an object is created in a stack without PanosFirewall', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'empty');
    let error: PanosConstructError | undefined;
    try {
      new TunnelInterface(stack, 'if', { name: 'tunnel.1' });
    } catch (e) {
      error = e as PanosConstructError;
    }
    expect(error?.message).toMatch(/\[empty\/if\] no PanosFirewall found .*fix: create a PanosFirewall/);
  });

  test('fails when a reference crosses firewalls', () => {
    const { stack, tunnelInterface, gateway } = transportStack();
    const second = new PanosFirewall(stack, 'fw2', { providerAlias: 'fw2' });
    expect(() => IpsecTunnel.transport(second, 't', { tunnelInterface, gateway })).toThrow(/^\[fw1\/fw2\/t\] PANOS-REF-003: tunnelInterface .*belongs to another PanosFirewall/);
  });

  test('fails when an IKE lifetime is out of range, under PANOS-VAL-001 and naming the prop', () => {
    const { stack } = transportStack();
    expect(() => new IkeCryptoProfile(stack, 'long', { dhGroups: ['group20'], authentication: ['sha384'], encryption: ['aes-256-gcm'], lifetime: { unit: 'hours', value: 70000 } })).toThrow(
      /^\[fw1\/long\] PANOS-VAL-001: .*lifetime\.value .*70000.* 1-65535/,
    );
  });

  test('fails when two proxy IDs share a name, under PANOS-VAL-001 and naming the prop', () => {
    const { stack, tunnel } = transportStack();
    const tunnelInterface = new TunnelInterface(stack, 'if4', { name: 'tunnel.40', zone: 'vpn', virtualRouter: 'default' });
    const proxyIds = [{ name: 'lan', local: '10.0.0.0/24' }, { name: 'lan', local: '10.0.1.0/24' }];
    expect(() => new IpsecTunnel(stack, 'dup', { tunnelInterface, gateway: transportGateway(stack), proxyIds })).toThrow(
      /^\[fw1\/dup\] PANOS-VAL-001: [^_]*proxyIds\[1\]\.name = "lan" is used twice[^_]*$/,
    );
    expect(tunnel).toBeDefined();
  });

  test('GIVEN an anti-replay window as the number 1024 (from JavaScript) WHEN synthesized THEN it is accepted and written as PAN-OS text', () => {
    const { stack } = transportStack();
    const tunnelInterface = new TunnelInterface(stack, 'if5', { name: 'tunnel.50', zone: 'vpn', virtualRouter: 'default' });
    const plain: Record<string, unknown> = { tunnelInterface, gateway: transportGateway(stack), antiReplayWindow: 1024 };
    new IpsecTunnel(stack, 'num', plain as unknown as ConstructorParameters<typeof IpsecTunnel>[2]);
    expect(synthJson(stack).resource.panosipsec_ipsec_tunnel!['num']).toMatchObject({ anti_replay_window: '1024' });
    expect(() => new IpsecTunnel(stack, 'odd', { tunnelInterface: new TunnelInterface(stack, 'if6', { name: 'tunnel.60' }), gateway: transportGateway(stack), antiReplayWindow: 1000 })).toThrow(
      /PANOS-AR-001: .*antiReplayWindow.*1000.*64, 128, 256, 512, 1024, 2048, 4096/,
    );
  });
});

function transportGateway(stack: import('cdktf').TerraformStack) {
  return stack.node.findChild('gw-bgp') as import('../../constructs').IkeGateway;
}
