/** Builders shared by the construct tests: a correct transport-mode stack, changed one prop at a time. */
import { App, TerraformStack, Testing } from 'cdktf';
import type {} from 'cdktf/lib/testing/adapters/jest';
import {
  IkeGateway,
  IkeVersion,
  IpsecTunnel,
  PanosFirewall,
  SecretValue,
  TransportModeCrypto,
  TunnelInterface,
  TunnelMonitorProfile,
  type IkeGatewayProps,
  type IpsecTunnelProps,
  type PanosFirewallProps,
} from '../../constructs';

/** What a test may change in {@link transportStack}. */
export interface TransportPatch {
  readonly firewall?: Partial<PanosFirewallProps>;
  readonly gateway?: Partial<IkeGatewayProps>;
  readonly tunnel?: Partial<IpsecTunnelProps>;
  /** Build an IPSec profile other than the transport preset. */
  readonly useWeakIpsecProfile?: boolean;
}

/** A stack holding one correct transport-mode tunnel protecting BGP between two physical interfaces. */
export function transportStack(patch: TransportPatch = {}, app: App = Testing.app()) {
  const stack = new TerraformStack(app, 'fw1');
  const firewall = new PanosFirewall(stack, 'fw', { minPanosVersion: '11.1.0', ...patch.firewall });
  const crypto = new TransportModeCrypto(stack, 'tm');
  const psk = SecretValue.fromEnvVariable(stack, 'Psk', 'bgp_psk');
  const tunnelInterface = new TunnelInterface(stack, 'tunnel-if', { name: 'tunnel.10', zone: 'vpn', virtualRouter: 'default' });
  const monitor = new TunnelMonitorProfile(stack, 'mon', { action: 'fail-over' });
  const gateway = new IkeGateway(stack, 'gw-bgp', {
    version: IkeVersion.IKEV2,
    cryptoProfile: crypto.ike,
    preSharedKey: psk,
    localInterface: 'ethernet1/1',
    localIp: '198.51.100.1/24',
    peerIp: '203.0.113.2',
    ...patch.gateway,
  });
  const tunnel = IpsecTunnel.transport(stack, 'bgp', {
    tunnelInterface,
    gateway,
    cryptoProfile: crypto.ipsec,
    antiReplayWindow: '512',
    tunnelMonitor: { destinationIp: '203.0.113.2', profile: monitor },
    carriesMulticastRouting: false,
    ...patch.tunnel,
  });
  return { app, stack, firewall, crypto, tunnelInterface, monitor, gateway, tunnel };
}

/** The synthesized stack as parsed JSON. */
export function synthJson(stack: TerraformStack, runValidations = false): SynthJson {
  return JSON.parse(Testing.synth(stack, runValidations)) as SynthJson;
}

/** The part of cdk.tf.json the tests read. */
export interface SynthJson {
  readonly provider?: Record<string, Record<string, unknown>[]>;
  readonly resource: Record<string, Record<string, Record<string, unknown>>>;
  readonly variable?: Record<string, Record<string, unknown>>;
  readonly terraform?: { readonly required_providers?: Record<string, { source: string; version?: string }> };
}

/** The stack's cdk.tf.json content including the `//` metadata that Testing.synth strips. */
export function fullJson(stack: TerraformStack): SynthJson {
  return stack.toTerraform() as SynthJson;
}

/** Runs the stack's validations and returns the thrown message ('' when synth passes). */
export function synthError(stack: TerraformStack): string {
  try {
    Testing.synth(stack, true);
    return '';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
