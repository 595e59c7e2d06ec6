/** `panosipsec_ipsec_tunnel`: generated from the ipsecTunnel descriptor's field table. */
import { ipsecTunnel } from '../../panos/objects';
import { objectResource } from './spec';

/** Resource spec of `panosipsec_ipsec_tunnel`. */
export const ipsecTunnelResource = objectResource(ipsecTunnel);
