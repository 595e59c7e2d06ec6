/** IKE crypto profile: IKE phase-1 algorithms (facts: docs/panos/ike-crypto-profile.md). */
import { DH_GROUPS, lifetimeField, nameField, PREDEFINED_CRYPTO_PROFILES } from './common-fields';
import { defineObject, type DescriptorOfSpec } from './descriptor';
import { deviceXpath } from './location';
import type { FieldDef, ModelOf } from './field-table';

/** IKE hash algorithms (docs/panos/ike-crypto-profile.md#hash; `non-auth` pairs with GCM encryption). */
export const IKE_HASHES = ['non-auth', 'md5', 'sha1', 'sha256', 'sha384', 'sha512'] as const;
/** IKE encryption algorithms (docs/panos/ike-crypto-profile.md#encryption; no `des` on 10.2+, see #des there). */
export const IKE_ENCRYPTIONS = ['3des', 'aes-128-cbc', 'aes-192-cbc', 'aes-256-cbc', 'aes-128-gcm', 'aes-256-gcm'] as const;

/** An IKE crypto profile. `authentication` holds the hash algorithms (XML `hash`; the web UI says "authentication"). */
export type IkeCryptoProfile = ModelOf<typeof FIELDS>;

// Every child is optional in the vendor schema (docs/panos/README.md#required): a device profile without dh-group
// must import and update like any other.
const FIELDS = [
  nameField('IKE crypto profile'),
  {
    key: 'dhGroups',
    type: 'string-list',
    xmlPath: ['dh-group'],
    description: 'Diffie-Hellman groups offered for IKE, in order of preference. Transport mode needs exactly group20.',
    enum: DH_GROUPS,
  },
  {
    key: 'authentication',
    type: 'string-list',
    xmlPath: ['hash'],
    description: 'Hash (integrity) algorithms offered for IKE, in order of preference.',
    enum: IKE_HASHES,
  },
  {
    key: 'encryption',
    type: 'string-list',
    xmlPath: ['encryption'],
    description: 'Encryption algorithms offered for IKE, in order of preference. Transport mode needs exactly aes-256-gcm.',
    enum: IKE_ENCRYPTIONS,
  },
  lifetimeField('Lifetime of the IKE security association.', '8 hours'),
  {
    key: 'authenticationMultiple',
    type: 'number',
    xmlPath: ['authentication-multiple'],
    description: 'IKEv2 SA re-authentication interval as a multiple of the lifetime; 0 disables re-authentication.',
    range: { min: 0, max: 50 },
    deviceDefault: 0,
  },
] as const satisfies readonly FieldDef[];

const KIND = { kind: 'ike-crypto-profile', title: 'IKE crypto profile', factsKey: 'ikeCryptoProfiles', fields: FIELDS } as const;

/** Descriptor of `…/network/ike/crypto-profiles/ike-crypto-profiles/entry`. */
export const ikeCryptoProfile: DescriptorOfSpec<typeof KIND> = defineObject({
  ...KIND,
  nameMaxLength: 31, // docs/panos/README.md#name-ike-crypto-profile
  predefined: PREDEFINED_CRYPTO_PROFILES,
  containerXpath: (loc) => `${deviceXpath(loc)}/network/ike/crypto-profiles/ike-crypto-profiles`,
});
