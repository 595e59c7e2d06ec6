/**
 * The simulator's own reading of the VPN part of a running configuration: IKE gateways, crypto profiles, IPSec
 * tunnels and interface addresses, with the device's defaults applied (docs/lab-negotiation.md §2). Written from the
 * XML layout only; it shares nothing with the product's codec (src/panos/objects), so the lab can disagree with it.
 */
import { ENCRYPTED_PREFIX } from '../schema/validate';
import { SimNode, childOf, entriesOf, membersOf, pathOf, textOf } from '../xml-tree';

/** An IKE crypto profile with the lists a responder chooses from, in configured order. */
export interface IkeProfileView {
  readonly name: string;
  readonly encryption: readonly string[];
  readonly hash: readonly string[];
  readonly dhGroups: readonly string[];
  readonly lifetimeSec: number;
}

/** An IPSec crypto profile. */
export interface IpsecProfileView {
  readonly name: string;
  readonly protocol: 'esp' | 'ah';
  readonly encryption: readonly string[];
  readonly authentication: readonly string[];
  /** `no-pfs` or `groupN`. */
  readonly dhGroup: string;
  readonly lifetimeSec: number;
}

/** An IKE identity (`local-id` / `peer-id`). */
export interface IkeIdentity {
  readonly type: string;
  readonly id: string;
}

/** The peer address choice of a gateway. */
export type PeerAddress = { readonly kind: 'ip'; readonly ip: string } | { readonly kind: 'fqdn'; readonly fqdn: string } | { readonly kind: 'dynamic' } | { readonly kind: 'none' };

/** IKE versions a gateway is configured for. */
export type IkeVersionSetting = 'ikev1' | 'ikev2' | 'ikev2-preferred';

/** An IKE gateway as negotiation sees it. */
export interface GatewayView {
  readonly name: string;
  readonly disabled: boolean;
  readonly version: IkeVersionSetting;
  readonly exchangeMode: 'auto' | 'main' | 'aggressive';
  /** Profile per protocol version; undefined when the named profile does not exist. */
  readonly profiles: { readonly ikev1?: IkeProfileView; readonly ikev2?: IkeProfileView };
  readonly profileNames: { readonly ikev1: string; readonly ikev2: string };
  /** `psk` with the digest of the key (comparable across devices), or certificate, or nothing configured. */
  readonly auth: { readonly kind: 'psk'; readonly digest: string } | { readonly kind: 'certificate' } | { readonly kind: 'none' };
  readonly localInterface: string;
  /** Host address written in `local-address/ip` (prefix stripped), if any. */
  readonly localIp?: string;
  readonly peer: PeerAddress;
  readonly localId?: IkeIdentity;
  readonly peerId?: IkeIdentity & { readonly matching: 'exact' | 'wildcard' };
  readonly natTraversal: boolean;
  readonly passive: boolean;
}

/** Protocol and ports of a proxy ID. */
export type ProxyProtocol =
  | { readonly kind: 'any' }
  | { readonly kind: 'number'; readonly number: number }
  | { readonly kind: 'tcp' | 'udp'; readonly localPort: number; readonly remotePort: number };

/** One IPv4 proxy ID of a tunnel. */
export interface ProxyIdView {
  readonly name: string;
  readonly local: string;
  readonly remote: string;
  readonly protocol: ProxyProtocol;
}

/** An auto-key IPSec tunnel. */
export interface TunnelView {
  readonly name: string;
  readonly disabled: boolean;
  readonly gateway: string;
  readonly profileName: string;
  readonly profile?: IpsecProfileView;
  readonly mode: 'tunnel' | 'transport';
  readonly proxyIds: readonly ProxyIdView[];
  readonly tunnelInterface: string;
  readonly monitor: boolean;
}

/** Everything negotiation reads from one device. */
export interface VpnConfig {
  readonly gateways: readonly GatewayView[];
  readonly tunnels: readonly TunnelView[];
  /** Interface name → its addresses as configured (`A.B.C.D/len`), in order. */
  readonly interfaces: ReadonlyMap<string, readonly string[]>;
}

/** PAN-OS defaults (docs/panos/ike-gateway.md, ike-crypto-profile.md, ipsec-crypto-profile.md; restated in docs/lab-negotiation.md §2). */
export const VPN_DEFAULTS = {
  version: 'ikev1',
  exchangeMode: 'auto',
  ikeProfile: 'default',
  ipsecProfile: 'default',
  ikeLifetimeSec: 8 * 3600,
  ipsecLifetimeSec: 3600,
  ipsecDhGroup: 'group2',
} as const;

const DEVICE = 'localhost.localdomain';
const UNIT_SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

/** The `lifetime` choice in seconds, or the fallback. */
function lifetimeOf(profile: SimNode, fallback: number): number {
  const lt = childOf(profile, 'lifetime');
  for (const c of lt?.children ?? []) {
    const unit = UNIT_SECONDS[c.name];
    if (unit !== undefined && /^\d+$/.test(c.text.trim())) return Number(c.text.trim()) * unit;
  }
  return fallback;
}

/** The host part of `A.B.C.D/len` (or the text itself). */
export function hostOf(address: string): string {
  return address.trim().replace(/\/\d+$/, '');
}

/**
 * The comparable part of a stored pre-shared key. The simulator stores `-AQ==` + base64 SHA-1 of the plaintext +
 * ciphertext under a per-device key (src/sim/secrets.ts), so two devices can compare keys through the digest without
 * decrypting; a value in any other form is compared whole.
 */
export function secretDigest(stored: string): string {
  return stored.startsWith(ENCRYPTED_PREFIX) ? stored.slice(ENCRYPTED_PREFIX.length, ENCRYPTED_PREFIX.length + 28) : `plain:${stored}`;
}

function yes(n: SimNode | undefined, ...path: string[]): boolean {
  return (textOf(n, ...path) ?? '').trim() === 'yes';
}

function identity(n: SimNode | undefined): IkeIdentity | undefined {
  const type = textOf(n, 'type')?.trim();
  const id = textOf(n, 'id')?.trim();
  return type && id ? { type, id } : undefined;
}

function ikeProfiles(net: SimNode | undefined): Map<string, IkeProfileView> {
  const out = new Map<string, IkeProfileView>();
  for (const e of entriesOf(net, 'ike', 'crypto-profiles', 'ike-crypto-profiles')) {
    const name = e.attrs.name ?? '';
    out.set(name, {
      name,
      encryption: membersOf(e, 'encryption'),
      hash: membersOf(e, 'hash'),
      dhGroups: membersOf(e, 'dh-group'),
      lifetimeSec: lifetimeOf(e, VPN_DEFAULTS.ikeLifetimeSec),
    });
  }
  return out;
}

function ipsecProfiles(net: SimNode | undefined): Map<string, IpsecProfileView> {
  const out = new Map<string, IpsecProfileView>();
  for (const e of entriesOf(net, 'ike', 'crypto-profiles', 'ipsec-crypto-profiles')) {
    const name = e.attrs.name ?? '';
    const ah = childOf(e, 'ah');
    out.set(name, {
      name,
      protocol: ah ? 'ah' : 'esp',
      encryption: ah ? [] : membersOf(e, 'esp', 'encryption'),
      authentication: ah ? membersOf(ah, 'authentication') : membersOf(e, 'esp', 'authentication'),
      dhGroup: textOf(e, 'dh-group')?.trim() || VPN_DEFAULTS.ipsecDhGroup,
      lifetimeSec: lifetimeOf(e, VPN_DEFAULTS.ipsecLifetimeSec),
    });
  }
  return out;
}

function peerAddress(gw: SimNode): PeerAddress {
  const pa = childOf(gw, 'peer-address');
  const ip = textOf(pa, 'ip')?.trim();
  if (ip) return { kind: 'ip', ip: hostOf(ip) };
  const fqdn = textOf(pa, 'fqdn')?.trim();
  if (fqdn) return { kind: 'fqdn', fqdn };
  if (childOf(pa, 'dynamic')) return { kind: 'dynamic' };
  return { kind: 'none' };
}

function gateway(gw: SimNode, profiles: Map<string, IkeProfileView>): GatewayView {
  const version = (textOf(gw, 'protocol', 'version')?.trim() || VPN_DEFAULTS.version) as IkeVersionSetting;
  const mode = (textOf(gw, 'protocol', 'ikev1', 'exchange-mode')?.trim() || VPN_DEFAULTS.exchangeMode) as GatewayView['exchangeMode'];
  const names = {
    ikev1: textOf(gw, 'protocol', 'ikev1', 'ike-crypto-profile')?.trim() || VPN_DEFAULTS.ikeProfile,
    ikev2: textOf(gw, 'protocol', 'ikev2', 'ike-crypto-profile')?.trim() || VPN_DEFAULTS.ikeProfile,
  };
  const psk = textOf(gw, 'authentication', 'pre-shared-key', 'key');
  const auth: GatewayView['auth'] =
    psk !== undefined && psk !== '' ? { kind: 'psk', digest: secretDigest(psk) } : pathOf(gw, 'authentication', 'certificate') ? { kind: 'certificate' } : { kind: 'none' };
  const localIp = textOf(gw, 'local-address', 'ip')?.trim();
  const peerId = identity(childOf(gw, 'peer-id'));
  return {
    name: gw.attrs.name ?? '',
    disabled: yes(gw, 'disabled'),
    version,
    exchangeMode: mode,
    profiles: { ikev1: profiles.get(names.ikev1), ikev2: profiles.get(names.ikev2) },
    profileNames: names,
    auth,
    localInterface: textOf(gw, 'local-address', 'interface')?.trim() ?? '',
    ...(localIp ? { localIp: hostOf(localIp) } : {}),
    peer: peerAddress(gw),
    ...(identity(childOf(gw, 'local-id')) ? { localId: identity(childOf(gw, 'local-id')) } : {}),
    ...(peerId ? { peerId: { ...peerId, matching: textOf(gw, 'peer-id', 'matching')?.trim() === 'wildcard' ? 'wildcard' : 'exact' } } : {}),
    natTraversal: yes(gw, 'protocol-common', 'nat-traversal', 'enable'),
    passive: yes(gw, 'protocol-common', 'passive-mode'),
  };
}

function proxyProtocol(p: SimNode | undefined): ProxyProtocol {
  const num = textOf(p, 'number')?.trim();
  if (num && /^\d+$/.test(num)) return { kind: 'number', number: Number(num) };
  for (const kind of ['tcp', 'udp'] as const) {
    const n = childOf(p, kind);
    if (n) {
      const port = (name: string): number => Number(textOf(n, name)?.trim() || '0') || 0;
      return { kind, localPort: port('local-port'), remotePort: port('remote-port') };
    }
  }
  return { kind: 'any' };
}

function tunnel(t: SimNode, profiles: Map<string, IpsecProfileView>): TunnelView | undefined {
  const auto = childOf(t, 'auto-key');
  if (!auto) return undefined;
  const profileName = textOf(auto, 'ipsec-crypto-profile')?.trim() || VPN_DEFAULTS.ipsecProfile;
  const profile = profiles.get(profileName);
  return {
    name: t.attrs.name ?? '',
    disabled: yes(t, 'disabled'),
    gateway: entriesOf(auto, 'ike-gateway')[0]?.attrs.name ?? '',
    profileName,
    ...(profile ? { profile } : {}),
    mode: textOf(t, 'ipsec-mode')?.trim() === 'transport' ? 'transport' : 'tunnel',
    proxyIds: entriesOf(auto, 'proxy-id').map((p) => ({
      name: p.attrs.name ?? '',
      local: textOf(p, 'local')?.trim() ?? '',
      remote: textOf(p, 'remote')?.trim() ?? '',
      protocol: proxyProtocol(childOf(p, 'protocol')),
    })),
    tunnelInterface: textOf(t, 'tunnel-interface')?.trim() ?? '',
    monitor: yes(t, 'tunnel-monitor', 'enable'),
  };
}

function interfaceAddresses(net: SimNode | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (name: string | undefined, n: SimNode | undefined): void => {
    if (!name) return;
    const ips = entriesOf(n, 'ip').map((e) => e.attrs.name ?? '').filter((a) => a !== '');
    if (ips.length > 0) out.set(name, ips);
  };
  for (const eth of entriesOf(net, 'interface', 'ethernet')) {
    const l3 = childOf(eth, 'layer3');
    add(eth.attrs.name, l3);
    for (const u of entriesOf(l3, 'units')) add(u.attrs.name, u);
  }
  for (const u of entriesOf(net, 'interface', 'loopback', 'units')) add(u.attrs.name, u);
  for (const u of entriesOf(net, 'interface', 'tunnel', 'units')) add(u.attrs.name, u);
  return out;
}

/** Reads the VPN configuration of a firewall's running config (`<config>` root). */
export function readVpnConfig(config: SimNode): VpnConfig {
  const dev = entriesOf(config, 'devices').find((e) => e.attrs.name === DEVICE) ?? entriesOf(config, 'devices')[0];
  const net = childOf(dev, 'network');
  const ike = ikeProfiles(net);
  const ipsec = ipsecProfiles(net);
  return {
    gateways: entriesOf(net, 'ike', 'gateway').map((g) => gateway(g, ike)),
    tunnels: entriesOf(net, 'tunnel', 'ipsec')
      .map((t) => tunnel(t, ipsec))
      .filter((t): t is TunnelView => t !== undefined),
    interfaces: interfaceAddresses(net),
  };
}
