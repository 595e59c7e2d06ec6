/**
 * IPSec tunnel (facts: docs/panos/ipsec-tunnel.md). Only auto-key tunnels are built by this project; manual-key and
 * GlobalProtect-satellite tunnels are read and written back unchanged (`keyType` tells them apart). `ipsecMode`
 * exists from PAN-OS 11.0 and is never sent to an older device, not even as `tunnel` (docs/transport-mode.md#t1).
 */
import { COMMENT_FIELD, nameField } from './common-fields';
import { defineObject, type DescriptorOfSpec } from './descriptor';
import { deviceXpath } from './location';
import type { ModelRecord } from './codec';
import type { FieldProblem } from './errors';
import { boolField, type FieldDef, type ModelOf } from './field-table';
import { tunnelInterface } from './tunnel-interface';
import { nameProblems } from './validate';

/**
 * Longest `<tunnel name>:<proxy ID name>` PAN-OS accepts (docs/panos/README.md#name-proxy-id): the tunnel name's
 * 63-character limit includes the proxy ID names joined to it by a colon.
 */
export const TUNNEL_AND_PROXY_ID_MAX_LENGTH = 63;

/** Anti-replay window sizes PAN-OS accepts (docs/panos/ipsec-tunnel.md#anti-replay-window). */
export const ANTI_REPLAY_WINDOWS = ['64', '128', '256', '512', '1024', '2048', '4096'] as const;

/** An IPSec tunnel. `keyType` is set on read: only `auto-key` can be built, the others are kept as read. */
export type IpsecTunnel = ModelOf<typeof FIELDS>;
/** Auto-key (IKE) settings of a tunnel. */
export type AutoKey = NonNullable<IpsecTunnel['autoKey']>;
/** A proxy ID (traffic selector) of an auto-key tunnel. */
export type ProxyId = NonNullable<AutoKey['proxyIds']>[number];

function proxyIdFields(v6: boolean) {
  const port = <const K extends string>(key: K, element: string, side: string) =>
    ({
      key,
      type: 'number',
      xmlPath: ['protocol', '$protocol', element],
      description: `${side} port for protocol tcp or udp; 0 means any port.`,
      range: { min: 0, max: 65535 },
      deviceDefault: 0,
    }) as const satisfies FieldDef;
  const fam = v6 ? 'IPv6' : 'IPv4';
  return [
    {
      key: 'name',
      type: 'string',
      xmlPath: [],
      description: `Proxy ID name; the tunnel name, a colon and this name together are at most ${TUNNEL_AND_PROXY_ID_MAX_LENGTH} characters.`,
      required: true,
    },
    { key: 'local', type: 'string', xmlPath: ['local'], description: `Local ${fam} subnet or address.` },
    { key: 'remote', type: 'string', xmlPath: ['remote'], description: `Remote ${fam} subnet or address.` },
    {
      key: 'protocol',
      type: 'string',
      xmlPath: ['protocol'],
      description: 'Protocol the proxy ID matches: any, an IP protocol number, tcp or udp.',
      choice: ['any', 'number', 'tcp', 'udp'],
      deviceDefault: 'any',
    },
    {
      key: 'number',
      type: 'number',
      xmlPath: ['protocol', 'number'],
      description: 'IP protocol number (protocol number).',
      range: { min: 1, max: 254 },
    },
    port('localPort', 'local-port', 'Local'),
    port('remotePort', 'remote-port', 'Remote'),
  ] as const satisfies readonly FieldDef[];
}

const FIELDS = [
  nameField('IPSec tunnel'),
  {
    key: 'tunnelInterface',
    type: 'string',
    xmlPath: ['tunnel-interface'],
    refersTo: 'tunnel-interface',
    description: 'Tunnel interface (tunnel.N) the tunnel is bound to; one tunnel per interface.',
  },
  {
    key: 'keyType',
    type: 'string',
    xmlPath: [],
    description:
      'Key exchange: auto-key (IKE). manual-key and global-protect-satellite tunnels are kept as configured on the ' +
      'device. When left out it stays as it is (auto-key for a new tunnel); converting a kept tunnel to auto-key needs ' +
      'key_type = "auto-key".',
    choice: ['auto-key', 'manual-key', 'global-protect-satellite'],
    opaqueChoices: ['manual-key', 'global-protect-satellite'],
    keepWhenUnset: true,
  },
  {
    key: 'autoKey',
    type: 'object',
    xmlPath: ['auto-key'],
    description: 'IKE-negotiated keys.',
    factsInline: true,
    fields: [
      {
        key: 'ikeGateways',
        type: 'string-list',
        xmlPath: ['ike-gateway'],
        listStyle: 'entry',
        refersTo: 'ike-gateway',
        description: 'IKE gateways of the tunnel (a second one is a backup peer).',
      },
      {
        key: 'ipsecCryptoProfile',
        type: 'string',
        xmlPath: ['ipsec-crypto-profile'],
        refersTo: 'ipsec-crypto-profile',
        description: 'IPSec crypto profile name.',
        deviceDefault: 'default',
      },
      {
        key: 'proxyIds',
        type: 'object-list',
        xmlPath: ['proxy-id'],
        description: 'IPv4 proxy IDs (traffic selectors). Not used in transport mode.',
        fields: proxyIdFields(false),
      },
      {
        key: 'proxyIdsV6',
        type: 'object-list',
        xmlPath: ['proxy-id-v6'],
        description: 'IPv6 proxy IDs (traffic selectors). Not used in transport mode.',
        fields: proxyIdFields(true),
      },
    ],
  },
  {
    key: 'ipsecMode',
    type: 'string',
    xmlPath: ['ipsec-mode'],
    description: 'IPSec mode: tunnel or transport (PAN-OS 11.0 and later; older versions are always tunnel mode).',
    enum: ['tunnel', 'transport'],
    deviceDefault: 'tunnel',
    minVersion: '11.0.0',
    versionFix:
      'remove ipsec_mode from the declaration (PAN-OS before 11.0 only knows tunnel mode, so leave it unset for ' +
      'tunnel mode) or upgrade the device to PAN-OS 11.0 or later',
  },
  boolField('antiReplay', ['anti-replay'], 'Enable anti-replay protection.', true),
  {
    key: 'antiReplayWindow',
    type: 'string',
    xmlPath: ['anti-replay-window'],
    description: 'Anti-replay window size in packets (only with anti-replay enabled).',
    enum: ANTI_REPLAY_WINDOWS,
    deviceDefault: '1024',
  },
  boolField('copyTos', ['copy-tos'], 'Copy the inner ToS bits to the outer header.', false),
  boolField('enableGreEncapsulation', ['enable-gre-encapsulation'], 'Encapsulate in GRE inside IPSec (needed for multicast and routing protocols in transport mode).', false),
  {
    key: 'tunnelMonitor',
    type: 'object',
    xmlPath: ['tunnel-monitor'],
    description: 'Tunnel monitoring by ICMP probes.',
    fields: [
      boolField('enable', ['enable'], 'Enable tunnel monitoring.', false),
      { key: 'destinationIp', type: 'string', xmlPath: ['destination-ip'], description: 'Address the probes are sent to.' },
      { key: 'proxyId', type: 'string', xmlPath: ['proxy-id'], description: 'Proxy ID whose addresses source the probes.' },
      { key: 'profile', type: 'string', xmlPath: ['tunnel-monitor-profile'], refersTo: 'tunnel-monitor-profile', description: 'Tunnel monitor profile (action on failure).' },
    ],
  },
  boolField('disabled', ['disabled'], 'Disable the tunnel.', false),
  COMMENT_FIELD,
  boolField('ipv6', ['ipv6'], 'Use IPv6 for the tunnel.', false),
  {
    key: 'carriesMulticastRouting',
    type: 'bool',
    xmlPath: [],
    declarationOnly: true,
    description:
      'Declaration only, never sent to the device: multicast or dynamic routing (OSPF, PIM) runs over this tunnel. ' +
      'true on a transport-mode tunnel without GRE is an error (PANOS-TM-015); false states that only unicast (e.g. BGP ' +
      'on the physical interface) crosses it; unset, a transport-mode tunnel without GRE gets an info note (PANOS-TM-020).',
  },
  {
    key: 'policyBasedPeer',
    type: 'bool',
    xmlPath: [],
    declarationOnly: true,
    description:
      'Declaration only, never sent to the device: the peer is policy based and expects proxy IDs; a tunnel-mode tunnel ' +
      'without proxy IDs then gets a note (PANOS-WC-002).',
  },
] as const satisfies readonly FieldDef[];

const KIND = { kind: 'ipsec-tunnel', title: 'IPSec tunnel', factsKey: 'ipsecTunnels', fields: FIELDS } as const;

/** Descriptor of `…/network/tunnel/ipsec/entry`. */
export const ipsecTunnel: DescriptorOfSpec<typeof KIND> = defineObject({
  ...KIND,
  // docs/panos/README.md#name-ipsec-tunnel: the same limit holds the tunnel name with its proxy IDs' (#name-proxy-id).
  nameMaxLength: TUNNEL_AND_PROXY_ID_MAX_LENGTH,
  containerXpath: (loc) => `${deviceXpath(loc)}/network/tunnel/ipsec`,

  validateCustom: (m, ctx) => [
    ...nameProblems(tunnelInterface, 'tunnelInterface', 'tunnel_interface', m.tunnelInterface, ctx),
    ...proxyIdNameProblems(m, ctx.title),
  ],
});

/** Proxy IDs whose name, joined to the tunnel name by a colon, is longer than PAN-OS accepts. */
function proxyIdNameProblems(m: ModelRecord, title: string): FieldProblem[] {
  const tunnel = String(m.name);
  const autoKey = (m.autoKey ?? {}) as ModelRecord;
  const out: FieldProblem[] = [];
  for (const [key, tf] of [['proxyIds', 'proxy_ids'], ['proxyIdsV6', 'proxy_ids_v6']] as const) {
    const list = Array.isArray(autoKey[key]) ? (autoKey[key] as ModelRecord[]) : [];
    list.forEach((p, i) => {
      const joined = `${tunnel}:${String(p.name)}`;
      if (joined.length <= TUNNEL_AND_PROXY_ID_MAX_LENGTH) return;
      out.push({
        field: `autoKey.${key}[${i}].name`,
        tfName: `auto_key.${tf}[${i}].name`,
        value: String(p.name),
        message:
          `${title} ${JSON.stringify(tunnel)}: auto_key.${tf}[${i}].name = ${JSON.stringify(String(p.name))} makes ` +
          `"${joined}" ${joined.length} characters long; PAN-OS allows ${TUNNEL_AND_PROXY_ID_MAX_LENGTH} for the tunnel ` +
          `name and a proxy ID name together. Fix: shorten the proxy ID name (or the tunnel name).`,
      });
    });
  }
  return out;
}
