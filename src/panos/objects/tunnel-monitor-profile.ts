/** Tunnel monitor profile: what a tunnel does when its monitor probes fail (facts: docs/panos/tunnel-monitor-profile.md). */
import { nameField } from './common-fields';
import { defineObject, type PanosObjectDescriptor } from './descriptor';
import { deviceXpath } from './location';
import type { FieldSpec } from './types';

/** A tunnel monitor profile. */
export interface TunnelMonitorProfile {
  name: string;
  /** @default 'wait-recover' (device) */
  action?: 'wait-recover' | 'fail-over';
  /** Seconds between probes, 2-100 (the schema's range; the web help says 2-10). @default 3 (device) */
  interval?: number;
  /** Missed probes before the action, 2-10. @default 5 (device) */
  threshold?: number;
}

const FIELDS: readonly FieldSpec[] = [
  nameField('tunnel monitor profile'),
  {
    key: 'action',
    tfName: 'action',
    type: 'string',
    xmlPath: ['action'],
    description: 'What to do when the tunnel stops answering: wait for it to recover, or fail over to another path.',
    enum: ['wait-recover', 'fail-over'],
    deviceDefault: 'wait-recover',
  },
  {
    key: 'interval',
    tfName: 'interval',
    type: 'number',
    xmlPath: ['interval'],
    description: 'Seconds between monitor probes.',
    range: { min: 2, max: 100 },
    deviceDefault: 3,
  },
  {
    key: 'threshold',
    tfName: 'threshold',
    type: 'number',
    xmlPath: ['threshold'],
    description: 'Number of missed probes before the action is taken.',
    range: { min: 2, max: 10 },
    deviceDefault: 5,
  },
];

/** Descriptor of `…/network/profiles/monitor-profile/entry`. */
export const tunnelMonitorProfile: PanosObjectDescriptor<TunnelMonitorProfile> = defineObject<TunnelMonitorProfile>({
  kind: 'tunnel-monitor-profile',
  title: 'Tunnel monitor profile',
  fields: FIELDS,
  containerXpath: (loc) => `${deviceXpath(loc)}/network/profiles/monitor-profile`,
  references: () => [],
});
