/** IKE crypto profile: IKE phase-1 algorithms (facts: docs/panos/ike-crypto-profile.md). */
import { DH_GROUPS, type DhGroup, lifetimeField, type Lifetime, nameField } from './common-fields';
import { defineObject, type PanosObjectDescriptor } from './descriptor';
import { deviceXpath } from './location';
import type { FieldSpec } from './types';

/** IKE hash algorithms (docs/panos/ike-crypto-profile.md#hash; `non-auth` pairs with GCM encryption). */
export const IKE_HASHES = ['non-auth', 'md5', 'sha1', 'sha256', 'sha384', 'sha512'] as const;
/** IKE encryption algorithms (docs/panos/ike-crypto-profile.md#encryption; no `des` on 10.2+, see #des there). */
export const IKE_ENCRYPTIONS = ['3des', 'aes-128-cbc', 'aes-192-cbc', 'aes-256-cbc', 'aes-128-gcm', 'aes-256-gcm'] as const;

/** An IKE crypto profile. */
export interface IkeCryptoProfile {
  name: string;
  dhGroups?: DhGroup[];
  /** Hash algorithms (XML `hash`; the web UI calls them "authentication"). */
  authentication?: (typeof IKE_HASHES)[number][];
  encryption?: (typeof IKE_ENCRYPTIONS)[number][];
  /** @default 8 hours (device) */
  lifetime?: Lifetime;
  /** IKEv2 re-authentication every N lifetimes, 0-50; 0 disables it. @default 0 (device) */
  authenticationMultiple?: number;
}

// Every child is optional in the vendor schema (docs/panos/README.md#required): a device profile without dh-group
// must import and update like any other.
const FIELDS: readonly FieldSpec[] = [
  nameField('IKE crypto profile'),
  {
    key: 'dhGroups',
    tfName: 'dh_groups',
    type: 'string-list',
    xmlPath: ['dh-group'],
    description: 'Diffie-Hellman groups offered for IKE, in order of preference. Transport mode needs exactly group20.',
    enum: DH_GROUPS,
  },
  {
    key: 'authentication',
    tfName: 'authentication',
    type: 'string-list',
    xmlPath: ['hash'],
    description: 'Hash (integrity) algorithms offered for IKE, in order of preference.',
    enum: IKE_HASHES,
  },
  {
    key: 'encryption',
    tfName: 'encryption',
    type: 'string-list',
    xmlPath: ['encryption'],
    description: 'Encryption algorithms offered for IKE, in order of preference. Transport mode needs exactly aes-256-gcm.',
    enum: IKE_ENCRYPTIONS,
  },
  lifetimeField('Lifetime of the IKE security association.', '8 hours'),
  {
    key: 'authenticationMultiple',
    tfName: 'authentication_multiple',
    type: 'number',
    xmlPath: ['authentication-multiple'],
    description: 'IKEv2 SA re-authentication interval as a multiple of the lifetime; 0 disables re-authentication.',
    range: { min: 0, max: 50 },
    deviceDefault: 0,
  },
];

/** Descriptor of `…/network/ike/crypto-profiles/ike-crypto-profiles/entry`. */
export const ikeCryptoProfile: PanosObjectDescriptor<IkeCryptoProfile> = defineObject<IkeCryptoProfile>({
  kind: 'ike-crypto-profile',
  title: 'IKE crypto profile',
  fields: FIELDS,
  containerXpath: (loc) => `${deviceXpath(loc)}/network/ike/crypto-profiles/ike-crypto-profiles`,
  references: () => [],
});
