/**
 * Tunnel interface `tunnel.N` (facts: docs/panos/tunnel-interface.md). Its zone, virtual router and vsys import live in other
 * containers (see membership.ts); they are fields here so the provider schema has them, flagged `external` so the
 * entry codec leaves them alone.
 */
import type { ModelRecord } from './codec';
import { COMMENT_FIELD, nameField } from './common-fields';
import { defineObject, type PanosObjectDescriptor } from './descriptor';
import { deviceXpath } from './location';
import type { FieldSpec, ObjectRef } from './types';
import { nameProblems } from './validate';

export * from './membership';

/** A tunnel interface. */
export interface TunnelInterface {
  /** `tunnel.N`, N from 1 to 9999. */
  name: string;
  comment?: string;
  /** IPv4 addresses with prefix length (or address-object names), e.g. `169.254.10.1/30`. */
  ipv4Addresses?: string[];
  /** @default false (device) */
  ipv6Enabled?: boolean;
  ipv6Addresses?: string[];
  /** 576-9216. @default 1500 (device) */
  mtu?: number;
  managementProfile?: string;
  netflowProfile?: string;
  /** Layer3 zone holding the interface (stored under the vsys zone). */
  zone?: string;
  /** Virtual router holding the interface (stored under the router). */
  virtualRouter?: string;
  /** vsys the interface is imported into. @default - the location's vsys when managed by the provider */
  vsys?: string;
}

const FIELDS: readonly FieldSpec[] = [
  { ...nameField('tunnel interface'), description: 'Interface name, tunnel.N with N from 1 to 9999.' },
  COMMENT_FIELD,
  {
    key: 'ipv4Addresses',
    tfName: 'ipv4_addresses',
    type: 'string-list',
    xmlPath: ['ip'],
    listStyle: 'entry',
    description:
      'IPv4 addresses with prefix length (or address object names). In transport mode the address is used only with GRE encapsulation.',
  },
  {
    key: 'ipv6Enabled',
    tfName: 'ipv6_enabled',
    type: 'bool',
    xmlPath: ['ipv6', 'enabled'],
    description: 'Enable IPv6 on the interface.',
    deviceDefault: false,
  },
  {
    key: 'ipv6Addresses',
    tfName: 'ipv6_addresses',
    type: 'string-list',
    xmlPath: ['ipv6', 'address'],
    listStyle: 'entry',
    description: 'IPv6 addresses with prefix length.',
  },
  { key: 'mtu', tfName: 'mtu', type: 'number', xmlPath: ['mtu'], description: 'MTU in bytes.', range: { min: 576, max: 9216 }, deviceDefault: 1500 },
  {
    key: 'managementProfile',
    tfName: 'management_profile',
    type: 'string',
    xmlPath: ['interface-management-profile'],
    description: 'Interface management profile (which services answer on this interface, e.g. ping for tunnel monitoring).',
    maxLength: 31,
  },
  { key: 'netflowProfile', tfName: 'netflow_profile', type: 'string', xmlPath: ['netflow-profile'], description: 'NetFlow server profile.', maxLength: 63 },
  {
    key: 'zone',
    tfName: 'zone',
    type: 'string',
    xmlPath: [],
    external: true,
    description: 'Layer3 security zone the interface belongs to (the zone must exist in the vsys).',
  },
  {
    key: 'virtualRouter',
    tfName: 'virtual_router',
    type: 'string',
    xmlPath: [],
    external: true,
    description: 'Virtual router the interface belongs to (an interface belongs to at most one router).',
  },
  {
    key: 'vsys',
    tfName: 'vsys',
    type: 'string',
    xmlPath: [],
    external: true,
    description: 'vsys the interface is imported into; PAN-OS uses an interface only once it is imported.',
  },
];

/** Descriptor of `…/network/interface/tunnel/units/entry`. */
export const tunnelInterface: PanosObjectDescriptor<TunnelInterface> = defineObject<TunnelInterface>({
  kind: 'tunnel-interface',
  title: 'Tunnel interface',
  fields: FIELDS,
  containerXpath: (loc) => `${deviceXpath(loc)}/network/interface/tunnel/units`,
  references: (m) => {
    const refs: ObjectRef[] = [];
    if (m.zone) refs.push({ kind: 'zone', name: m.zone, field: 'zone' });
    if (m.virtualRouter) refs.push({ kind: 'virtual-router', name: m.virtualRouter, field: 'virtualRouter' });
    return refs;
  },
  validateCustom: (m: ModelRecord, ctx) => [
    ...nameProblems('zone', 'zone', 'zone', m.zone, ctx),
    ...nameProblems('virtual-router', 'virtualRouter', 'virtual_router', m.virtualRouter, ctx),
    ...nameProblems('vsys', 'vsys', 'vsys', m.vsys, ctx),
  ],
});
