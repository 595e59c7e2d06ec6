/**
 * Fixture builders: a correct transport-mode stack (zero findings of any level) and a correct tunnel-mode stack.
 * Each test changes one thing through the patch arguments.
 */
import { canonicalStack } from '../fixtures/canonical-stack';
import {
  factsOf,
  ruleById,
  type Finding,
  type IkeCryptoProfileFacts,
  type IkeGatewayFacts,
  type IpsecCryptoProfileFacts,
  type IpsecTunnelFacts,
  type StackFacts,
  type TunnelInterfaceFacts,
  type TunnelMonitorProfileFacts,
} from '../../src/rules';

export interface StackPatch {
  readonly stack?: Partial<StackFacts>;
  readonly tunnel?: Partial<IpsecTunnelFacts>;
  readonly gateway?: Partial<IkeGatewayFacts>;
  readonly ikeProfile?: Partial<IkeCryptoProfileFacts>;
  readonly ipsecProfile?: Partial<IpsecCryptoProfileFacts>;
  readonly tunnelInterface?: Partial<TunnelInterfaceFacts>;
  readonly monitorProfile?: Partial<TunnelMonitorProfileFacts>;
}

export const PATHS = {
  tunnel: 'stack/vpn/bgp',
  gateway: 'stack/vpn/gw',
  ikeProfile: 'stack/vpn/ike-profile',
  ipsecProfile: 'stack/vpn/ipsec-profile',
  tunnelInterface: 'stack/vpn/tunnel-if',
  monitorProfile: 'stack/vpn/monitor',
} as const;

/**
 * The canonical stack (test/fixtures/canonical-stack.ts) as facts: a transport-mode stack following every item of
 * transport-mode.md, BGP on the physical interface, no GRE. The constructs state the tunnel's key type and intent.
 */
export function transportStack(patch: StackPatch = {}): StackFacts {
  const c = canonicalStack();
  return {
    minPanosVersion: '11.1.0',
    tunnelInterfaces: [{ ...factsOf('tunnel-interface', c.tunnelInterface, { path: PATHS.tunnelInterface }), ...patch.tunnelInterface }],
    ikeCryptoProfiles: [{ ...factsOf('ike-crypto-profile', c.ikeCryptoProfile, { path: PATHS.ikeProfile }), ...patch.ikeProfile }],
    ipsecCryptoProfiles: [{ ...factsOf('ipsec-crypto-profile', c.ipsecCryptoProfile, { path: PATHS.ipsecProfile }), ...patch.ipsecProfile }],
    ikeGateways: [{ ...factsOf('ike-gateway', c.ikeGateway, { path: PATHS.gateway }), ...patch.gateway }],
    ipsecTunnels: [
      {
        ...factsOf('ipsec-tunnel', c.ipsecTunnel, { path: PATHS.tunnel }),
        keyType: 'auto-key',
        carriesMulticastRouting: false,
        ...patch.tunnel,
      },
    ],
    monitorProfiles: [{ ...factsOf('tunnel-monitor-profile', c.tunnelMonitorProfile, { path: PATHS.monitorProfile }), ...patch.monitorProfile }],
    ...patch.stack,
  };
}

/** The same objects as a tunnel-mode stack with strong crypto and proxy IDs (zero findings). */
export function tunnelModeStack(patch: StackPatch = {}): StackFacts {
  return transportStack({
    ...patch,
    stack: { minPanosVersion: '10.2.9', ...patch.stack },
    tunnel: {
      ipsecMode: undefined,
      carriesMulticastRouting: undefined,
      proxyIds: [{ name: 'lan', local: '10.0.0.0/24', remote: '10.1.0.0/24' }],
      ...patch.tunnel,
    },
  });
}

/** Findings of one rule on the facts. */
export function check(ruleId: string, facts: StackFacts): Finding[] {
  const rule = ruleById(ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  return rule.evaluate(facts);
}

/** The facts with one more IPSec tunnel (typed, so `UNKNOWN` keeps its unique-symbol type). */
export function withExtraTunnel(base: StackFacts, tunnel: IpsecTunnelFacts): StackFacts {
  return { ...base, ipsecTunnels: [...(base.ipsecTunnels ?? []), tunnel] };
}
