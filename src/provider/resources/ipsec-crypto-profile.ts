/** `panosipsec_ipsec_crypto_profile`: generated from the ipsecCryptoProfile descriptor's field table. */
import { ipsecCryptoProfile } from '../../panos/objects';
import { objectResource } from './spec';

/** Resource spec of `panosipsec_ipsec_crypto_profile`. */
export const ipsecCryptoProfileResource = objectResource(ipsecCryptoProfile);
