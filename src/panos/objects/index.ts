/** The PAN-OS object model: one descriptor per object kind, plus names, locations and the field engine. */
export * from './types';
export * from './errors';
export * from './names';
export * from './location';
export * from './codec';
export * from './validate';
export * from './descriptor';
export * from './xml-path';
export * from './common-fields';
export * from './tunnel-interface';
export * from './tunnel-monitor-profile';
export * from './ike-crypto-profile';
export * from './ipsec-crypto-profile';
export * from './ike-gateway';
export * from './ipsec-tunnel';
export * from './registry';
export * from './field-table';
