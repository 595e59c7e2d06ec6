/**
 * Reads what the pair rules need from one device's running configuration with ONE request: the `network` node of
 * the firewall (`show` of `/config/devices/entry[@name='localhost.localdomain']/network`), which holds the
 * containers of every object kind of the registry. Each kind is then decoded with its object module, whose container
 * xpath says where in that node its entries sit (one fact, one place).
 */
import type { PanosClient } from '../../panos/client';
import { stripBookkeeping } from '../../panos/client/xpath-util';
import { ALL_DESCRIPTORS, deviceXpath, type Location, type ObjectDescriptor } from '../../panos/objects';
import { childrenNamed, descend, type XmlElement } from '../../panos/xml';
import type { DeviceConfiguration } from '../../rules/peer/device';

/** The firewall location: network objects sit under the device, whatever the vsys. */
const FIREWALL: Location = { type: 'vsys' };

/** The xpath read once per device. */
export function networkXpath(): string {
  return `${deviceXpath(FIREWALL)}/network`;
}

/** The element steps from the `network` node to a kind's container, derived from the kind's own container xpath. */
function stepsBelowNetwork(desc: Pick<ObjectDescriptor<{ name: string }>, 'containerXpath' | 'title'>): string[] {
  const container = desc.containerXpath(FIREWALL);
  const prefix = `${networkXpath()}/`;
  if (!container.startsWith(prefix)) throw new Error(`${desc.title}: container ${container} is not under ${networkXpath()}`);
  return container.slice(prefix.length).split('/');
}

function decodeAll<M extends { name: string }>(network: XmlElement | undefined, desc: ObjectDescriptor<M>): M[] {
  const container = descend(network, ...stepsBelowNetwork(desc));
  return childrenNamed(container, 'entry').map((e) => desc.decode(stripBookkeeping(e)).model);
}

/** Decodes the `network` node of a running configuration into what the pair rules read: every kind of the registry. */
export function configurationFromNetwork(name: string, network: XmlElement | undefined): DeviceConfiguration {
  const configuration: Record<string, unknown> = { name };
  for (const d of ALL_DESCRIPTORS) configuration[d.factsKey] = decodeAll(network, d);
  // Each kind's models, decoded by its descriptor, under its facts key: the shape DeviceConfiguration maps.
  return configuration as DeviceConfiguration;
}

/** Reads one device's running configuration (one request) and decodes it. Throws the client's error. */
export async function readDeviceConfiguration(client: PanosClient, name: string): Promise<DeviceConfiguration> {
  return configurationFromNetwork(name, await client.show(networkXpath()));
}
