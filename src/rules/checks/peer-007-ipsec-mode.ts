import { isKnown } from '../facts';
import type { Finding } from '../types';
import { PEER_DEFAULTS } from '../peer/defaults';
import { fieldAt, pairFinding } from '../peer/report';
import type { PairRule, Pairing } from '../peer/types';

/** N6: one tunnel is in transport mode, its peer in tunnel mode. */
export const peer007IpsecMode: PairRule = {
  id: 'PANOS-PEER-007',
  level: 'error',
  title: 'One end of a tunnel is in transport mode and the other in tunnel mode',
  source: 'N6',
  explanation:
    'Transport mode is negotiated per child SA: the end that wants it asks, the other agrees or silently answers with ' +
    'a tunnel-mode SA. An end configured for transport does not accept a tunnel-mode SA, and the two modes ' +
    `encapsulate packets differently, so the tunnel never carries traffic. An unset mode is ${PEER_DEFAULTS.ipsecMode} (the device default).`,
  fix: "set mode to the same value on both tunnels ('transport' with 'transport')",
  evaluate(pairing: Pairing): Finding[] {
    const findings: Finding[] = [];
    for (const pair of pairing.pairs) {
      for (const { a, b } of pair.tunnels) {
        if (!isKnown(a.mode) || !isKnown(b.mode) || a.mode === b.mode) continue;
        findings.push(
          pairFinding(peer007IpsecMode, {
            ...fieldAt(a.at, 'ipsecMode'),
            value: a.mode,
            allowed: [b.mode],
            peerPath: b.path,
            problem: `${a.label} is in ${a.mode} mode but its peer ${b.label} is in ${b.mode} mode`,
          }),
        );
      }
    }
    return findings;
  },
};
