/**
 * Xpath prefixes for the three places our objects live: a firewall (network objects under the device, zones and
 * imports under a vsys), a Panorama template, or a Panorama template stack (docs/panos/README.md#xpaths).
 */
import { entryStep, validateName } from './names';
import type { Location } from './types';

/** The device entry every firewall and Panorama config uses. */
export const LOCALHOST = "entry[@name='localhost.localdomain']";

/** vsys used when a location does not name one. */
export const DEFAULT_VSYS = 'vsys1';

/** The vsys of a location (default `vsys1`). */
export function vsysOf(loc: Location): string {
  return loc.vsys ?? DEFAULT_VSYS;
}

/** Xpath of the device node holding `network/…` (names in the location, vsys included, are validated and quoted). */
export function deviceXpath(loc: Location): string {
  // Network objects do not use the vsys, but a location naming a bad one is wrong wherever it is used.
  if (loc.vsys !== undefined) validateName('vsys', loc.vsys);
  const dev = `/config/devices/${LOCALHOST}`;
  switch (loc.type) {
    case 'vsys':
      return dev;
    case 'template':
      return `${dev}/template/${entryStep('template', loc.template)}/config/devices/${LOCALHOST}`;
    case 'template-stack':
      return `${dev}/template-stack/${entryStep('template-stack', loc.templateStack)}/config/devices/${LOCALHOST}`;
    default: {
      const never: never = loc;
      throw new Error(`unknown location type ${JSON.stringify(never)}`);
    }
  }
}

/** Xpath of the vsys node holding zones and imports. */
export function vsysXpath(loc: Location): string {
  return `${deviceXpath(loc)}/vsys/${entryStep('vsys', vsysOf(loc))}`;
}

/** Short human description, e.g. `vsys vsys1 on the firewall` or `template "branch" (vsys vsys1)`. */
export function describeLocation(loc: Location): string {
  switch (loc.type) {
    case 'vsys':
      return `vsys ${vsysOf(loc)} on the firewall`;
    case 'template':
      return `Panorama template ${JSON.stringify(loc.template)} (vsys ${vsysOf(loc)})`;
    case 'template-stack':
      return `Panorama template stack ${JSON.stringify(loc.templateStack)} (vsys ${vsysOf(loc)})`;
    default: {
      const never: never = loc;
      return JSON.stringify(never);
    }
  }
}
