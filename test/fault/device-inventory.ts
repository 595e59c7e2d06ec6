/** What a set of generated tunnels left on the simulated device: entries per kind and membership counts. */
import type { Simulator } from '../../src/sim';

const DEV = "/config/devices/entry[@name='localhost.localdomain']";

/** Entry containers of the five object kinds {@link tunnelsHcl} writes. */
export const CONTAINERS = {
  tunnelInterface: `${DEV}/network/interface/tunnel/units`,
  ikeProfile: `${DEV}/network/ike/crypto-profiles/ike-crypto-profiles`,
  ipsecProfile: `${DEV}/network/ike/crypto-profiles/ipsec-crypto-profiles`,
  gateway: `${DEV}/network/ike/gateway`,
  tunnel: `${DEV}/network/tunnel/ipsec`,
} as const;

const PREFIX: Record<keyof typeof CONTAINERS, RegExp> = {
  tunnelInterface: /^tunnel\.\d+$/,
  ikeProfile: /^ike-\d+$/,
  ipsecProfile: /^ipsec-\d+$/,
  gateway: /^gw-\d+$/,
  tunnel: /^tm-\d+$/,
};

/** Names per kind (in device order) in the running or candidate config. */
export type Inventory = Record<keyof typeof CONTAINERS, string[]>;

function topLevelEntryNames(xml: string): string[] {
  // Entries directly below the container: the container's own children, found by depth-tracking the tags.
  const names: string[] = [];
  let depth = 0;
  for (const m of xml.matchAll(/<(\/?)([\w-]+)([^>]*?)(\/?)>/g)) {
    const [, close, , attrs, selfClose] = m;
    if (close) {
      depth--;
      continue;
    }
    if (depth === 1 && m[2] === 'entry') {
      const n = /name="([^"]*)"/.exec(attrs);
      if (n) names.push(n[1]);
    }
    if (!selfClose) depth++;
  }
  return names;
}

/** The generated objects on the device. */
export function inventory(sim: Simulator, which: 'running' | 'candidate' = 'running'): Inventory {
  const out = {} as Inventory;
  for (const [k, xp] of Object.entries(CONTAINERS) as [keyof typeof CONTAINERS, string][]) {
    out[k] = topLevelEntryNames(sim.config[which](xp)).filter((n) => PREFIX[k].test(n));
  }
  return out;
}

/** How often `<member>tunnel.N</member>` appears in the whole config, per generated tunnel interface. */
export function memberCounts(sim: Simulator, which: 'running' | 'candidate' = 'running'): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of sim.config[which]().matchAll(/<member>(tunnel\.\d+)<\/member>/g)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  return counts;
}

/** Problems with the device holding exactly tunnels `from`..`from+n-1`, each once, with each interface in its 3 memberships. */
export function inventoryProblems(sim: Simulator, n: number, from = 0): string[] {
  const inv = inventory(sim);
  const problems: string[] = [];
  const expected: Inventory = {
    tunnelInterface: [...Array(n).keys()].map((i) => `tunnel.${100 + from + i}`),
    ikeProfile: [...Array(n).keys()].map((i) => `ike-${from + i}`),
    ipsecProfile: [...Array(n).keys()].map((i) => `ipsec-${from + i}`),
    gateway: [...Array(n).keys()].map((i) => `gw-${from + i}`),
    tunnel: [...Array(n).keys()].map((i) => `tm-${from + i}`),
  };
  for (const k of Object.keys(expected) as (keyof Inventory)[]) {
    const got = [...inv[k]].sort();
    const want = [...expected[k]].sort();
    if (new Set(got).size !== got.length) problems.push(`${k}: duplicated entries ${got.filter((x, i) => got.indexOf(x) !== i).join(', ')}`);
    const missing = want.filter((x) => !got.includes(x));
    const extra = got.filter((x) => !want.includes(x));
    if (missing.length > 0) problems.push(`${k}: missing ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` (+${missing.length - 5})` : ''}`);
    if (extra.length > 0) problems.push(`${k}: orphans ${extra.slice(0, 5).join(', ')}${extra.length > 5 ? ` (+${extra.length - 5})` : ''}`);
  }
  const members = memberCounts(sim);
  for (const t of expected.tunnelInterface) if ((members.get(t) ?? 0) !== 3) problems.push(`${t}: ${members.get(t) ?? 0} memberships (zone, virtual router, vsys import expected once each)`);
  for (const [t] of members) if (!expected.tunnelInterface.includes(t) && /^tunnel\.\d{3}$/.test(t)) problems.push(`${t}: orphan membership`);
  return problems;
}
