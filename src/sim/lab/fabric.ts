/**
 * The lab's underlay and negotiation driver (docs/lab-negotiation.md §1, §3). Devices join one fabric; after each
 * commit on any of them, every enabled, non-passive IKE gateway with tunnels initiates towards its peer address from
 * the RUNNING configurations of both ends. A peer address no lab device holds never answers (timeout). A pair whose
 * configuration did not change keeps its SAs (created time and SPIs), as a device keeps tunnels a commit did not touch.
 * A lone simulator is a fabric of one: its gateways time out.
 */
import { negotiateChildren } from '../negotiation/child-sa';
import { DEFAULT_POLICY, Endpoint, IkeOutcome, NegotiationPolicy, negotiateIke } from '../negotiation/ike-sa';
import { REASON, Role, SaWords, TIMEOUT, childFailed, childSucceeded, ikeFailed, ikeSucceeded, noGatewayFor } from '../negotiation/messages';
import { dhCode, encLong, hashCode } from '../negotiation/algorithms';
import { GatewayView, TunnelView, VpnConfig, hostOf, readVpnConfig } from '../negotiation/vpn-config';
import { SimNode } from '../xml-tree';
import { VpnState, childSpi, ikeSpi } from './vpn-state';

/** What the fabric needs to know about a device. */
export interface NodeInfo {
  readonly name: string;
  /** The device's running configuration (`<config>` root) at this moment. */
  readonly running: () => SimNode;
  /** 1:1 NAT in front of the device's ethernet1/1. */
  readonly nat?: { readonly inside: string; readonly outside: string };
}

/** One device in the fabric. */
export class VpnNode {
  readonly state = new VpnState();

  constructor(
    private readonly fabric: LabFabric,
    readonly info: NodeInfo,
  ) {}

  /** The VPN part of the running configuration. */
  config(): VpnConfig {
    return readVpnConfig(this.info.running());
  }

  /** Called once a commit made a new configuration running. */
  committed(): void {
    this.fabric.renegotiate(this);
  }

  /** `test vpn ike-sa`: initiates the named gateways again even when nothing changed. */
  initiate(gateways: readonly string[]): void {
    this.fabric.renegotiate(this, new Set(gateways));
  }

  /** The address other devices see for `local`. */
  publicOf(local: string): string {
    return this.info.nat && this.info.nat.inside === local ? this.info.nat.outside : local;
  }
}

interface Snapshot {
  readonly node: VpnNode;
  readonly cfg: VpnConfig;
}

interface Side {
  readonly node: VpnNode;
  readonly gateway: GatewayView;
  readonly tunnels: readonly TunnelView[];
  readonly address: string;
  readonly publicAddress: string;
}

/** The address a gateway's packets leave from, or why there is none. */
function localAddress(cfg: VpnConfig, gw: GatewayView): { address?: string; missing?: string } {
  const held = (cfg.interfaces.get(gw.localInterface) ?? []).map(hostOf);
  if (gw.localIp !== undefined) return held.includes(gw.localIp) ? { address: gw.localIp } : { missing: gw.localIp };
  return held.length > 0 ? { address: held[0] } : { missing: '(none)' };
}

function tunnelsOf(cfg: VpnConfig, gateway: string): TunnelView[] {
  return cfg.tunnels.filter((t) => !t.disabled && t.gateway === gateway);
}

const key = (node: VpnNode, gateway: string): string => `${node.info.name}\u0000${gateway}`;

function fingerprint(s: Side): string {
  return JSON.stringify([s.node.info.name, s.gateway, s.tunnels, s.address, s.publicAddress]);
}

/** The devices of one lab. */
export class LabFabric {
  private readonly nodes: VpnNode[] = [];
  /** Endpoint → fingerprint of the pair (or of the lone attempt) whose outcome its SAs and log show. */
  private records = new Map<string, string>();

  constructor(readonly policy: NegotiationPolicy = DEFAULT_POLICY) {}

  /** Adds a device. */
  join(info: NodeInfo): VpnNode {
    if (this.nodes.some((n) => n.info.name === info.name)) throw new Error(`a lab device named ${info.name} exists already`);
    const node = new VpnNode(this, info);
    this.nodes.push(node);
    return node;
  }

  /** Which device (and which of its addresses) a packet to `address` reaches. */
  private reach(snaps: readonly Snapshot[], address: string): { snap: Snapshot; local: string } | undefined {
    for (const s of snaps) {
      const nat = s.node.info.nat;
      if (nat) {
        if (nat.outside === address) return { snap: s, local: nat.inside };
        continue; // a device behind NAT is reachable through its outside address only
      }
      for (const addrs of s.cfg.interfaces.values()) if (addrs.some((a) => hostOf(a) === address)) return { snap: s, local: address };
    }
    return undefined;
  }

  /** Renegotiates every gateway whose pair changed; `force` names gateways of `trigger` to initiate regardless. */
  renegotiate(trigger: VpnNode, force: ReadonlySet<string> = new Set()): void {
    const snaps: Snapshot[] = [trigger, ...this.nodes.filter((n) => n !== trigger)].map((node) => ({ node, cfg: node.config() }));
    const next = new Map<string, string>();
    for (const s of snaps) {
      for (const gw of s.cfg.gateways) {
        const k = key(s.node, gw.name);
        if (next.has(k)) continue;
        const forced = s.node === trigger && force.has(gw.name);
        const tunnels = tunnelsOf(s.cfg, gw.name);
        // Passive gateways, dynamic peers and gateways without tunnels wait to be reached (inferred for the last).
        if (gw.disabled || gw.passive || gw.peer.kind === 'dynamic' || gw.peer.kind === 'none' || tunnels.length === 0) continue;
        const local = localAddress(s.cfg, gw);
        const address = local.address ?? local.missing ?? '';
        const side: Side = { node: s.node, gateway: gw, tunnels, address, publicAddress: s.node.publicOf(address) };
        const fp = (other: string): string => JSON.stringify([fingerprint(side), other].sort());
        if (local.address === undefined) {
          this.lone(side, fp('local-address'), next, forced, REASON.localAddress(address, gw.localInterface));
          continue;
        }
        if (gw.peer.kind === 'fqdn') {
          this.lone(side, fp(`fqdn ${gw.peer.fqdn}`), next, forced, REASON.fqdn(gw.peer.fqdn));
          continue;
        }
        const target = this.reach(snaps, gw.peer.ip);
        if (!target || target.snap.node === s.node) {
          this.lone(side, fp('unreachable'), next, forced, TIMEOUT);
          continue;
        }
        const resp = this.responder(target.snap, target.local, side.publicAddress, next);
        if (!resp) {
          const f = fp(`${target.snap.node.info.name} has no gateway`);
          if (this.lone(side, f, next, forced, TIMEOUT)) {
            target.snap.node.state.record({ eventid: 'ike-nego-p1-fail', severity: 'high', object: '', message: noGatewayFor(side.publicAddress, 500) });
          }
          continue;
        }
        const f = fp(fingerprint(resp));
        const kr = key(resp.node, resp.gateway.name);
        next.set(k, f);
        next.set(kr, f);
        if (!forced && this.records.get(k) === f && this.records.get(kr) === f) continue;
        side.node.state.clearGateway(gw.name);
        resp.node.state.clearGateway(resp.gateway.name);
        this.negotiate(side, resp);
      }
    }
    // Whatever no longer initiates or was not reached holds no SA.
    for (const s of snaps) {
      const names = new Set(s.cfg.gateways.map((g) => g.name));
      for (const gw of [...s.node.state.ikeSas.keys(), ...[...s.node.state.childSas.values()].map((c) => c.gateway)]) {
        if (!names.has(gw) || !next.has(key(s.node, gw))) s.node.state.clearGateway(gw);
      }
    }
    this.records = next;
  }

  /** An attempt with no responder: logs (once per change) on the initiator; true when it ran. */
  private lone(side: Side, fp: string, next: Map<string, string>, forced: boolean, reason: string): boolean {
    const k = key(side.node, side.gateway.name);
    next.set(k, fp);
    if (!forced && this.records.get(k) === fp) return false;
    side.node.state.clearGateway(side.gateway.name);
    const version = side.gateway.version === 'ikev1' ? 'ikev1' : 'ikev2';
    const words: SaWords = { version, role: 'initiator', local: side.address, peer: side.gateway.peer.kind === 'ip' ? side.gateway.peer.ip : '0.0.0.0', port: 500, spiI: ikeSpi(), spiR: '', exchange: side.gateway.exchangeMode === 'aggressive' ? 'aggressive' : 'main' };
    side.node.state.record({ eventid: 'ike-nego-p1-fail', severity: 'high', object: side.gateway.name, message: ikeFailed(words, reason, false) });
    return true;
  }

  /** The gateway on `snap` that answers a packet to `local` from `from`: exact peer address first, then dynamic. */
  private responder(snap: Snapshot, local: string, from: string, taken: ReadonlyMap<string, string>): Side | undefined {
    const candidates = snap.cfg.gateways.filter((g) => !g.disabled && !taken.has(key(snap.node, g.name)) && localAddress(snap.cfg, g).address === local);
    const gw = candidates.find((g) => g.peer.kind === 'ip' && g.peer.ip === from) ?? candidates.find((g) => g.peer.kind === 'dynamic');
    if (!gw) return undefined;
    return { node: snap.node, gateway: gw, tunnels: tunnelsOf(snap.cfg, gw.name), address: local, publicAddress: snap.node.publicOf(local) };
  }

  private negotiate(init: Side, resp: Side): void {
    const endpoint = (s: Side): Endpoint => ({ device: s.node.info.name, gateway: s.gateway, address: s.address, publicAddress: s.publicAddress, behindNat: s.publicAddress !== s.address });
    const ike = negotiateIke(endpoint(init), endpoint(resp), this.policy);
    const spiI = ikeSpi();
    const spiR = ike.ok || ike.initDone ? ikeSpi() : '0000000000000000';
    const sides: Record<Role, Side> = { initiator: init, responder: resp };
    const words = (role: Role): SaWords => {
      const me = sides[role];
      const peer = sides[role === 'initiator' ? 'responder' : 'initiator'];
      return { version: ike.version, role, local: me.address, peer: peer.publicAddress, port: ike.natt ? 4500 : 500, spiI, spiR, exchange: ike.ok ? (ike.exchange === 'Aggressive' ? 'aggressive' : 'main') : ike.exchange };
    };
    if (!ike.ok) {
      this.logIkeFailure(ike, sides, words);
      return;
    }
    const now = new Date();
    const algo = `PSK/${dhCode(ike.dh)}/${encLong(ike.enc)}/${hashCode(ike.hash)}`;
    for (const role of ['initiator', 'responder'] as const) {
      const me = sides[role];
      const w = words(role);
      me.node.state.ikeSas.set(me.gateway.name, {
        gateway: me.gateway.name,
        role: role === 'initiator' ? 'Init' : 'Resp',
        exchange: ike.exchange,
        algo,
        created: now,
        lifetimeSec: ike.lifetimeSec,
        local: me.address,
        peer: w.peer,
        natt: ike.natt,
        spiI,
        spiR,
      });
      me.node.state.gatewayIds.of(me.gateway.name);
      me.node.state.record({ eventid: 'ike-nego-p1-succ', severity: 'informational', object: me.gateway.name, message: ikeSucceeded(w, ike.lifetimeSec) });
    }
    const end = (s: Side, other: Side) => ({ gateway: s.gateway.name, tunnels: s.tunnels, address: s.address, peerAddress: other.publicAddress });
    for (const child of negotiateChildren(ike, end(init, resp), end(resp, init), this.policy)) {
      const spis: Record<Role, number> = { initiator: childSpi(), responder: childSpi() };
      for (const role of ['initiator', 'responder'] as const) {
        const me = sides[role];
        const name = child.names[role];
        const tunnel = child.tunnels[role];
        const w = words(role);
        if (child.sa && name !== undefined && tunnel !== undefined) {
          const spiIn = spis[role];
          const spiOut = spis[role === 'initiator' ? 'responder' : 'initiator'];
          me.node.state.childSas.set(name, {
            name,
            tunnel,
            gateway: me.gateway.name,
            remote: w.peer,
            protocol: child.sa.protocol,
            enc: child.sa.enc,
            auth: child.sa.auth,
            dh: child.sa.dh,
            spiIn,
            spiOut,
            lifetimeSec: child.sa.lifetimeSec,
            installed: now,
            mode: child.sa.mode,
          });
          me.node.state.tunnelIds.of(name);
          me.node.state.record({ eventid: 'ike-nego-p2-succ', severity: 'informational', object: tunnel, message: childSucceeded(w, name, spiIn, spiOut, child.sa.lifetimeSec) });
        } else if (child.reasons?.[role]) {
          const label = name ?? `(none on gateway ${me.gateway.name})`;
          me.node.state.record({ eventid: 'ike-nego-p2-fail', severity: 'high', object: tunnel ?? me.gateway.name, message: childFailed(w, label, child.reasons[role] as string) });
        }
      }
    }
  }

  private logIkeFailure(ike: Extract<IkeOutcome, { ok: false }>, sides: Record<Role, Side>, words: (role: Role) => SaWords): void {
    for (const role of ['initiator', 'responder'] as const) {
      const reason = role === 'initiator' && ike.timeout ? TIMEOUT : ike.reasons[role];
      if (!reason) continue;
      const me = sides[role];
      me.node.state.record({ eventid: 'ike-nego-p1-fail', severity: 'high', object: me.gateway.name, message: ikeFailed(words(role), reason, ike.initDone) });
    }
  }
}
