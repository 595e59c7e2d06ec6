/**
 * The registry of every rule, in catalogue order. Ids are stable and never reused: a retired rule keeps its id
 * out of circulation.
 */
import type { Rule, RuleInfo } from './types';
import type { PairRule } from './peer/types';
import { tm001TransportNeeds110 } from './checks/tm-001-transport-needs-11-0';
import { tm002DowngradeWithTransport } from './checks/tm-002-downgrade-with-transport';
import { tm003TransportIpv4Only } from './checks/tm-003-transport-ipv4-only';
import { tm004TransportEspOnly } from './checks/tm-004-transport-esp-only';
import { tm005TransportIkev2Only } from './checks/tm-005-transport-ikev2-only';
import { tm006TransportIkeDhGroup20 } from './checks/tm-006-transport-ike-dh-group20';
import { tm007TransportAes256Gcm } from './checks/tm-007-transport-aes-256-gcm';
import { tm008TransportNoNatTraversal } from './checks/tm-008-transport-no-nat-t';
import { tm009TransportNoLoopback } from './checks/tm-009-transport-no-loopback';
import { tm010TransportNoProxyIds } from './checks/tm-010-transport-no-proxy-ids';
import { tm011TransportAutoKeyOnly } from './checks/tm-011-transport-auto-key-only';
import { tm012GatewayWithoutTunnel } from './checks/tm-012-gateway-without-tunnel';
import { tm013TransportInterfaceAddressIgnored } from './checks/tm-013-transport-interface-address-ignored';
import { tm014TransportGreNeedsAddress } from './checks/tm-014-transport-gre-needs-address';
import { tm015MulticastNeedsGre } from './checks/tm-015-multicast-needs-gre';
import { tm016TransportGreSameEndpoints } from './checks/tm-016-transport-gre-same-endpoints';
import { tm017MonitorNeedsDestination } from './checks/tm-017-monitor-needs-destination';
import { tm018TransportCopyTos } from './checks/tm-018-transport-copy-tos';
import { tm019TransportPfsGroup20 } from './checks/tm-019-transport-pfs-group20';
import { tm020TransportMulticastNote } from './checks/tm-020-transport-multicast-note';
import { ar001AntiReplayWindowValue } from './checks/ar-001-anti-replay-window-value';
import { ar002WindowWithoutAntiReplay } from './checks/ar-002-window-without-anti-replay';
import { ref001ReferencesResolve } from './checks/ref-001-references-resolve';
import { ref002UniqueNames } from './checks/ref-002-unique-names';
import { ref003SameLocation } from './checks/ref-003-same-location';
import { ref004InterfaceSingleTunnel } from './checks/ref-004-interface-single-tunnel';
import { ref005InterfaceZoneRouter } from './checks/ref-005-interface-zone-router';
import { ref006VersionFeatures } from './checks/ref-006-version-features';
import { ref007NameFormat } from './checks/ref-007-name-format';
import { wc001WeakCrypto } from './checks/wc-001-weak-crypto';
import { wc002PolicyBasedPeer } from './checks/wc-002-policy-based-peer';
import { peer001IkeVersion } from './checks/peer-001-ike-version';
import { peer002IkeVersionFallback } from './checks/peer-002-ike-version-fallback';
import { peer003Ikev1ExchangeMode } from './checks/peer-003-ikev1-exchange-mode';
import { peer004IkeProposals } from './checks/peer-004-ike-proposals';
import { peer005IpsecProposals } from './checks/peer-005-ipsec-proposals';
import { peer006PfsGroup } from './checks/peer-006-pfs-group';
import { peer007IpsecMode } from './checks/peer-007-ipsec-mode';
import { peer008GreEncapsulation } from './checks/peer-008-gre-encapsulation';
import { peer009AddressesMirror } from './checks/peer-009-addresses-mirror';
import { peer010PreSharedKeySource } from './checks/peer-010-pre-shared-key-source';
import { peer011PreSharedKeyUnverifiable } from './checks/peer-011-pre-shared-key-unverifiable';
import { peer012Identities } from './checks/peer-012-identities';
import { peer013NatTraversal } from './checks/peer-013-nat-traversal';
import { peer014NatWithoutNatTraversal } from './checks/peer-014-nat-without-nat-traversal';
import { peer015ProxyIdsMirror } from './checks/peer-015-proxy-ids-mirror';
import { peer016Lifetimes } from './checks/peer-016-lifetimes';
import { peer017AntiReplay } from './checks/peer-017-anti-replay';
import { peer018FarEndUnpaired } from './checks/peer-018-far-end-unpaired';
import { peer019NobodyInitiates } from './checks/peer-019-nobody-initiates';

/** Every rule, in catalogue order. */
export const ALL_RULES: readonly Rule[] = [
  tm001TransportNeeds110,
  tm002DowngradeWithTransport,
  tm003TransportIpv4Only,
  tm004TransportEspOnly,
  tm005TransportIkev2Only,
  tm006TransportIkeDhGroup20,
  tm019TransportPfsGroup20,
  tm007TransportAes256Gcm,
  tm008TransportNoNatTraversal,
  tm009TransportNoLoopback,
  tm010TransportNoProxyIds,
  tm011TransportAutoKeyOnly,
  tm012GatewayWithoutTunnel,
  tm013TransportInterfaceAddressIgnored,
  tm014TransportGreNeedsAddress,
  tm015MulticastNeedsGre,
  tm020TransportMulticastNote,
  tm016TransportGreSameEndpoints,
  tm017MonitorNeedsDestination,
  tm018TransportCopyTos,
  ar001AntiReplayWindowValue,
  ar002WindowWithoutAntiReplay,
  ref001ReferencesResolve,
  ref002UniqueNames,
  ref007NameFormat,
  ref003SameLocation,
  ref004InterfaceSingleTunnel,
  ref005InterfaceZoneRouter,
  ref006VersionFeatures,
  wc001WeakCrypto,
  wc002PolicyBasedPeer,
];

/** Every pair rule (`PANOS-PEER-…`: both ends of a tunnel), in catalogue order. */
export const PAIR_RULES: readonly PairRule[] = [
  peer001IkeVersion,
  peer002IkeVersionFallback,
  peer003Ikev1ExchangeMode,
  peer004IkeProposals,
  peer005IpsecProposals,
  peer006PfsGroup,
  peer007IpsecMode,
  peer008GreEncapsulation,
  peer009AddressesMirror,
  peer018FarEndUnpaired,
  peer010PreSharedKeySource,
  peer011PreSharedKeyUnverifiable,
  peer012Identities,
  peer013NatTraversal,
  peer014NatWithoutNatTraversal,
  peer015ProxyIdsMirror,
  peer016Lifetimes,
  peer017AntiReplay,
  peer019NobodyInitiates,
];

/** The rule with this id, or undefined. */
export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}

/** The stack rule or pair rule with this id (what acknowledgements are checked against), or undefined. */
export function ruleInfoById(id: string): RuleInfo | undefined {
  return ruleById(id) ?? PAIR_RULES.find((r) => r.id === id);
}
