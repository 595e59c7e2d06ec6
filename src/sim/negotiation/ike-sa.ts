/**
 * Phase 1: the IKE SA between two gateways (docs/lab-negotiation.md §3). Order of the checks follows the exchanges:
 * IKE version and IKEv1 exchange mode (the responder ignores what it is not configured for, so the initiator times
 * out), IKE_SA_INIT proposal selection per transform type (encryption, hash, DH group), NAT detection and NAT
 * traversal, then IKE_AUTH: identities and the pre-shared key. Pure: configuration in, outcome out.
 */
import { dhCode, encLong, hashCode } from './algorithms';
import { REASON, Role } from './messages';
import type { GatewayView, IkeProfileView } from './vpn-config';

/** One end of the exchange. */
export interface Endpoint {
  readonly device: string;
  readonly gateway: GatewayView;
  /** Address the gateway's packets leave from (its interface address). */
  readonly address: string;
  /** Address the other end sees (differs behind NAT). */
  readonly publicAddress: string;
  readonly behindNat: boolean;
}

/** Policy choices where PAN-OS behaviour is not documented (docs/lab-negotiation.md §7). */
export interface NegotiationPolicy {
  /** Whose order picks among common algorithms. @default 'responder' (inferred; strongSwan's default) */
  readonly proposalOrder: 'responder' | 'initiator';
  /** Transport on one end only: 'strict' fails the child SA, 'rfc-lenient' installs a tunnel-mode SA. @default 'strict' */
  readonly modeMismatch: 'strict' | 'rfc-lenient';
}

/** The defaults. */
export const DEFAULT_POLICY: NegotiationPolicy = { proposalOrder: 'responder', modeMismatch: 'strict' };

/** An established IKE SA. */
export interface IkeSaOutcome {
  readonly ok: true;
  readonly version: 'ikev1' | 'ikev2';
  /** `show vpn ike-sa` mode: Main, Aggressive or IKEv2. */
  readonly exchange: 'Main' | 'Aggressive' | 'IKEv2';
  readonly enc: string;
  readonly hash: string;
  readonly dh: string;
  /** Lower of both ends' lifetimes: IKEv2 does not negotiate them; the shorter end rekeys (RFC 7296 §2.8). */
  readonly lifetimeSec: number;
  readonly natt: boolean;
}

/** A failed IKE SA: what each end writes to its system log (undefined = nothing). */
export interface IkeSaFailure {
  readonly ok: false;
  readonly version: 'ikev1' | 'ikev2';
  readonly exchange: 'main' | 'aggressive';
  /** The initiator never hears back. */
  readonly timeout: boolean;
  readonly reasons: Readonly<Record<Role, string | undefined>>;
  /** True once IKE_SA_INIT completed (the responder's SPI is known). */
  readonly initDone: boolean;
  readonly natt: boolean;
}

/** Outcome of phase 1. */
export type IkeOutcome = IkeSaOutcome | IkeSaFailure;

/** Picks one value both lists hold, in the order the policy names; undefined when they share none. */
export function choose(init: readonly string[], resp: readonly string[], policy: NegotiationPolicy): string | undefined {
  const [first, second] = policy.proposalOrder === 'responder' ? [resp, init] : [init, resp];
  return first.find((v) => second.includes(v));
}

function versionOf(init: GatewayView, resp: GatewayView): 'ikev1' | 'ikev2' | undefined {
  const wants = init.version === 'ikev1' ? 'ikev1' : 'ikev2';
  const accepts = (v: string): boolean => resp.version === 'ikev2-preferred' || resp.version === v;
  if (accepts(wants)) return wants;
  // ikev2-preferred falls back to IKEv1 when the peer does not answer IKEv2 (trigger and timing inferred).
  if (init.version === 'ikev2-preferred' && accepts('ikev1')) return 'ikev1';
  return undefined;
}

function label(v: 'ikev1' | 'ikev2'): string {
  return v === 'ikev1' ? 'IKEv1' : 'IKEv2';
}

function list(values: readonly string[], code: (v: string) => string): string {
  return values.length === 0 ? '(none)' : values.map(code).join(',');
}

function identityText(id: { type: string; id: string }): string {
  return `${id.type}:${id.id}`;
}

function wildcard(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return re.test(value);
}

/** The ID an end sends: its configured local ID, else its address (seen: `ipaddr:2.2.2.2`). */
function sentId(e: Endpoint): { type: string; id: string } {
  return e.gateway.localId ?? { type: 'ipaddr', id: e.address };
}

/** Undefined when `receiver` accepts the ID `sender` sends, else the mismatch reason. */
function idMismatch(receiver: Endpoint, sender: Endpoint): string | undefined {
  const want = receiver.gateway.peerId;
  if (!want) return undefined;
  const got = sentId(sender);
  const ok = want.type === got.type && (want.matching === 'wildcard' ? wildcard(want.id, got.id) : want.id.toLowerCase() === got.id.toLowerCase());
  return ok ? undefined : REASON.peerId(identityText(got), identityText(want));
}

function authMismatch(receiver: Endpoint, sender: Endpoint): string | undefined {
  const a = receiver.gateway.auth;
  const b = sender.gateway.auth;
  const method = (x: GatewayView['auth']): string => (x.kind === 'psk' ? 'pre-shared key' : x.kind === 'certificate' ? 'certificate' : 'no authentication');
  if (a.kind !== b.kind) return REASON.authMethod(method(b), method(a));
  if (a.kind === 'certificate') return REASON.certificate();
  if (a.kind === 'none') return REASON.authMethod(method(b), method(a));
  return a.kind === 'psk' && b.kind === 'psk' && a.digest === b.digest ? undefined : REASON.psk();
}

/** Negotiates the IKE SA `init` starts towards `resp`. */
export function negotiateIke(init: Endpoint, resp: Endpoint, policy: NegotiationPolicy = DEFAULT_POLICY): IkeOutcome {
  const exchange = init.gateway.exchangeMode === 'aggressive' ? 'aggressive' : 'main';
  const version = versionOf(init.gateway, resp.gateway);
  const fail = (v: 'ikev1' | 'ikev2', reasons: Record<Role, string | undefined>, more: { timeout?: boolean; initDone?: boolean; natt?: boolean } = {}): IkeSaFailure => ({
    ok: false,
    version: v,
    exchange,
    timeout: more.timeout ?? false,
    reasons,
    initDone: more.initDone ?? false,
    natt: more.natt ?? false,
  });
  if (!version) {
    const sent = init.gateway.version === 'ikev1' ? 'ikev1' : 'ikev2';
    return fail(sent, { initiator: undefined, responder: REASON.versionIgnored(label(sent), resp.gateway.name, resp.gateway.version) }, { timeout: true });
  }
  if (version === 'ikev1' && resp.gateway.exchangeMode !== 'auto' && resp.gateway.exchangeMode !== exchange) {
    return fail(version, { initiator: undefined, responder: REASON.exchangeIgnored(exchange, resp.gateway.name, resp.gateway.exchangeMode) }, { timeout: true });
  }

  const pi: IkeProfileView | undefined = init.gateway.profiles[version];
  const pr: IkeProfileView | undefined = resp.gateway.profiles[version];
  const transforms: [string, readonly string[], readonly string[], (v: string) => string][] = [
    ['encryption', pi?.encryption ?? [], pr?.encryption ?? [], encLong],
    ['hash', pi?.hash ?? [], pr?.hash ?? [], hashCode],
    ['DH group', pi?.dhGroups ?? [], pr?.dhGroups ?? [], dhCode],
  ];
  const picked: string[] = [];
  for (const [what, offered, accepted, code] of transforms) {
    const c = choose(offered, accepted, policy);
    if (c === undefined) {
      return fail(version, { initiator: REASON.receivedNotify('NO_PROPOSAL_CHOSEN'), responder: REASON.noProposal(what, list(offered, code), list(accepted, code)) });
    }
    picked.push(c);
  }

  // NAT_DETECTION_* notifies in IKE_SA_INIT reveal a NAT; both ends must then float to UDP 4500 (RFC 7296 §2.23).
  const nat = init.behindNat || resp.behindNat;
  if (nat && !(init.gateway.natTraversal && resp.gateway.natTraversal)) {
    const off = (e: Endpoint, other: Endpoint): string => (e.gateway.natTraversal ? `the peer's gateway ${other.gateway.name}` : `gateway ${e.gateway.name}`);
    return fail(version, { initiator: REASON.natT(off(init, resp)), responder: REASON.natT(off(resp, init)) }, { initDone: true });
  }
  const natt = nat;

  // IKE_AUTH: the responder checks the initiator's ID and AUTH first, then the initiator checks the responder's.
  const respSide = idMismatch(resp, init) ?? authMismatch(resp, init);
  if (respSide) return fail(version, { initiator: REASON.receivedNotify('AUTHENTICATION_FAILED'), responder: respSide }, { initDone: true, natt });
  const initSide = idMismatch(init, resp) ?? authMismatch(init, resp);
  if (initSide) return fail(version, { initiator: initSide, responder: REASON.receivedNotify('AUTHENTICATION_FAILED') }, { initDone: true, natt });

  return {
    ok: true,
    version,
    exchange: version === 'ikev2' ? 'IKEv2' : exchange === 'aggressive' ? 'Aggressive' : 'Main',
    enc: picked[0],
    hash: picked[1],
    dh: picked[2],
    lifetimeSec: Math.min(pi?.lifetimeSec ?? Infinity, pr?.lifetimeSec ?? Infinity),
    natt,
  };
}
