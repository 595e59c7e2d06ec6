/**
 * The declared topology as the flowchart `status --mermaid` draws (src/cycle/mermaid/flowchart.ts): devices, their
 * gateways, and per tunnel an edge labelled with the tunnel names, the mode and the proposals the two ends would
 * choose. Ends are paired as the pair rules pair them (mirrored addresses); an unpaired tunnel points at a round node
 * for its peer. Nothing is measured, so everything is drawn in the `declared` colour.
 */
import { isKnown } from '../../rules/facts';
import { deviceEnds, type DeviceConfiguration } from '../../rules/peer/device';
import { pairEnds } from '../../rules/peer/pairing';
import { matchProposals } from '../../rules/peer/proposals';
import { negotiatedIkeOffers, negotiatedVersion } from '../../rules/peer/report';
import type { IkeOffer, IpsecOffer, PeerEnd, PeerTunnelEnd } from '../../rules/peer/types';
import { renderFlowchart, type FlowDevice, type FlowLink } from '../mermaid/flowchart';

const list = (v: IkeOffer['encryption']): readonly string[] => (isKnown(v) ? v : []);
const first = (v: IkeOffer['encryption']): string => list(v)[0] ?? '?';

function ikeText(a: PeerEnd, b: PeerEnd | undefined): string {
  if (!b) {
    const offer = a.ike.ikev2 ?? a.ike.ikev1;
    const version = isKnown(a.version) ? a.version : '?';
    return offer ? `${version} ${[first(offer.encryption), first(offer.hash), first(offer.dhGroups)].join('/')}` : version;
  }
  const version = negotiatedVersion(a, b);
  if (version === 'none') return 'no common IKE version';
  const v = isKnown(version) ? version : '?';
  const offers = negotiatedIkeOffers(a, b);
  if (!offers) return v;
  const m = matchProposals([
    { field: 'encryption', title: 'encryption', a: list(offers.a.encryption), b: list(offers.b.encryption) },
    { field: 'hash', title: 'hash', a: list(offers.a.hash), b: list(offers.b.hash) },
    { field: 'dhGroups', title: 'DH group', a: list(offers.a.dhGroups), b: list(offers.b.dhGroups) },
  ]);
  return m.matches ? `${v} ${m.chosenA}` : `${v} no common IKE proposal`;
}

function ipsecTypes(x: IpsecOffer, y: IpsecOffer | undefined): Parameters<typeof matchProposals>[0] {
  const other = y ?? x;
  return [
    { field: 'encryption', title: 'encryption', a: list(x.encryption), b: list(other.encryption) },
    { field: 'authentication', title: 'authentication', a: list(x.authentication), b: list(other.authentication) },
    { field: 'pfsGroups', title: 'PFS', a: list(x.pfsGroups), b: list(other.pfsGroups) },
  ].filter((t) => t.a.length > 0);
}

function ipsecText(a: PeerTunnelEnd, b: PeerTunnelEnd | undefined): string {
  if (!a.ipsec) return 'ipsec profile not in the app';
  const protocol = isKnown(a.ipsec.protocol) ? a.ipsec.protocol : '?';
  if (b && (!b.ipsec || b.ipsec.protocol !== a.ipsec.protocol)) return b.ipsec ? 'no common IPSec protocol' : protocol;
  const m = matchProposals(ipsecTypes(a.ipsec, b?.ipsec));
  return m.matches ? `${protocol} ${m.chosenA}` : `${protocol} no common IPSec proposal`;
}

function modeText(a: PeerTunnelEnd, b: PeerTunnelEnd | undefined): string {
  const mode = (t: PeerTunnelEnd): string => (isKnown(t.mode) ? t.mode : '?');
  return b && mode(b) !== mode(a) ? `${mode(a)} / ${mode(b)}` : mode(a);
}

function tunnelName(t: PeerTunnelEnd): string {
  return isKnown(t.name) ? t.name : t.path;
}

function label(a: PeerEnd, b: PeerEnd | undefined, ta: PeerTunnelEnd, tb: PeerTunnelEnd | undefined): string {
  const names = tb && tunnelName(tb) !== tunnelName(ta) ? `${tunnelName(ta)} / ${tunnelName(tb)}` : tunnelName(ta);
  return `${names} · ${modeText(ta, tb)} · ${ikeText(a, b)} · ${ipsecText(ta, tb)}`;
}

function peerOf(e: PeerEnd): string {
  if (isKnown(e.peerAddress)) return e.peerAddress;
  if (isKnown(e.peerFqdn)) return e.peerFqdn;
  return e.peerDynamic === true ? 'dynamic peer' : 'unknown peer';
}

/** The flowchart of the declared devices. */
export function renderDeclaredMermaid(devices: readonly DeviceConfiguration[]): string {
  const ends = deviceEnds(devices);
  const pairing = pairEnds(ends);
  const flowDevices: FlowDevice[] = devices.map((d) => ({
    name: d.name,
    gateways: ends
      .filter((e) => e.owner === d.name)
      .map((e) => ({ key: e.path, name: isKnown(e.name) ? e.name : e.path, local: isKnown(e.localAddress) ? e.localAddress : '', state: 'declared' as const })),
    empty: 'no IKE gateway',
  }));
  const links: FlowLink[] = [];
  const paired = new Set<PeerEnd>();
  for (const p of pairing.pairs) {
    paired.add(p.a);
    paired.add(p.b);
    if (p.tunnels.length === 0) links.push({ from: p.a.path, to: { gateway: p.b.path }, label: `no tunnel · ${ikeText(p.a, p.b)}`, state: 'declared' });
    for (const t of p.tunnels) links.push({ from: p.a.path, to: { gateway: p.b.path }, label: label(p.a, p.b, t.a, t.b), state: 'declared' });
  }
  for (const e of ends) {
    if (paired.has(e)) continue;
    for (const t of e.tunnels) links.push({ from: e.path, to: { peer: peerOf(e) }, label: label(e, undefined, t, undefined), state: 'declared' });
  }
  return renderFlowchart({ devices: flowDevices, links });
}
