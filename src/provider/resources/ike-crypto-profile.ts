/** `panosipsec_ike_crypto_profile`: generated from the ikeCryptoProfile descriptor's field table. */
import { ikeCryptoProfile } from '../../panos/objects';
import { objectResource } from './spec';

/** Resource spec of `panosipsec_ike_crypto_profile`. */
export const ikeCryptoProfileResource = objectResource(ikeCryptoProfile);
