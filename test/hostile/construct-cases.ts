/**
 * Generated invalid construct configurations: a correct transport-mode stack, broken in one way per case. Cases are
 * derived from the rule catalogue and from the prop types (every enum value a transport rule forbids, every kind of
 * bad name per object kind, every version below a gate), so a new enum value or rule grows the set.
 */
import { Testing, TerraformStack } from 'cdktf';
import {
  IkeCryptoProfile,
  IkeGateway,
  IpsecCryptoProfile,
  IpsecTunnel,
  PanosFirewall,
  SecretValue,
  TunnelInterface,
  TunnelMonitorProfile,
  type IkeCryptoProfileProps,
  type IkeGatewayProps,
  type IpsecCryptoProfileProps,
  type IpsecTunnelProps,
  type PanosFirewallProps,
  type TunnelInterfaceProps,
} from '../../constructs';
import { AH_AUTHENTICATIONS, DH_GROUPS, ESP_ENCRYPTIONS, PFS_GROUPS } from '../../src/panos/objects';
import { RULE_NAME_MAX_LENGTH } from '../../src/rules';
import { canonicalStack } from '../fixtures/canonical-stack';

/** What a case changes in the correct stack. */
export interface Patch {
  readonly firewall?: Partial<PanosFirewallProps>;
  readonly ike?: Partial<IkeCryptoProfileProps>;
  readonly ipsec?: Partial<IpsecCryptoProfileProps>;
  readonly iface?: Partial<TunnelInterfaceProps>;
  readonly gateway?: Partial<IkeGatewayProps>;
  readonly tunnel?: Partial<IpsecTunnelProps>;
  readonly monitorName?: string;
  /** Extra constructs added after the correct ones. */
  readonly extra?: (s: Built) => void;
}

/** The constructs of the correct stack. */
export interface Built {
  readonly stack: TerraformStack;
  readonly iface: TunnelInterface;
  readonly gateway: IkeGateway;
  readonly ike: IkeCryptoProfile;
  readonly ipsec: IpsecCryptoProfile;
}

/** One generated invalid configuration and the rule that must reject it. */
export interface InvalidCase {
  readonly name: string;
  readonly rule: string;
  readonly patch: Patch;
}

/** Builds the stack; throws whatever a constructor throws. */
export function build(patch: Patch): Built {
  // The canonical stack (test/fixtures/canonical-stack.ts); construct ids name the objects the cases address.
  const c = canonicalStack();
  const app = Testing.app();
  const stack = new TerraformStack(app, 'fw1');
  new PanosFirewall(stack, 'fw', { minPanosVersion: '11.1.0', ...patch.firewall });
  const { name: _ike, ...ikeProps } = c.ikeCryptoProfile;
  const ike = new IkeCryptoProfile(stack, 'ike', { ...ikeProps, ...patch.ike });
  const { name: _ipsec, ...ipsecProps } = c.ipsecCryptoProfile;
  const ipsec = new IpsecCryptoProfile(stack, 'ipsec', { ...ipsecProps, ...patch.ipsec });
  const iface = new TunnelInterface(stack, 'tunnel-if', { ...c.tunnelInterface, ...patch.iface });
  const monitor = new TunnelMonitorProfile(stack, 'mon', { action: c.tunnelMonitorProfile.action, ...(patch.monitorName !== undefined ? { name: patch.monitorName } : {}) });
  const g = c.ikeGateway;
  const gateway = new IkeGateway(stack, 'gw', {
    version: 'ikev2',
    cryptoProfile: ike,
    preSharedKey: SecretValue.fromEnvVariable(stack, 'Psk', 'bgp_psk'),
    localInterface: g.localInterface,
    localIp: g.localIp,
    peerIp: g.peerIp,
    ...patch.gateway,
  });
  const t = c.ipsecTunnel;
  IpsecTunnel.transport(stack, 'bgp', {
    tunnelInterface: iface,
    gateway,
    cryptoProfile: ipsec,
    antiReplayWindow: t.antiReplayWindow,
    tunnelMonitor: { destinationIp: t.tunnelMonitor.destinationIp, profile: monitor },
    carriesMulticastRouting: false,
    ...patch.tunnel,
  });
  const built = { stack, iface, gateway, ike, ipsec };
  patch.extra?.(built);
  return built;
}

/** Synthesizes with validations; returns the error message ('' when synth passes). */
export function synthOutcome(patch: Patch): { message: string; crashed?: unknown } {
  try {
    const { stack } = build(patch);
    Testing.synth(stack, true);
    return { message: '' };
  } catch (e) {
    if (!(e instanceof Error)) return { message: String(e), crashed: e };
    // A TypeError / RangeError from deep inside is a crash, not a rejection.
    if (e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError) return { message: e.message, crashed: e };
    return { message: e.message };
  }
}

const BAD_CHARS = [`quote"d`, `apo'strophe`, 'angle<b>', 'amp&ersand', 'sla/sh', 'back\\slash', 'ünïcödé', '名前', 'tab\tname', 'new\nline', "x']/../entry[@name='y", '-leading-dash', 'trailing-space ', ''];

function badNames(max: number): string[] {
  return [...BAD_CHARS, 'n'.repeat(max + 1), 'é'.repeat(max)];
}

const as = <T>(v: string): T => v as unknown as T;

/** Every generated case. */
export function invalidCases(): InvalidCase[] {
  const cases: InvalidCase[] = [];
  const add = (name: string, rule: string, patch: Patch): void => void cases.push({ name, rule, patch });

  for (const v of ['9.1.0', '10.0.0', '10.1.0', '10.1.14', '10.2.0', '10.2.1', '10.2.4', '10.2.7', '10.2.9', '10.2.10', '10.2.13', '10.2.99']) {
    add(`minPanosVersion ${v}`, 'PANOS-TM-001', { firewall: { minPanosVersion: v } });
    add(`downgradeTargetVersion ${v}`, 'PANOS-TM-002', { firewall: { downgradeTargetVersion: v } });
  }
  for (const v of ['ikev1', 'ikev2-preferred'] as const) add(`gateway version ${v}`, 'PANOS-TM-005', { gateway: { version: v } });
  for (const g of DH_GROUPS.filter((x) => x !== 'group20')) {
    add(`IKE dh group ${g}`, 'PANOS-TM-006', { ike: { dhGroups: [g] } });
    add(`IKE dh groups group20 + ${g}`, 'PANOS-TM-006', { ike: { dhGroups: ['group20', g] } });
  }
  for (const g of DH_GROUPS.filter((x) => x !== 'group20')) add(`IKEv1 gateway on a ${g} profile`, 'PANOS-TM-005', { gateway: { version: 'ikev1' }, ike: { dhGroups: [g] } });
  for (const g of PFS_GROUPS.filter((x) => x !== 'group20')) add(`IPSec PFS ${g}`, 'PANOS-TM-019', { ipsec: { dhGroup: g } });
  for (const e of ESP_ENCRYPTIONS.filter((x) => x !== 'aes-256-gcm')) {
    const auth = e.endsWith('gcm') ? ['none' as const] : ['sha256' as const];
    add(`ESP encryption ${e}`, 'PANOS-TM-007', { ipsec: { espEncryption: [e], espAuthentication: auth } });
    add(`ESP encryption aes-256-gcm + ${e}`, 'PANOS-TM-007', { ipsec: { espEncryption: ['aes-256-gcm', e], espAuthentication: ['sha256'] } });
  }
  for (const a of AH_AUTHENTICATIONS) add(`AH protocol with ${a}`, 'PANOS-TM-004', { ipsec: { protocol: 'ah', espEncryption: undefined, espAuthentication: undefined, ahAuthentication: [a] } });
  add('NAT traversal on', 'PANOS-TM-008', { gateway: { natTraversal: true } });
  for (const lo of ['loopback', 'loopback.1', 'loopback.42', 'loopback.9999']) add(`local interface ${lo}`, 'PANOS-TM-009', { gateway: { localInterface: lo } });
  for (const [i, local] of ['10.0.0.0/24', '192.0.2.1/32', '0.0.0.0/0'].entries()) {
    add(`proxy id ${local}`, 'PANOS-TM-010', { tunnel: { proxyIds: [{ name: `p${i}`, local, remote: '198.51.100.0/24' }] } });
  }
  for (const v6 of ['2001:db8::1', '::1', 'fe80::1', '2001:db8:0:1::ffff']) {
    add(`peer ip ${v6}`, 'PANOS-TM-003', { gateway: { peerIp: v6 } });
    add(`local ip ${v6}/64`, 'PANOS-TM-003', { gateway: { localIp: `${v6}/64` } });
  }
  add('gateway ipv6 flag', 'PANOS-TM-003', { gateway: { ipv6: true } });
  add('multicast routing without GRE', 'PANOS-TM-015', { tunnel: { carriesMulticastRouting: true, enableGreEncapsulation: false } });
  for (const w of ['0', '1', '32', '100', '8192', '-64', 'x', ' 512']) add(`anti-replay window ${JSON.stringify(w)}`, 'PANOS-AR-001', { tunnel: { antiReplayWindow: as(w) } });

  for (const n of badNames(RULE_NAME_MAX_LENGTH['ike-gateway'])) add(`gateway name ${JSON.stringify(n)}`, 'PANOS-REF-007', { gateway: { name: n } });
  for (const n of badNames(RULE_NAME_MAX_LENGTH['ipsec-tunnel'])) add(`tunnel name ${JSON.stringify(n)}`, 'PANOS-REF-007', { tunnel: { name: n } });
  for (const n of badNames(RULE_NAME_MAX_LENGTH['ike-crypto-profile'])) add(`IKE profile name ${JSON.stringify(n)}`, 'PANOS-REF-007', { ike: { name: n } });
  for (const n of badNames(RULE_NAME_MAX_LENGTH['ipsec-crypto-profile'])) add(`IPSec profile name ${JSON.stringify(n)}`, 'PANOS-REF-007', { ipsec: { name: n } });
  for (const n of badNames(RULE_NAME_MAX_LENGTH['tunnel-monitor-profile'])) add(`monitor profile name ${JSON.stringify(n)}`, 'PANOS-REF-007', { monitorName: n });
  for (const n of ['tunnel', 'tunnel.0', 'tunnel.10000', 'tunnel.01', 'ethernet1/1', 'tunnel.1a', 'Tunnel.1', 'tunnel.-1', `tunnel.1"`, 'tunnel.1<x>']) {
    add(`tunnel interface name ${JSON.stringify(n)}`, 'PANOS-REF-007', { iface: { name: n } });
  }
  for (const n of ['tunnel', 'tunnel.0', 'tunnel.10000', 'loopback.1', 'tunnel.1 ', 'tunnel.1&2']) {
    add(`unreferenced tunnel interface named ${JSON.stringify(n)}`, 'PANOS-REF-007', { extra: (s) => void new TunnelInterface(s.stack, 'spare-if', { name: n }) });
  }
  for (const i of [1, 2, 3]) {
    add(`duplicate gateway name (${i} extra)`, 'PANOS-REF-002', {
      extra: (s) => {
        for (let k = 0; k < i; k++) new IkeGateway(s.stack, `dup-gw-${k}`, { name: 'gw', version: 'ikev2', cryptoProfile: s.ike, localInterface: 'ethernet1/2', peerIp: `203.0.113.${k + 50}` });
      },
    });
    add(`duplicate IPSec profile name (${i} extra)`, 'PANOS-REF-002', {
      extra: (s) => {
        for (let k = 0; k < i; k++) new IpsecCryptoProfile(s.stack, `dup-ipsec-${k}`, { name: 'ipsec', espEncryption: ['aes-256-gcm'], dhGroup: 'group20' });
      },
    });
    add(`second tunnel on the same tunnel interface (${i} extra)`, 'PANOS-REF-004', {
      extra: (s) => {
        for (let k = 0; k < i; k++) IpsecTunnel.transport(s.stack, `same-if-${k}`, { tunnelInterface: s.iface, gateway: s.gateway, cryptoProfile: s.ipsec, carriesMulticastRouting: false });
      },
    });
  }
  return cases;
}
