/** The PAN-OS object resources, in dependency order. */
export * from './spec';
export * from './object-schema';
export * from './tunnel-interface';
export * from './tunnel-monitor-profile';
export * from './ike-crypto-profile';
export * from './ipsec-crypto-profile';
export * from './ike-gateway';
export * from './ipsec-tunnel';
export * from './all';
