/**
 * Phase 2: child SAs over an established IKE SA (docs/lab-negotiation.md §4). Each proxy ID (or the tunnel, without
 * proxy IDs) is its own child SA. The responder picks the tunnel whose selectors accept the request (IKEv2 narrowing,
 * IKEv1 exact mirror), then the IPSec protocol, encryption and authentication, the PFS group (the vendor: any PFS
 * difference fails the IPSec SA) and the mode. Lifetimes are not negotiated: the lower one wins. A failed child SA
 * leaves the IKE SA up (RFC 7296 §1.2).
 */
import { dhCode, encLong, hashCode } from './algorithms';
import { DEFAULT_POLICY, IkeSaOutcome, NegotiationPolicy, choose } from './ike-sa';
import { REASON, Role } from './messages';
import { Range, Selectors, describe, mirrors, narrow, rangeText, transportSelectors, tunnelSelectors } from './traffic-selectors';
import type { TunnelView } from './vpn-config';

/** One end's tunnels on the gateway pair, with the addresses transport mode selects. */
export interface ChildEnd {
  readonly gateway: string;
  readonly tunnels: readonly TunnelView[];
  readonly address: string;
  readonly peerAddress: string;
}

/** An installed child SA. */
export interface ChildSa {
  readonly protocol: 'ESP' | 'AH';
  readonly enc: string;
  readonly auth: string;
  readonly dh: string;
  readonly lifetimeSec: number;
  readonly mode: 'tunnel' | 'transport';
  /** Selectors from the IKE initiator's point of view. */
  readonly local: Range;
  readonly remote: Range;
}

/** The outcome of one child SA request. */
export interface ChildOutcome {
  /** Which end (by IKE role) asked for this child SA. */
  readonly requestedBy: Role;
  /** The child SA's name on each end (undefined: that end has no matching configuration). */
  readonly names: Readonly<Partial<Record<Role, string>>>;
  /** The tunnel each end's child belongs to (for the log's object field). */
  readonly tunnels: Readonly<Partial<Record<Role, string>>>;
  readonly sa?: ChildSa;
  readonly reasons?: Readonly<Record<Role, string | undefined>>;
}

interface Offer {
  readonly tunnel: TunnelView;
  readonly sel: Selectors;
}

function offers(end: ChildEnd): Offer[] {
  return end.tunnels.flatMap((t) =>
    (t.mode === 'transport' ? [transportSelectors(t.name, end.address, end.peerAddress)] : tunnelSelectors(t.name, t.proxyIds)).map((sel) => ({ tunnel: t, sel })),
  );
}

const other = (r: Role): Role => (r === 'initiator' ? 'responder' : 'initiator');

function list(values: readonly string[], code: (v: string) => string): string {
  return values.length === 0 ? '(none)' : values.map(code).join(',');
}

/** One request from `req` (IKE role `reqRole`) to `resp`. */
function request(ike: IkeSaOutcome, reqRole: Role, want: Offer, resp: ChildEnd, candidates: readonly Offer[], policy: NegotiationPolicy): ChildOutcome {
  const respRole = other(reqRole);
  const outcome = (names: Partial<Record<Role, string>>, tunnels: Partial<Record<Role, string>>, reqReason?: string, respReason?: string, sa?: ChildSa): ChildOutcome => ({
    requestedBy: reqRole,
    names,
    tunnels,
    ...(sa ? { sa } : { reasons: { [reqRole]: reqReason, [respRole]: respReason } as Record<Role, string | undefined> }),
  });
  const mine = { [reqRole]: want.sel.name } as Partial<Record<Role, string>>;
  const mineTunnel = { [reqRole]: want.tunnel.name } as Partial<Record<Role, string>>;

  if (candidates.length === 0) return outcome(mine, mineTunnel, REASON.receivedNotify('TS_UNACCEPTABLE'), REASON.noTunnel(resp.gateway));
  const fits = ike.version === 'ikev2' ? (o: Offer) => narrow(want.sel, o.sel) !== undefined : (o: Offer) => mirrors(want.sel, o.sel);
  const match = candidates.find(fits);
  if (!match) {
    const respReason =
      ike.version === 'ikev2'
        ? REASON.tsUnacceptable(describe(want.sel), candidates.map((c) => c.sel.text).join('; '))
        : REASON.proxyIdV1(rangeText(want.sel.remote), rangeText(want.sel.local));
    return outcome(mine, mineTunnel, REASON.receivedNotify(ike.version === 'ikev2' ? 'TS_UNACCEPTABLE' : 'INVALID_ID_INFORMATION'), respReason);
  }
  const names = { ...mine, [respRole]: match.sel.name };
  const tunnels = { ...mineTunnel, [respRole]: match.tunnel.name };
  const a = want.tunnel.profile;
  const b = match.tunnel.profile;
  const proto = (t: TunnelView): string => (t.profile ? t.profile.protocol.toUpperCase() : `(profile ${t.profileName} not found)`);
  if (!a || !b || a.protocol !== b.protocol) {
    return outcome(names, tunnels, REASON.receivedNotify('NO_PROPOSAL_CHOSEN'), REASON.noProposal('IPSec protocol', proto(want.tunnel), proto(match.tunnel)));
  }
  const enc = a.protocol === 'esp' ? choose(a.encryption, b.encryption, policy) : 'none';
  if (enc === undefined) {
    return outcome(names, tunnels, REASON.receivedNotify('NO_PROPOSAL_CHOSEN'), REASON.noProposal('ESP encryption', list(a.encryption, encLong), list(b.encryption, encLong)));
  }
  const auth = choose(a.authentication, b.authentication, policy);
  if (auth === undefined) {
    return outcome(names, tunnels, REASON.receivedNotify('NO_PROPOSAL_CHOSEN'), REASON.noProposal(`${a.protocol.toUpperCase()} authentication`, list(a.authentication, hashCode), list(b.authentication, hashCode)));
  }
  if (a.dhGroup !== b.dhGroup) {
    const reasonOf = (ours: string, theirs: string): string => (theirs === 'no-pfs' ? REASON.lacksKe(dhCode(ours)) : ours === 'no-pfs' ? REASON.receivedNotify('NO_PROPOSAL_CHOSEN') : REASON.pfs(dhCode(theirs), dhCode(ours)));
    return outcome(names, tunnels, reasonOf(a.dhGroup, b.dhGroup), reasonOf(b.dhGroup, a.dhGroup));
  }
  let mode = want.tunnel.mode;
  if (want.tunnel.mode === 'transport' || match.tunnel.mode === 'transport') {
    if (ike.natt) return outcome(names, tunnels, REASON.transportOverNatT(), REASON.transportOverNatT());
    if (ike.version === 'ikev1') return outcome(names, tunnels, REASON.transportNeedsIkev2(), REASON.transportNeedsIkev2());
  }
  if (want.tunnel.mode !== match.tunnel.mode) {
    if (policy.modeMismatch === 'strict') {
      return want.tunnel.mode === 'transport'
        ? outcome(names, tunnels, REASON.transportRefused(want.tunnel.name), REASON.transportNotConfigured(match.tunnel.name))
        : outcome(names, tunnels, REASON.receivedNotify('NO_PROPOSAL_CHOSEN'), REASON.tunnelNotConfigured(match.tunnel.name));
    }
    // RFC 7296 §1.3.1: without USE_TRANSPORT_MODE in both messages the child SA is tunnel mode.
    mode = 'tunnel';
  }
  const ts = ike.version === 'ikev2' ? narrow(want.sel, match.sel) : { local: want.sel.local, remote: want.sel.remote };
  const sa: ChildSa = {
    protocol: a.protocol === 'esp' ? 'ESP' : 'AH',
    enc,
    auth,
    dh: a.dhGroup,
    lifetimeSec: Math.min(a.lifetimeSec, b.lifetimeSec),
    mode,
    // Recorded from the IKE initiator's point of view.
    local: reqRole === 'initiator' ? (ts?.local ?? want.sel.local) : (ts?.remote ?? want.sel.remote),
    remote: reqRole === 'initiator' ? (ts?.remote ?? want.sel.remote) : (ts?.local ?? want.sel.local),
  };
  return outcome(names, tunnels, undefined, undefined, sa);
}

/**
 * Every child SA of the pair: first each request of the IKE initiator's tunnels, then the responder's tunnels that no
 * request reached (it initiates those itself over the same IKE SA).
 */
export function negotiateChildren(ike: IkeSaOutcome, init: ChildEnd, resp: ChildEnd, policy: NegotiationPolicy = DEFAULT_POLICY): ChildOutcome[] {
  const initOffers = offers(init);
  const respOffers = offers(resp);
  const out: ChildOutcome[] = initOffers.map((o) => request(ike, 'initiator', o, resp, respOffers, policy));
  const reached = new Set(out.map((c) => c.names.responder).filter((n): n is string => n !== undefined));
  for (const o of respOffers) if (!reached.has(o.sel.name)) out.push(request(ike, 'responder', o, init, initOffers, policy));
  return out;
}
