import type { Finding } from '../types';
import { fieldAt, pairFinding, peerLabel } from '../peer/report';
import type { PairRule, Pairing, PeerEnd } from '../peer/types';

/** Why an end never starts IKE, or undefined when it may (or nothing is stated about it). */
function responderOnly(end: PeerEnd): { readonly field: string; readonly why: string } | undefined {
  if (end.passive === true) return { field: 'passiveMode', why: 'is in passive mode (responds only)' };
  if (end.peerDynamic === true) return { field: 'peerDynamic', why: 'has a dynamic peer address (it has nowhere to send IKE to)' };
  return undefined;
}

/** N15: both ends only respond, so neither ever starts IKE. */
export const peer019NobodyInitiates: PairRule = {
  id: 'PANOS-PEER-019',
  level: 'error',
  title: 'Neither end of a tunnel starts IKE (both passive, or passive against a dynamic peer)',
  source: 'N15',
  explanation:
    'An IKE SA exists only after one end sends the first IKE message. A PAN-OS gateway in passive mode only responds ' +
    'to IKE requests and never initiates, and a gateway whose peer address is dynamic has no address to send to, so ' +
    'it only responds too. When both ends only respond, nothing is ever sent: the tunnel stays down and neither ' +
    'device logs a negotiation failure.',
  fix: 'turn passiveMode off on one of the two gateways (the one with a static peer address)',
  evaluate(pairing: Pairing): Finding[] {
    const findings: Finding[] = [];
    for (const { a, b } of pairing.pairs) {
      const x = responderOnly(a);
      const y = responderOnly(b);
      if (!x || !y) continue;
      findings.push(
        pairFinding(peer019NobodyInitiates, {
          ...fieldAt(a.at, x.field),
          value: true,
          allowed: ['false'],
          peerPath: b.path,
          problem: `${a.label} ${x.why} and ${peerLabel(b)} ${y.why}, so neither starts IKE`,
        }),
      );
    }
    return findings;
  },
};
