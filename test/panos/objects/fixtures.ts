/** Fully populated models of every object kind, shared by the object-model tests. */
import type { IkeCryptoProfile, IkeGateway, IpsecCryptoProfile, IpsecTunnel, TunnelInterface, TunnelMonitorProfile } from '../../../src/panos/objects';

export const TUNNEL_INTERFACE: TunnelInterface = {
  name: 'tunnel.12',
  comment: 'to branch <A&B>',
  ipv4Addresses: ['169.254.10.1/30', '169.254.20.1/30'],
  ipv6Enabled: true,
  ipv6Addresses: ['fd00::1/64'],
  mtu: 1400,
  managementProfile: 'allow-ping',
  netflowProfile: 'nf1',
};

export const MONITOR_PROFILE: TunnelMonitorProfile = { name: 'mon-failover', action: 'fail-over', interval: 4, threshold: 7 };

export const IKE_PROFILE: IkeCryptoProfile = {
  name: 'ike-transport',
  dhGroups: ['group20', 'group19'],
  authentication: ['sha384', 'sha256'],
  encryption: ['aes-256-gcm'],
  lifetime: { unit: 'hours', value: 8 },
  authenticationMultiple: 3,
};

export const IPSEC_PROFILE: IpsecCryptoProfile = {
  name: 'esp-gcm',
  protocol: 'esp',
  espEncryption: ['aes-256-gcm', 'aes-128-gcm'],
  espAuthentication: ['none'],
  dhGroup: 'group20',
  lifetime: { unit: 'minutes', value: 90 },
  lifesize: { unit: 'gb', value: 10 },
};

export const AH_PROFILE: IpsecCryptoProfile = { name: 'ah-only', protocol: 'ah', ahAuthentication: ['sha256'], dhGroup: 'no-pfs', lifetime: { unit: 'days', value: 1 } };

export const GATEWAY: IkeGateway = {
  name: 'gw-branch',
  version: 'ikev2-preferred',
  authentication: 'pre-shared-key',
  preSharedKeyEncrypted: '-AQ==encrypted-text==',
  localInterface: 'ethernet1/1',
  localIp: '198.51.100.1/24',
  peerIp: '203.0.113.9',
  localId: { type: 'fqdn', id: 'hq.example' },
  peerId: { type: 'ipaddr', id: '203.0.113.9', matching: 'exact' },
  ikev1CryptoProfile: 'ike-legacy',
  ikev2CryptoProfile: 'ike-transport',
  ikev1ExchangeMode: 'main',
  ikev1Dpd: { enable: true, interval: 10, retry: 3 },
  ikev2Dpd: { enable: true, interval: 7 },
  natTraversal: false,
  natKeepAlive: 30,
  fragmentation: false,
  passiveMode: true,
  ipv6: false,
  disabled: false,
  comment: 'branch "one"',
};

export const TUNNEL: IpsecTunnel = {
  name: 'vpn-branch',
  tunnelInterface: 'tunnel.12',
  keyType: 'auto-key',
  autoKey: {
    ikeGateways: ['gw-branch', 'gw-backup'],
    ipsecCryptoProfile: 'esp-gcm',
    proxyIds: [
      { name: 'web', local: '10.1.0.0/24', remote: '10.2.0.0/24', protocol: 'tcp', localPort: 0, remotePort: 443 },
      { name: 'gre', local: '10.1.0.0/24', remote: '10.2.0.0/24', protocol: 'number', number: 47 },
      { name: 'all', local: '10.1.0.0/16', remote: '10.2.0.0/16', protocol: 'any' },
    ],
    proxyIdsV6: [{ name: 'v6', local: 'fd01::/64', remote: 'fd02::/64', protocol: 'udp', localPort: 53, remotePort: 0 }],
  },
  antiReplay: true,
  antiReplayWindow: '2048',
  copyTos: false,
  enableGreEncapsulation: true,
  tunnelMonitor: { enable: true, destinationIp: '10.2.0.1', proxyId: 'all', profile: 'mon-failover' },
  disabled: false,
  comment: 'tunnel',
  ipv6: false,
};
