/** Every PAN-OS object resource spec, in dependency order (create in this order, delete in reverse). */
import { ikeCryptoProfileResource } from './ike-crypto-profile';
import { ikeGatewayResource } from './ike-gateway';
import { ipsecCryptoProfileResource } from './ipsec-crypto-profile';
import { ipsecTunnelResource } from './ipsec-tunnel';
import type { ObjectResourceSpec } from './spec';
import { tunnelInterfaceResource } from './tunnel-interface';
import { tunnelMonitorProfileResource } from './tunnel-monitor-profile';

/** All object resources. */
export const OBJECT_RESOURCES: readonly ObjectResourceSpec[] = [
  tunnelInterfaceResource,
  tunnelMonitorProfileResource,
  ikeCryptoProfileResource,
  ipsecCryptoProfileResource,
  ikeGatewayResource,
  ipsecTunnelResource,
];

/** The spec of a resource type, or undefined. */
export function objectResourceSpec(typeName: string): ObjectResourceSpec | undefined {
  return OBJECT_RESOURCES.find((r) => r.typeName === typeName);
}
