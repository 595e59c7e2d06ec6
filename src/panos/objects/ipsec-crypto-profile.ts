/** IPSec crypto profile: IKE phase-2 (child SA) algorithms (facts: docs/panos/ipsec-crypto-profile.md). */
import { DH_GROUPS, lifetimeField, nameField, PREDEFINED_CRYPTO_PROFILES } from './common-fields';
import { defineObject, type DescriptorOfSpec } from './descriptor';
import { deviceXpath } from './location';
import type { FieldDef, ModelOf } from './field-table';

/**
 * ESP encryption algorithms: every value the device can hold (docs/panos/ipsec-crypto-profile.md#esp-encryption),
 * `aes-128-ccm` included (#aes-128-ccm); no `des` on 10.2+ (#des).
 */
export const ESP_ENCRYPTIONS = ['3des', 'aes-128-cbc', 'aes-192-cbc', 'aes-256-cbc', 'aes-128-ccm', 'aes-128-gcm', 'aes-256-gcm', 'null'] as const;
/** ESP authentication algorithms (docs/panos/ipsec-crypto-profile.md#esp-authentication; `none` pairs with GCM). */
export const ESP_AUTHENTICATIONS = ['none', 'md5', 'sha1', 'sha256', 'sha384', 'sha512'] as const;
/** AH authentication algorithms (docs/panos/ipsec-crypto-profile.md#ah-authentication). */
export const AH_AUTHENTICATIONS = ['md5', 'sha1', 'sha256', 'sha384', 'sha512'] as const;
/** PFS groups: the DH groups plus `no-pfs` (docs/panos/ipsec-crypto-profile.md#dh-group). */
export const PFS_GROUPS = ['no-pfs', ...DH_GROUPS] as const;
/** Lifesize units (docs/panos/ipsec-crypto-profile.md#lifesize). */
export const LIFESIZE_UNITS = ['kb', 'mb', 'gb', 'tb'] as const;

/**
 * An IPSec crypto profile. `protocol` is set on read and inferred from the algorithms when unset; `lifesize`
 * (rekey after this much traffic) has no device default: no size limit.
 */
export type IpsecCryptoProfile = ModelOf<typeof FIELDS>;

// Every child is optional in the vendor schema (docs/panos/README.md#required).
const FIELDS = [
  nameField('IPSec crypto profile'),
  {
    key: 'protocol',
    type: 'string',
    xmlPath: [],
    description:
      'IPSec protocol: esp (encryption and integrity) or ah (integrity only). Transport mode needs esp. When left out ' +
      'it follows the algorithms declared (esp_* or ah_*), or keeps the value in state.',
    choice: ['esp', 'ah'],
    keepWhenUnset: true,
  },
  {
    key: 'espEncryption',
    type: 'string-list',
    xmlPath: ['esp', 'encryption'],
    description: 'ESP encryption algorithms, in order of preference (protocol esp). Transport mode needs exactly aes-256-gcm.',
    enum: ESP_ENCRYPTIONS,
  },
  {
    key: 'espAuthentication',
    type: 'string-list',
    xmlPath: ['esp', 'authentication'],
    description: 'ESP authentication algorithms, in order of preference (protocol esp); use none with GCM encryption.',
    enum: ESP_AUTHENTICATIONS,
  },
  {
    key: 'ahAuthentication',
    type: 'string-list',
    xmlPath: ['ah', 'authentication'],
    description: 'AH authentication algorithms, in order of preference (protocol ah).',
    enum: AH_AUTHENTICATIONS,
  },
  {
    key: 'dhGroup',
    type: 'string',
    xmlPath: ['dh-group'],
    description: 'Diffie-Hellman group for perfect forward secrecy, or no-pfs. Transport mode needs group20.',
    enum: PFS_GROUPS,
    deviceDefault: 'group2',
  },
  lifetimeField('Lifetime of the IPSec security association.', '1 hours'),
  {
    key: 'lifesize',
    type: 'object',
    xmlPath: ['lifesize'],
    description: 'Traffic volume after which the IPSec security association is rekeyed.',
    unitValue: true,
    unitRanges: { kb: { min: 1, max: 65535 }, mb: { min: 1, max: 65535 }, gb: { min: 1, max: 65535 }, tb: { min: 1, max: 65535 } },
    fields: [
      { key: 'unit', type: 'string', xmlPath: [], description: 'Unit of the lifesize.', required: true, enum: LIFESIZE_UNITS },
      { key: 'value', type: 'number', xmlPath: [], description: 'Lifesize in the chosen unit, 1-65535.', required: true, range: { min: 1, max: 65535 } },
    ],
  },
] as const satisfies readonly FieldDef[];

const KIND = { kind: 'ipsec-crypto-profile', title: 'IPSec crypto profile', factsKey: 'ipsecCryptoProfiles', fields: FIELDS } as const;

/** Descriptor of `…/network/ike/crypto-profiles/ipsec-crypto-profiles/entry`. */
export const ipsecCryptoProfile: DescriptorOfSpec<typeof KIND> = defineObject({
  ...KIND,
  nameMaxLength: 31, // docs/panos/README.md#name-ipsec-crypto-profile
  predefined: PREDEFINED_CRYPTO_PROFILES,
  containerXpath: (loc) => `${deviceXpath(loc)}/network/ike/crypto-profiles/ipsec-crypto-profiles`,
});
