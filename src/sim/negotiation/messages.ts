/**
 * System-log wording of VPN negotiation events (docs/lab-negotiation.md §6). Each sentence says where it comes from:
 * SEEN (a real device's output quoted by the reference), RECALLED (vendor table remembered, not retrieved) or INFERRED
 * (built on the seen shape; PAN-OS wording for that case was not found). The explanation after the device-style
 * sentence (which parameter differs, the RFC 7296 notify) is the lab's own addition and is always INFERRED.
 */

/** Which end of an exchange a device played. */
export type Role = 'initiator' | 'responder';

/** What both messages of one exchange share. */
export interface SaWords {
  readonly version: 'ikev1' | 'ikev2';
  readonly role: Role;
  readonly local: string;
  readonly peer: string;
  /** 500, or 4500 once NAT traversal floated the exchange. */
  readonly port: number;
  /** IKEv1 exchange mode, for phase-1 lines. */
  readonly exchange?: 'main' | 'aggressive';
  readonly spiI: string;
  readonly spiR: string;
}

const ZERO_SPI = '0000000000000000';

function pair(w: SaWords): string {
  return `${w.local}[${w.port}]-${w.peer}[${w.port}]`;
}

/** Phase-1 / IKE SA failure. IKEv1 shape SEEN ("due to timeout" row of the vendor table); IKEv2 shape INFERRED from it. */
export function ikeFailed(w: SaWords, reason: string, responderSpiKnown = true): string {
  const spiR = responderSpiKnown ? w.spiR : ZERO_SPI;
  if (w.version === 'ikev1') {
    return `IKE phase-1 negotiation is failed as ${w.role}, ${w.exchange ?? 'main'} mode. Failed SA: ${pair(w)} cookie:${w.spiI}:${spiR} ${reason}`;
  }
  return `IKEv2 IKE SA negotiation is failed as ${w.role}, non-rekey. Failed SA: ${pair(w)} SPI:${w.spiI}:${spiR}. ${reason}`;
}

/** The reason of an initiator that never hears back: SEEN ("… due to timeout."). */
export const TIMEOUT = 'due to timeout.';

/** Phase-1 / IKE SA success. IKEv2 opening SEEN ("IKEv2 IKE SA negotiation is succeeded as responder"); rest INFERRED. */
export function ikeSucceeded(w: SaWords, lifetimeSec: number): string {
  if (w.version === 'ikev1') {
    return `IKE phase-1 negotiation is succeeded as ${w.role}, ${w.exchange ?? 'main'} mode. Established SA: ${pair(w)} cookie:${w.spiI}:${w.spiR} lifetime ${lifetimeSec} Sec.`;
  }
  return `IKEv2 IKE SA negotiation is succeeded as ${w.role}, non-rekey. Established SA: ${pair(w)} SPI:${w.spiI}:${w.spiR} lifetime ${lifetimeSec} Sec.`;
}

/** A responder with no gateway for the sender: SEEN (vendor error table, IKEv1; used for IKEv2 too, INFERRED). */
export function noGatewayFor(peer: string, port: number): string {
  return `IKE phase 1 negotiation is failed. Couldn't find configuration for IKE phase-1 request for peer IP ${peer}[${port}].`;
}

/** Child SA / phase-2 failure. IKEv2 shape INFERRED; IKEv1 opening RECALLED. */
export function childFailed(w: SaWords, tunnel: string, reason: string): string {
  if (w.version === 'ikev1') {
    return `IKE phase-2 negotiation is failed as ${w.role}, quick mode. Failed SA: ${pair(w)} tunnel ${tunnel}. ${reason}`;
  }
  return `IKEv2 child SA negotiation is failed as ${w.role}, non-rekey. Failed SA: ${pair(w)} tunnel ${tunnel}. ${reason}`;
}

/** Child SA / phase-2 success. IKEv2 opening SEEN ("IKEv2 child SA negotiation is succeeded"); rest INFERRED. */
export function childSucceeded(w: SaWords, tunnel: string, spiIn: number, spiOut: number, lifetimeSec: number): string {
  const spis = `SPI:0x${hex8(spiIn)}/0x${hex8(spiOut)}`;
  if (w.version === 'ikev1') {
    return `IKE phase-2 negotiation is succeeded as ${w.role}, quick mode. Established SA: ${pair(w)} tunnel ${tunnel}, ${spis} lifetime ${lifetimeSec} Sec.`;
  }
  return `IKEv2 child SA negotiation is succeeded as ${w.role}, non-rekey. Established SA: ${pair(w)} tunnel ${tunnel}, ${spis} lifetime ${lifetimeSec} Sec.`;
}

/** An SPI as flow detail prints it (8 hex digits, upper case). */
export function hex8(n: number): string {
  return n.toString(16).toUpperCase().padStart(8, '0');
}

/** Reasons (the lab's explanations; INFERRED wording around the RFC 7296 notify names). */
export const REASON = {
  noProposal: (what: string, peer: string, ours: string): string =>
    `no suitable proposal found in peer's SA payload (NO_PROPOSAL_CHOSEN): ${what}: peer offers ${peer}, configured ${ours} (${what} mismatch).`,
  receivedNotify: (notify: string): string => `received notify ${notify} from the peer.`,
  versionIgnored: (got: string, gateway: string, configured: string): string =>
    `received an ${got} request; gateway ${gateway} is configured for ${configured}, request ignored (IKE version mismatch).`,
  exchangeIgnored: (got: string, gateway: string, configured: string): string =>
    `received an IKEv1 ${got} mode request; gateway ${gateway} is configured for ${configured} mode, request ignored (exchange mode mismatch).`,
  psk: (): string => `authentication failure (AUTHENTICATION_FAILED): the peer's AUTH payload does not verify with the configured pre-shared key (pre-shared key mismatch).`,
  authMethod: (peer: string, ours: string): string =>
    `authentication failure (AUTHENTICATION_FAILED): peer authenticates with ${peer}, configured ${ours} (authentication method mismatch).`,
  certificate: (): string => `authentication failure (AUTHENTICATION_FAILED): certificate authentication is not simulated by the lab.`,
  peerId: (received: string, expected: string): string =>
    `authentication failure (AUTHENTICATION_FAILED): peer ID ${received} does not match the configured peer ID ${expected} (identity mismatch).`,
  natT: (where: string): string => `NAT detected between the peers but NAT traversal is disabled on ${where} (NAT-T mismatch).`,
  lacksKe: (ours: string): string => `IKEv2 child SA negotiation is failed message lacks KE payload. PFS ${ours} configured, the peer offers no PFS (PFS group mismatch).`,
  pfs: (peer: string, ours: string): string => `pfs group mismatched:my: ${ours} peer: ${peer} (PFS group mismatch).`,
  transportRefused: (tunnel: string): string =>
    `the peer did not accept transport mode (no USE_TRANSPORT_MODE in the response); tunnel ${tunnel} is configured for transport mode, child SA deleted (IPSec mode mismatch).`,
  transportNotConfigured: (tunnel: string): string =>
    `the peer requested transport mode (USE_TRANSPORT_MODE); tunnel ${tunnel} is configured for tunnel mode (IPSec mode mismatch).`,
  tunnelNotConfigured: (tunnel: string): string =>
    `the peer requested tunnel mode (NO_PROPOSAL_CHOSEN); tunnel ${tunnel} is configured for transport mode (IPSec mode mismatch).`,
  transportNeedsIkev2: (): string => `transport mode needs IKEv2; the IKE SA is IKEv1 (IPSec mode mismatch).`,
  transportOverNatT: (): string => `transport mode cannot run over NAT traversal (IPSec mode mismatch).`,
  tsUnacceptable: (proposed: string, configured: string): string =>
    `traffic selectors unacceptable (TS_UNACCEPTABLE): peer proposes ${proposed}; configured proxy IDs ${configured} (proxy ID mismatch).`,
  proxyIdV1: (local: string, remote: string): string =>
    `IKE phase-2 negotiation failed when processing Proxy ID. Received local id ${local} type IPv4 address protocol 0 port 0, received remote id ${remote} type IPv4 address protocol 0 port 0 (proxy ID mismatch).`,
  noTunnel: (gateway: string): string => `no IPSec tunnel is configured on gateway ${gateway} (TS_UNACCEPTABLE).`,
  fqdn: (fqdn: string): string => `peer FQDN ${fqdn} cannot be resolved (the lab has no DNS); ${TIMEOUT}`,
  localAddress: (address: string, iface: string): string => `local address ${address} is not configured on ${iface || 'any interface'}; ${TIMEOUT}`,
} as const;
