/** `panosipsec_ipsec_tunnel`: generated from the ipsecTunnel descriptor's field table. */
import { ipsecTunnel } from '../../panos/objects';
import { resourceTypeName } from '../address';
import type { ObjectResourceSpec } from './spec';

/** Resource spec of `panosipsec_ipsec_tunnel`. */
export const ipsecTunnelResource: ObjectResourceSpec = {
  typeName: resourceTypeName('ipsec-tunnel'),
  kind: 'ipsec-tunnel',
  descriptor: ipsecTunnel,
};
