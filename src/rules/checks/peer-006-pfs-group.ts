import { isKnown } from '../facts';
import type { Finding } from '../types';
import { PEER_DEFAULTS } from '../peer/defaults';
import { common, fieldAt, listText, offerText, pairFinding } from '../peer/report';
import type { PairRule, Pairing } from '../peer/types';

/** N5: the PFS settings of two paired tunnels differ (`no-pfs` on one end only included). */
export const peer006PfsGroup: PairRule = {
  id: 'PANOS-PEER-006',
  level: 'error',
  title: 'The two ends of a tunnel use different PFS settings (a different DH group, or no-pfs on one end only)',
  source: 'N5',
  explanation:
    'PFS runs one more Diffie-Hellman exchange per child SA; both peers must use the same group, or both none. PAN-OS ' +
    `enables PFS by default (${PEER_DEFAULTS.pfsGroup} when dhGroup is unset), so a peer without PFS fails. With IKEv2 the first child ` +
    'SA carries no key exchange, so a mismatch may let the tunnel come up and drop at the first rekey.',
  fix: "set the IPSec crypto profiles' dhGroup to the same group on both ends (or 'no-pfs' on both)",
  evaluate(pairing: Pairing): Finding[] {
    const findings: Finding[] = [];
    for (const pair of pairing.pairs) {
      for (const { a, b } of pair.tunnels) {
        const x = a.ipsec;
        const y = b.ipsec;
        if (!x || !y || !isKnown(x.pfsGroups) || !isKnown(y.pfsGroups)) continue;
        if (common(x.pfsGroups, y.pfsGroups).length > 0) continue;
        const off = (groups: readonly string[]): boolean => groups.length === 1 && groups[0] === 'no-pfs';
        const what = off(x.pfsGroups) !== off(y.pfsGroups) ? 'PFS is on at one end only' : 'the PFS groups differ';
        findings.push(
          pairFinding(peer006PfsGroup, {
            ...fieldAt(x.at, 'dhGroup'),
            value: x.pfsGroups,
            allowed: y.pfsGroups,
            peerPath: b.path,
            problem:
              `${what}: ${offerText(x.label, a.label, pair.a.kind === 'external', false)} uses ${listText(x.pfsGroups)} but ` +
              `${offerText(y.label, b.label, pair.b.kind === 'external', true)} uses ${listText(y.pfsGroups)}`,
          }),
        );
      }
    }
    return findings;
  },
};
