/**
 * What PAN-OS transport mode accepts, stated once for the rules that check it (PANOS-TM-004 to -007, -019) and the
 * `TransportModeCrypto` construct that builds it (docs/transport-mode.md#t4 to #t7).
 */
export const TRANSPORT_MODE = {
  /** ESP only, never AH (docs/transport-mode.md#t4). */
  protocol: 'esp',
  /** IKEv2 only (docs/transport-mode.md#t5). */
  ikeVersion: 'ikev2',
  /** DH group 20 for the key exchange and for PFS (docs/transport-mode.md#t6). */
  dhGroup: 'group20',
  /** AES-256-GCM for IKE and for ESP (docs/transport-mode.md#t7). */
  encryption: 'aes-256-gcm',
} as const;
