/**
 * `panosipsec_tunnel_interface`: generated from the tunnelInterface descriptor's field table. Its zone, virtual router
 * and vsys import are memberships stored outside the interface's entry (in the zone, the router and the vsys); the
 * hooks below read, write and delete them next to the entry.
 */
import type { ConfigOp } from '../../panos/client';
import {
  memberXpath,
  membershipOf,
  tunnelInterface,
  virtualRouterInterfacesXpath,
  vsysImportInterfacesXpath,
  vsysOf,
  zoneMembersXpath,
  type Location,
} from '../../panos/objects';
import { el } from '../../panos/xml';
import type { ValueObject } from '../../tfplugin';
import { objectResource, type ObjectResourceHooks } from './spec';

interface Membership {
  zone?: string;
  virtualRouter?: string;
  vsys?: string;
}

function membershipOfState(s: ValueObject | null, loc: Location): Membership | undefined {
  if (s === null) return undefined;
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  return { zone: str(s.zone), virtualRouter: str(s.virtual_router), vsys: str(s.vsys) ?? vsysOf(loc) };
}

/** Ops that move a tunnel interface's memberships from `before` to `after` (undefined = no interface). */
export function membershipOps(iface: string, loc: Location, before: Membership | undefined, after: Membership | undefined): ConfigOp[] {
  const ops: ConfigOp[] = [];
  const vsysLoc = (vsys: string | undefined): Location => ({ ...loc, vsys: vsys ?? vsysOf(loc) });
  const member = (): ReturnType<typeof el> => el('member', iface);
  const move = (from: string | undefined, to: string | undefined, xpathOf: (v: string) => string): void => {
    if (from === to) return;
    if (from !== undefined) ops.push({ action: 'delete', xpath: memberXpath(xpathOf(from), iface) });
    if (to !== undefined) ops.push({ action: 'set', xpath: xpathOf(to), element: member() });
  };
  // Import first on create (zones accept only imported interfaces), last on delete.
  const importXpath = (v: string): string => vsysImportInterfacesXpath(vsysLoc(v));
  if (after) move(before?.vsys, after.vsys, importXpath);
  const afterVsys = after?.vsys ?? before?.vsys;
  move(before?.zone, after?.zone, (z) => zoneMembersXpath(vsysLoc(afterVsys), z));
  move(before?.virtualRouter, after?.virtualRouter, (vr) => virtualRouterInterfacesXpath(loc, vr));
  if (!after) move(before?.vsys, undefined, importXpath);
  return ops;
}

const membershipHooks: ObjectResourceHooks = {
  async withOutside(session, name, found) {
    return { raw: found.raw, model: { ...found.model, ...membershipOf(name, await session.membershipMaps()) } };
  },
  readState(out, state, session, device) {
    // The vsys import defaults to the location's vsys: unmanaged means "whatever the provider imported". On import
    // the default is what an undeclared vsys means, so leaving it null keeps a config that omits it free of changes.
    if (state === null) {
      if (out.vsys === vsysOf(session.location)) out.vsys = null;
    } else {
      out.vsys = state.vsys === null ? null : (device.vsys ?? null);
    }
  },
  async factsOutside(session) {
    const maps = await session.membershipMaps();
    return (name) => membershipOf(name, maps);
  },
  writeOps(name, loc, prior, planned) {
    return membershipOps(name, loc, membershipOfState(prior, loc), membershipOfState(planned, loc));
  },
  async deleteOps(session, name, prior, entry) {
    const loc = session.location;
    const maps = await session.membershipMaps().catch(() => undefined);
    const before = membershipOfState(prior, loc) ?? {};
    const actual: Membership = {
      zone: before.zone ?? maps?.zones.get(name),
      virtualRouter: before.virtualRouter ?? maps?.virtualRouters.get(name),
      vsys: maps?.vsysImports.get(name) ?? before.vsys,
    };
    const ops = membershipOps(name, loc, actual, undefined);
    return [...ops.filter((o) => o.action === 'delete' && !o.xpath.includes('/import/')), entry, ...ops.filter((o) => o.xpath.includes('/import/'))];
  },
  afterWrite(session) {
    session.forgetMemberships();
  },
};

/** Resource spec of `panosipsec_tunnel_interface`. */
export const tunnelInterfaceResource = objectResource(tunnelInterface, {
  hooks: membershipHooks,
});
