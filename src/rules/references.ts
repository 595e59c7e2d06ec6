/**
 * Every by-name reference the declared objects make (X1, X3), and device scopes for uniqueness checks (X2, X4).
 */
import { isKnown, type ObjectFacts, type StackFacts } from './facts';
import { locationOf, resolve, type DeclaredKind, type Resolution } from './resolve';

/** One reference from a declared object to another object by name. */
export interface Reference {
  readonly from: ObjectFacts;
  readonly fromKind: DeclaredKind;
  /** Model key of the referring field, e.g. `ikeGateways`, `tunnelMonitor.profile`. */
  readonly field: string;
  readonly kind: DeclaredKind | 'interface';
  readonly name: string;
}

/** What each referring field names (`field` of a {@link Reference} → its `kind`). */
export const REFERENCED_KIND = {
  ikeGateways: 'ike-gateway',
  ipsecCryptoProfile: 'ipsec-crypto-profile',
  tunnelInterface: 'tunnel-interface',
  'tunnelMonitor.profile': 'tunnel-monitor-profile',
  ikev1CryptoProfile: 'ike-crypto-profile',
  ikev2CryptoProfile: 'ike-crypto-profile',
  localInterface: 'interface',
} as const satisfies Record<string, Reference['kind']>;

/**
 * The references of every declared (not imported) tunnel and gateway whose target name is known. Unset profile
 * references mean the predefined `default` profile and are not listed.
 */
export function referencesOf(facts: StackFacts): Reference[] {
  const refs: Reference[] = [];
  for (const t of facts.ipsecTunnels ?? []) {
    if (t.imported) continue;
    const add = (field: keyof typeof REFERENCED_KIND, name: unknown): void => {
      if (typeof name === 'string') refs.push({ from: t, fromKind: 'ipsec-tunnel', field, kind: REFERENCED_KIND[field], name });
    };
    if (isKnown(t.ikeGateways)) for (const g of t.ikeGateways) add('ikeGateways', g);
    add('ipsecCryptoProfile', t.ipsecCryptoProfile);
    add('tunnelInterface', t.tunnelInterface);
    if (isKnown(t.tunnelMonitor)) add('tunnelMonitor.profile', t.tunnelMonitor.profile);
  }
  for (const g of facts.ikeGateways ?? []) {
    if (g.imported) continue;
    for (const field of ['ikev1CryptoProfile', 'ikev2CryptoProfile', 'localInterface'] as const) {
      const name = g[field];
      if (typeof name === 'string') refs.push({ from: g, fromKind: 'ike-gateway', field, kind: REFERENCED_KIND[field], name });
    }
  }
  return refs;
}

/**
 * Resolves a reference. Interfaces (a gateway's local interface) resolve to declared tunnel interfaces or to
 * `existing` interfaces; they are only judged when the caller listed the device's interfaces, otherwise the result
 * is `existing` (nothing can be said at synth, where physical interfaces are not declared).
 */
export function resolveReference(facts: StackFacts, ref: Reference): Resolution<ObjectFacts> {
  const location = locationOf(ref.from);
  if (ref.kind !== 'interface') return resolve(facts, ref.kind, ref.name, location);
  const scope = deviceScopeOf(location);
  const declaredHere = (facts.tunnelInterfaces ?? []).some((i) => i.name === ref.name && deviceScopeOf(locationOf(i)) === scope);
  if (declaredHere) return { status: 'existing' };
  const known = (facts.existing ?? []).filter((e) => e.kind === 'interface');
  if (known.length === 0 || known.some((e) => e.name === ref.name)) return { status: 'existing' };
  return { status: 'missing' };
}

/**
 * The device-wide scope of a location: network objects (interfaces, IKE, IPSec, profiles) live under the device,
 * not under a vsys, so `vsys:vsys1` and `vsys:vsys2` share one namespace; each template or template stack has its own.
 */
export function deviceScopeOf(location: string): string {
  if (location.startsWith('vsys:')) return 'device';
  const slash = location.indexOf('/');
  return slash < 0 ? location : location.slice(0, slash);
}
