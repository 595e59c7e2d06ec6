/** Field specs several objects share. */
import type { FieldSpec } from './types';

/** The entry name: the object's identity, so changing it means a new object. */
export function nameField(what: string): FieldSpec {
  return {
    key: 'name',
    tfName: 'name',
    type: 'string',
    xmlPath: [],
    description: `Name of the ${what}; the object's identity on the device.`,
    required: true,
    requiresReplace: true,
  };
}

/** `comment` (0-1023 characters, e.g. docs/panos/ipsec-tunnel.md#comment). */
export const COMMENT_FIELD: FieldSpec = {
  key: 'comment',
  tfName: 'comment',
  type: 'string',
  xmlPath: ['comment'],
  description: 'Free-text comment.',
  maxLength: 1023,
};

/** Lifetime units (docs/panos/ike-crypto-profile.md#lifetime, docs/panos/ipsec-crypto-profile.md#lifetime). */
export const LIFETIME_UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;

/** A `lifetime` block: exactly one of seconds / minutes / hours / days. */
export function lifetimeField(description: string, deviceDefault: string): FieldSpec {
  return {
    key: 'lifetime',
    tfName: 'lifetime',
    type: 'object',
    xmlPath: ['lifetime'],
    description,
    deviceDefault,
    unitValue: true,
    unitRanges: { seconds: { min: 180, max: 65535 }, minutes: { min: 3, max: 65535 }, hours: { min: 1, max: 65535 }, days: { min: 1, max: 365 } },
    fields: [
      { key: 'unit', tfName: 'unit', type: 'string', xmlPath: [], description: 'Unit of the lifetime.', required: true, enum: LIFETIME_UNITS },
      {
        key: 'value',
        tfName: 'value',
        type: 'number',
        xmlPath: [],
        description: 'Lifetime in the chosen unit: seconds 180-65535, minutes 3-65535, hours 1-65535, days 1-365.',
        required: true,
        range: { min: 1, max: 65535 },
      },
    ],
  };
}

/** Lifetime model shared by IKE and IPSec crypto profiles. */
export interface Lifetime {
  unit: (typeof LIFETIME_UNITS)[number];
  value: number;
}

/**
 * DH groups PAN-OS 10.2+ offers (docs/panos/ike-crypto-profile.md#dh-group; group15/16/21 are new in 10.2.0, the
 * oldest version this project supports: #dh-group-versions there).
 */
export const DH_GROUPS = ['group1', 'group2', 'group5', 'group14', 'group15', 'group16', 'group19', 'group20', 'group21'] as const;
export type DhGroup = (typeof DH_GROUPS)[number];
