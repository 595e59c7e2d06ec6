/**
 * Device defaults an unset field stands for when two ends are compared (an unset PFS group is `group2`, not "no
 * PFS"). Read from the object model's field tables (`deviceDefault`), which state them once; the booleans the tables
 * leave without a default are the vendor's documented defaults (NAT-T off, anti-replay on, no GRE).
 */
import {
  ikeCryptoProfile,
  ikeGateway,
  ipsecCryptoProfile,
  ipsecTunnel,
  LIFETIME_UNITS,
  type FieldSpec,
} from '../../panos/objects';
import type { LifetimeFacts } from '../facts';

function deviceDefault(fields: readonly FieldSpec[], key: string): unknown {
  const spec = fields.find((f) => f.key === key);
  if (spec?.deviceDefault === undefined) throw new Error(`rules: the object model gives no device default for ${key}`);
  return spec.deviceDefault;
}

/** `'8 hours'` (the tables' wording) as a lifetime. */
function lifetimeOf(text: unknown): LifetimeFacts {
  const m = /^(\d+)\s+(\w+)$/.exec(String(text));
  const unit = m?.[2] as LifetimeFacts['unit'] | undefined;
  if (!m || !unit || !(LIFETIME_UNITS as readonly string[]).includes(unit)) throw new Error(`rules: cannot read lifetime default '${String(text)}'`);
  return { unit, value: Number(m[1]) };
}

/** The defaults the pair rules apply to unset fields. */
export const PEER_DEFAULTS = {
  ikeVersion: deviceDefault(ikeGateway.fields, 'version') as 'ikev1' | 'ikev2' | 'ikev2-preferred',
  ikev1ExchangeMode: deviceDefault(ikeGateway.fields, 'ikev1ExchangeMode') as 'auto' | 'main' | 'aggressive',
  passiveMode: deviceDefault(ikeGateway.fields, 'passiveMode') as boolean,
  ikev1CryptoProfile: deviceDefault(ikeGateway.fields, 'ikev1CryptoProfile') as string,
  ikev2CryptoProfile: deviceDefault(ikeGateway.fields, 'ikev2CryptoProfile') as string,
  ikeLifetime: lifetimeOf(deviceDefault(ikeCryptoProfile.fields, 'lifetime')),
  ipsecLifetime: lifetimeOf(deviceDefault(ipsecCryptoProfile.fields, 'lifetime')),
  pfsGroup: deviceDefault(ipsecCryptoProfile.fields, 'dhGroup') as string,
  ipsecMode: deviceDefault(ipsecTunnel.fields, 'ipsecMode') as 'tunnel' | 'transport',
  antiReplayWindow: String(deviceDefault(ipsecTunnel.fields, 'antiReplayWindow')),
  natTraversal: false,
  antiReplay: true,
  greEncapsulation: false,
} as const;

const SECONDS: Readonly<Record<LifetimeFacts['unit'], number>> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

/** A lifetime in seconds, for comparing `60 minutes` with `1 hours`. */
export function lifetimeSeconds(l: LifetimeFacts): number {
  return l.value * SECONDS[l.unit];
}

/** `8 hours` (singular for 1: `1 hour`). */
export function showLifetime(l: LifetimeFacts): string {
  return `${l.value} ${l.value === 1 ? l.unit.replace(/s$/, '') : l.unit}`;
}
