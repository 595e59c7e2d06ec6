import { isKnown } from '../facts';
import type { Finding } from '../types';
import { PEER_DEFAULTS } from '../peer/defaults';
import { fieldAt, pairFinding } from '../peer/report';
import type { PairRule, Pairing, PeerTunnelEnd } from '../peer/types';

function setting(t: PeerTunnelEnd): string {
  return t.antiReplay === false ? 'anti-replay off' : `an anti-replay window of ${String(t.antiReplayWindow)} packets`;
}

/** N14: the anti-replay settings of the two ends differ. */
export const peer017AntiReplay: PairRule = {
  id: 'PANOS-PEER-017',
  level: 'info',
  title: 'The two ends of a tunnel use different anti-replay settings',
  source: 'N14',
  explanation:
    'Anti-replay is checked by the receiver alone and is not negotiated: each end drops packets that fall behind its ' +
    'own window. Different windows (or anti-replay off at one end) work, but the two directions then tolerate ' +
    `different amounts of reordering, which shows as loss in one direction only. Unset means on, ${PEER_DEFAULTS.antiReplayWindow} packets.`,
  fix: 'use the same antiReplay and antiReplayWindow on both tunnels, or acknowledge the difference',
  evaluate(pairing: Pairing): Finding[] {
    const findings: Finding[] = [];
    for (const pair of pairing.pairs) {
      for (const { a, b } of pair.tunnels) {
        if (![a.antiReplay, b.antiReplay, a.antiReplayWindow, b.antiReplayWindow].every(isKnown)) continue;
        if (setting(a) === setting(b)) continue;
        const field = a.antiReplay !== b.antiReplay ? 'antiReplay' : 'antiReplayWindow';
        findings.push(
          pairFinding(peer017AntiReplay, {
            ...fieldAt(a.at, field),
            value: field === 'antiReplay' ? a.antiReplay : a.antiReplayWindow,
            peerPath: b.path,
            problem: `${a.label} uses ${setting(a)} but its peer ${b.label} uses ${setting(b)}`,
          }),
        );
      }
    }
    return findings;
  },
};
