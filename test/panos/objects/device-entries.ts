/**
 * Seventeen device entries written by hand from the vendor's schema (docs/panos/, pan-os-codegen specs), full of
 * elements the provider does not model (certificate authentication, manual-key and GlobalProtect-satellite tunnels,
 * require-cookie, udp-checksum-enable, IPv6 interface options, df-ignore, copy-flow-label, uuid
 * attributes, bonjour, lifesize, AH, ikev2-preferred with two profiles, a profile without dh-group…). Shared by the
 * codec's round-trip test (test/panos/objects/device-entries.test.ts) and the real-terraform import suite
 * (test/e2e/terraform/import-identity.test.ts).
 *
 * Each case says how a user declares the entry in HCL (every attribute the provider models that the entry holds, so
 * the declaration matches the device), one declared attribute to change and what that changes in the XML, and which
 * optional attributes a second declaration leaves out and which elements that removes.
 */
import type { ObjectKind } from '../../../src/panos/objects';

/** A model as the descriptors take it (mutable for the changes below). */
type Model = Record<string, unknown>;

/** One device entry and how the tests use it. */
export interface DeviceCase {
  readonly kind: ObjectKind;
  /** The entry name (also the import id). */
  readonly name: string;
  /** Terraform resource label. */
  readonly label: string;
  /** The `<entry>` as written to the device. */
  readonly xml: string;
  /** The declaration: one HCL item (attribute line or block) per attribute, keyed by Terraform attribute name. */
  readonly hcl: Readonly<Record<string, string>>;
  /** One declared attribute changed: its new HCL item, the XML text it replaces, and the same change on a model. */
  readonly change: {
    readonly attr: string;
    readonly hcl: string;
    readonly xml: readonly [from: string, to: string];
    readonly model: (m: Model) => void;
  };
  /**
   * Optional attributes a second declaration leaves out (never the changed one), and the XML they hold (removed by
   * that declaration).
   */
  readonly unset?: { readonly attrs: readonly string[]; readonly xml: readonly string[] };
}

const at = (m: Model, ...path: (string | number)[]): Model => path.reduce<Model>((o, k) => (o as Record<string | number, Model>)[k], m);

/** Objects the cases refer to that are not themselves imported (written to the device before the cases). */
export const PREREQUISITES: readonly { readonly kind: ObjectKind; readonly xml: string }[] = [
  { kind: 'tunnel-interface', xml: '<entry name="tunnel.24"><comment>satellite</comment></entry>' },
  {
    kind: 'ike-crypto-profile',
    xml: '<entry name="ike-tm"><encryption><member>aes-256-gcm</member></encryption><hash><member>sha384</member></hash><dh-group><member>group20</member></dh-group><lifetime><hours>8</hours></lifetime></entry>',
  },
  {
    kind: 'ipsec-crypto-profile',
    xml: '<entry name="esp-tm"><esp><encryption><member>aes-256-gcm</member></encryption><authentication><member>none</member></authentication></esp><dh-group>group20</dh-group><lifetime><hours>1</hours></lifetime></entry>',
  },
];

/** Memberships of the tunnel interfaces: [interface, zone, virtual router] (every one is imported into vsys1). */
export const MEMBERSHIPS: readonly (readonly [string, string | undefined, string | undefined])[] = [
  ['tunnel.21', 'trust', 'default'],
  ['tunnel.22', undefined, undefined],
  ['tunnel.23', undefined, 'default'],
  ['tunnel.24', undefined, undefined],
];

/** The auto_key block of `vpn-auto`, with the web proxy ID's remote port (the attribute its case changes). */
function vpnAutoKey(remotePort: number): string {
  const block = (name: string, lines: string[]): string => `    ${name} {\n${lines.map((l) => `      ${l}`).join('\n')}\n    }\n`;
  return (
    'auto_key {\n' +
    '    ike_gateways         = [panosipsec_ike_gateway.gw_pref.name, panosipsec_ike_gateway.gw_v1.name]\n' +
    '    ipsec_crypto_profile = panosipsec_ipsec_crypto_profile.esp_ccm.name\n' +
    block('proxy_ids', ['name = "web"', 'local = "10.21.0.0/24"', 'remote = "10.121.0.0/24"', 'protocol = "tcp"', 'local_port = 0', `remote_port = ${remotePort}`]) +
    block('proxy_ids', ['name = "gre"', 'local = "10.21.0.0/24"', 'remote = "10.121.0.0/24"', 'protocol = "number"', 'number = 47']) +
    block('proxy_ids_v6', ['name = "dns6"', 'local = "fd00:21::/64"', 'remote = "fd00:121::/64"', 'protocol = "udp"', 'local_port = 0', 'remote_port = 53']) +
    '  }'
  );
}

export const DEVICE_CASES: readonly DeviceCase[] = [
  {
    kind: 'tunnel-interface',
    name: 'tunnel.21',
    label: 't21',
    xml:
      '<entry name="tunnel.21"><comment>to branch 21</comment><ip><entry name="169.254.21.1/30"/><entry name="169.254.21.5/30"/></ip>' +
      '<ipv6><enabled>yes</enabled><interface-id>EUI-64</interface-id><address><entry name="fd00:21::1/64"><enable-on-interface>yes</enable-on-interface><prefix/></entry></address></ipv6>' +
      '<mtu>1400</mtu><df-ignore>yes</df-ignore><link-tag>branch</link-tag><bonjour><enable>yes</enable><group-id>3</group-id><ttl-check>no</ttl-check></bonjour>' +
      '<interface-management-profile>allow-ping</interface-management-profile></entry>',
    hcl: {
      name: 'name = "tunnel.21"',
      comment: 'comment = "to branch 21"',
      ipv4_addresses: 'ipv4_addresses = ["169.254.21.1/30", "169.254.21.5/30"]',
      ipv6_enabled: 'ipv6_enabled = true',
      ipv6_addresses: 'ipv6_addresses = ["fd00:21::1/64"]',
      mtu: 'mtu = 1400',
      management_profile: 'management_profile = "allow-ping"',
      zone: 'zone = "trust"',
      virtual_router: 'virtual_router = "default"',
    },
    change: { attr: 'mtu', hcl: 'mtu = 1420', xml: ['<mtu>1400</mtu>', '<mtu>1420</mtu>'], model: (m) => (m.mtu = 1420) },
    unset: {
      attrs: ['comment', 'management_profile'],
      xml: ['<comment>to branch 21</comment>', '<interface-management-profile>allow-ping</interface-management-profile>'],
    },
  },
  {
    kind: 'tunnel-interface',
    name: 'tunnel.22',
    label: 't22',
    xml: '<entry name="tunnel.22"><ip><entry name="169.254.22.1/30"/></ip></entry>',
    hcl: { name: 'name = "tunnel.22"', ipv4_addresses: 'ipv4_addresses = ["169.254.22.1/30"]' },
    change: {
      attr: 'ipv4_addresses',
      hcl: 'ipv4_addresses = ["169.254.22.1/30", "169.254.22.5/30"]',
      xml: ['<entry name="169.254.22.1/30"/></ip>', '<entry name="169.254.22.1/30"/><entry name="169.254.22.5/30"/></ip>'],
      model: (m) => (m.ipv4Addresses = ['169.254.22.1/30', '169.254.22.5/30']),
    },
  },
  {
    kind: 'tunnel-interface',
    name: 'tunnel.23',
    label: 't23',
    xml: '<entry name="tunnel.23"><comment>manual</comment><mtu>1300</mtu><netflow-profile>nf-edge</netflow-profile></entry>',
    hcl: { name: 'name = "tunnel.23"', comment: 'comment = "manual"', mtu: 'mtu = 1300', netflow_profile: 'netflow_profile = "nf-edge"', virtual_router: 'virtual_router = "default"' },
    change: { attr: 'comment', hcl: 'comment = "manual keyed"', xml: ['<comment>manual</comment>', '<comment>manual keyed</comment>'], model: (m) => (m.comment = 'manual keyed') },
    unset: { attrs: ['mtu'], xml: ['<mtu>1300</mtu>'] },
  },
  {
    kind: 'ike-crypto-profile',
    name: 'ike-gcm-days',
    label: 'gcm_days',
    xml:
      '<entry name="ike-gcm-days"><encryption><member>aes-256-gcm</member><member>aes-128-gcm</member></encryption><hash><member>non-auth</member></hash>' +
      '<dh-group><member>group20</member><member>group21</member></dh-group><lifetime><days>2</days></lifetime><authentication-multiple>3</authentication-multiple></entry>',
    hcl: {
      name: 'name = "ike-gcm-days"',
      dh_groups: 'dh_groups = ["group20", "group21"]',
      authentication: 'authentication = ["non-auth"]',
      encryption: 'encryption = ["aes-256-gcm", "aes-128-gcm"]',
      lifetime: 'lifetime {\n    unit  = "days"\n    value = 2\n  }',
      authentication_multiple: 'authentication_multiple = 3',
    },
    change: {
      attr: 'authentication_multiple',
      hcl: 'authentication_multiple = 4',
      xml: ['<authentication-multiple>3</authentication-multiple>', '<authentication-multiple>4</authentication-multiple>'],
      model: (m) => (m.authenticationMultiple = 4),
    },
    unset: { attrs: ['dh_groups', 'lifetime'], xml: ['<dh-group><member>group20</member><member>group21</member></dh-group>', '<lifetime><days>2</days></lifetime>'] },
  },
  {
    kind: 'ike-crypto-profile',
    name: 'ike-no-dh',
    label: 'no_dh',
    xml: '<entry name="ike-no-dh"><encryption><member>aes-128-cbc</member></encryption><hash><member>sha256</member></hash></entry>',
    hcl: { name: 'name = "ike-no-dh"', authentication: 'authentication = ["sha256"]', encryption: 'encryption = ["aes-128-cbc"]' },
    change: {
      attr: 'encryption',
      hcl: 'encryption = ["aes-256-cbc"]',
      xml: ['<member>aes-128-cbc</member>', '<member>aes-256-cbc</member>'],
      model: (m) => (m.encryption = ['aes-256-cbc']),
    },
  },
  {
    kind: 'ike-crypto-profile',
    name: 'ike-v1-legacy',
    label: 'v1_legacy',
    xml:
      '<entry name="ike-v1-legacy"><encryption><member>aes-256-cbc</member></encryption><hash><member>sha256</member></hash>' +
      '<dh-group><member>group14</member></dh-group><lifetime><hours>8</hours></lifetime></entry>',
    hcl: {
      name: 'name = "ike-v1-legacy"',
      dh_groups: 'dh_groups = ["group14"]',
      authentication: 'authentication = ["sha256"]',
      encryption: 'encryption = ["aes-256-cbc"]',
      lifetime: 'lifetime {\n    unit  = "hours"\n    value = 8\n  }',
    },
    change: {
      attr: 'lifetime',
      hcl: 'lifetime {\n    unit  = "hours"\n    value = 6\n  }',
      xml: ['<hours>8</hours>', '<hours>6</hours>'],
      model: (m) => (m.lifetime = { unit: 'hours', value: 6 }),
    },
  },
  {
    kind: 'ipsec-crypto-profile',
    name: 'esp-ccm',
    label: 'esp_ccm',
    xml:
      '<entry name="esp-ccm"><esp><encryption><member>aes-128-ccm</member><member>aes-256-gcm</member></encryption><authentication><member>none</member></authentication></esp>' +
      '<dh-group>group19</dh-group><lifetime><minutes>45</minutes></lifetime><lifesize><gb>20</gb></lifesize></entry>',
    hcl: {
      name: 'name = "esp-ccm"',
      protocol: 'protocol = "esp"',
      esp_encryption: 'esp_encryption = ["aes-128-ccm", "aes-256-gcm"]',
      esp_authentication: 'esp_authentication = ["none"]',
      dh_group: 'dh_group = "group19"',
      lifetime: 'lifetime {\n    unit  = "minutes"\n    value = 45\n  }',
      lifesize: 'lifesize {\n    unit  = "gb"\n    value = 20\n  }',
    },
    change: { attr: 'dh_group', hcl: 'dh_group = "group20"', xml: ['<dh-group>group19</dh-group>', '<dh-group>group20</dh-group>'], model: (m) => (m.dhGroup = 'group20') },
    unset: { attrs: ['lifesize', 'protocol'], xml: ['<lifesize><gb>20</gb></lifesize>'] },
  },
  {
    kind: 'ipsec-crypto-profile',
    name: 'ah-only',
    label: 'ah_only',
    xml: '<entry name="ah-only"><ah><authentication><member>sha256</member><member>sha384</member></authentication></ah><dh-group>no-pfs</dh-group><lifetime><hours>2</hours></lifetime></entry>',
    hcl: {
      name: 'name = "ah-only"',
      ah_authentication: 'ah_authentication = ["sha256", "sha384"]',
      dh_group: 'dh_group = "no-pfs"',
      lifetime: 'lifetime {\n    unit  = "hours"\n    value = 2\n  }',
    },
    change: {
      attr: 'lifetime',
      hcl: 'lifetime {\n    unit  = "hours"\n    value = 3\n  }',
      xml: ['<hours>2</hours>', '<hours>3</hours>'],
      model: (m) => (m.lifetime = { unit: 'hours', value: 3 }),
    },
  },
  {
    kind: 'tunnel-monitor-profile',
    name: 'mon-slow',
    label: 'mon_slow',
    xml: '<entry name="mon-slow"><action>fail-over</action><interval>50</interval><threshold>10</threshold></entry>',
    hcl: { name: 'name = "mon-slow"', action: 'action = "fail-over"', interval: 'interval = 50', threshold: 'threshold = 10' },
    change: { attr: 'threshold', hcl: 'threshold = 8', xml: ['<threshold>10</threshold>', '<threshold>8</threshold>'], model: (m) => (m.threshold = 8) },
    unset: { attrs: ['interval'], xml: ['<interval>50</interval>'] },
  },
  {
    kind: 'ike-gateway',
    name: 'gw-pref',
    label: 'gw_pref',
    xml:
      '<entry name="gw-pref" uuid="3f1c9a7e-1b2c-4d5e-8f90-a1b2c3d4e5f6"><authentication><pre-shared-key><key>pref-secret-1</key></pre-shared-key></authentication>' +
      '<protocol><ikev1><dpd><enable>yes</enable><interval>10</interval><retry>4</retry></dpd><ike-crypto-profile>ike-v1-legacy</ike-crypto-profile><exchange-mode>main</exchange-mode></ikev1>' +
      '<ikev2><dpd><enable>yes</enable><interval>7</interval></dpd><ike-crypto-profile>ike-gcm-days</ike-crypto-profile><require-cookie>yes</require-cookie></ikev2><version>ikev2-preferred</version></protocol>' +
      '<protocol-common><nat-traversal><enable>yes</enable><keep-alive-interval>30</keep-alive-interval><udp-checksum-enable>yes</udp-checksum-enable></nat-traversal>' +
      '<fragmentation><enable>no</enable></fragmentation><passive-mode>no</passive-mode></protocol-common>' +
      '<local-address><interface>ethernet1/1</interface><ip>198.51.100.1/24</ip></local-address><peer-address><ip>203.0.113.21</ip></peer-address>' +
      '<local-id><type>fqdn</type><id>hq.example.net</id></local-id><peer-id><type>ipaddr</type><id>203.0.113.21</id><matching>wildcard</matching></peer-id>' +
      '<comment>preferred v2, v1 fallback</comment></entry>',
    hcl: {
      name: 'name = "gw-pref"',
      version: 'version = "ikev2-preferred"',
      ikev1_crypto_profile: 'ikev1_crypto_profile = panosipsec_ike_crypto_profile.v1_legacy.name',
      ikev2_crypto_profile: 'ikev2_crypto_profile = panosipsec_ike_crypto_profile.gcm_days.name',
      ikev1_exchange_mode: 'ikev1_exchange_mode = "main"',
      ikev1_dpd: 'ikev1_dpd {\n    enable   = true\n    interval = 10\n    retry    = 4\n  }',
      ikev2_dpd: 'ikev2_dpd {\n    enable   = true\n    interval = 7\n  }',
      nat_traversal: 'nat_traversal = true',
      nat_keep_alive: 'nat_keep_alive = 30',
      fragmentation: 'fragmentation = false',
      passive_mode: 'passive_mode = false',
      local_interface: 'local_interface = "ethernet1/1"',
      local_ip: 'local_ip = "198.51.100.1/24"',
      peer_ip: 'peer_ip = "203.0.113.21"',
      local_id: 'local_id {\n    type = "fqdn"\n    id   = "hq.example.net"\n  }',
      peer_id: 'peer_id {\n    type     = "ipaddr"\n    id       = "203.0.113.21"\n    matching = "wildcard"\n  }',
      comment: 'comment = "preferred v2, v1 fallback"',
    },
    change: {
      attr: 'comment',
      hcl: 'comment = "preferred v2, v1 fallback (edited)"',
      xml: ['<comment>preferred v2, v1 fallback</comment>', '<comment>preferred v2, v1 fallback (edited)</comment>'],
      model: (m) => (m.comment = 'preferred v2, v1 fallback (edited)'),
    },
    unset: { attrs: ['ikev1_dpd', 'nat_keep_alive'], xml: ['<dpd><enable>yes</enable><interval>10</interval><retry>4</retry></dpd>', '<keep-alive-interval>30</keep-alive-interval>'] },
  },
  {
    kind: 'ike-gateway',
    name: 'gw-cert',
    label: 'gw_cert',
    xml:
      '<entry name="gw-cert"><authentication><certificate><local-certificate><name>fw-cert</name><hash-and-url><enable>yes</enable><base-url>http://certs.example.net/</base-url></hash-and-url></local-certificate>' +
      '<certificate-profile>peer-cp</certificate-profile><use-management-as-source>no</use-management-as-source><strict-validation-revocation>yes</strict-validation-revocation>' +
      '<allow-id-payload-mismatch>yes</allow-id-payload-mismatch></certificate></authentication>' +
      '<protocol><ikev2><ike-crypto-profile>ike-tm</ike-crypto-profile><dpd><enable>yes</enable><interval>5</interval></dpd></ikev2><version>ikev2</version></protocol>' +
      '<local-address><interface>ethernet1/2</interface><floating-ip>192.0.2.100</floating-ip></local-address><peer-address><fqdn>peer.example.net</fqdn></peer-address>' +
      '<peer-id><type>fqdn</type><id>peer.example.net</id></peer-id></entry>',
    hcl: {
      name: 'name = "gw-cert"',
      version: 'version = "ikev2"',
      ikev2_crypto_profile: 'ikev2_crypto_profile = "ike-tm"',
      ikev2_dpd: 'ikev2_dpd {\n    enable   = true\n    interval = 5\n  }',
      local_interface: 'local_interface = "ethernet1/2"',
      floating_ip: 'floating_ip = "192.0.2.100"',
      peer_fqdn: 'peer_fqdn = "peer.example.net"',
      peer_id: 'peer_id {\n    type = "fqdn"\n    id   = "peer.example.net"\n  }',
    },
    change: {
      attr: 'ikev2_dpd',
      hcl: 'ikev2_dpd {\n    enable   = true\n    interval = 9\n  }',
      xml: ['<interval>5</interval>', '<interval>9</interval>'],
      model: (m) => (at(m, 'ikev2Dpd').interval = 9),
    },
    unset: { attrs: ['peer_id'], xml: ['<peer-id><type>fqdn</type><id>peer.example.net</id></peer-id>'] },
  },
  {
    kind: 'ike-gateway',
    name: 'gw-v1',
    label: 'gw_v1',
    xml:
      '<entry name="gw-v1"><authentication><pre-shared-key><key>v1-secret</key></pre-shared-key></authentication>' +
      '<protocol><version>ikev1</version><ikev1><exchange-mode>aggressive</exchange-mode><ike-crypto-profile>ike-v1-legacy</ike-crypto-profile></ikev1>' +
      '<ikev2><ike-crypto-profile>ike-gcm-days</ike-crypto-profile></ikev2></protocol><protocol-common><passive-mode>yes</passive-mode></protocol-common>' +
      '<local-address><interface>ethernet1/3</interface></local-address><peer-address><dynamic/></peer-address><local-id><type>keyid</type><id>branch-v1</id></local-id><disabled>no</disabled></entry>',
    hcl: {
      name: 'name = "gw-v1"',
      version: 'version = "ikev1"',
      ikev1_crypto_profile: 'ikev1_crypto_profile = panosipsec_ike_crypto_profile.v1_legacy.name',
      ikev2_crypto_profile: 'ikev2_crypto_profile = panosipsec_ike_crypto_profile.gcm_days.name',
      ikev1_exchange_mode: 'ikev1_exchange_mode = "aggressive"',
      passive_mode: 'passive_mode = true',
      local_interface: 'local_interface = "ethernet1/3"',
      peer_dynamic: 'peer_dynamic = true',
      local_id: 'local_id {\n    type = "keyid"\n    id   = "branch-v1"\n  }',
      disabled: 'disabled = false',
    },
    change: {
      attr: 'passive_mode',
      hcl: 'passive_mode = false',
      xml: ['<passive-mode>yes</passive-mode>', '<passive-mode>no</passive-mode>'],
      model: (m) => (m.passiveMode = false),
    },
  },
  {
    kind: 'ike-gateway',
    name: 'gw-v6',
    label: 'gw_v6',
    xml:
      '<entry name="gw-v6"><authentication><pre-shared-key><key>v6-secret</key></pre-shared-key></authentication><protocol><version>ikev2</version>' +
      '<ikev2><ike-crypto-profile>Suite-B-GCM-128</ike-crypto-profile></ikev2></protocol><local-address><interface>ethernet1/4</interface><ip>2001:db8:4::1/64</ip></local-address>' +
      '<peer-address><ip>2001:db8:99::1</ip></peer-address><ipv6>yes</ipv6></entry>',
    hcl: {
      name: 'name = "gw-v6"',
      version: 'version = "ikev2"',
      ikev2_crypto_profile: 'ikev2_crypto_profile = "Suite-B-GCM-128"',
      local_interface: 'local_interface = "ethernet1/4"',
      local_ip: 'local_ip = "2001:db8:4::1/64"',
      peer_ip: 'peer_ip = "2001:db8:99::1"',
      ipv6: 'ipv6 = true',
    },
    change: {
      attr: 'peer_ip',
      hcl: 'peer_ip = "2001:db8:99::2"',
      xml: ['<ip>2001:db8:99::1</ip>', '<ip>2001:db8:99::2</ip>'],
      model: (m) => (m.peerIp = '2001:db8:99::2'),
    },
  },
  {
    kind: 'ipsec-tunnel',
    name: 'vpn-auto',
    label: 'vpn_auto',
    xml:
      '<entry name="vpn-auto" uuid="9a8b7c6d-0000-4000-8000-0000000000aa"><auto-key><ike-gateway><entry name="gw-pref"/><entry name="gw-v1"/></ike-gateway>' +
      '<ipsec-crypto-profile>esp-ccm</ipsec-crypto-profile><proxy-id>' +
      '<entry name="web"><protocol><tcp><local-port>0</local-port><remote-port>443</remote-port></tcp></protocol><local>10.21.0.0/24</local><remote>10.121.0.0/24</remote></entry>' +
      '<entry name="gre"><protocol><number>47</number></protocol><local>10.21.0.0/24</local><remote>10.121.0.0/24</remote></entry></proxy-id>' +
      '<proxy-id-v6><entry name="dns6"><protocol><udp><local-port>0</local-port><remote-port>53</remote-port></udp></protocol><local>fd00:21::/64</local><remote>fd00:121::/64</remote></entry></proxy-id-v6></auto-key>' +
      '<tunnel-interface>tunnel.22</tunnel-interface><anti-replay>no</anti-replay><anti-replay-window>256</anti-replay-window><copy-tos>no</copy-tos><copy-flow-label>yes</copy-flow-label>' +
      '<tunnel-monitor><enable>yes</enable><destination-ip>10.121.0.1</destination-ip><proxy-id>web</proxy-id><tunnel-monitor-profile>mon-slow</tunnel-monitor-profile></tunnel-monitor>' +
      '<ipsec-mode>tunnel</ipsec-mode><comment>two gateways, proxy IDs</comment></entry>',
    hcl: {
      name: 'name = "vpn-auto"',
      tunnel_interface: 'tunnel_interface = panosipsec_tunnel_interface.t22.name',
      anti_replay: 'anti_replay = false',
      anti_replay_window: 'anti_replay_window = "256"',
      copy_tos: 'copy_tos = false',
      ipsec_mode: 'ipsec_mode = "tunnel"',
      comment: 'comment = "two gateways, proxy IDs"',
      auto_key: vpnAutoKey(443),
      tunnel_monitor:
        'tunnel_monitor {\n    enable         = true\n    destination_ip = "10.121.0.1"\n    proxy_id       = "web"\n    profile        = panosipsec_tunnel_monitor_profile.mon_slow.name\n  }',
    },
    change: {
      attr: 'auto_key',
      hcl: vpnAutoKey(8443),
      xml: ['<remote-port>443</remote-port>', '<remote-port>8443</remote-port>'],
      model: (m) => (at(m, 'autoKey', 'proxyIds', 0).remotePort = 8443),
    },
    unset: { attrs: ['comment', 'copy_tos'], xml: ['<comment>two gateways, proxy IDs</comment>', '<copy-tos>no</copy-tos>'] },
  },
  {
    kind: 'ipsec-tunnel',
    name: 'vpn-manual',
    label: 'vpn_manual',
    xml:
      '<entry name="vpn-manual"><manual-key><local-spi>00001001</local-spi><remote-spi>00001002</remote-spi><local-address><interface>ethernet1/3</interface><ip>10.1.1.1/24</ip></local-address>' +
      '<peer-address><ip>10.1.1.2</ip></peer-address><esp><authentication><sha256><key>manual-auth-key</key></sha256></authentication>' +
      '<encryption><algorithm>aes-128-cbc</algorithm><key>manual-enc-key</key></encryption></esp></manual-key>' +
      '<tunnel-interface>tunnel.23</tunnel-interface><anti-replay>yes</anti-replay><comment>manual keys</comment></entry>',
    hcl: {
      name: 'name = "vpn-manual"',
      tunnel_interface: 'tunnel_interface = panosipsec_tunnel_interface.t23.name',
      anti_replay: 'anti_replay = true',
      comment: 'comment = "manual keys"',
    },
    change: {
      attr: 'comment',
      hcl: 'comment = "manual keys, still"',
      xml: ['<comment>manual keys</comment>', '<comment>manual keys, still</comment>'],
      model: (m) => (m.comment = 'manual keys, still'),
    },
    unset: { attrs: ['anti_replay'], xml: ['<anti-replay>yes</anti-replay>'] },
  },
  {
    kind: 'ipsec-tunnel',
    name: 'vpn-sat',
    label: 'vpn_sat',
    xml:
      '<entry name="vpn-sat"><global-protect-satellite><portal-address>portal.example.net</portal-address><ipv6-preferred>no</ipv6-preferred>' +
      '<local-address><interface>ethernet1/4</interface><ip><ipv4>10.2.2.1/24</ipv4></ip></local-address><publish-connected-routes><enable>yes</enable></publish-connected-routes>' +
      '<publish-routes><member>10.24.0.0/16</member></publish-routes><external-ca><local-certificate>sat-cert</local-certificate><certificate-profile>sat-cp</certificate-profile></external-ca>' +
      '</global-protect-satellite><tunnel-interface>tunnel.24</tunnel-interface><disabled>no</disabled></entry>',
    hcl: { name: 'name = "vpn-sat"', tunnel_interface: 'tunnel_interface = "tunnel.24"', disabled: 'disabled = false' },
    change: { attr: 'disabled', hcl: 'disabled = true', xml: ['<disabled>no</disabled>', '<disabled>yes</disabled>'], model: (m) => (m.disabled = true) },
  },
  {
    kind: 'ipsec-tunnel',
    name: 'vpn-transport',
    label: 'vpn_transport',
    xml:
      '<entry name="vpn-transport"><auto-key><ike-gateway><entry name="gw-cert"/></ike-gateway><ipsec-crypto-profile>esp-tm</ipsec-crypto-profile></auto-key>' +
      '<tunnel-interface>tunnel.21</tunnel-interface><ipsec-mode>transport</ipsec-mode><enable-gre-encapsulation>yes</enable-gre-encapsulation>' +
      '<anti-replay>yes</anti-replay><anti-replay-window>1024</anti-replay-window><copy-tos>yes</copy-tos></entry>',
    hcl: {
      name: 'name = "vpn-transport"',
      tunnel_interface: 'tunnel_interface = panosipsec_tunnel_interface.t21.name',
      ipsec_mode: 'ipsec_mode = "transport"',
      enable_gre_encapsulation: 'enable_gre_encapsulation = true',
      anti_replay: 'anti_replay = true',
      anti_replay_window: 'anti_replay_window = "1024"',
      copy_tos: 'copy_tos = true',
      auto_key: 'auto_key {\n    ike_gateways         = [panosipsec_ike_gateway.gw_cert.name]\n    ipsec_crypto_profile = "esp-tm"\n  }',
    },
    change: {
      attr: 'anti_replay_window',
      hcl: 'anti_replay_window = "2048"',
      xml: ['<anti-replay-window>1024</anti-replay-window>', '<anti-replay-window>2048</anti-replay-window>'],
      model: (m) => (m.antiReplayWindow = '2048'),
    },
  },
];

/** The HCL items of a case after its change (the items are unchanged apart from the changed attribute). */
export function changedHcl(c: DeviceCase): Record<string, string> {
  return { ...c.hcl, [c.change.attr]: c.change.hcl };
}
