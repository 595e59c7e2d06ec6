import { TerraformStack, Testing } from 'cdktf';
import { PanosFirewall, PanosLocation, SecretValue, TunnelInterface } from '../../constructs';
import { PanosipsecProvider } from '../../constructs/generated/provider';
import { PROVIDER_SOURCE, PROVIDER_VERSION } from '../../src/provider/address';
import { synthError, synthJson, transportStack } from './helpers';

describe('PanosFirewall wiring', () => {
  test('GIVEN a transport stack WHEN synthesized THEN every PAN-OS resource depends on the commit anchor', () => {
    const json = synthJson(transportStack().stack);
    const anchor = Object.keys(json.resource.panosipsec_commit_anchor!)[0]!;
    for (const [type, resources] of Object.entries(json.resource)) {
      if (type === 'panosipsec_commit' || type === 'panosipsec_commit_anchor') continue;
      for (const r of Object.values(resources)) expect(r.depends_on).toEqual([`panosipsec_commit_anchor.${anchor}`]);
    }
  });

  test('GIVEN a transport stack WHEN synthesized THEN the commit depends on every resource and triggers on each revision by construct path', () => {
    const json = synthJson(transportStack().stack);
    const commit = Object.values(json.resource.panosipsec_commit!)[0]!;
    const addresses: string[] = [];
    for (const [type, resources] of Object.entries(json.resource)) {
      if (type === 'panosipsec_commit' || type === 'panosipsec_commit_anchor') continue;
      for (const name of Object.keys(resources)) addresses.push(`${type}.${name}`);
    }
    expect([...(commit.depends_on as string[])].sort()).toEqual(addresses.sort());
    expect(commit.triggers).toEqual({
      'fw1/tunnel-if': '${panosipsec_tunnel_interface.tunnel-if.revision}',
      'fw1/tm/Ike': '${panosipsec_ike_crypto_profile.tm_Ike_A2A71979.revision}',
      'fw1/tm/Ipsec': '${panosipsec_ipsec_crypto_profile.tm_Ipsec_B2E6E902.revision}',
      'fw1/mon': '${panosipsec_tunnel_monitor_profile.mon.revision}',
      'fw1/gw-bgp': '${panosipsec_ike_gateway.gw-bgp.revision}',
      'fw1/bgp': '${panosipsec_ipsec_tunnel.bgp.revision}',
    });
  });

  test('GIVEN a firewall WHEN synthesized THEN the provider is pinned to this package version and carries the declared versions', () => {
    const { stack } = transportStack({ firewall: { downgradeTargetVersion: '11.0.2', hostname: 'fw1.example.test' } });
    const synth = Testing.synth(stack);
    expect(synth).toHaveProviderWithProperties(PanosipsecProvider, {
      hostname: 'fw1.example.test',
      min_panos_version: '11.1.0',
      downgrade_target_version: '11.0.2',
      vsys: 'vsys1',
    });
    expect(synthJson(stack).terraform!.required_providers!['panosipsec']).toEqual({ source: PROVIDER_SOURCE, version: PROVIDER_VERSION });
  });

  test('GIVEN a Panorama template location WHEN synthesized THEN the provider targets the template and vsys', () => {
    const { stack } = transportStack({ firewall: { location: PanosLocation.template('branch', 'vsys2') } });
    expect(Testing.synth(stack)).toHaveProviderWithProperties(PanosipsecProvider, { template: 'branch', vsys: 'vsys2' });
    expect(synthError(stack)).toBe('');
  });

  test('GIVEN an API key from an env variable WHEN synthesized THEN the provider block holds only the reference', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    new PanosFirewall(stack, 'fw', { apiKey: SecretValue.fromEnvVariable(stack, 'Key', 'panos_api_key') });
    expect(Testing.synth(stack)).toContain('"api_key": "${var.panos_api_key}"');
  });

  test('GIVEN two firewalls in one stack WHEN objects are created inside each THEN each uses its own provider alias', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const a = new PanosFirewall(stack, 'a');
    const b = new PanosFirewall(stack, 'b', { providerAlias: 'b' });
    new TunnelInterface(a, 'tif', { name: 'tunnel.1', zone: 'z', virtualRouter: 'vr' });
    new TunnelInterface(b, 'tif', { name: 'tunnel.1', zone: 'z', virtualRouter: 'vr' });
    const resources = synthJson(stack).resource.panosipsec_tunnel_interface!;
    expect(Object.values(resources).map((r) => r.provider).sort()).toEqual(['panosipsec', 'panosipsec.b']);
    expect(synthError(stack)).toBe('');
  });

  test('fails when a second firewall in a stack has no provider alias', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    new PanosFirewall(stack, 'a');
    expect(() => new PanosFirewall(stack, 'b')).toThrow(/\[s\/b\] .*set providerAlias/);
  });

  test('fails when minPanosVersion is not a version', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    expect(() => new PanosFirewall(stack, 'fw', { minPanosVersion: 'eleven' })).toThrow(/\[s\/fw\] PANOS-VAL-001: minPanosVersion 'eleven' is not a PAN-OS version/);
  });

  test('GIVEN the full transport stack WHEN synthesized THEN it matches the snapshot and holds no secret', () => {
    const { stack } = transportStack();
    const text = Testing.synth(stack);
    // The only secret is the pre-shared key, and it is a variable reference.
    expect(text).toMatch(/"pre_shared_key_wo": "\$\{var\.bgp_psk\}"/);
    expect(text).not.toMatch(/"(password|api_key)"/);
    expect(text).toMatchSnapshot();
  });
});
