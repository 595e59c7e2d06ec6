import type { Finding } from '../types';
import { fieldAt, negotiatedVersion, peerLabel, pairFinding } from '../peer/report';
import type { PairRule, Pairing } from '../peer/types';

/** N1: one end prefers IKEv2, the other speaks IKEv1 only, so the pair runs IKEv1. */
export const peer002IkeVersionFallback: PairRule = {
  id: 'PANOS-PEER-002',
  level: 'info',
  title: "One end is 'ikev2-preferred' and the other speaks IKEv1 only: the pair negotiates IKEv1",
  source: 'N1',
  explanation:
    "An 'ikev2-preferred' gateway starts with IKEv2 and falls back to IKEv1 when the peer does not answer it, so the " +
    'pair works, but over IKEv1: the IKEv1 exchange mode and dead peer detection apply, IKEv2-only features (liveness ' +
    'check, traffic-selector narrowing, transport mode) do not, and when the fallback happens is not documented.',
  fix: "set both gateways to 'ikev2' if both ends support it; otherwise acknowledge that the pair runs IKEv1",
  evaluate(pairing: Pairing): Finding[] {
    const findings: Finding[] = [];
    for (const { a, b } of pairing.pairs) {
      if (negotiatedVersion(a, b) !== 'ikev1' || (a.version !== 'ikev2-preferred' && b.version !== 'ikev2-preferred')) continue;
      findings.push(
        pairFinding(peer002IkeVersionFallback, {
          ...fieldAt(a.at, 'version'),
          value: a.version,
          peerPath: b.path,
          problem: `${a.label} (${String(a.version)}) and ${peerLabel(b)} (${String(b.version)}) negotiate IKEv1 after the IKEv2 attempt fails`,
        }),
      );
    }
    return findings;
  },
};
