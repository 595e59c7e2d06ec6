/**
 * Tunnel interface `tunnel.N` (facts: docs/panos/tunnel-interface.md). Its zone, virtual router and vsys import live in other
 * containers (see membership.ts); they are fields here so the provider schema has them, flagged `external` so the
 * entry codec leaves them alone.
 */
import type { ModelRecord } from './codec';
import { COMMENT_FIELD, nameField } from './common-fields';
import { defineObject, type DescriptorOfSpec } from './descriptor';
import { deviceXpath } from './location';
import type { FieldDef, ModelOf } from './field-table';
import { nameProblems } from './validate';

export * from './membership';

/**
 * A tunnel interface. `zone`, `virtualRouter` and `vsys` are memberships stored in other containers (the vsys
 * defaults to the location's when managed by the provider).
 */
export type TunnelInterface = ModelOf<typeof FIELDS>;

const FIELDS = [
  { ...nameField('tunnel interface'), description: 'Interface name, tunnel.N with N from 1 to 9999.' },
  COMMENT_FIELD,
  {
    key: 'ipv4Addresses',
    type: 'string-list',
    xmlPath: ['ip'],
    listStyle: 'entry',
    description:
      'IPv4 addresses with prefix length (or address object names). In transport mode the address is used only with GRE encapsulation.',
  },
  {
    key: 'ipv6Enabled',
    type: 'bool',
    xmlPath: ['ipv6', 'enabled'],
    description: 'Enable IPv6 on the interface.',
    deviceDefault: false,
  },
  {
    key: 'ipv6Addresses',
    type: 'string-list',
    xmlPath: ['ipv6', 'address'],
    listStyle: 'entry',
    description: 'IPv6 addresses with prefix length.',
  },
  { key: 'mtu', type: 'number', xmlPath: ['mtu'], description: 'MTU in bytes.', range: { min: 576, max: 9216 }, deviceDefault: 1500 },
  {
    key: 'managementProfile',
    type: 'string',
    xmlPath: ['interface-management-profile'],
    description: 'Interface management profile (which services answer on this interface, e.g. ping for tunnel monitoring).',
    maxLength: 31,
  },
  { key: 'netflowProfile', type: 'string', xmlPath: ['netflow-profile'], description: 'NetFlow server profile.', maxLength: 63 },
  {
    key: 'zone',
    type: 'string',
    xmlPath: [],
    external: true,
    refersTo: 'zone',
    description: 'Layer3 security zone the interface belongs to (the zone must exist in the vsys).',
  },
  {
    key: 'virtualRouter',
    type: 'string',
    xmlPath: [],
    external: true,
    refersTo: 'virtual-router',
    description: 'Virtual router the interface belongs to (an interface belongs to at most one router).',
  },
  {
    key: 'vsys',
    type: 'string',
    xmlPath: [],
    external: true,
    description: 'vsys the interface is imported into; PAN-OS uses an interface only once it is imported.',
  },
] as const satisfies readonly FieldDef[];

const KIND = { kind: 'tunnel-interface', title: 'Tunnel interface', factsKey: 'tunnelInterfaces', fields: FIELDS } as const;

/** Descriptor of `…/network/interface/tunnel/units/entry`. */
export const tunnelInterface: DescriptorOfSpec<typeof KIND> = defineObject({
  ...KIND,
  // The pattern tunnel.N (docs/panos/README.md#name-tunnel-interface) is the limit that matters; 14 is inferred.
  nameMaxLength: 14,
  containerXpath: (loc) => `${deviceXpath(loc)}/network/interface/tunnel/units`,

  validateCustom: (m: ModelRecord, ctx) => [
    ...nameProblems('zone', 'zone', 'zone', m.zone, ctx),
    ...nameProblems('virtual-router', 'virtualRouter', 'virtual_router', m.virtualRouter, ctx),
    ...nameProblems('vsys', 'vsys', 'vsys', m.vsys, ctx),
  ],
});
