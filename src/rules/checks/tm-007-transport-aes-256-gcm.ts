import type { Finding, Rule } from '../types';
import { isUnknown, type StackFacts } from '../facts';
import { makeFinding, show } from '../finding';
import { describeUsed, describeUsers, ikeProfilesOf, ipsecProfilesOf, reportAt, transportTunnels } from '../resolve';
import { isExactly } from './lists';
import { TRANSPORT_MODE } from '../transport-mode';

/** T7: only AES-256-GCM, for ESP and for IKE. */
export const tm007TransportAes256Gcm: Rule = {
  id: 'PANOS-TM-007',
  level: 'error',
  title: `A crypto profile of a transport-mode tunnel offers encryption other than ${TRANSPORT_MODE.encryption}`,
  source: 'T7',
  explanation:
    'PAN-OS transport mode supports only AES with 256-bit keys in GCM mode: both the IPSec crypto profile (ESP ' +
    `encryption) and the IKE crypto profile (encryption) must list exactly ${TRANSPORT_MODE.encryption}.`,
  fix: `set espEncryption (IPSec crypto profile) and encryption (IKE crypto profile) to ['${TRANSPORT_MODE.encryption}']`,
  evaluate(facts: StackFacts): Finding[] {
    const transport = transportTunnels(facts);
    const findings: Finding[] = [];
    for (const u of ipsecProfilesOf(facts, transport)) {
      const enc = u.object.espEncryption;
      // An AH profile is PANOS-TM-004's finding; an unknown protocol or list cannot be judged.
      if (u.object.protocol !== TRANSPORT_MODE.protocol || isUnknown(enc) || isExactly(enc, TRANSPORT_MODE.encryption)) continue;
      findings.push(
        makeFinding(tm007TransportAes256Gcm, {
          ...reportAt(u, 'espEncryption', enc),
          allowed: [TRANSPORT_MODE.encryption],
          problem: `${describeUsed(u, 'ipsec-crypto-profile')} has espEncryption ${show(enc)} but is used by ${describeUsers(u.users)}`,
        }),
      );
    }
    for (const u of ikeProfilesOf(facts, transport, TRANSPORT_MODE.ikeVersion)) {
      const enc = u.object.encryption;
      if (isUnknown(enc) || isExactly(enc, TRANSPORT_MODE.encryption)) continue;
      findings.push(
        makeFinding(tm007TransportAes256Gcm, {
          ...reportAt(u, 'encryption', enc),
          allowed: [TRANSPORT_MODE.encryption],
          problem: `${describeUsed(u, 'ike-crypto-profile')} has encryption ${show(enc)} but is used by ${describeUsers(u.users)}`,
        }),
      );
    }
    return findings;
  },
};
