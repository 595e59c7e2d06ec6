import type { Finding, Rule } from '../types';
import { isKnown, isUnknown, type Known, type ObjectFacts, type StackFacts } from '../facts';
import { makeFinding } from '../finding';
import {
  describeUsed,
  describeUsers,
  gatewaysOf,
  ikeProfilesOf,
  ipsecProfilesOf,
  reportAt,
  transportTunnels,
  tunnelModeTunnels,
  type DeclaredKind,
  type Usage,
} from '../resolve';
import { PEER_DEFAULTS } from '../peer/defaults';

const WEAK = new Set(['des', '3des', 'md5', 'sha1', 'group1', 'group2', 'group5']);

function weakIn(value: Known<readonly string[] | string>): string[] {
  if (!isKnown(value)) return [];
  return (typeof value === 'string' ? [value] : [...value]).filter((v) => WEAK.has(v));
}

/** W1: weak crypto in tunnel mode (transport mode has its own, stricter errors). */
export const wc001WeakCrypto: Rule = {
  id: 'PANOS-WC-001',
  level: 'warning',
  title: 'A tunnel-mode tunnel uses weak crypto (des, 3des, md5, sha1, DH group 1/2/5, IKEv1 aggressive mode)',
  source: 'W1',
  explanation:
    'DES and 3DES, MD5 and SHA-1, and DH groups 1, 2 and 5 are considered broken or too short; IKEv1 aggressive mode ' +
    "exposes the pre-shared key's hash to offline cracking. An unset profile reference is PAN-OS's predefined " +
    "'default' profile (aes-128-cbc/3des, sha1, group2).",
  fix: 'use aes-256-gcm (or aes-256-cbc with sha256+), DH group 14, 19 or 20, IKEv2 or IKEv1 main mode; acknowledge with a reason if the peer cannot',
  evaluate(facts: StackFacts): Finding[] {
    const tunnels = tunnelModeTunnels(facts);
    const transport = transportTunnels(facts);
    // Objects also used by a transport tunnel already get the stricter PANOS-TM errors.
    const coveredPaths = new Set<string>([
      ...ipsecProfilesOf(facts, transport).map((u) => u.at.path),
      ...ikeProfilesOf(facts, transport, 'ikev2').map((u) => u.at.path),
      ...gatewaysOf(facts, transport).map((u) => u.at.path),
    ]);
    const findings: Finding[] = [];
    const report = <T extends ObjectFacts>(u: Usage<T>, kind: DeclaredKind, weak: { field: string; values: string[] }[]): void => {
      const bad = weak.filter((w) => w.values.length > 0);
      if (bad.length === 0 || coveredPaths.has(u.at.path)) return;
      // A predefined profile is reported once, on the reference, listing every weak field.
      const groups = u.predefined ? [{ field: bad.map((b) => b.field).join('+'), values: bad.flatMap((b) => b.values) }] : bad;
      for (const g of groups) {
        findings.push(
          makeFinding(wc001WeakCrypto, {
            ...reportAt(u, g.field, g.values),
            problem: `${describeUsed(u, kind)} offers weak ${bad.length > 1 && u.predefined ? 'crypto' : g.field} ${g.values.join(', ')} to ${describeUsers(u.users, 'tunnel-mode')}`,
          }),
        );
      }
    };
    for (const u of ipsecProfilesOf(facts, tunnels)) {
      const p = u.object;
      report(u, 'ipsec-crypto-profile', [
        { field: 'espEncryption', values: weakIn(p.espEncryption) },
        { field: 'espAuthentication', values: weakIn(p.espAuthentication) },
        { field: 'ahAuthentication', values: weakIn(p.ahAuthentication) },
        { field: 'dhGroup', values: isUnknown(p.dhGroup) ? [] : weakIn(p.dhGroup ?? PEER_DEFAULTS.pfsGroup) },
      ]);
    }
    for (const u of ikeProfilesOf(facts, tunnels)) {
      const p = u.object;
      report(u, 'ike-crypto-profile', [
        { field: 'encryption', values: weakIn(p.encryption) },
        { field: 'authentication', values: weakIn(p.authentication) },
        { field: 'dhGroups', values: weakIn(p.dhGroups) },
      ]);
    }
    for (const u of gatewaysOf(facts, tunnels)) {
      const g = u.object;
      const aggressive = g.ikev1ExchangeMode === 'aggressive' && g.version !== 'ikev2' && !isUnknown(g.version);
      report(u, 'ike-gateway', [{ field: 'ikev1ExchangeMode', values: aggressive ? ['aggressive'] : [] }]);
    }
    return findings;
  },
};
