/**
 * The simulator's schema for the subtrees the project writes, written independently of the object model from the
 * PAN-OS facts in docs/panos/ (one page per object; the vendor sources are cited there, pan-os-codegen specs first).
 * Every enum, range and length below is such a documented fact; a limit no source states is marked `inferred` with
 * its reason, and is kept lenient (a device holding more than the simulator accepts would hide nothing, the reverse
 * would make the simulator refuse what a device accepts). Subtrees outside these tables are `open` and accepted
 * unvalidated. Where the docs cover only part of a node (ethernet, loopback, virtual-router) the documented children
 * are validated and the rest is left open.
 */
import {
  ContainerSpec,
  EnumValue,
  Spec,
  anything,
  c,
  empty,
  entries,
  int,
  members,
  objects,
  oneOfValues,
  secret,
  since,
  str,
  yesno,
} from './schema-types';

/** docs/panos/ike-crypto-profile.md#dh-group (group15/16/21 from 10.2: #dh-group-versions). */
const DH_GROUPS: EnumValue[] = [
  'group1',
  'group2',
  'group5',
  'group14',
  { value: 'group15', since: '10.2' },
  { value: 'group16', since: '10.2' },
  'group19',
  'group20',
  { value: 'group21', since: '10.2' },
];

/** docs/panos/ike-crypto-profile.md#lifetime, docs/panos/ipsec-crypto-profile.md#lifetime. */
const lifetime = c(
  { seconds: int(180, 65535), minutes: int(3, 65535), hours: int(1, 65535), days: int(1, 365) },
  { oneOf: [['seconds', 'minutes', 'hours', 'days']] },
);

const ipEntries = entries(c({}));

/** docs/panos/tunnel-interface.md#bonjour. */
const bonjour = c({ enable: yesno, 'group-id': int(0, 16), 'ttl-check': yesno });

/** docs/panos/tunnel-interface.md#ipv6-enabled and following rows. */
const ipv6Block = c({
  enabled: yesno,
  // inferred: no source bounds interface-id; 63 is above any EUI-64 or manual identifier text.
  'interface-id': str(63),
  address: entries(c({ 'enable-on-interface': yesno, prefix: empty, anycast: empty })),
});

/** Tunnel interface `network/interface/tunnel/units/entry` (docs/panos/tunnel-interface.md). */
const tunnelUnit = c({
  comment: str(1023),
  ip: ipEntries,
  ipv6: ipv6Block,
  mtu: int(576, 9216),
  'netflow-profile': str(63),
  'interface-management-profile': str(31),
  'df-ignore': yesno,
  'link-tag': str(127),
  bonjour,
});

/** Layer3 settings of ethernet / subinterfaces: documented children validated, others (dhcp-client, ndp-proxy…) open. */
const layer3 = c(
  {
    ip: ipEntries,
    ipv6: c({}, { open: true }),
    mtu: int(576, 9216),
    'interface-management-profile': str(31),
    'netflow-profile': str(63),
    units: objects(c({ tag: int(1, 4094), ip: ipEntries, mtu: int(576, 9216), comment: str(1023) }, { open: true })),
  },
  { open: true },
);

const ethernet = objects(
  c(
    {
      comment: str(1023),
      'link-speed': str(31),
      'link-duplex': str(31),
      'link-state': oneOfValues('auto', 'up', 'down'),
      layer3,
      layer2: c({}, { open: true }),
      'virtual-wire': c({}, { open: true }),
      tap: c({}, { open: true }),
      ha: c({}, { open: true }),
      'aggregate-group': str(31),
    },
    { open: true, oneOf: [['layer3', 'layer2', 'virtual-wire', 'tap', 'ha', 'aggregate-group']] },
  ),
  { namePattern: { re: /^ethernet\d+\/\d+$/, hint: 'ethernetS/P, e.g. ethernet1/1' } },
);

const loopbackUnit = c(
  {
    comment: str(1023),
    ip: ipEntries,
    ipv6: ipv6Block,
    mtu: int(576, 9216),
    'netflow-profile': str(63),
    'interface-management-profile': str(31),
  },
  { open: true },
);

/**
 * IKE gateway (docs/panos/ike-gateway.md). inferred, here and in the tunnel below: references to other objects
 * (profile, interface, certificate names) are bounded by 63 or 31 characters, the longest name of what they name
 * (docs/panos/README.md#names) or more; the vendor schema states no limit on the reference itself.
 */
const dpd = c({ enable: yesno, interval: int(2, 100), retry: int(2, 100) });
/** docs/panos/ike-gateway.md#local-id. */
const ikeId = c({ type: oneOfValues('ipaddr', 'fqdn', 'ufqdn', 'keyid', 'dn'), id: str(1024, 1) });
const ikeGateway = c({
  authentication: c(
    {
      'pre-shared-key': c({ key: secret(255) }),
      certificate: c({
        'local-certificate': c({ name: str(255), 'hash-and-url': c({ enable: yesno, 'base-url': str(1024) }) }),
        'certificate-profile': str(63),
        'use-management-as-source': yesno,
        'strict-validation-revocation': yesno,
        'allow-id-payload-mismatch': yesno,
      }),
    },
    { oneOf: [['pre-shared-key', 'certificate']] },
  ),
  protocol: c({
    version: oneOfValues('ikev1', 'ikev2', 'ikev2-preferred'),
    ikev1: c({ 'exchange-mode': oneOfValues('auto', 'main', 'aggressive'), 'ike-crypto-profile': str(63), dpd }),
    ikev2: c({ 'ike-crypto-profile': str(63), 'require-cookie': yesno, dpd: c({ enable: yesno, interval: int(2, 100) }) }),
  }),
  'protocol-common': c({
    'nat-traversal': c({ enable: yesno, 'keep-alive-interval': int(10, 3600), 'udp-checksum-enable': yesno }),
    fragmentation: c({ enable: yesno }),
    'passive-mode': yesno,
  }),
  // inferred: floating-ip and peer ip hold an address; 63 characters is more than any IPv6 address with prefix.
  'local-address': c({ interface: str(31), ip: str(63), 'floating-ip': str(63) }, { oneOf: [['ip', 'floating-ip']] }),
  'peer-address': c({ ip: str(63), fqdn: str(255), dynamic: empty }, { oneOf: [['ip', 'fqdn', 'dynamic']] }),
  'local-id': ikeId,
  'peer-id': c({ ...ikeId.children, matching: oneOfValues('exact', 'wildcard') }),
  disabled: yesno,
  ipv6: yesno,
  comment: str(1023),
});

/** IKE crypto profile (docs/panos/ike-crypto-profile.md; no `des`: #des there). */
const ikeCrypto = c({
  'dh-group': members(DH_GROUPS),
  hash: members(['non-auth', 'md5', 'sha1', 'sha256', 'sha384', 'sha512']),
  encryption: members(['3des', 'aes-128-cbc', 'aes-192-cbc', 'aes-256-cbc', 'aes-128-gcm', 'aes-256-gcm']),
  lifetime,
  'authentication-multiple': int(0, 50),
});

/** IPSec crypto profile (docs/panos/ipsec-crypto-profile.md; `aes-128-ccm` yes, `des` no: #aes-128-ccm, #des there). */
const HASHES = ['md5', 'sha1', 'sha256', 'sha384', 'sha512'];
const ipsecCrypto = c(
  {
    esp: c({
      encryption: members(['3des', 'aes-128-cbc', 'aes-192-cbc', 'aes-256-cbc', 'aes-128-ccm', 'aes-128-gcm', 'aes-256-gcm', 'null']),
      authentication: members(['none', ...HASHES]),
    }),
    ah: c({ authentication: members(HASHES) }),
    'dh-group': oneOfValues('no-pfs', ...DH_GROUPS),
    lifetime,
    lifesize: c(
      { kb: int(1, 65535), mb: int(1, 65535), gb: int(1, 65535), tb: int(1, 65535) },
      { oneOf: [['kb', 'mb', 'gb', 'tb']] },
    ),
  },
  { oneOf: [['esp', 'ah']] },
);

/** Tunnel monitor profile (docs/panos/tunnel-monitor-profile.md; interval 2-100 is the schema's range). */
const monitorProfile = c({ action: oneOfValues('wait-recover', 'fail-over'), interval: int(2, 100), threshold: int(2, 10) });

/** IPSec tunnel (docs/panos/ipsec-tunnel.md). */
const port = int(0, 65535);
// Proxy ID names: the tunnel name and the proxy ID name together are at most 63 characters, checked at commit
// (docs/panos/README.md#name-proxy-id); 63 here is the bound a name alone can never exceed.
const proxyId = entries(
  c({
    local: str(63),
    remote: str(63),
    protocol: c(
      { any: empty, number: int(1, 254), tcp: c({ 'local-port': port, 'remote-port': port }), udp: c({ 'local-port': port, 'remote-port': port }) },
      { oneOf: [['any', 'number', 'tcp', 'udp']] },
    ),
  }),
);
const keyed = c({ key: secret(255) });
const hashKeyChoice = c(
  Object.fromEntries(HASHES.map((h) => [h, keyed])),
  { oneOf: [HASHES] },
);
const manualLocal = c({ interface: str(31), ip: str(63), 'floating-ip': str(63) }, { oneOf: [['ip', 'floating-ip']] });
const ipsecTunnel = c(
  {
    'tunnel-interface': str(31),
    'anti-replay': yesno,
    'anti-replay-window': oneOfValues('64', '128', '256', '512', '1024', '2048', '4096'),
    'copy-tos': yesno,
    'copy-flow-label': yesno,
    'enable-gre-encapsulation': yesno,
    disabled: yesno,
    ipv6: yesno,
    comment: str(1023),
    // inferred: destination-ip holds an address (63 is more than any); proxy-id and profile are references.
    'tunnel-monitor': c({ enable: yesno, 'destination-ip': str(63), 'proxy-id': str(63), 'tunnel-monitor-profile': str(63) }),
    'ipsec-mode': since('11.0', oneOfValues('tunnel', 'transport')),
    'auto-key': c({
      'ike-gateway': entries(c({})),
      'ipsec-crypto-profile': str(63),
      'proxy-id': proxyId,
      'proxy-id-v6': proxyId,
    }),
    // docs/panos/ipsec-tunnel.md#manual-key. inferred: an SPI is 32 bits, written as at most 8 hex digits.
    'manual-key': c({
      'local-spi': str(8),
      'remote-spi': str(8),
      'local-address': manualLocal,
      'peer-address': c({ ip: str(63) }),
      esp: c({
        authentication: c({ ...hashKeyChoice.children, none: empty }, { oneOf: [[...HASHES, 'none']] }),
        encryption: c({
          algorithm: oneOfValues('des', '3des', 'aes-128-cbc', 'aes-192-cbc', 'aes-256-cbc', 'null'),
          key: secret(255),
        }),
      }),
      ah: hashKeyChoice,
    }, { oneOf: [['esp', 'ah']] }),
    'global-protect-satellite': c({
      'portal-address': str(255),
      'ipv6-preferred': yesno,
      'local-address': c(
        {
          interface: str(31),
          ip: c({ ipv4: str(63), ipv6: str(63) }),
          'floating-ip': c({ ipv4: str(63), ipv6: str(63) }),
        },
        { oneOf: [['ip', 'floating-ip']] },
      ),
      'publish-connected-routes': c({ enable: yesno }),
      'publish-routes': members(undefined, { maxLen: 63 }),
      'external-ca': c({ 'local-certificate': str(255), 'certificate-profile': str(63) }),
    }),
  },
  { oneOf: [['auto-key', 'manual-key', 'global-protect-satellite']] },
);

/** Zone (docs/panos/tunnel-interface.md#zone). inferred: member interface names are at most 31 characters. */
const ifMembers = members(undefined, { maxLen: 31 });
const zone = c({
  network: c(
    {
      layer3: ifMembers,
      layer2: ifMembers,
      'virtual-wire': ifMembers,
      tap: ifMembers,
      external: ifMembers,
      tunnel: c({}, { open: true }),
      'zone-protection-profile': str(31),
      'log-setting': str(63),
      'enable-packet-buffer-protection': yesno,
      'net-inspection': since('11.0', yesno),
    },
    { oneOf: [['layer3', 'layer2', 'virtual-wire', 'tap', 'external', 'tunnel']] },
  ),
  'enable-user-identification': yesno,
  'enable-device-identification': yesno,
  'user-acl': c({ 'include-list': members(), 'exclude-list': members() }),
  'device-acl': c({ 'include-list': members(), 'exclude-list': members() }),
});

const vsysImport = c({
  network: c({
    interface: ifMembers,
    'virtual-router': members(undefined, { maxLen: 31 }),
    'logical-router': members(undefined, { maxLen: 31 }),
    'virtual-wire': members(undefined, { maxLen: 31 }),
    vlan: members(undefined, { maxLen: 31 }),
  }),
  'dns-proxy': str(31),
  'visible-vsys': members(),
});

const network = c(
  {
    interface: c(
      {
        ethernet,
        loopback: c({ units: objects(loopbackUnit, { namePattern: { re: /^loopback\.\d+$/, hint: 'loopback.<1-9999>' } }) }, { open: true }),
        tunnel: c(
          {
            units: objects(tunnelUnit, { namePattern: { re: /^tunnel\.([1-9]\d{0,3})$/, hint: 'tunnel.<1-9999>' } }),
          },
          { open: true },
        ),
      },
      { open: true },
    ),
    ike: c(
      {
        gateway: objects(ikeGateway, { nameMax: 63 }),
        'crypto-profiles': c(
          // docs/panos/README.md#name-ike-crypto-profile, #name-ipsec-crypto-profile.
          { 'ike-crypto-profiles': objects(ikeCrypto, { nameMax: 31 }), 'ipsec-crypto-profiles': objects(ipsecCrypto, { nameMax: 31 }) },
          { open: true },
        ),
      },
      { open: true },
    ),
    tunnel: c({ ipsec: objects(ipsecTunnel, { nameMax: 63 }) }, { open: true }),
    // docs/panos/README.md#name-tunnel-monitor-profile.
    profiles: c({ 'monitor-profile': objects(monitorProfile, { nameMax: 31 }) }, { open: true }),
    'virtual-router': objects(c({ interface: ifMembers }, { open: true })),
  },
  { open: true },
);

const vsysEntries = entries(c({ zone: objects(zone), import: vsysImport }, { open: true }), { structural: true });

const deviceEntry = c({ network, vsys: vsysEntries }, { open: true });

/** The schema root (`/config`); template and template-stack configs recurse into it. */
export const CONFIG_SCHEMA: ContainerSpec = c({ devices: entries(deviceEntry, { structural: true }) }, { open: true });

const templateEntry = c({ config: CONFIG_SCHEMA, settings: anything, variable: anything, description: str(255) }, { open: true });
const stackEntry = c(
  { config: CONFIG_SCHEMA, templates: members(), devices: anything, settings: anything, variable: anything, description: str(255) },
  { open: true },
);
(deviceEntry.children as Record<string, Spec>).template = entries(templateEntry, { structural: true });
(deviceEntry.children as Record<string, Spec>)['template-stack'] = entries(stackEntry, { structural: true });
