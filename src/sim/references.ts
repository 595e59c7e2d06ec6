/**
 * Who references whom inside one device tree (a firewall's `devices/entry`, or a Panorama template's). Used for the
 * delete refusal (code 10, docs/panos/xml-api.md#delete-referenced) and for reference checks at commit
 * (docs/panos/xml-api.md#job-fail).
 */
import { SimNode, entriesOf, pathOf, textOf } from './xml-tree';

/** A device tree and how error paths name it. */
export interface DeviceRoot {
  readonly dev: SimNode;
  /** Display prefix, e.g. [] for the firewall, ['template', 'T1'] for a template. */
  readonly prefix: readonly string[];
  /** Further device trees consulted when a name does not resolve here (template-stack → member templates). */
  readonly fallbacks: readonly SimNode[];
  /** Panorama-side trees also know the predefined profiles without holding them. */
  readonly predefined: boolean;
}

/** Referenceable object kinds. */
export type RefKind = 'ike-gateway' | 'ipsec-crypto-profile' | 'ike-crypto-profile' | 'tunnel-interface' | 'monitor-profile' | 'interface';

/** Where the entries of each kind live, relative to `devices/entry`. */
export const KIND_LOCATION: Record<Exclude<RefKind, 'interface'>, string[]> = {
  'ike-gateway': ['network', 'ike', 'gateway'],
  'ipsec-crypto-profile': ['network', 'ike', 'crypto-profiles', 'ipsec-crypto-profiles'],
  'ike-crypto-profile': ['network', 'ike', 'crypto-profiles', 'ike-crypto-profiles'],
  'tunnel-interface': ['network', 'interface', 'tunnel', 'units'],
  'monitor-profile': ['network', 'profiles', 'monitor-profile'],
};

/** Profiles every firewall holds (docs/panos/predefined-objects.md); a Panorama template resolves them without holding them. */
export const PREDEFINED: Partial<Record<RefKind, string[]>> = {
  'ike-crypto-profile': ['default', 'Suite-B-GCM-128', 'Suite-B-GCM-256'],
  'ipsec-crypto-profile': ['default', 'Suite-B-GCM-128', 'Suite-B-GCM-256'],
  'monitor-profile': ['default'],
};

/** One reference from a configuration node to a named object. */
export interface RefSite {
  readonly kind: RefKind;
  readonly target: string;
  /** The referring object's entry (e.g. the tunnel). */
  readonly owner: SimNode;
  /** Display path of the referring field relative to `devices/entry`, e.g. network -> tunnel -> ipsec -> t1 -> tunnel-interface. */
  readonly fieldPath: readonly string[];
  /** Display path of the list holding the referring object, e.g. network -> tunnel -> ipsec. */
  readonly listPath: readonly string[];
  /** True when the reference is an `<entry name>` (the name is a path step, as for ike-gateway). */
  readonly asEntry: boolean;
}

/** Every device tree in a configuration: the firewall's and each template / template-stack config. */
export function deviceRoots(config: SimNode): DeviceRoot[] {
  const out: DeviceRoot[] = [];
  for (const dev of entriesOf(config, 'devices')) {
    out.push({ dev, prefix: [], fallbacks: [], predefined: false });
    const templates = new Map<string, SimNode[]>();
    for (const t of entriesOf(dev, 'template')) {
      const inner = entriesOf(t, 'config', 'devices');
      templates.set(t.attrs.name ?? '', inner);
      for (const d of inner) out.push({ dev: d, prefix: ['template', t.attrs.name ?? ''], fallbacks: [], predefined: true });
    }
    for (const s of entriesOf(dev, 'template-stack')) {
      const members = (pathOf(s, 'templates')?.children ?? []).map((m) => m.text);
      const fallbacks = members.flatMap((m) => templates.get(m) ?? []);
      for (const d of entriesOf(s, 'config', 'devices')) {
        out.push({ dev: d, prefix: ['template-stack', s.attrs.name ?? ''], fallbacks, predefined: true });
      }
    }
  }
  return out;
}

/** Names of every interface the device tree defines (physical, subinterfaces, loopback, tunnel, aggregate…). */
export function interfaceNames(dev: SimNode): Map<string, SimNode> {
  const out = new Map<string, SimNode>();
  const iface = pathOf(dev, 'network', 'interface');
  for (const type of iface?.children ?? []) {
    for (const e of entriesOf(type)) {
      out.set(e.attrs.name ?? '', e);
      for (const layer of e.children) for (const u of entriesOf(layer, 'units')) out.set(u.attrs.name ?? '', u);
    }
    for (const u of entriesOf(type, 'units')) out.set(u.attrs.name ?? '', u);
  }
  return out;
}

/** Looks an object up by kind and name in a device root (fallbacks and predefined names included). */
export function resolves(root: DeviceRoot, kind: RefKind, name: string): boolean {
  const trees = [root.dev, ...root.fallbacks];
  if (kind === 'interface') return trees.some((d) => interfaceNames(d).has(name));
  if (root.predefined && (PREDEFINED[kind] ?? []).includes(name)) return true;
  return trees.some((d) => entriesOf(d, ...KIND_LOCATION[kind]).some((e) => e.attrs.name === name));
}

/** Finds an object's entry by kind and name (first tree that has it). */
export function lookup(root: DeviceRoot, kind: Exclude<RefKind, 'interface'>, name: string): SimNode | undefined {
  for (const d of [root.dev, ...root.fallbacks]) {
    const hit = entriesOf(d, ...KIND_LOCATION[kind]).find((e) => e.attrs.name === name);
    if (hit) return hit;
  }
  return undefined;
}

/** The references the simulator tracks: tunnel → gateway / IPSec profile / tunnel interface / monitor profile; gateway → IKE profile / interface. */
export function collectRefs(dev: SimNode): RefSite[] {
  const refs: RefSite[] = [];
  const tunnelList = ['network', 'tunnel', 'ipsec'];
  for (const t of entriesOf(dev, 'network', 'tunnel', 'ipsec')) {
    const base = [...tunnelList, t.attrs.name ?? ''];
    const site = (kind: RefKind, target: string | undefined, field: string[], asEntry = false): void => {
      if (target !== undefined && target !== '') refs.push({ kind, target, owner: t, fieldPath: [...base, ...field], listPath: tunnelList, asEntry });
    };
    for (const g of entriesOf(t, 'auto-key', 'ike-gateway')) site('ike-gateway', g.attrs.name, ['auto-key', 'ike-gateway'], true);
    site('ipsec-crypto-profile', textOf(t, 'auto-key', 'ipsec-crypto-profile'), ['auto-key', 'ipsec-crypto-profile']);
    site('tunnel-interface', textOf(t, 'tunnel-interface'), ['tunnel-interface']);
    site('monitor-profile', textOf(t, 'tunnel-monitor', 'tunnel-monitor-profile'), ['tunnel-monitor', 'tunnel-monitor-profile']);
  }
  const gwList = ['network', 'ike', 'gateway'];
  for (const g of entriesOf(dev, 'network', 'ike', 'gateway')) {
    const base = [...gwList, g.attrs.name ?? ''];
    for (const block of ['ikev1', 'ikev2']) {
      const p = textOf(g, 'protocol', block, 'ike-crypto-profile');
      if (p) refs.push({ kind: 'ike-crypto-profile', target: p, owner: g, fieldPath: [...base, 'protocol', block, 'ike-crypto-profile'], listPath: gwList, asEntry: false });
    }
    const itf = textOf(g, 'local-address', 'interface');
    if (itf) refs.push({ kind: 'interface', target: itf, owner: g, fieldPath: [...base, 'local-address', 'interface'], listPath: gwList, asEntry: false });
  }
  return refs;
}
