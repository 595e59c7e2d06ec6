/**
 * ApplyResourceChange for PAN-OS object resources: version gate, encode onto the candidate entry (so XML the model
 * does not know survives), membership moves for tunnel interfaces, deletes with reference errors explained. Writes
 * go through the session's batcher, so parallel applies share one multi-config request.
 */
import { randomBytes } from 'node:crypto';
import { newObject, type Diagnostic, type StateResult, type ValueObject } from '../../tfplugin';
import type { ConfigOp } from '../../panos/client';
import {
  memberXpath,
  virtualRouterInterfacesXpath,
  vsysImportInterfacesXpath,
  zoneMembersXpath,
  type Location,
} from '../../panos/objects';
import { el } from '../../panos/xml';
import { errorToDiagnostics } from '../errors';
import { modelFromValue, type Model } from '../model-values';
import { objectAddress } from '../plan-rules';
import type { DeviceSession } from '../session';
import { decodePrivate, encodePrivate, privateForWrittenKey } from './private-state';
import { resourceFields, type ObjectResourceSpec } from './spec';
import { writeOnlyAttributes } from './object-plan';

/** A fresh revision: changes on every write, so the commit resource's triggers change. */
export function newRevision(): string {
  return `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

interface Membership {
  zone?: string;
  virtualRouter?: string;
  vsys?: string;
}

function membershipOfState(s: ValueObject | null, loc: Location): Membership | undefined {
  if (s === null) return undefined;
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  return { zone: str(s.zone), virtualRouter: str(s.virtual_router), vsys: str(s.vsys) ?? loc.vsys ?? 'vsys1' };
}

/** Ops that move a tunnel interface's memberships from `before` to `after` (undefined = no interface). */
export function membershipOps(iface: string, loc: Location, before: Membership | undefined, after: Membership | undefined): ConfigOp[] {
  const ops: ConfigOp[] = [];
  const vsysLoc = (vsys: string | undefined): Location => ({ ...loc, vsys: vsys ?? loc.vsys ?? 'vsys1' });
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

/** Applies one object resource change. */
export async function applyObject(
  spec: ObjectResourceSpec,
  session: DeviceSession,
  prior: ValueObject | null,
  planned: ValueObject | null,
  config: ValueObject | null,
  plannedPrivate: Buffer,
): Promise<StateResult> {
  const loc = session.location;
  const desc = spec.descriptor;
  if (planned === null) {
    const name = String(prior?.name ?? '');
    const address = objectAddress(spec.kind, name);
    const ops: ConfigOp[] = [];
    if (spec.memberships) {
      const maps = await session.membershipMaps().catch(() => undefined);
      const before = membershipOfState(prior, loc) ?? {};
      const actual: Membership = {
        zone: before.zone ?? maps?.zones.get(name),
        virtualRouter: before.virtualRouter ?? maps?.virtualRouters.get(name),
        vsys: maps?.vsysImports.get(name) ?? before.vsys,
      };
      ops.push(...membershipOps(name, loc, actual, undefined).filter((o) => o.action === 'delete' && !o.xpath.includes('/import/')));
      ops.push({ action: 'delete', xpath: desc.entryXpath(loc, name) });
      ops.push(...membershipOps(name, loc, actual, undefined).filter((o) => o.xpath.includes('/import/')));
    } else {
      ops.push({ action: 'delete', xpath: desc.entryXpath(loc, name) });
    }
    try {
      await session.write(ops, address);
      return { state: null };
    } catch (err) {
      return { state: prior, diagnostics: errorToDiagnostics(err, address, 'delete the object') };
    }
  }

  const name = String(planned.name);
  const address = objectAddress(spec.kind, name);
  const diagnostics: Diagnostic[] = [];
  let priv = decodePrivate(plannedPrivate);
  try {
    const model = modelFromValue(resourceFields(spec), planned) as Model & { name: string };
    model.name = name;
    const bases = await session.candidateEntries(spec.kind);
    const base = bases.get(name);
    if (spec.preSharedKey) {
      const key = typeof config?.pre_shared_key_wo === 'string' ? config.pre_shared_key_wo : typeof planned.pre_shared_key === 'string' ? planned.pre_shared_key : undefined;
      if (key !== undefined) {
        session.client().addSecret(key);
        model.preSharedKey = key;
        priv = privateForWrittenKey(key);
      } else if (base) {
        const stored = (desc.decode(base).model as Model).preSharedKeyEncrypted;
        if (typeof stored === 'string') model.preSharedKeyEncrypted = stored;
      }
    }
    const version = (await session.systemInfo()).version;
    const element = desc.encode(model, version, base);
    const ops: ConfigOp[] = [{ action: 'edit', xpath: desc.entryXpath(loc, name), element }];
    if (spec.memberships) {
      const after = membershipOfState(planned, loc);
      const before = membershipOfState(prior, loc);
      const mops = membershipOps(name, loc, before, after);
      // The entry must exist before anything lists it as a member.
      ops.push(...mops);
    }
    await session.write(ops, address);
    bases.set(name, element);
  } catch (err) {
    diagnostics.push(...errorToDiagnostics(err, address, prior === null ? 'create the object' : 'update the object'));
    return { state: prior, diagnostics };
  }
  const state = newObject();
  for (const [k, v] of Object.entries(planned)) state[k] = v;
  for (const wo of writeOnlyAttributes(spec)) state[wo] = null;
  state.id = name;
  state.revision = newRevision();
  return { state, private: encodePrivate(priv) };
}
