/** The panosipsec Terraform provider. */
export * from './address';
export * from './schema';
export * from './field-schema';
export * from './provider';
