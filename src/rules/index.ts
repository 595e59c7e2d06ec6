export * from './facts';
export * from './facts-of';
export * from './types';
export * from './finding';
export * from './registry';
export * from './engine';
export * from './catalogue';
export {
  DEFAULT_LOCATION,
  FACTS_KEY,
  gatewayProfileNames,
  gatewayProfiles,
  PREDEFINED_IKE_DEFAULT,
  PREDEFINED_IPSEC_DEFAULT,
  locationOf,
  resolve,
  versionFloor,
  type DeclaredKind,
  type Resolution,
} from './resolve';
export { REFERENCED_KIND } from './references';
export { ANTI_REPLAY_WINDOWS } from './checks/ar-001-anti-replay-window-value';
export { RULE_NAME_MAX_LENGTH, nameProblem } from './checks/ref-007-name-format';
export { versionRuleId } from './checks/ref-006-version-features';
export { VALUE_RULE, valueRuleId } from './value-rule';
export type {
  ExplicitPair,
  IkeOffer,
  IpsecOffer,
  PairBasis,
  PairRule,
  Pairing,
  PeerEnd,
  PeerIkeVersion,
  PeerPair,
  PeerTunnelEnd,
  ReportAt,
  TunnelPair,
} from './peer/types';
export { peerEndsOf } from './peer/ends';
export { farEnd, type FarEndFacts } from './peer/far-end';
export { pairEnds } from './peer/pairing';
export { runPairRules, type PairAcknowledgement, type RunPairRulesOptions } from './peer/engine';
export {
  checkDevicePair,
  checkDevices,
  deviceFacts,
  devicePath,
  StoredKeyIds,
  type CheckDevicesOptions,
  type DeviceConfiguration,
  type DevicePair,
  type DevicePairCheck,
} from './peer/device';
export { allFieldNames, vocabulary, type FieldNames, type PropNames, type Vocabulary } from './vocabulary';
