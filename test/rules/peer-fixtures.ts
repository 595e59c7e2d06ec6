/**
 * Two devices' decoded configurations (the object model's own types) forming one correct transport-mode pair
 * (fw-a 198.51.100.1 <-> fw-b 198.51.100.2), changed one thing at a time by the tests.
 */
import { createHash } from 'node:crypto';
import type { IkeCryptoProfile, IkeGateway, IpsecCryptoProfile, IpsecTunnel } from '../../src/panos/objects';
import type { DeviceConfiguration, Finding, RuleResults } from '../../src/rules';

/** A key as a device returns it: `-AQ==`, the base64 SHA-1 of the plaintext, then ciphertext (a stand-in here). */
export function stored(plaintext: string, ciphertext = 'c2VhbGVkIHVuZGVyIHRoZSBtYXN0ZXIga2V5'): string {
  return `-AQ==${createHash('sha1').update(plaintext, 'utf8').digest('base64')}${ciphertext}`;
}

/** What a test changes on one device. */
export interface DevicePatch {
  readonly gateway?: Partial<IkeGateway>;
  readonly tunnel?: Partial<IpsecTunnel>;
  readonly ike?: Partial<IkeCryptoProfile>;
  readonly ipsec?: Partial<IpsecCryptoProfile>;
}

/** One side of the pair. */
export function device(name: string, local: string, peer: string, patch: DevicePatch = {}): DeviceConfiguration {
  return {
    name,
    ikeCryptoProfiles: [{ name: 'ike-tm', dhGroups: ['group20'], authentication: ['sha384'], encryption: ['aes-256-gcm'], ...patch.ike }],
    ipsecCryptoProfiles: [
      { name: 'ipsec-tm', protocol: 'esp', espEncryption: ['aes-256-gcm'], espAuthentication: ['none'], dhGroup: 'group20', ...patch.ipsec },
    ],
    ikeGateways: [
      {
        name: 'gw-bgp',
        version: 'ikev2',
        ikev2CryptoProfile: 'ike-tm',
        authentication: 'pre-shared-key',
        preSharedKeyEncrypted: stored('bgp-lab-key'),
        localInterface: 'ethernet1/1',
        localIp: `${local}/30`,
        peerIp: peer,
        ...patch.gateway,
      },
    ],
    ipsecTunnels: [
      {
        name: 'bgp',
        tunnelInterface: 'tunnel.10',
        ipsecMode: 'transport',
        antiReplayWindow: '512',
        autoKey: { ikeGateways: ['gw-bgp'], ipsecCryptoProfile: 'ipsec-tm' },
        ...patch.tunnel,
      },
    ],
  };
}

/** fw-a and fw-b, each patched. */
export function pairOf(a: DevicePatch = {}, b: DevicePatch = {}): [DeviceConfiguration, DeviceConfiguration] {
  return [device('fw-a', '198.51.100.1', '198.51.100.2', a), device('fw-b', '198.51.100.2', '198.51.100.1', b)];
}

/** Ids of every error, warning and info. */
export function ids(results: RuleResults): { errors: string[]; warnings: string[]; infos: string[] } {
  const of = (fs: readonly Finding[]): string[] => fs.map((f) => f.ruleId);
  return { errors: of(results.errors), warnings: of(results.warnings), infos: of(results.infos) };
}

/** The paths of the devices' objects. */
export const DEVICE_PATHS = {
  gwA: 'fw-a/ike-gateway/gw-bgp',
  gwB: 'fw-b/ike-gateway/gw-bgp',
  tunnelA: 'fw-a/ipsec-tunnel/bgp',
  tunnelB: 'fw-b/ipsec-tunnel/bgp',
  ikeA: 'fw-a/ike-crypto-profile/ike-tm',
  ipsecA: 'fw-a/ipsec-crypto-profile/ipsec-tm',
} as const;
