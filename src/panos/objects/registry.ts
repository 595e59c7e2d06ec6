/** The registry of object kinds. */
import { ikeCryptoProfile } from './ike-crypto-profile';
import { ikeGateway } from './ike-gateway';
import { ipsecCryptoProfile } from './ipsec-crypto-profile';
import { ipsecTunnel } from './ipsec-tunnel';
import { tunnelInterface } from './tunnel-interface';
import { tunnelMonitorProfile } from './tunnel-monitor-profile';
import type { PanosObjectDescriptor } from './descriptor';
import type { ObjectKind } from './types';

/** Every descriptor, in dependency order (create in this order, delete in reverse). */
export const ALL_DESCRIPTORS: readonly PanosObjectDescriptor<{ name: string }>[] = [
  tunnelInterface,
  tunnelMonitorProfile,
  ikeCryptoProfile,
  ipsecCryptoProfile,
  ikeGateway,
  ipsecTunnel,
] as unknown as readonly PanosObjectDescriptor<{ name: string }>[];

/** The descriptor of one kind. */
export function descriptorFor(kind: ObjectKind): PanosObjectDescriptor<{ name: string }> {
  const d = ALL_DESCRIPTORS.find((x) => x.kind === kind);
  if (!d) throw new Error(`unknown PAN-OS object kind ${JSON.stringify(kind)}`);
  return d;
}
