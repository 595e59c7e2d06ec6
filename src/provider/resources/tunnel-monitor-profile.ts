/** `panosipsec_tunnel_monitor_profile`: generated from the tunnelMonitorProfile descriptor's field table. */
import { tunnelMonitorProfile } from '../../panos/objects';
import { resourceTypeName } from '../address';
import type { ObjectResourceSpec } from './spec';

/** Resource spec of `panosipsec_tunnel_monitor_profile`. */
export const tunnelMonitorProfileResource: ObjectResourceSpec = {
  typeName: resourceTypeName('tunnel-monitor-profile'),
  kind: 'tunnel-monitor-profile',
  descriptor: tunnelMonitorProfile,
};
