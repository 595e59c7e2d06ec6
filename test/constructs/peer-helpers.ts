/**
 * Builders for the pair tests: two firewalls (fw-a 198.51.100.1 <-> fw-b 198.51.100.2) declaring the two ends of one
 * tunnel, either in two stacks of one app (as examples/transport-bgp) or in one stack with two PanosFirewalls.
 */
import { App, TerraformStack, Testing } from 'cdktf';
import type { Construct } from 'constructs';
import {
  IkeCryptoProfile,
  IkeGateway,
  IpsecCryptoProfile,
  IpsecTunnel,
  PanosFirewall,
  SecretValue,
  TunnelInterface,
  type IkeCryptoProfileProps,
  type IkeGatewayProps,
  type IpsecCryptoProfileProps,
  type IpsecTunnelProps,
} from '../../constructs';

/** Where the two ends are declared. */
export type Layout = 'two-stacks' | 'one-stack';

/** What a test changes on one end. */
export interface EndPatch {
  readonly gateway?: Partial<IkeGatewayProps>;
  readonly tunnel?: Partial<IpsecTunnelProps>;
  readonly ike?: Partial<IkeCryptoProfileProps>;
  readonly ipsec?: Partial<IpsecCryptoProfileProps>;
  /** The end's pre-shared key. @default - SecretValue.fromEnvVariable(…, 'bgp_psk'), one per stack */
  readonly psk?: (stack: TerraformStack) => SecretValue;
}

/** The base both ends start from. */
export type Base = 'transport' | 'tunnel';

/** One end's constructs. */
export interface End {
  readonly stack: TerraformStack;
  readonly firewall: PanosFirewall;
  readonly gateway: IkeGateway;
  readonly tunnel: IpsecTunnel;
  readonly ike: IkeCryptoProfile;
  readonly ipsec: IpsecCryptoProfile;
}

function end(stack: TerraformStack, scope: Construct, firewall: PanosFirewall, local: string, peer: string, base: Base, psk: SecretValue, patch: EndPatch): End {
  const transport = base === 'transport';
  const ike = new IkeCryptoProfile(scope, 'ike', { dhGroups: ['group20'], authentication: ['sha384'], encryption: ['aes-256-gcm'], ...patch.ike });
  const ipsec = new IpsecCryptoProfile(scope, 'ipsec', { espEncryption: ['aes-256-gcm'], espAuthentication: ['none'], dhGroup: 'group20', ...patch.ipsec });
  const gateway = new IkeGateway(scope, 'gw', {
    version: 'ikev2',
    cryptoProfile: ike,
    preSharedKey: patch.psk ? patch.psk(stack) : psk,
    localInterface: 'ethernet1/1',
    localIp: `${local}/30`,
    peerIp: peer,
    ...patch.gateway,
  });
  const tunnelInterface = new TunnelInterface(scope, 'tif', { name: 'tunnel.10', zone: 'untrust', virtualRouter: 'default' });
  const tunnel = new IpsecTunnel(scope, 'bgp', {
    tunnelInterface,
    gateway,
    cryptoProfile: ipsec,
    ...(transport ? { mode: 'transport', carriesMulticastRouting: false } : {}),
    ...patch.tunnel,
  });
  return { stack, firewall, gateway, tunnel, ike, ipsec };
}

/** fw-a and fw-b declaring both ends of one tunnel. */
export function twoEnds(a: EndPatch = {}, b: EndPatch = {}, layout: Layout = 'two-stacks', base: Base = 'transport', app: App = Testing.app()) {
  const minPanosVersion = '11.1.0';
  if (layout === 'two-stacks') {
    const make = (id: string, local: string, peer: string, patch: EndPatch): End => {
      const stack = new TerraformStack(app, id);
      const firewall = new PanosFirewall(stack, 'firewall', { minPanosVersion });
      return end(stack, stack, firewall, local, peer, base, SecretValue.fromEnvVariable(stack, 'psk', 'bgp_psk'), patch);
    };
    return { app, a: make('fw-a', '198.51.100.1', '198.51.100.2', a), b: make('fw-b', '198.51.100.2', '198.51.100.1', b) };
  }
  const stack = new TerraformStack(app, 'both');
  const psk = SecretValue.fromEnvVariable(stack, 'psk', 'bgp_psk');
  const fwA = new PanosFirewall(stack, 'fw-a', { minPanosVersion, providerAlias: 'a' });
  const fwB = new PanosFirewall(stack, 'fw-b', { minPanosVersion, providerAlias: 'b' });
  return {
    app,
    a: end(stack, fwA, fwA, '198.51.100.1', '198.51.100.2', base, psk, a),
    b: end(stack, fwB, fwB, '198.51.100.2', '198.51.100.1', base, psk, b),
  };
}

/** Every validation error of every stack of the app ('' when all pass), as `cdktf synth` would report them. */
export function appErrors(app: App): string {
  const stacks = app.node.findAll().filter((c): c is TerraformStack => TerraformStack.isStack(c));
  const errors: string[] = [];
  for (const stack of stacks) {
    try {
      Testing.synth(stack, true);
    } catch (e) {
      errors.push(e instanceof Error ? e.message : String(e));
    }
  }
  return errors.join('\n');
}

/** Annotations of one level on a construct. */
export function annotations(construct: Construct, level: 'warn' | 'info'): string[] {
  return construct.node.metadata.filter((m) => m.type === `@cdktf/${level}`).map((m) => String(m.data));
}
