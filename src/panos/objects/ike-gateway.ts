/**
 * IKE gateway (facts: docs/panos/ike-gateway.md). The two protocol blocks each name their own IKE crypto profile
 * (`ikev1CryptoProfile`, `ikev2CryptoProfile`): PAN-OS keeps both whatever the version (#both-blocks there), so the
 * model never derives one from the other. One field needs object code rather than a table row: the pre-shared key
 * is write-only plaintext (`preSharedKey`) but reads back encrypted (`preSharedKeyEncrypted`). Certificate
 * authentication is not modelled: `authentication: 'certificate'` keeps it as read.
 */
import type { XmlElement } from '../xml';
import type { ModelRecord } from './codec';
import { COMMENT_FIELD, nameField } from './common-fields';
import { defineObject, type DescriptorOfSpec } from './descriptor';
import { deviceXpath } from './location';
import { boolField, type FieldDef, type ModelOf } from './field-table';
import { nameProblems } from './validate';
import { ensurePath, findPath, removePath, setText } from './xml-path';

/** IKE identity types (docs/panos/ike-gateway.md#local-id). */
export const IKE_ID_TYPES = ['ipaddr', 'fqdn', 'ufqdn', 'keyid', 'dn'] as const;

function idFields<const K extends string>(key: K, element: string, who: string) {
  return {
    key,
    type: 'object',
    xmlPath: [element],
    description: `IKE identity of the ${who}.`,
    fields: [
      { key: 'type', type: 'string', xmlPath: ['type'], description: `Type of the ${who} identity.`, enum: IKE_ID_TYPES },
      { key: 'id', type: 'string', xmlPath: ['id'], description: `The ${who} identity value.`, maxLength: 1024 },
    ],
  } as const satisfies FieldDef;
}

const PEER_ID_MATCHING = {
  key: 'matching',
  type: 'string',
  xmlPath: ['matching'],
  description: 'How the peer identity is matched.',
  enum: ['exact', 'wildcard'],
  deviceDefault: 'exact',
} as const satisfies FieldDef;

const LOCAL_ID = idFields('localId', 'local-id', 'local gateway');
const PEER_ID_BASE = idFields('peerId', 'peer-id', 'peer gateway');
const PEER_ID = { ...PEER_ID_BASE, fields: [...PEER_ID_BASE.fields, PEER_ID_MATCHING] } as const satisfies FieldDef;

/** An IKE identity (`type` and `id`; a peer identity adds `matching`). */
export type IkeId = NonNullable<IkeGateway['localId']>;

/**
 * An IKE gateway. `authentication` is inferred as pre-shared-key when a key is set (`certificate` is kept as read);
 * `preSharedKey` is the write-only plaintext, `preSharedKeyEncrypted` the key as the device stores it.
 */
export type IkeGateway = ModelOf<typeof FIELDS>;

const PSK_PATH = ['authentication', 'pre-shared-key', 'key'] as const;

const FIELDS = [
  nameField('IKE gateway'),
  {
    key: 'version',
    type: 'string',
    xmlPath: ['protocol', 'version'],
    description: 'IKE version. Transport mode needs ikev2.',
    enum: ['ikev1', 'ikev2', 'ikev2-preferred'],
    deviceDefault: 'ikev1',
  },
  {
    key: 'authentication',
    type: 'string',
    xmlPath: ['authentication'],
    description:
      'Authentication method. pre-shared-key is managed here; certificate authentication is kept as configured on the ' +
      'device. When left out it stays as it is (pre-shared-key when a key is declared on a new gateway); switching a ' +
      'certificate gateway to a key needs authentication = "pre-shared-key".',
    choice: ['pre-shared-key', 'certificate'],
    opaqueChoices: ['certificate'],
    keepWhenUnset: true,
  },
  {
    key: 'preSharedKey',
    type: 'string',
    xmlPath: PSK_PATH,
    custom: true,
    sensitive: true,
    maxLength: 255,
    description: 'Pre-shared key. Write-only: the device stores it encrypted and never returns the plaintext.',
  },
  {
    key: 'preSharedKeyEncrypted',
    type: 'string',
    xmlPath: PSK_PATH,
    custom: true,
    computed: true,
    sensitive: true,
    description: 'The pre-shared key as the device stores it (encrypted). Compare this, never the plaintext, to detect a changed key.',
  },
  {
    key: 'localInterface',
    type: 'string',
    xmlPath: ['local-address', 'interface'],
    refersTo: 'interface',
    description: 'Interface the gateway sends and receives IKE on, e.g. ethernet1/1 (not a loopback in transport mode).',
  },
  {
    key: 'localIp',
    type: 'string',
    xmlPath: ['local-address', 'ip'],
    description: 'Local address of the interface, usually with prefix length (198.51.100.1/24). Declaring it replaces a floating-ip the device holds.',
    maxLength: 63,
    conflictsWith: ['floating-ip'],
    oneofGroup: 'local-address',
  },
  {
    key: 'floatingIp',
    type: 'string',
    xmlPath: ['local-address', 'floating-ip'],
    description:
      'Floating address of an HA active/active pair, used instead of local_ip (the peer sees this address). Declaring it ' +
      'replaces an ip the device holds.',
    maxLength: 63,
    conflictsWith: ['ip'],
    oneofGroup: 'local-address',
  },
  { key: 'peerIp', type: 'string', xmlPath: ['peer-address', 'ip'], description: 'Static peer address.', oneofGroup: 'peer-address' },
  {
    key: 'peerFqdn',
    type: 'string',
    xmlPath: ['peer-address', 'fqdn'],
    description: 'Peer host name, resolved by the firewall.',
    maxLength: 255,
    oneofGroup: 'peer-address',
  },
  {
    key: 'peerDynamic',
    type: 'bool',
    xmlPath: ['peer-address', 'dynamic'],
    presence: true,
    description: 'The peer has a dynamic address (the firewall only responds).',
    oneofGroup: 'peer-address',
  },
  LOCAL_ID,
  PEER_ID,
  {
    key: 'ikev1CryptoProfile',
    type: 'string',
    xmlPath: ['protocol', 'ikev1', 'ike-crypto-profile'],
    refersTo: 'ike-crypto-profile',
    description:
      'IKE crypto profile of the IKEv1 protocol block, used by version ikev1 and as the fallback of ikev2-preferred. ' +
      'PAN-OS keeps the IKEv1 and IKEv2 blocks separately whatever the version, so each has its own attribute.',
    deviceDefault: 'default',
  },
  {
    key: 'ikev2CryptoProfile',
    type: 'string',
    xmlPath: ['protocol', 'ikev2', 'ike-crypto-profile'],
    refersTo: 'ike-crypto-profile',
    description: 'IKE crypto profile of the IKEv2 protocol block, used by versions ikev2 and ikev2-preferred (and by transport mode).',
    deviceDefault: 'default',
  },
  {
    key: 'ikev1ExchangeMode',
    type: 'string',
    xmlPath: ['protocol', 'ikev1', 'exchange-mode'],
    description: 'IKEv1 phase-1 exchange mode.',
    enum: ['auto', 'main', 'aggressive'],
    deviceDefault: 'auto',
  },
  {
    key: 'ikev1Dpd',
    type: 'object',
    xmlPath: ['protocol', 'ikev1', 'dpd'],
    description: 'IKEv1 dead peer detection.',
    fields: [
      boolField('enable', ['enable'], 'Enable dead peer detection.'),
      { key: 'interval', type: 'number', xmlPath: ['interval'], description: 'Seconds between probes.', range: { min: 2, max: 100 }, deviceDefault: 5 },
      { key: 'retry', type: 'number', xmlPath: ['retry'], description: 'Retries before the peer is declared dead.', range: { min: 2, max: 100 }, deviceDefault: 5 },
    ],
  },
  {
    key: 'ikev2Dpd',
    type: 'object',
    xmlPath: ['protocol', 'ikev2', 'dpd'],
    description: 'IKEv2 liveness check.',
    fields: [
      boolField('enable', ['enable'], 'Enable the liveness check.'),
      { key: 'interval', type: 'number', xmlPath: ['interval'], description: 'Seconds between checks.', range: { min: 2, max: 100 }, deviceDefault: 5 },
    ],
  },
  boolField('natTraversal', ['protocol-common', 'nat-traversal', 'enable'], 'Enable NAT traversal. Must be off in transport mode.', false),
  {
    key: 'natKeepAlive',
    type: 'number',
    xmlPath: ['protocol-common', 'nat-traversal', 'keep-alive-interval'],
    description: 'NAT-T keep-alive interval in seconds.',
    range: { min: 10, max: 3600 },
    deviceDefault: 20,
  },
  boolField('fragmentation', ['protocol-common', 'fragmentation', 'enable'], 'Enable IKE fragmentation (IKEv1).', false),
  boolField('passiveMode', ['protocol-common', 'passive-mode'], 'Only respond to IKE, never initiate.', false),
  boolField('ipv6', ['ipv6'], 'Use IPv6 for the gateway (not allowed in transport mode).', false),
  boolField('disabled', ['disabled'], 'Disable the gateway.', false),
  COMMENT_FIELD,
] as const satisfies readonly FieldDef[];

function decodeCustom(entry: XmlElement, model: ModelRecord): void {
  const enc = findPath(entry, PSK_PATH);
  if (enc !== undefined && enc.text !== '') model.preSharedKeyEncrypted = enc.text;
}

/**
 * A declared key is written; otherwise, when encoding by difference, the stored key stays as it is. Without an
 * earlier model (merge) the stored key is written back as read, and removed when the gateway no longer uses one.
 */
function encodeCustom(model: ModelRecord, entry: XmlElement, previous?: ModelRecord): void {
  if (typeof model.preSharedKey === 'string') {
    setText(ensurePath(entry, PSK_PATH), model.preSharedKey);
    return;
  }
  if (previous) return;
  const key = model.preSharedKeyEncrypted as string | undefined;
  if (key !== undefined && model.authentication === 'pre-shared-key') setText(ensurePath(entry, PSK_PATH), key);
  else removePath(entry, PSK_PATH);
}

const KIND = { kind: 'ike-gateway', title: 'IKE gateway', factsKey: 'ikeGateways', fields: FIELDS } as const;

/** Descriptor of `…/network/ike/gateway/entry`. */
export const ikeGateway: DescriptorOfSpec<typeof KIND> = defineObject({
  ...KIND,
  nameMaxLength: 63, // docs/panos/README.md#name-ike-gateway
  containerXpath: (loc) => `${deviceXpath(loc)}/network/ike/gateway`,

  decodeCustom,
  encodeCustom,
  validateCustom: (m, ctx) => nameProblems('interface', 'localInterface', 'local_interface', m.localInterface, ctx),
});
