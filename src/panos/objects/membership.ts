/**
 * Tunnel-interface membership that PAN-OS stores outside the interface entry: layer3 zone members, virtual-router
 * interfaces and vsys interface imports (docs/panos/tunnel-interface.md#membership). Xpath builders for writes, and pure readers that
 * turn one bulk read of each container into a lookup, so the provider never reads per interface.
 */
import type { XmlElement } from '../xml';
import { deviceXpath, vsysXpath } from './location';
import { entryStep, validateName, xpathLiteral } from './names';
import type { Location } from './types';

/** `…/vsys/entry[@name=V]/zone/entry[@name=Z]/network/layer3`: the member list of a layer3 zone. */
export function zoneMembersXpath(loc: Location, zone: string): string {
  return `${vsysXpath(loc)}/zone/${entryStep('zone', zone)}/network/layer3`;
}

/** `…/network/virtual-router/entry[@name=VR]/interface`: the interface list of a virtual router. */
export function virtualRouterInterfacesXpath(loc: Location, virtualRouter: string): string {
  return `${deviceXpath(loc)}/network/virtual-router/${entryStep('virtual-router', virtualRouter)}/interface`;
}

/** `…/vsys/entry[@name=V]/import/network/interface`: the interfaces imported into the location's vsys. */
export function vsysImportInterfacesXpath(loc: Location): string {
  return `${vsysXpath(loc)}/import/network/interface`;
}

/** Container xpath of all zones of the location's vsys (one bulk read). */
export function zonesXpath(loc: Location): string {
  return `${vsysXpath(loc)}/zone`;
}

/** Container xpath of all virtual routers (one bulk read). */
export function virtualRoutersXpath(loc: Location): string {
  return `${deviceXpath(loc)}/network/virtual-router`;
}

/**
 * `<container>/member[text()='tunnel.1']`: one member of a member list. The member must be a valid interface name
 * and is quoted, so it cannot change the xpath's shape.
 */
export function memberXpath(containerXpath: string, member: string): string {
  validateName('interface', member);
  return `${containerXpath}/member[text()=${xpathLiteral(member)}]`;
}

/** Accepts the container itself or any element holding it (for example an API `<result>`). */
function containerNamed(node: XmlElement | undefined, name: string): XmlElement | undefined {
  if (node === undefined) return undefined;
  if (node.name === name) return node;
  return node.children.find((c) => c.name === name);
}

function members(node: XmlElement | undefined): string[] {
  return node ? node.children.filter((c) => c.name === 'member').map((c) => c.text) : [];
}

function descend(node: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let cur = node;
  for (const p of path) cur = cur?.children.find((c) => c.name === p);
  return cur;
}

/** interface → zone, from the `<zone>` container of one vsys (layer3 members only). */
export function zoneMembership(zones: XmlElement | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const z of containerNamed(zones, 'zone')?.children ?? []) {
    if (z.name !== 'entry' || z.attrs.name === undefined) continue;
    for (const m of members(descend(z, 'network', 'layer3'))) if (!out.has(m)) out.set(m, z.attrs.name);
  }
  return out;
}

/** interface → virtual router, from the `<virtual-router>` container. */
export function virtualRouterMembership(routers: XmlElement | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const vr of containerNamed(routers, 'virtual-router')?.children ?? []) {
    if (vr.name !== 'entry' || vr.attrs.name === undefined) continue;
    for (const m of members(descend(vr, 'interface'))) if (!out.has(m)) out.set(m, vr.attrs.name);
  }
  return out;
}

/** Interfaces imported into one vsys, from its `<interface>` import list (or an ancestor such as `<import>`). */
export function importedInterfaces(node: XmlElement | undefined): Set<string> {
  let list = node;
  if (list && list.name === 'import') list = descend(list, 'network', 'interface');
  else if (list && list.name === 'network') list = descend(list, 'interface');
  else if (list && list.name !== 'interface') list = containerNamed(list, 'interface');
  return new Set(members(list));
}

/** interface → vsys, from the device's `<vsys>` container (all vsys entries and their imports). */
export function vsysImportMembership(vsysContainer: XmlElement | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of containerNamed(vsysContainer, 'vsys')?.children ?? []) {
    if (v.name !== 'entry' || v.attrs.name === undefined) continue;
    for (const m of importedInterfaces(descend(v, 'import'))) if (!out.has(m)) out.set(m, v.attrs.name);
  }
  return out;
}

/** Membership of one interface, as the tunnel-interface model carries it. */
export interface InterfaceMembership {
  zone?: string;
  virtualRouter?: string;
  vsys?: string;
}

/** Looks one interface up in the maps built by the readers above. */
export function membershipOf(
  iface: string,
  maps: { zones?: Map<string, string>; virtualRouters?: Map<string, string>; vsysImports?: Map<string, string> },
): InterfaceMembership {
  const zone = maps.zones?.get(iface);
  const virtualRouter = maps.virtualRouters?.get(iface);
  const vsys = maps.vsysImports?.get(iface);
  return { ...(zone ? { zone } : {}), ...(virtualRouter ? { virtualRouter } : {}), ...(vsys ? { vsys } : {}) };
}
