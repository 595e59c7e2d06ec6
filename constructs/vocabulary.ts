/**
 * The construct props' words for fields, for every message the constructs show (constructor refusals, rule findings,
 * pair findings): `mode`, `gateway`, `cryptoProfile`, `proxyIds[1].name`, never the HCL attribute or the model key.
 * Props are named after the model keys except the ones listed here.
 */
import { vocabulary, type PropNames } from '../src/rules';

/** Model fields whose prop has another name; `''` marks a block the props flatten (a tunnel's auto-key settings). */
export const PROP_NAMES: PropNames = {
  'ipsec-tunnel': {
    ipsecMode: 'mode',
    autoKey: '',
    'autoKey.ikeGateways': 'gateway',
    'autoKey.ipsecCryptoProfile': 'cryptoProfile',
  },
  'ike-gateway': {
    ikev2CryptoProfile: 'cryptoProfile',
    preSharedKeyEncrypted: 'preSharedKey',
  },
};

/** Rewords messages into prop names. */
export const PROPS = vocabulary('props', PROP_NAMES);
