export * from './client';
export * from './commit';
export * from './errors';
export * from './options';
export * from './system-info';
export { ConfigLockOwnedError, type LockInfo } from './locks';
export type { RequestKind } from './retry';
export { parseEnvelope, isSuccess, messageLines, type Envelope } from './envelope';
export { stripBookkeeping, type ElementInput } from './xpath-util';
