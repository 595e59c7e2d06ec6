import type { Finding } from '../types';
import { PEER_DEFAULTS } from '../peer/defaults';
import { fieldAt, negotiatedVersion, peerLabel, pairFinding } from '../peer/report';
import type { PairRule, Pairing } from '../peer/types';

/** N2: an IKEv1 pair with main mode on one end and aggressive mode on the other. */
export const peer003Ikev1ExchangeMode: PairRule = {
  id: 'PANOS-PEER-003',
  level: 'error',
  title: 'An IKEv1 pair uses main mode on one end and aggressive mode on the other',
  source: 'N2',
  explanation:
    'In IKEv1 both peers must use the same phase-1 exchange: a main-mode end refuses an aggressive-mode offer and the ' +
    `other way round. 'auto' initiates main mode and answers both; an unset mode is '${PEER_DEFAULTS.ikev1ExchangeMode}' (the device default).`,
  fix: "set ikev1ExchangeMode to the same value on both gateways ('main' is recommended), or 'auto' on one of them",
  evaluate(pairing: Pairing): Finding[] {
    const findings: Finding[] = [];
    for (const { a, b } of pairing.pairs) {
      if (negotiatedVersion(a, b) !== 'ikev1') continue;
      const modes = new Set([a.ikev1ExchangeMode, b.ikev1ExchangeMode]);
      if (!(modes.has('main') && modes.has('aggressive'))) continue;
      findings.push(
        pairFinding(peer003Ikev1ExchangeMode, {
          ...fieldAt(a.at, 'ikev1ExchangeMode'),
          value: a.ikev1ExchangeMode,
          allowed: [String(b.ikev1ExchangeMode), 'auto'],
          peerPath: b.path,
          problem: `${a.label} uses IKEv1 ${String(a.ikev1ExchangeMode)} mode but ${peerLabel(b)} uses ${String(b.ikev1ExchangeMode)} mode`,
        }),
      );
    }
    return findings;
  },
};
