/**
 * Interface addresses of lab devices (docs/lab-negotiation.md §1). The first two devices get exactly the addresses
 * the repository's two-firewall examples use (ethernet1/1 198.51.100.1/30 ↔ 198.51.100.2/30 for transport-bgp,
 * ethernet1/2 192.0.2.1 ↔ 192.0.2.2 for transport-gre-ospf), so those examples deploy unchanged; later devices
 * continue the pattern in their own /30. Every address is unique across the lab, so the underlay can route by it.
 */

/** The most devices one lab holds (the ethernet1/1 /30 pairs fill 198.51.100.0/24 well before that). */
export const MAX_LAB_DEVICES = 64;

/** A device's addresses. */
export interface DeviceAddresses {
  /** Interface → `A.B.C.D/len`, replacing the simulator's defaults. */
  readonly interfaces: Readonly<Record<string, string>>;
  /** Behind a 1:1 NAT: ethernet1/1 holds `inside`; the other devices reach it (and see it) as `outside`. */
  readonly nat?: { readonly inside: string; readonly outside: string };
}

/** The underlay address of device `index` (0-based): two devices per /30 in 198.51.100.0/24. */
export function underlayAddress(index: number): { host: string; prefix: number } {
  const pair = Math.floor(index / 2);
  return { host: `198.51.100.${pair * 4 + 1 + (index % 2)}`, prefix: 30 };
}

/** The addresses of device `index`; behind NAT its ethernet1/1 holds a private address instead. */
export function deviceAddresses(index: number, behindNat = false): DeviceAddresses {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_LAB_DEVICES) {
    throw new Error(`a lab holds 1 to ${MAX_LAB_DEVICES} devices; device number ${index + 1} is out of range`);
  }
  const u = underlayAddress(index);
  const inside = `172.16.${index}.2`;
  return {
    interfaces: {
      'ethernet1/1': behindNat ? `${inside}/24` : `${u.host}/${u.prefix}`,
      'ethernet1/2': `192.0.2.${index + 1}/24`,
      'ethernet1/3': `10.${index * 2 + 1}.${index * 2 + 1}.1/24`,
      'ethernet1/4': `10.${index * 2 + 2}.${index * 2 + 2}.1/24`,
      'loopback.1': `192.0.2.${254 - index}/32`,
    },
    ...(behindNat ? { nat: { inside, outside: u.host } } : {}),
  };
}
