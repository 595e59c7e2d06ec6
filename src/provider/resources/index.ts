/** The PAN-OS object resources, in dependency order. */
export * from './spec';
export * from './object-schema';
export * from './tunnel-interface';
export * from './ike-gateway';
export * from './all';
