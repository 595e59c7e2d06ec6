/**
 * Fixture builders: a correct transport-mode stack (zero findings of any level) and a correct tunnel-mode stack.
 * Each test changes one thing through the patch arguments.
 */
import {
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

/** A transport-mode stack following every item of transport-mode.md: BGP on the physical interface, no GRE. */
export function transportStack(patch: StackPatch = {}): StackFacts {
  return {
    minPanosVersion: '11.1.0',
    tunnelInterfaces: [{ path: PATHS.tunnelInterface, name: 'tunnel.10', zone: 'vpn', virtualRouter: 'default', ...patch.tunnelInterface }],
    ikeCryptoProfiles: [
      { path: PATHS.ikeProfile, name: 'ike-tm', dhGroups: ['group20'], authentication: ['sha384'], encryption: ['aes-256-gcm'], ...patch.ikeProfile },
    ],
    ipsecCryptoProfiles: [
      {
        path: PATHS.ipsecProfile,
        name: 'ipsec-tm',
        protocol: 'esp',
        espEncryption: ['aes-256-gcm'],
        espAuthentication: ['none'],
        dhGroup: 'group20',
        ...patch.ipsecProfile,
      },
    ],
    ikeGateways: [
      {
        path: PATHS.gateway,
        name: 'gw-bgp',
        version: 'ikev2',
        ikev2CryptoProfile: 'ike-tm',
        localInterface: 'ethernet1/1',
        localIp: '198.51.100.1/24',
        peerIp: '203.0.113.2',
        natTraversal: false,
        ...patch.gateway,
      },
    ],
    ipsecTunnels: [
      {
        path: PATHS.tunnel,
        name: 'bgp',
        ipsecMode: 'transport',
        keyType: 'auto-key',
        ikeGateways: ['gw-bgp'],
        ipsecCryptoProfile: 'ipsec-tm',
        tunnelInterface: 'tunnel.10',
        antiReplay: true,
        antiReplayWindow: '1024',
        tunnelMonitor: { enable: true, destinationIp: '203.0.113.2', profile: 'mon' },
        carriesMulticastRouting: false,
        ...patch.tunnel,
      },
    ],
    monitorProfiles: [{ path: PATHS.monitorProfile, name: 'mon', action: 'wait-recover', interval: 3, threshold: 5, ...patch.monitorProfile }],
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
