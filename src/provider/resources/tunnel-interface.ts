/** `panosipsec_tunnel_interface`: generated from the tunnelInterface descriptor's field table. */
import { tunnelInterface } from '../../panos/objects';
import { resourceTypeName } from '../address';
import type { ObjectResourceSpec } from './spec';

/** Resource spec of `panosipsec_tunnel_interface`. */
export const tunnelInterfaceResource: ObjectResourceSpec = {
  typeName: resourceTypeName('tunnel-interface'),
  kind: 'tunnel-interface',
  descriptor: tunnelInterface,
  memberships: true,
};
