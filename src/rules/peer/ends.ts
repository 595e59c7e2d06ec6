/**
 * The ends one firewall (or one device) offers to its peers: every declared IKE gateway with its IKE crypto profile's
 * content and the IPSec tunnels that use it, each with its IPSec crypto profile's content. Built with one index per
 * kind, so a stack of n tunnels costs O(n), not one name lookup over every object per reference.
 */
import {
  isKnown,
  isUnknown,
  type IkeCryptoProfileFacts,
  type IkeGatewayFacts,
  type IkeIdFacts,
  type IpsecCryptoProfileFacts,
  type IpsecTunnelFacts,
  type Known,
  type ObjectFacts,
  type ProxyIdFacts,
  type StackFacts,
  UNKNOWN,
} from '../facts';
import { q } from '../finding';
import { ikeGateway, ipsecCryptoProfile, ipsecTunnel, tableField } from '../../panos/objects';
import { locationOf, PREDEFINED_IKE_DEFAULT, PREDEFINED_IPSEC_DEFAULT } from '../resolve';
import { hostAddress } from './addresses';
import { PEER_DEFAULTS } from './defaults';
import type { IkeOffer, IpsecOffer, PeerEnd, PeerTunnelEnd } from './types';

/**
 * A fact as one of the values its field allows. A value outside them is not compared: the object's own checks
 * report it (the model's enum at construction and plan), and no pair could negotiate it anyway.
 */
function oneOf<E extends string>(value: Known<string>, allowed: readonly E[]): Known<E> {
  if (value === undefined || isUnknown(value)) return value;
  return (allowed as readonly string[]).includes(value) ? (value as E) : UNKNOWN;
}

const IPSEC_PROTOCOLS = tableField(ipsecCryptoProfile.table, 'protocol').choice;
const IPSEC_MODES = tableField(ipsecTunnel.table, 'ipsecMode').enum;
const IKE_VERSIONS = tableField(ikeGateway.table, 'version').enum;
const IKEV1_EXCHANGE_MODES = tableField(ikeGateway.table, 'ikev1ExchangeMode').enum;
const AUTHENTICATIONS = tableField(ikeGateway.table, 'authentication').choice;

/** `Known` mapped through `f` (unset and unknown pass through). */
export function mapKnown<T, R>(value: Known<T>, f: (v: T) => R): Known<R> {
  return isKnown(value) ? f(value) : value;
}

/** Objects of one kind by `location\0name`, so each reference resolves in O(1). */
class NameIndex<T extends ObjectFacts> {
  private readonly byKey = new Map<string, T>();
  constructor(objects: readonly T[] | undefined) {
    for (const o of objects ?? []) if (typeof o.name === 'string') this.byKey.set(`${locationOf(o)}\u0000${o.name}`, o);
  }
  get(location: string, name: string): T | undefined {
    return this.byKey.get(`${location}\u0000${name}`);
  }
}

/** The content of a referenced profile: declared, PAN-OS's predefined `default`, or not known (on the device only). */
function profileContent<T extends ObjectFacts>(
  index: NameIndex<T>,
  facts: StackFacts,
  kind: 'ike-crypto-profile' | 'ipsec-crypto-profile',
  name: string,
  location: string,
  predefined: T,
): { readonly object: T; readonly predefined: boolean } | undefined {
  const declared = index.get(location, name);
  if (declared) return declared.imported ? undefined : { object: declared, predefined: false };
  const onDevice = (facts.existing ?? []).some((e) => e.kind === kind && e.name === name && (e.location === undefined || e.location === location));
  if (onDevice || name !== 'default') return undefined;
  return { object: predefined, predefined: true };
}

type Block = 'ikev1' | 'ikev2';
const BLOCK_FIELD = { ikev1: 'ikev1CryptoProfile', ikev2: 'ikev2CryptoProfile' } as const satisfies Record<Block, keyof IkeGatewayFacts>;

/** The blocks a gateway of this version may negotiate with (both while the version is unknown). */
function blocksOf(version: IkeGatewayFacts['version']): Block[] {
  const v = version ?? PEER_DEFAULTS.ikeVersion;
  if (v === 'ikev1') return ['ikev1'];
  if (v === 'ikev2') return ['ikev2'];
  return ['ikev1', 'ikev2'];
}

function ikeOffer(g: IkeGatewayFacts, block: Block, gatewayLabel: string, index: NameIndex<IkeCryptoProfileFacts>, facts: StackFacts): IkeOffer | undefined {
  const field = BLOCK_FIELD[block];
  const name = g[field] ?? PEER_DEFAULTS[field];
  if (!isKnown(name)) return undefined;
  const found = profileContent(index, facts, 'ike-crypto-profile', name, locationOf(g), PREDEFINED_IKE_DEFAULT);
  if (!found) return undefined;
  const p = found.object;
  return {
    at: found.predefined
      ? { path: g.path, objectKind: 'ike-gateway', objectName: g.name, field }
      : { path: p.path, objectKind: 'ike-crypto-profile', objectName: p.name },
    label: found.predefined
      ? `the predefined IKE crypto profile 'default' (${field} of ${gatewayLabel} is unset)`
      : `IKE crypto profile ${q(p.name)} (${p.path})`,
    encryption: p.encryption,
    hash: p.authentication,
    dhGroups: p.dhGroups,
    lifetime: p.lifetime ?? PEER_DEFAULTS.ikeLifetime,
  };
}

function ikeOffers(g: IkeGatewayFacts, gatewayLabel: string, index: NameIndex<IkeCryptoProfileFacts>, facts: StackFacts): PeerEnd['ike'] {
  const offers: { ikev1?: IkeOffer; ikev2?: IkeOffer } = {};
  for (const block of blocksOf(g.version)) {
    const offer = ikeOffer(g, block, gatewayLabel, index, facts);
    if (offer) offers[block] = offer;
  }
  return offers;
}

function ipsecOffer(t: IpsecTunnelFacts, tunnelLabel: string, index: NameIndex<IpsecCryptoProfileFacts>, facts: StackFacts): IpsecOffer | undefined {
  const name = t.ipsecCryptoProfile ?? 'default';
  if (!isKnown(name)) return undefined;
  const found = profileContent(index, facts, 'ipsec-crypto-profile', name, locationOf(t), PREDEFINED_IPSEC_DEFAULT);
  if (!found) return undefined;
  const p = found.object;
  const ah = p.protocol === 'ah';
  return {
    at: found.predefined
      ? { path: t.path, objectKind: 'ipsec-tunnel', objectName: t.name, field: 'ipsecCryptoProfile' }
      : { path: p.path, objectKind: 'ipsec-crypto-profile', objectName: p.name },
    label: found.predefined
      ? `the predefined IPSec crypto profile 'default' (cryptoProfile of ${tunnelLabel} is unset)`
      : `IPSec crypto profile ${q(p.name)} (${p.path})`,
    protocol: oneOf(p.protocol, IPSEC_PROTOCOLS),
    encryption: ah ? [] : p.espEncryption,
    authentication: ah ? p.ahAuthentication : p.espAuthentication,
    pfsGroups: isUnknown(p.dhGroup) ? p.dhGroup : [p.dhGroup ?? PEER_DEFAULTS.pfsGroup],
    lifetime: p.lifetime ?? PEER_DEFAULTS.ipsecLifetime,
  };
}

function proxyList(list: Known<readonly ProxyIdFacts[]>): Known<readonly ProxyIdFacts[]> {
  return list === undefined ? [] : list;
}

function tunnelEnd(t: IpsecTunnelFacts, index: NameIndex<IpsecCryptoProfileFacts>, facts: StackFacts): PeerTunnelEnd {
  const label = `IPSec tunnel ${q(t.name)} (${t.path})`;
  const ipsec = ipsecOffer(t, label, index, facts);
  return {
    path: t.path,
    at: { path: t.path, objectKind: 'ipsec-tunnel', objectName: t.name },
    name: t.name,
    label,
    mode: oneOf(t.ipsecMode, IPSEC_MODES) ?? PEER_DEFAULTS.ipsecMode,
    greEncapsulation: t.enableGreEncapsulation ?? PEER_DEFAULTS.greEncapsulation,
    proxyIds: proxyList(t.proxyIds),
    proxyIdsV6: proxyList(t.proxyIdsV6),
    antiReplay: t.antiReplay ?? PEER_DEFAULTS.antiReplay,
    antiReplayWindow: t.antiReplayWindow === undefined ? PEER_DEFAULTS.antiReplayWindow : mapKnown(t.antiReplayWindow, (w) => String(w).trim()),
    ...(ipsec ? { ipsec } : {}),
  };
}

/** The identity an end sends: its local-id, else its address as an `ipaddr` identity (what PAN-OS sends by default). */
export function sentIdentity(localId: Known<IkeIdFacts>, localAddress: Known<string>): Known<IkeIdFacts> {
  if (localId !== undefined) return localId;
  return mapKnown(localAddress, (address) => ({ type: 'ipaddr', id: address }));
}

/**
 * The ends of every declared (not imported) IKE gateway of `facts`, in declaration order.
 * @param owner the firewall's construct path or the device's name; ends of one owner never pair by inference
 */
export function peerEndsOf(facts: StackFacts, owner: string): PeerEnd[] {
  const ikeIndex = new NameIndex(facts.ikeCryptoProfiles);
  const ipsecIndex = new NameIndex(facts.ipsecCryptoProfiles);
  const tunnelsByGateway = new Map<string, IpsecTunnelFacts[]>();
  for (const t of facts.ipsecTunnels ?? []) {
    if (t.imported || !isKnown(t.ikeGateways) || (t.keyType !== undefined && t.keyType !== 'auto-key')) continue;
    for (const g of new Set(t.ikeGateways)) {
      const key = `${locationOf(t)}\u0000${g}`;
      const list = tunnelsByGateway.get(key) ?? [];
      list.push(t);
      tunnelsByGateway.set(key, list);
    }
  }
  const ends: PeerEnd[] = [];
  for (const g of facts.ikeGateways ?? []) {
    if (g.imported) continue;
    const label = `IKE gateway ${q(g.name)} (${g.path})`;
    // An HA active/active gateway sends from its floating address (docs/panos/ike-gateway.md#local-ip).
    const localAddress = mapKnown(g.localIp ?? g.floatingIp, hostAddress);
    const ike = ikeOffers(g, label, ikeIndex, facts);
    const tunnels = typeof g.name === 'string' ? (tunnelsByGateway.get(`${locationOf(g)}\u0000${g.name}`) ?? []) : [];
    ends.push({
      owner,
      kind: 'panos',
      path: g.path,
      at: { path: g.path, objectKind: 'ike-gateway', objectName: g.name },
      name: g.name,
      label,
      version: oneOf(g.version, IKE_VERSIONS) ?? PEER_DEFAULTS.ikeVersion,
      ikev1ExchangeMode: oneOf(g.ikev1ExchangeMode, IKEV1_EXCHANGE_MODES) ?? PEER_DEFAULTS.ikev1ExchangeMode,
      passive: g.passiveMode ?? PEER_DEFAULTS.passiveMode,
      localAddress,
      peerAddress: mapKnown(g.peerIp, hostAddress),
      peerFqdn: g.peerFqdn,
      peerDynamic: g.peerDynamic,
      localId: sentIdentity(g.localId, localAddress),
      peerId: g.peerId,
      natTraversal: g.natTraversal ?? PEER_DEFAULTS.natTraversal,
      authentication: oneOf(g.authentication, AUTHENTICATIONS) ?? (g.preSharedKeySource !== undefined ? 'pre-shared-key' : undefined),
      preSharedKeySource: g.preSharedKeySource,
      ike,
      tunnels: tunnels.map((t) => tunnelEnd(t, ipsecIndex, facts)),
    });
  }
  return ends;
}
