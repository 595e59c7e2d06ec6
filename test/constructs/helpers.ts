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
import { canonicalStack } from '../fixtures/canonical-stack';

/** What a test may change in {@link transportStack}. */
export interface TransportPatch {
  readonly firewall?: Partial<PanosFirewallProps>;
  readonly gateway?: Partial<IkeGatewayProps>;
  readonly tunnel?: Partial<IpsecTunnelProps>;
  /** Build an IPSec profile other than the transport preset. */
  readonly useWeakIpsecProfile?: boolean;
}

/**
 * The canonical stack (test/fixtures/canonical-stack.ts) as constructs: one correct transport-mode tunnel protecting
 * BGP between two physical interfaces, its crypto from the TransportModeCrypto preset.
 */
export function transportStack(patch: TransportPatch = {}, app: App = Testing.app()) {
  const c = canonicalStack();
  const stack = new TerraformStack(app, 'fw1');
  const firewall = new PanosFirewall(stack, 'fw', { minPanosVersion: '11.1.0', ...patch.firewall });
  const crypto = new TransportModeCrypto(stack, 'tm');
  const psk = SecretValue.fromEnvVariable(stack, 'Psk', 'bgp_psk');
  const tunnelInterface = new TunnelInterface(stack, 'tunnel-if', c.tunnelInterface);
  const monitor = new TunnelMonitorProfile(stack, c.tunnelMonitorProfile.name, c.tunnelMonitorProfile);
  const g = c.ikeGateway;
  const gateway = new IkeGateway(stack, g.name, {
    version: IkeVersion.IKEV2,
    cryptoProfile: crypto.ike,
    preSharedKey: psk,
    localInterface: g.localInterface,
    localIp: g.localIp,
    peerIp: g.peerIp,
    ...patch.gateway,
  });
  const t = c.ipsecTunnel;
  const tunnel = IpsecTunnel.transport(stack, t.name, {
    tunnelInterface,
    gateway,
    cryptoProfile: crypto.ipsec,
    antiReplayWindow: t.antiReplayWindow,
    tunnelMonitor: { destinationIp: t.tunnelMonitor.destinationIp, profile: monitor },
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
