/** `panosipsec_tunnel_monitor_profile`: generated from the tunnelMonitorProfile descriptor's field table. */
import { tunnelMonitorProfile } from '../../panos/objects';
import { objectResource } from './spec';

/** Resource spec of `panosipsec_tunnel_monitor_profile`. */
export const tunnelMonitorProfileResource = objectResource(tunnelMonitorProfile);
