/** Test harness: drive a Terraform provider process exactly as Terraform does. */
export * from './launch';
export * from './provider-client';
