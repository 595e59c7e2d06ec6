/**
 * Device defaults an unset field stands for when two ends are compared (an unset PFS group is `group2`, not "no
 * PFS"). Read from the object model's field tables (`deviceDefault`), which state each of them once.
 */
import {
  ikeCryptoProfile,
  ikeGateway,
  ipsecCryptoProfile,
  ipsecTunnel,
  LIFETIME_UNITS,
  tableField,
} from '../../panos/objects';
import type { LifetimeFacts } from '../facts';


/** `'8 hours'` (the tables' wording) as a lifetime. */
function lifetimeOf(text: unknown): LifetimeFacts {
  const m = /^(\d+)\s+(\w+)$/.exec(String(text));
  const unit = m?.[2] as LifetimeFacts['unit'] | undefined;
  if (!m || !unit || !(LIFETIME_UNITS as readonly string[]).includes(unit)) throw new Error(`rules: cannot read lifetime default '${String(text)}'`);
  return { unit, value: Number(m[1]) };
}

/** The defaults the pair rules apply to unset fields. */
export const PEER_DEFAULTS = {
  ikeVersion: tableField(ikeGateway.table, 'version').deviceDefault,
  ikev1ExchangeMode: tableField(ikeGateway.table, 'ikev1ExchangeMode').deviceDefault,
  passiveMode: tableField(ikeGateway.table, 'passiveMode').deviceDefault,
  ikev1CryptoProfile: tableField(ikeGateway.table, 'ikev1CryptoProfile').deviceDefault,
  ikev2CryptoProfile: tableField(ikeGateway.table, 'ikev2CryptoProfile').deviceDefault,
  ikeLifetime: lifetimeOf(tableField(ikeCryptoProfile.table, 'lifetime').deviceDefault),
  ipsecLifetime: lifetimeOf(tableField(ipsecCryptoProfile.table, 'lifetime').deviceDefault),
  pfsGroup: tableField(ipsecCryptoProfile.table, 'dhGroup').deviceDefault,
  ipsecMode: tableField(ipsecTunnel.table, 'ipsecMode').deviceDefault,
  antiReplayWindow: tableField(ipsecTunnel.table, 'antiReplayWindow').deviceDefault,
  natTraversal: tableField(ikeGateway.table, 'natTraversal').deviceDefault,
  antiReplay: tableField(ipsecTunnel.table, 'antiReplay').deviceDefault,
  greEncapsulation: tableField(ipsecTunnel.table, 'enableGreEncapsulation').deviceDefault,
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
