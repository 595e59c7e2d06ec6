/**
 * The registry of every rule, in catalogue order. Ids are stable and never reused: a retired rule keeps its id
 * out of circulation.
 */
import type { Rule } from './types';
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

/** The rule with this id, or undefined. */
export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
