/** Tunnel monitor profile: what a tunnel does when its monitor probes fail (facts: docs/panos/tunnel-monitor-profile.md). */
import { nameField } from './common-fields';
import { defineObject, type DescriptorOfSpec } from './descriptor';
import { deviceXpath } from './location';
import type { FieldDef, ModelOf } from './field-table';

/** A tunnel monitor profile. The interval's range is the schema's, 2-100 (the web help says 2-10). */
export type TunnelMonitorProfile = ModelOf<typeof FIELDS>;

const FIELDS = [
  nameField('tunnel monitor profile'),
  {
    key: 'action',
    type: 'string',
    xmlPath: ['action'],
    description: 'What to do when the tunnel stops answering: wait for it to recover, or fail over to another path.',
    enum: ['wait-recover', 'fail-over'],
    deviceDefault: 'wait-recover',
  },
  {
    key: 'interval',
    type: 'number',
    xmlPath: ['interval'],
    description: 'Seconds between monitor probes.',
    range: { min: 2, max: 100 },
    deviceDefault: 3,
  },
  {
    key: 'threshold',
    type: 'number',
    xmlPath: ['threshold'],
    description: 'Number of missed probes before the action is taken.',
    range: { min: 2, max: 10 },
    deviceDefault: 5,
  },
] as const satisfies readonly FieldDef[];

const KIND = { kind: 'tunnel-monitor-profile', title: 'Tunnel monitor profile', factsKey: 'monitorProfiles', fields: FIELDS } as const;

/** Descriptor of `…/network/profiles/monitor-profile/entry`. */
export const tunnelMonitorProfile: DescriptorOfSpec<typeof KIND> = defineObject({
  ...KIND,
  nameMaxLength: 31, // docs/panos/README.md#name-tunnel-monitor-profile
  predefined: ['default'], // docs/panos/predefined-objects.md
  containerXpath: (loc) => `${deviceXpath(loc)}/network/profiles/monitor-profile`,
});
