import { isKnown } from '../facts';
import type { Finding } from '../types';
import { fieldAt, pairFinding } from '../peer/report';
import type { PairRule, Pairing, PeerEnd } from '../peer/types';

function mismatch(from: PeerEnd, to: PeerEnd): Finding | undefined {
  if (!isKnown(from.peerAddress) || !isKnown(to.localAddress) || from.peerAddress === to.localAddress) return undefined;
  const prop = from.kind === 'panos' ? 'peerIp' : 'peerAddress';
  const local = to.kind === 'panos' ? 'localIp' : 'address';
  return pairFinding(peer009AddressesMirror, {
    ...fieldAt(from.at, prop),
    value: from.peerAddress,
    allowed: [to.localAddress],
    peerPath: to.path,
    problem: `${from.label} connects to ${from.peerAddress} but its peer ${to.label} has ${local} ${to.localAddress}`,
    fix: `set ${prop} of ${from.path} to ${to.localAddress} (or ${local} of ${to.path} to ${from.peerAddress}); if a NAT device sits between them, declare it with pairWith(…, { natBetween: true })`,
  });
}

/** N8: the peer address of one end is not the local address of the other. */
export const peer009AddressesMirror: PairRule = {
  id: 'PANOS-PEER-009',
  level: 'error',
  title: "The peer address of one end is not the other end's local address",
  source: 'N8',
  explanation:
    "Each end sends IKE to its peer address and accepts IKE only from it, so one end's peer address must be the " +
    "other's local address and the other way round. Found for pairs declared with pairWith, and for an end that points " +
    "at another end's address while that end points elsewhere. A NAT device in between changes the addresses; declare " +
    'it so that the check is replaced by the NAT-T checks.',
  fix: "make each gateway's peerIp the other gateway's localIp",
  evaluate(pairing: Pairing): Finding[] {
    const findings: Finding[] = [];
    for (const { a, b, basis, natBetween } of pairing.pairs) {
      if (basis === 'mirrored' || natBetween) continue;
      for (const f of [mismatch(a, b), mismatch(b, a)]) if (f) findings.push(f);
    }
    return findings;
  },
};
