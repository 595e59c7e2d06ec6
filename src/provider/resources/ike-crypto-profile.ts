/** `panosipsec_ike_crypto_profile`: generated from the ikeCryptoProfile descriptor's field table. */
import { ikeCryptoProfile } from '../../panos/objects';
import { resourceTypeName } from '../address';
import type { ObjectResourceSpec } from './spec';

/** Resource spec of `panosipsec_ike_crypto_profile`. */
export const ikeCryptoProfileResource: ObjectResourceSpec = {
  typeName: resourceTypeName('ike-crypto-profile'),
  kind: 'ike-crypto-profile',
  descriptor: ikeCryptoProfile,
};
