/** Field definitions several objects share. */
import type { FieldDef, ModelOf } from './field-table';

/** The entry name: the object's identity, so changing it means a new object. */
export function nameField(what: string) {
  return {
    key: 'name',
    type: 'string',
    xmlPath: [],
    description: `Name of the ${what}; the object's identity on the device.`,
    required: true,
    requiresReplace: true,
  } as const satisfies FieldDef;
}

/** The crypto profiles in every factory configuration, IKE and IPSec alike (docs/panos/predefined-objects.md). */
export const PREDEFINED_CRYPTO_PROFILES = ['default', 'Suite-B-GCM-128', 'Suite-B-GCM-256'] as const;

/** `comment` (0-1023 characters, e.g. docs/panos/ipsec-tunnel.md#comment). */
export const COMMENT_FIELD = {
  key: 'comment',
  type: 'string',
  xmlPath: ['comment'],
  description: 'Free-text comment.',
  maxLength: 1023,
} as const satisfies FieldDef;

/** Lifetime units (docs/panos/ike-crypto-profile.md#lifetime, docs/panos/ipsec-crypto-profile.md#lifetime). */
export const LIFETIME_UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;

const LIFETIME_FIELDS = [
  { key: 'unit', type: 'string', xmlPath: [], description: 'Unit of the lifetime.', required: true, enum: LIFETIME_UNITS },
  {
    key: 'value',
    type: 'number',
    xmlPath: [],
    description: 'Lifetime in the chosen unit: seconds 180-65535, minutes 3-65535, hours 1-65535, days 1-365.',
    required: true,
    range: { min: 1, max: 65535 },
  },
] as const satisfies readonly FieldDef[];

/** A `lifetime` block: exactly one of seconds / minutes / hours / days. */
export function lifetimeField(description: string, deviceDefault: string) {
  return {
    key: 'lifetime',
    type: 'object',
    xmlPath: ['lifetime'],
    description,
    deviceDefault,
    unitValue: true,
    unitRanges: { seconds: { min: 180, max: 65535 }, minutes: { min: 3, max: 65535 }, hours: { min: 1, max: 65535 }, days: { min: 1, max: 365 } },
    fields: LIFETIME_FIELDS,
  } as const satisfies FieldDef;
}

/** Lifetime model shared by IKE and IPSec crypto profiles. */
export type Lifetime = ModelOf<typeof LIFETIME_FIELDS>;

/**
 * DH groups PAN-OS 10.2+ offers (docs/panos/ike-crypto-profile.md#dh-group; group15/16/21 are new in 10.2.0, the
 * oldest version this project supports: #dh-group-versions there).
 */
export const DH_GROUPS = ['group1', 'group2', 'group5', 'group14', 'group15', 'group16', 'group19', 'group20', 'group21'] as const;
export type DhGroup = (typeof DH_GROUPS)[number];
