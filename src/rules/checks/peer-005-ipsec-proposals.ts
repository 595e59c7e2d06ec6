import { isKnown } from '../facts';
import type { Finding } from '../types';
import { show } from '../finding';
import { PREDEFINED_IPSEC_DEFAULT } from '../resolve';
import { matchProposals } from '../peer/proposals';
import { fieldAt, offerText, pairFinding } from '../peer/report';
import type { PairRule, Pairing } from '../peer/types';

/** N4: the IPSec crypto profiles of two paired tunnels share no proposal (protocol, encryption, authentication). */
export const peer005IpsecProposals: PairRule = {
  id: 'PANOS-PEER-005',
  level: 'error',
  title: 'The IPSec crypto profiles of the two ends share no proposal (protocol, encryption or authentication)',
  source: 'N4',
  explanation:
    'In phase 2 both ends must use the same IPSec protocol (ESP or AH) and the responder must choose one encryption ' +
    'and one authentication the initiator offered (with AES-GCM the authentication is none). Without a common ' +
    "choice the child SA fails with NO_PROPOSAL_CHOSEN while the IKE SA stays up. An unset profile is PAN-OS's " +
    `predefined 'default' (ESP ${show(PREDEFINED_IPSEC_DEFAULT.espEncryption)}; ${show(PREDEFINED_IPSEC_DEFAULT.espAuthentication)}; ` +
    `PFS ${show(PREDEFINED_IPSEC_DEFAULT.dhGroup)}).`,
  fix: 'make the IPSec crypto profiles of both tunnels use the same protocol and at least one common encryption and authentication',
  evaluate(pairing: Pairing): Finding[] {
    const findings: Finding[] = [];
    for (const pair of pairing.pairs) {
      for (const { a, b } of pair.tunnels) {
        const x = a.ipsec;
        const y = b.ipsec;
        if (!x || !y || !isKnown(x.protocol) || !isKnown(y.protocol)) continue;
        const names = `${offerText(x.label, a.label, pair.a.kind === 'external', false)} and ${offerText(y.label, b.label, pair.b.kind === 'external', true)}`;
        if (x.protocol !== y.protocol) {
          findings.push(
            pairFinding(peer005IpsecProposals, {
              ...fieldAt(x.at, 'protocol'),
              value: x.protocol,
              allowed: [y.protocol],
              peerPath: b.path,
              problem: `${names} use different IPSec protocols: ${x.protocol} against ${y.protocol}`,
            }),
          );
          continue;
        }
        if (![x.encryption, x.authentication, y.encryption, y.authentication].every(isKnown)) continue;
        const esp = x.protocol === 'esp';
        const auth = esp ? 'espAuthentication' : 'ahAuthentication';
        const m = matchProposals([
          ...(esp ? [{ field: 'espEncryption', title: 'encryption', a: x.encryption as readonly string[], b: y.encryption as readonly string[] }] : []),
          { field: auth, title: 'authentication', a: x.authentication as readonly string[], b: y.authentication as readonly string[] },
        ]);
        if (m.matches) continue;
        const first = m.missing[0]!;
        findings.push(
          pairFinding(peer005IpsecProposals, {
            ...fieldAt(x.at, first.field),
            value: first.a,
            allowed: first.b,
            peerPath: b.path,
            problem:
              `${names} share no ${x.protocol.toUpperCase()} proposal: ${m.detail}; ` +
              `closest miss: ${m.chosenA} against ${m.chosenB}, differing in ${m.missing.map((t) => t.title).join(' and ')}`,
          }),
        );
      }
    }
    return findings;
  },
};
