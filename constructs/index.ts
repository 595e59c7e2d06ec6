/** cdktf-panos-ipsec: L2 constructs for PAN-OS IPSec VPNs (the L1 bindings are under `generated`). */
export * from './enums';
export * from './errors';
export * from './location';
export * from './secret-value';
export * from './panos-firewall';
export * from './panos-object';
export * from './tunnel-interface';
export * from './crypto-profiles';
export * from './tunnel-monitor-profile';
export * from './ike-gateway';
export * from './ipsec-tunnel';
export * from './transport-mode-crypto';
export * from './external-peer';
export { PeerPairing, type PairOptions } from './peer-pairing';
export * as l1 from './generated';
