import { isKnown } from '../facts';
import type { Finding } from '../types';
import { show } from '../finding';
import { PREDEFINED_IKE_DEFAULT } from '../resolve';
import { matchProposals } from '../peer/proposals';
import { fieldAt, negotiatedIkeOffers, offerText, pairFinding } from '../peer/report';
import type { PairRule, Pairing } from '../peer/types';

/** N3: the IKE crypto profiles of the two ends share no proposal. */
export const peer004IkeProposals: PairRule = {
  id: 'PANOS-PEER-004',
  level: 'error',
  title: 'The IKE crypto profiles of the two ends share no proposal (encryption, authentication or DH group)',
  source: 'N3',
  explanation:
    'In phase 1 the responder must choose one encryption, one authentication (hash) and one DH group that the ' +
    'initiator offered, from the IKE crypto profile of the protocol block (IKEv1 or IKEv2) the pair negotiates. ' +
    'If any of the three lists has nothing in common with the peer, it answers NO_PROPOSAL_CHOSEN ' +
    `and no IKE SA is built. An unset profile is PAN-OS's predefined 'default' (${show(PREDEFINED_IKE_DEFAULT.encryption)}; ` +
    `${show(PREDEFINED_IKE_DEFAULT.authentication)}; ${show(PREDEFINED_IKE_DEFAULT.dhGroups)}).`,
  fix: 'make the IKE crypto profiles of both gateways offer at least one common encryption, authentication and DH group',
  evaluate(pairing: Pairing): Finding[] {
    const findings: Finding[] = [];
    for (const { a, b } of pairing.pairs) {
      const offers = negotiatedIkeOffers(a, b);
      if (!offers) continue;
      const { a: x, b: y } = offers;
      if (![x.encryption, x.hash, x.dhGroups, y.encryption, y.hash, y.dhGroups].every(isKnown)) continue;
      const m = matchProposals([
        { field: 'encryption', title: 'encryption', a: x.encryption as readonly string[], b: y.encryption as readonly string[] },
        { field: 'authentication', title: 'authentication', a: x.hash as readonly string[], b: y.hash as readonly string[] },
        { field: 'dhGroups', title: 'DH group', a: x.dhGroups as readonly string[], b: y.dhGroups as readonly string[] },
      ]);
      if (m.matches) continue;
      const first = m.missing[0]!;
      findings.push(
        pairFinding(peer004IkeProposals, {
          ...fieldAt(x.at, first.field),
          value: first.a,
          allowed: first.b,
          peerPath: b.path,
          problem:
            `${offerText(x.label, a.label, a.kind === 'external', false)} and ${offerText(y.label, b.label, b.kind === 'external', true)} share no IKE proposal: ${m.detail}; ` +
            `closest miss: ${m.chosenA} against ${m.chosenB}, differing in ${m.missing.map((t) => t.title).join(' and ')}`,
        }),
      );
    }
    return findings;
  },
};
