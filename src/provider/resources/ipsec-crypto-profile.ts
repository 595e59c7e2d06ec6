/** `panosipsec_ipsec_crypto_profile`: generated from the ipsecCryptoProfile descriptor's field table. */
import { ipsecCryptoProfile } from '../../panos/objects';
import { resourceTypeName } from '../address';
import type { ObjectResourceSpec } from './spec';

/** Resource spec of `panosipsec_ipsec_crypto_profile`. */
export const ipsecCryptoProfileResource: ObjectResourceSpec = {
  typeName: resourceTypeName('ipsec-crypto-profile'),
  kind: 'ipsec-crypto-profile',
  descriptor: ipsecCryptoProfile,
};
