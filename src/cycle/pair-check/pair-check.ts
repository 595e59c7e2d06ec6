/**
 * `pair-check` as a pure function over the devices' decoded running configurations: pair the gateways of different
 * devices by mirrored addresses (and across a NAT the inventory declares), run the pair rules (src/rules/peer, the
 * same ones synth runs) on each pair, and say per finding which device, gateway and tunnel it concerns.
 */
import { hostAddress } from '../../rules/peer/addresses';
import { devicePath, deviceEnds, type DeviceConfiguration } from '../../rules/peer/device';
import { runPairRules } from '../../rules/peer/engine';
import { pairEnds } from '../../rules/peer/pairing';
import type { ExplicitPair, PeerEnd, PeerPair, TunnelPair } from '../../rules/peer/types';
import type { Finding, RuleLevel } from '../../rules/types';

/** A device of the check: its configuration and, behind a 1:1 NAT, the address the others reach it at. */
export interface PairCheckDevice {
  readonly configuration: DeviceConfiguration;
  readonly natAddress?: string;
}

/** One end of a gateway pair. */
export interface PairCheckEnd {
  readonly device: string;
  readonly gateway: string;
  readonly localAddress?: string;
  readonly peerAddress?: string;
}

/** A gateway pair and its tunnel pairs. */
export interface PairCheckPair {
  readonly a: PairCheckEnd;
  readonly b: PairCheckEnd;
  /** `mirrored`; `half-mirrored` (one end points elsewhere: reported); `nat` (through a NAT the inventory declares). */
  readonly basis: 'mirrored' | 'half-mirrored' | 'nat';
  readonly tunnels: readonly { readonly a: string; readonly b: string }[];
  /** No error finding on this pair. */
  readonly compatible: boolean;
}

/** One finding, placed on a device, gateway and (when it concerns one) tunnel. */
export interface PairCheckFinding {
  readonly level: RuleLevel;
  readonly ruleId: string;
  readonly device: string;
  readonly gateway: string;
  readonly tunnel?: string;
  readonly peerDevice: string;
  readonly peerGateway: string;
  readonly peerTunnel?: string;
  /** The object holding the property: its kind (`ike-crypto-profile`, …), name and the property (model key). */
  readonly object: { readonly kind: string; readonly name?: string; readonly field: string };
  readonly value?: string;
  readonly allowed?: readonly string[];
  /** The rule's message: `[<device>/<kind>/<name>] <rule id>: <mismatch>; allowed: …; fix: …`. */
  readonly message: string;
  readonly fix: string;
  /** The negotiation fact behind the rule (docs/peer-compatibility.md). */
  readonly source: string;
}

/** A gateway that pairs with no gateway of another device of the inventory: nothing was checked for it. */
export interface UnpairedGateway {
  readonly device: string;
  readonly gateway: string;
  readonly peerAddress?: string;
  readonly reason: string;
}

/** A property the configurations cannot show, so the check could not verify it on a pair. */
export interface UnverifiedProperty {
  readonly device: string;
  readonly gateway: string;
  readonly peerDevice: string;
  readonly peerGateway: string;
  readonly property: string;
  readonly reason: string;
}

/** What the check found. */
export interface PairCheckResult {
  readonly pairs: readonly PairCheckPair[];
  readonly findings: readonly PairCheckFinding[];
  readonly unpaired: readonly UnpairedGateway[];
  readonly unverified: readonly UnverifiedProperty[];
}

/** The rule that says a property could not be verified, and the property's words. */
const UNVERIFIABLE: Readonly<Record<string, string>> = { 'PANOS-PEER-011': 'pre-shared key' };

/** Which end a path belongs to, and which tunnel of that end when the path is one (or its own IPSec profile). */
interface Place {
  readonly end: PeerEnd;
  readonly tunnel?: TunnelPair;
}

function placesOf(pair: PeerPair): Map<string, Place> {
  const places = new Map<string, Place>();
  for (const side of ['a', 'b'] as const) {
    const end = pair[side];
    places.set(end.path, { end });
    for (const offer of [end.ike.ikev1, end.ike.ikev2]) if (offer && !places.has(offer.at.path)) places.set(offer.at.path, { end });
    const users = new Map<string, TunnelPair[]>();
    for (const t of pair.tunnels) {
      places.set(t[side].path, { end, tunnel: t });
      const profile = t[side].ipsec?.at.path;
      if (profile !== undefined) users.set(profile, [...(users.get(profile) ?? []), t]);
    }
    for (const [profile, tunnels] of users) if (!places.has(profile)) places.set(profile, tunnels.length === 1 ? { end, tunnel: tunnels[0] } : { end });
  }
  return places;
}

function nameOf(end: PeerEnd): string {
  return typeof end.name === 'string' ? end.name : end.path;
}

function tunnelName(t: TunnelPair | undefined, side: 'a' | 'b'): string | undefined {
  const n = t?.[side].name;
  return typeof n === 'string' ? n : undefined;
}

function placeFinding(f: Finding, pair: PeerPair): PairCheckFinding {
  const places = placesOf(pair);
  const here = places.get(f.path);
  const there = f.peerPath !== undefined ? places.get(f.peerPath) : undefined;
  const end = here?.end ?? (there?.end === pair.a ? pair.b : pair.a);
  const side = end === pair.a ? 'a' : 'b';
  const other = side === 'a' ? 'b' : 'a';
  const tunnel = here?.tunnel ?? there?.tunnel;
  const t = tunnelName(tunnel, side);
  const pt = tunnelName(tunnel, other);
  return {
    level: f.level,
    ruleId: f.ruleId,
    device: end.owner,
    gateway: nameOf(end),
    ...(t !== undefined ? { tunnel: t } : {}),
    peerDevice: pair[other].owner,
    peerGateway: nameOf(pair[other]),
    ...(pt !== undefined ? { peerTunnel: pt } : {}),
    object: { kind: f.objectKind, ...(f.objectName !== undefined ? { name: f.objectName } : {}), field: f.field },
    ...(f.value !== undefined ? { value: f.value } : {}),
    ...(f.allowed !== undefined ? { allowed: f.allowed } : {}),
    message: f.message,
    fix: f.fix,
    source: f.source,
  };
}

function address(value: PeerEnd['localAddress']): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Pairs across a 1:1 NAT: a gateway of a device behind NAT (local address private) pairs with a gateway of another
 * device whose peer address is the NAT address and whose local address is the first one's peer address.
 */
export function natPairs(devices: readonly PairCheckDevice[]): ExplicitPair[] {
  const pairs: ExplicitPair[] = [];
  for (const inside of devices) {
    if (inside.natAddress === undefined) continue;
    const outside = hostAddress(inside.natAddress);
    for (const g of inside.configuration.ikeGateways ?? []) {
      if (g.peerIp === undefined) continue;
      const peer = hostAddress(g.peerIp);
      for (const other of devices) {
        if (other === inside) continue;
        const h = (other.configuration.ikeGateways ?? []).find(
          (x) => x.peerIp !== undefined && hostAddress(x.peerIp) === outside && x.localIp !== undefined && hostAddress(x.localIp) === peer,
        );
        if (h) {
          pairs.push({ a: devicePath(other.configuration.name, 'ike-gateway', h.name), b: devicePath(inside.configuration.name, 'ike-gateway', g.name), natBetween: true });
        }
      }
    }
  }
  return pairs;
}

/** Pairs every device's gateways with the others' and runs the pair rules on each pair. Pure. */
export function checkPairs(devices: readonly PairCheckDevice[]): PairCheckResult {
  const configurations = devices.map((d) => d.configuration);
  const ends = deviceEnds(configurations);
  const pairing = pairEnds(ends, natPairs(devices));
  const pairs: PairCheckPair[] = [];
  const findings: PairCheckFinding[] = [];
  const unverified: UnverifiedProperty[] = [];
  for (const pair of pairing.pairs) {
    const r = runPairRules({ pairs: [pair], unmatchedExternal: [] });
    const placed = [...r.errors, ...r.warnings, ...r.infos].map((f) => placeFinding(f, pair));
    for (const f of placed) {
      const property = UNVERIFIABLE[f.ruleId];
      if (property !== undefined) {
        unverified.push({ device: f.device, gateway: f.gateway, peerDevice: f.peerDevice, peerGateway: f.peerGateway, property, reason: f.message });
      }
    }
    findings.push(...placed);
    const end = (e: PeerEnd): PairCheckEnd => ({
      device: e.owner,
      gateway: nameOf(e),
      ...(address(e.localAddress) !== undefined ? { localAddress: address(e.localAddress) } : {}),
      ...(address(e.peerAddress) !== undefined ? { peerAddress: address(e.peerAddress) } : {}),
    });
    pairs.push({
      a: end(pair.a),
      b: end(pair.b),
      basis: pair.basis === 'explicit' ? 'nat' : pair.basis,
      tunnels: pair.tunnels.map((t) => ({ a: tunnelName(t, 'a') ?? t.a.path, b: tunnelName(t, 'b') ?? t.b.path })),
      compatible: r.errors.length === 0,
    });
  }
  const paired = new Set(pairing.pairs.flatMap((p) => [p.a, p.b]));
  const unpaired = ends
    .filter((e) => !paired.has(e))
    .map((e): UnpairedGateway => {
      const peer = address(e.peerAddress);
      return {
        device: e.owner,
        gateway: nameOf(e),
        ...(peer !== undefined ? { peerAddress: peer } : {}),
        reason:
          peer !== undefined
            ? `no gateway of another device in the inventory has local address ${peer}; add the device that holds it to the inventory to check this pair`
            : 'its peer is not a static address (FQDN or dynamic) and no gateway of another device points at it',
      };
    });
  return { pairs, findings, unpaired, unverified };
}
