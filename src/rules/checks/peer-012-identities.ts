import { isKnown, type IkeIdFacts } from '../facts';
import type { Finding } from '../types';
import { hostAddress } from '../peer/addresses';
import { fieldAt, pairFinding } from '../peer/report';
import type { PairRule, Pairing, PeerEnd } from '../peer/types';

/** `*.example.net` against `vpn.example.net`: `*` stands for any run of characters. */
function wildcard(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return re.test(value);
}

function sameId(expected: IkeIdFacts, sent: IkeIdFacts): boolean {
  // An identity without a type or a value (an incomplete device entry) gives nothing sure to compare.
  if (expected.type === undefined || expected.id === undefined || sent.type === undefined || sent.id === undefined) return true;
  if (expected.type !== sent.type) return false;
  if (expected.type === 'ipaddr') return hostAddress(expected.id) === hostAddress(sent.id);
  if (expected.matching === 'wildcard') return wildcard(expected.id, sent.id);
  // How PAN-OS compares case is not documented: ids compare without case, so only a sure mismatch is reported.
  return expected.id.toLowerCase() === sent.id.toLowerCase();
}

const show = (id: IkeIdFacts): string => `${id.type}:${id.id}`;

function mismatch(expecting: PeerEnd, sending: PeerEnd): Finding | undefined {
  const expected = expecting.peerId;
  const sent = sending.localId;
  if (!isKnown(expected) || !isKnown(sent) || sameId(expected, sent)) return undefined;
  return pairFinding(peer012Identities, {
    ...fieldAt(expecting.at, 'peerId'),
    value: show(expected),
    allowed: [show(sent)],
    peerPath: sending.path,
    problem: `${expecting.label} expects the peer identity ${show(expected)}${expected.matching === 'wildcard' ? ' (wildcard)' : ''} but its peer ${sending.label} identifies as ${show(sent)}`,
    fix: `set peerId of ${expecting.path} to ${show(sent)}, or localId of ${sending.path} to ${show(expected)}`,
  });
}

/** N10: the identity one end expects is not the identity the other sends. */
export const peer012Identities: PairRule = {
  id: 'PANOS-PEER-012',
  level: 'error',
  title: 'The peer identity one end expects is not the identity the other end sends',
  source: 'N10',
  explanation:
    'Each end sends an identity in the authentication exchange: its localId, or its address when none is set. An end ' +
    'with a peerId accepts only that identity (exactly, or by wildcard), and with a pre-shared key the identities ' +
    'also select the key, so a mismatch fails authentication. Checked only where a peerId is set.',
  fix: "make each gateway's peerId the identity the other end sends (its localId, or its address as ipaddr)",
  evaluate(pairing: Pairing): Finding[] {
    const findings: Finding[] = [];
    for (const { a, b } of pairing.pairs) {
      for (const f of [mismatch(a, b), mismatch(b, a)]) if (f) findings.push(f);
    }
    return findings;
  },
};
