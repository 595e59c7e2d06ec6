import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  AntiReplayWindow,
  DhGroup,
  EspEncryption,
  IkeCryptoProfile,
  IkeGateway,
  IkeVersion,
  IpsecCryptoProfile,
  IpsecMode,
  IpsecTunnel,
  MonitorAction,
  PanosFirewall,
  PreSharedKeyStorage,
  SecretValue,
  TunnelInterface,
  TunnelMonitorProfile,
} from '../../constructs';
import { IkeGateway as L1IkeGateway } from '../../constructs/generated/ike-gateway';
import { IpsecCryptoProfile as L1IpsecCryptoProfile } from '../../constructs/generated/ipsec-crypto-profile';
import { IpsecTunnel as L1IpsecTunnel } from '../../constructs/generated/ipsec-tunnel';
import { TunnelInterface as L1TunnelInterface } from '../../constructs/generated/tunnel-interface';
import { TunnelMonitorProfile as L1TunnelMonitorProfile } from '../../constructs/generated/tunnel-monitor-profile';
import { ikeGateway, ipsecTunnel, DH_GROUPS, ANTI_REPLAY_WINDOWS } from '../../src/panos/objects';
import { synthError, synthJson, transportStack } from './helpers';

describe('enums', () => {
  test('GIVEN the object model WHEN enums are read THEN their values are exactly the FieldSpec values', () => {
    expect(Object.values(DhGroup)).toEqual([...DH_GROUPS]);
    expect(Object.values(AntiReplayWindow)).toEqual([...ANTI_REPLAY_WINDOWS]);
    expect(Object.values(IkeVersion)).toEqual(ikeGateway.fields.find((f) => f.key === 'version')!.enum);
    expect(Object.values(IpsecMode)).toEqual(ipsecTunnel.fields.find((f) => f.key === 'ipsecMode')!.enum);
    expect(EspEncryption.AES_256_GCM).toBe('aes-256-gcm');
    expect(EspEncryption.TRIPLE_DES).toBe('3des');
    expect(AntiReplayWindow.PACKETS_1024).toBe('1024');
    expect(MonitorAction.FAIL_OVER).toBe('fail-over');
  });
});

/** A Terraform reference to the `name` of some resource of this type. */
function refTo(type: string): unknown {
  return expect.stringMatching(new RegExp(`^\\$\\{${type}\\.[^.}]+\\.name\\}$`));
}

describe('object constructs synthesize their L1 resources', () => {
  test('GIVEN a transport stack WHEN synthesized THEN the tunnel carries mode, references, window and monitor', () => {
    const { stack } = transportStack();
    const tunnels = Object.values(synthJson(stack).resource.panosipsec_ipsec_tunnel ?? {});
    // Declared objects are Terraform references, so Terraform writes them before the tunnel and deletes them after it.
    expect(tunnels).toEqual([
      expect.objectContaining({
        name: 'bgp',
        ipsec_mode: 'transport',
        tunnel_interface: refTo('panosipsec_tunnel_interface'),
        auto_key: { ike_gateways: [refTo('panosipsec_ike_gateway')], ipsec_crypto_profile: refTo('panosipsec_ipsec_crypto_profile') },
        anti_replay_window: '512',
        tunnel_monitor: { enable: true, destination_ip: '203.0.113.2', profile: refTo('panosipsec_tunnel_monitor_profile') },
      }),
    ]);
  });

  test('GIVEN the transport preset WHEN synthesized THEN both profiles hold aes-256-gcm and group20', () => {
    const { stack } = transportStack();
    const synth = Testing.synth(stack);
    expect(synth).toHaveResourceWithProperties(L1IpsecCryptoProfile, {
      name: 'tm-ipsec',
      protocol: 'esp',
      esp_encryption: ['aes-256-gcm'],
      esp_authentication: ['none'],
      dh_group: 'group20',
    });
    const json = synthJson(stack);
    expect(json.resource.panosipsec_ike_crypto_profile!['tm_Ike_A2A71979']).toMatchObject({
      name: 'tm-ike',
      dh_groups: ['group20'],
      encryption: ['aes-256-gcm'],
    });
  });

  test('GIVEN a gateway WHEN synthesized THEN it names its profile and unset optional props stay absent', () => {
    const { stack } = transportStack();
    expect(Testing.synth(stack)).toHaveResourceWithProperties(L1IkeGateway, {
      name: 'gw-bgp',
      version: 'ikev2',
      ikev2_crypto_profile: '${panosipsec_ike_crypto_profile.tm_Ike_A2A71979.name}',
      local_interface: 'ethernet1/1',
      authentication: 'pre-shared-key',
    });
    const gw = synthJson(stack).resource.panosipsec_ike_gateway!['gw-bgp']!;
    expect(gw).not.toHaveProperty('nat_traversal');
    expect(gw).not.toHaveProperty('ikev1_exchange_mode');
  });

  test('GIVEN a tunnel interface and a monitor profile WHEN synthesized THEN zone, router and action are set', () => {
    const { stack } = transportStack();
    const synth = Testing.synth(stack);
    expect(synth).toHaveResourceWithProperties(L1TunnelInterface, { name: 'tunnel.10', zone: 'vpn', virtual_router: 'default' });
    expect(synth).toHaveResourceWithProperties(L1TunnelMonitorProfile, { name: 'mon', action: 'fail-over' });
  });

  test('GIVEN a tunnel-mode tunnel with proxy IDs and default mode WHEN synthesized THEN ipsec_mode is not written', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 's');
    new PanosFirewall(stack, 'fw', { minPanosVersion: '10.2.0' });
    const ike = new IkeCryptoProfile(stack, 'ike', { dhGroups: ['group19'], authentication: ['sha256'], encryption: ['aes-256-cbc'] });
    const ipsec = new IpsecCryptoProfile(stack, 'ipsec', { espEncryption: ['aes-256-gcm'], espAuthentication: ['none'], dhGroup: 'group19' });
    const gateway = new IkeGateway(stack, 'gw', { version: 'ikev2', cryptoProfile: ike, localInterface: 'ethernet1/2', peerIp: '192.0.2.9' });
    const tif = new TunnelInterface(stack, 'tif', { name: 'tunnel.5', zone: 'vpn', virtualRouter: 'default', ipv4Addresses: ['169.254.0.1/30'] });
    new IpsecTunnel(stack, 'site', {
      tunnelInterface: tif,
      gateway,
      cryptoProfile: ipsec,
      proxyIds: [{ name: 'lan', local: '10.1.0.0/16', remote: '10.2.0.0/16' }],
    });
    expect(synthError(stack)).toBe('');
    const tunnel = synthJson(stack).resource.panosipsec_ipsec_tunnel!['site']!;
    expect(tunnel).not.toHaveProperty('ipsec_mode');
    expect(tunnel).toMatchObject({ auto_key: { proxy_ids: [{ name: 'lan', local: '10.1.0.0/16', remote: '10.2.0.0/16' }] } });
  });

  test('GIVEN fromName objects WHEN a tunnel references them THEN no resource is created and the names are used', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 's');
    new PanosFirewall(stack, 'fw');
    const tunnel = new IpsecTunnel(stack, 't', {
      tunnelInterface: TunnelInterface.fromName(stack, 'tif', 'tunnel.7'),
      gateway: IkeGateway.fromName(stack, 'gw', 'existing-gw'),
      cryptoProfile: IpsecCryptoProfile.fromName(stack, 'def', 'default'),
      tunnelMonitor: { destinationIp: '10.0.0.1', profile: TunnelMonitorProfile.fromName(stack, 'mon', 'default') },
    });
    tunnel.acknowledge('PANOS-WC-001', 'the peer only offers the default profile');
    expect(synthError(stack)).toBe('');
    const json = synthJson(stack);
    expect(Object.keys(json.resource)).toEqual(expect.arrayContaining(['panosipsec_ipsec_tunnel', 'panosipsec_commit', 'panosipsec_commit_anchor']));
    expect(json.resource).not.toHaveProperty('panosipsec_ike_gateway');
    expect(json.resource.panosipsec_ipsec_tunnel!['t']).toMatchObject({ tunnel_interface: 'tunnel.7', auto_key: { ike_gateways: ['existing-gw'], ipsec_crypto_profile: 'default' } });
  });

  test('GIVEN a backup gateway WHEN synthesized THEN both gateways are listed in order', () => {
    const { stack, tunnelInterface, gateway } = transportStack({ tunnel: { name: 'x' } });
    const backup = IkeGateway.fromName(stack, 'backup', 'gw-backup');
    const tif = new TunnelInterface(stack, 'tif2', { name: 'tunnel.12', zone: 'vpn', virtualRouter: 'default' });
    new IpsecTunnel(stack, 'two', { tunnelInterface: tif, gateway, backupGateway: backup });
    expect(tunnelInterface).toBeDefined();
    expect(synthJson(stack).resource.panosipsec_ipsec_tunnel!['two']).toMatchObject({ auto_key: { ike_gateways: [refTo('panosipsec_ike_gateway'), 'gw-backup'] } });
  });
});

describe('secrets', () => {
  test('GIVEN a pre-shared key from an env variable WHEN synthesized THEN only an ephemeral variable reference is in the JSON, as the write-only key at version 1', () => {
    const { stack } = transportStack();
    const gw = Object.values(synthJson(stack).resource.panosipsec_ike_gateway!)[0];
    expect(gw).toMatchObject({ pre_shared_key_wo: '${var.bgp_psk}', pre_shared_key_wo_version: 1 });
    // The key goes to the device only through the write-only attribute, so Terraform never stores it in state.
    expect(gw).not.toHaveProperty('pre_shared_key');
    // Ephemeral, not sensitive: never in a plan file or state, and no second sensitive path on the gateway (Terraform
    // 1.11 orders such paths at random, which made refresh-only drift checks exit 2).
    expect(synthJson(stack).variable!['bgp_psk']).toMatchObject({ ephemeral: true, sensitive: false, type: 'string' });
  });

  test('GIVEN a raised preSharedKeyVersion WHEN synthesized THEN the version Terraform compares changes, which makes the provider write the key again', () => {
    const { stack } = transportStack({ gateway: { preSharedKeyVersion: 2 } });
    expect(Object.values(synthJson(stack).resource.panosipsec_ike_gateway!)[0]).toMatchObject({ pre_shared_key_wo_version: 2 });
  });

  test('GIVEN preSharedKeyStorage STATE WHEN synthesized THEN the key goes to the sensitive pre_shared_key attribute, without a version', () => {
    const { stack } = transportStack({ gateway: { preSharedKeyStorage: PreSharedKeyStorage.STATE } });
    const gw = Object.values(synthJson(stack).resource.panosipsec_ike_gateway!)[0];
    expect(gw).toMatchObject({ pre_shared_key: '${var.bgp_psk}' });
    expect(gw).not.toHaveProperty('pre_shared_key_wo');
    expect(gw).not.toHaveProperty('pre_shared_key_wo_version');
  });

  test('GIVEN preSharedKeyStorage STATE WHEN synthesized THEN the variable stays sensitive (not ephemeral: state needs its value)', () => {
    const { stack } = transportStack({ gateway: { preSharedKeyStorage: PreSharedKeyStorage.STATE } });
    const variable = synthJson(stack).variable!['bgp_psk'];
    expect(variable).toMatchObject({ sensitive: true, type: 'string' });
    expect(variable).not.toHaveProperty('ephemeral');
  });

  test('fails when one key variable feeds a write-only gateway and a gateway that keeps the key in state', () => {
    const stack = new TerraformStack(Testing.app(), 'mixed');
    new PanosFirewall(stack, 'fw');
    const psk = SecretValue.fromEnvVariable(stack, 'Psk', 'shared_psk');
    const common = { version: IkeVersion.IKEV2, preSharedKey: psk, localInterface: 'ethernet1/1' };
    new IkeGateway(stack, 'wo', { ...common, peerIp: '203.0.113.2' });
    expect(() => new IkeGateway(stack, 'stored', { ...common, peerIp: '203.0.113.3', preSharedKeyStorage: PreSharedKeyStorage.STATE })).toThrow(
      /\[mixed\/Psk\] the variable is the pre-shared key of mixed\/wo, sent write-only .* and also of mixed\/stored, which keeps the key in state/,
    );
  });

  test('GIVEN no pre-shared key WHEN synthesized THEN no key attribute and no version are written', () => {
    const { stack } = transportStack({ gateway: { preSharedKey: undefined } });
    const gw = Object.values(synthJson(stack).resource.panosipsec_ike_gateway!)[0];
    expect(Object.keys(gw).filter((k) => k.startsWith('pre_shared_key'))).toEqual([]);
  });

  test.each([
    [{ preSharedKeyVersion: 0 }, /\[fw1\/gw-bgp\] PANOS-VAL-001: preSharedKeyVersion 0 is not a whole number from 1 up; fix:/],
    [{ preSharedKeyVersion: 1.5 }, /preSharedKeyVersion 1\.5 is not a whole number/],
    [{ preSharedKeyVersion: 2, preSharedKeyStorage: PreSharedKeyStorage.STATE }, /preSharedKeyVersion 2 only applies to the write-only key.*fix: remove preSharedKeyVersion/],
    [{ preSharedKeyVersion: 2, preSharedKey: undefined }, /preSharedKeyVersion 2 is set but there is no preSharedKey/],
    [{ preSharedKeyStorage: 'vault' as PreSharedKeyStorage }, /preSharedKeyStorage "vault" is not a key storage; fix: use PreSharedKeyStorage.WRITE_ONLY/],
  ])('fails when the key props are %j', (gateway, message) => {
    expect(() => transportStack({ gateway })).toThrow(message);
  });

  test('GIVEN a plain-text key WHEN the gateway is built THEN a warning names the prop without the key', () => {
    const { gateway, stack } = transportStack({ gateway: { preSharedKey: SecretValue.unsafePlainText('s3cr3t-psk') } });
    const warnings = gateway.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data));
    expect(warnings.join('\n')).toMatch(/preSharedKey is a plain-text SecretValue/);
    expect(warnings.join('\n')).not.toContain('s3cr3t-psk');
    expect(String(SecretValue.unsafePlainText('s3cr3t-psk'))).not.toContain('s3cr3t-psk');
    expect(stack).toBeDefined();
  });

  test('fails when a secret variable is not sensitive', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const v = new TerraformVariable(stack, 'psk', { type: 'string' });
    expect(() => SecretValue.fromVariable(v)).toThrow(/\[s\/psk\] .*not sensitive.*sensitive: true/);
  });
});
