/**
 * What a commit checks on the configuration it is about to make running: references resolve
 * (docs/transport-mode.md#x1), interfaces sit in at most one zone and one router (inferred:
 * docs/panos/tunnel-interface.md#one-zone), proxy-ID names fit with their tunnel's name (inferred to be checked at
 * commit: docs/panos/README.md#name-proxy-id), and the transport-mode constraints of the vendor guide
 * (docs/transport-mode.md T3–T11, T14, T17; where the guide states a requirement but not that the device refuses its
 * absence, the refusal is marked inferred below). Nothing else is refused: an anti-replay window with anti-replay off,
 * for one, is valid (docs/panos/ipsec-tunnel.md#window-without-anti-replay). Failures are reported like a device's
 * job details.
 */
import { DeviceRoot, RefSite, collectRefs, deviceRoots, interfaceNames, lookup, resolves } from './references';
import { SimVersion } from './sim-version';
import { SimNode, entriesOf, membersOf, pathOf, textOf } from './xml-tree';

/** One validation finding: the offending field's path and what is wrong with it. */
export interface CommitIssue {
  readonly path: readonly string[];
  readonly message: string;
  readonly listPath: readonly string[];
}

/** Validates a whole configuration; returns the job detail lines on failure, undefined when it commits. */
export function validateForCommit(config: SimNode, v: SimVersion): string[] | undefined {
  const issues: CommitIssue[] = [];
  for (const root of deviceRoots(config)) issues.push(...validateDevice(root, v).map((i) => prefixed(i, root.prefix)));
  return issues.length === 0 ? undefined : formatIssues(issues);
}

function prefixed(i: CommitIssue, prefix: readonly string[]): CommitIssue {
  return prefix.length === 0 ? i : { path: [...prefix, ...i.path], message: i.message, listPath: [...prefix, ...i.listPath] };
}

/** Formats findings as PAN-OS job details: "Validation Error:", then CDATA-style lines cascading to "devices is invalid". */
export function formatIssues(issues: readonly CommitIssue[]): string[] {
  const lines: string[] = [];
  const push = (l: string): void => {
    if (!lines.includes(l)) lines.push(l);
  };
  for (const i of issues) {
    push(` ${i.path.join(' -> ')} ${i.message}`);
    push(` ${i.path.join(' -> ')} is invalid`);
    push(` ${i.listPath.join(' -> ')} is invalid`);
    push(` ${i.listPath[0]} is invalid`);
  }
  return ['Validation Error:', ...lines, ' devices is invalid'];
}

function validateDevice(root: DeviceRoot, v: SimVersion): CommitIssue[] {
  const issues: CommitIssue[] = [];
  const refs = collectRefs(root.dev);
  for (const r of refs) {
    if (!refActive(r)) continue;
    if (!resolves(root, r.kind, r.target)) {
      issues.push({ path: r.fieldPath, message: `'${r.target}' is not a valid reference`, listPath: r.listPath });
    }
  }
  issues.push(...membershipIssues(root));
  for (const t of entriesOf(root.dev, 'network', 'tunnel', 'ipsec')) issues.push(...tunnelIssues(root, t, v));
  return issues;
}

/**
 * A gateway's IKE profile reference only matters for the protocol block its version uses
 * (docs/panos/ike-gateway.md#both-blocks; inferred: the device does not resolve the block it does not use).
 */
function refActive(r: RefSite): boolean {
  if (r.kind !== 'ike-crypto-profile') return true;
  const version = textOf(r.owner, 'protocol', 'version') ?? 'ikev1';
  const block = r.fieldPath[r.fieldPath.length - 2];
  return version === 'ikev2-preferred' || version === block;
}

/** One zone and one router per interface (inferred refusal: docs/panos/tunnel-interface.md#one-zone). */
function membershipIssues(root: DeviceRoot): CommitIssue[] {
  const issues: CommitIssue[] = [];
  const known = new Set([root.dev, ...root.fallbacks].flatMap((d) => [...interfaceNames(d).keys()]));
  const zoneOf = new Map<string, string>();
  for (const vsys of entriesOf(root.dev, 'vsys')) {
    const vname = vsys.attrs.name ?? '';
    const zoneList = ['vsys', vname, 'zone'];
    for (const z of entriesOf(vsys, 'zone')) {
      for (const layer of pathOf(z, 'network')?.children ?? []) {
        for (const m of layer.children.filter((c) => c.name === 'member')) {
          const path = [...zoneList, z.attrs.name ?? '', 'network', layer.name];
          if (!known.has(m.text)) issues.push({ path, message: `'${m.text}' is not a valid reference`, listPath: zoneList });
          else if (zoneOf.has(m.text)) {
            issues.push({ path, message: `'${m.text}' is already in use by zone '${zoneOf.get(m.text)}'; an interface belongs to one zone`, listPath: zoneList });
          } else zoneOf.set(m.text, z.attrs.name ?? '');
        }
      }
    }
    const importPath = ['vsys', vname, 'import', 'network', 'interface'];
    for (const m of membersOf(vsys, 'import', 'network', 'interface')) {
      if (!known.has(m)) issues.push({ path: importPath, message: `'${m}' is not a valid reference`, listPath: ['vsys', vname, 'import'] });
    }
  }
  const vrOf = new Map<string, string>();
  const vrList = ['network', 'virtual-router'];
  for (const vr of entriesOf(root.dev, 'network', 'virtual-router')) {
    const path = [...vrList, vr.attrs.name ?? '', 'interface'];
    for (const m of membersOf(vr, 'interface')) {
      if (!known.has(m)) issues.push({ path, message: `'${m}' is not a valid reference`, listPath: vrList });
      else if (vrOf.has(m)) {
        issues.push({ path, message: `'${m}' is already in use by virtual-router '${vrOf.get(m)}'; an interface belongs to one router`, listPath: vrList });
      } else vrOf.set(m, vr.attrs.name ?? '');
    }
  }
  return issues;
}

function patchAtLeast(v: SimVersion, major: number, minor: number, patch: number): boolean {
  return v.major !== major || v.minor !== minor ? v.major > major || (v.major === major && v.minor > minor) : v.patch >= patch;
}

function tunnelIssues(root: DeviceRoot, t: SimNode, v: SimVersion): CommitIssue[] {
  const list = ['network', 'tunnel', 'ipsec'];
  const base = [...list, t.attrs.name ?? ''];
  const issues: CommitIssue[] = [];
  const at = (field: string[], message: string): void => {
    issues.push({ path: [...base, ...field], message, listPath: list });
  };
  // docs/panos/README.md#name-proxy-id: the tunnel name and a proxy ID name joined by a colon fit in 63 characters.
  for (const list of ['proxy-id', 'proxy-id-v6']) {
    for (const p of entriesOf(t, 'auto-key', list)) {
      const joined = `${t.attrs.name ?? ''}:${p.attrs.name ?? ''}`;
      if (joined.length > 63) {
        at(['auto-key', list, p.attrs.name ?? ''], `'${joined}' is ${joined.length} characters; a tunnel name and its proxy ID name together can be at most 63`);
      }
    }
  }
  // T17 (inferred refusal: the guide says a monitor needs a destination IP): a monitor needs something to probe.
  if (textOf(t, 'tunnel-monitor', 'enable') === 'yes' && !textOf(t, 'tunnel-monitor', 'destination-ip')) {
    at(['tunnel-monitor', 'destination-ip'], 'is missing: tunnel monitoring is enabled without a destination IP; set destination-ip or disable the monitor');
  }
  if (textOf(t, 'ipsec-mode') !== 'transport') return issues;
  const mode = ['ipsec-mode'];
  // docs/transport-mode.md#t11 and following: the guide's list of what transport mode supports.
  if (!pathOf(t, 'auto-key')) at(mode, "'transport' requires auto-key key exchange (no manual-key, no GlobalProtect satellite) (T11)");
  if (textOf(t, 'ipv6') === 'yes') at(['ipv6'], "'yes' is not allowed in transport mode: transport mode is IPv4 only (T3)");
  const proxyIds = [...entriesOf(t, 'auto-key', 'proxy-id'), ...entriesOf(t, 'auto-key', 'proxy-id-v6')];
  // Inferred refusal (docs/transport-mode.md#t10): the guide says proxy IDs cannot be configured before 11.1.5.
  if (proxyIds.length > 0 && !patchAtLeast(v, 11, 1, 5)) {
    at(['auto-key', 'proxy-id'], `'${proxyIds[0].attrs.name}' is not allowed in transport mode: transport mode does not use proxy IDs; remove them (T10)`);
  }
  const profName = textOf(t, 'auto-key', 'ipsec-crypto-profile') ?? 'default';
  const prof = lookup(root, 'ipsec-crypto-profile', profName);
  if (prof) {
    if (pathOf(prof, 'ah') || !pathOf(prof, 'esp')) at(mode, `'transport' requires ESP: ipsec-crypto-profile '${profName}' uses AH; switch it to esp (T4)`);
    else {
      const enc = membersOf(prof, 'esp', 'encryption');
      if (enc.length !== 1 || enc[0] !== 'aes-256-gcm') {
        at(mode, `'transport' requires ESP encryption aes-256-gcm only: ipsec-crypto-profile '${profName}' has [${enc.join(', ')}] (T7)`);
      }
    }
    const dh = textOf(prof, 'dh-group') ?? 'group2';
    if (dh !== 'group20') at(mode, `'transport' requires PFS dh-group group20: ipsec-crypto-profile '${profName}' has '${dh}' (T6)`);
  }
  for (const gwRef of entriesOf(t, 'auto-key', 'ike-gateway')) {
    const gwName = gwRef.attrs.name ?? '';
    const gw = lookup(root, 'ike-gateway', gwName);
    if (gw) issues.push(...gatewayIssues(root, gw, gwName, (m) => ({ path: [...base, ...mode], message: m, listPath: list })));
  }
  // Inferred refusal (docs/transport-mode.md#t14): GRE uses the tunnel interface's IPv4 address.
  if (textOf(t, 'enable-gre-encapsulation') === 'yes') {
    const itfName = textOf(t, 'tunnel-interface') ?? '';
    const itf = lookup(root, 'tunnel-interface', itfName);
    const hasV4 = entriesOf(itf, 'ip').some((e) => !(e.attrs.name ?? '').includes(':'));
    if (itf && !hasV4) {
      at(['enable-gre-encapsulation'], `'yes' needs an IPv4 address on tunnel interface '${itfName}' (the GRE header uses it); add one under ip (T14)`);
    }
  }
  return issues;
}

function gatewayIssues(root: DeviceRoot, gw: SimNode, gwName: string, issue: (m: string) => CommitIssue): CommitIssue[] {
  const out: CommitIssue[] = [];
  const g = `ike-gateway '${gwName}'`;
  const version = textOf(gw, 'protocol', 'version') ?? 'ikev1';
  if (version !== 'ikev2') out.push(issue(`'transport' requires IKEv2 only: ${g} has protocol version '${version}'; set it to ikev2 (T5)`));
  if (textOf(gw, 'ipv6') === 'yes') out.push(issue(`'transport' is IPv4 only: ${g} has ipv6 'yes' (T3)`));
  for (const [field, value] of [['local-address ip', textOf(gw, 'local-address', 'ip')], ['peer-address ip', textOf(gw, 'peer-address', 'ip')]] as const) {
    if (value !== undefined && value.includes(':')) out.push(issue(`'transport' is IPv4 only: ${g} ${field} is '${value}' (T3)`));
  }
  if (textOf(gw, 'protocol-common', 'nat-traversal', 'enable') === 'yes') {
    out.push(issue(`'transport' cannot be used with NAT traversal: disable nat-traversal on ${g} (T8)`));
  }
  const itf = textOf(gw, 'local-address', 'interface') ?? '';
  if (itf.startsWith('loopback')) out.push(issue(`'transport' cannot use a gateway on a loopback interface: ${g} is on '${itf}' (T9)`));
  const profName = textOf(gw, 'protocol', 'ikev2', 'ike-crypto-profile') ?? 'default';
  const prof = lookup(root, 'ike-crypto-profile', profName);
  if (prof) {
    const dh = membersOf(prof, 'dh-group');
    if (dh.length !== 1 || dh[0] !== 'group20') {
      out.push(issue(`'transport' requires DH group20 only: ike-crypto-profile '${profName}' has [${dh.join(', ')}] (T6)`));
    }
    const enc = membersOf(prof, 'encryption');
    if (enc.length !== 1 || enc[0] !== 'aes-256-gcm') {
      out.push(issue(`'transport' requires encryption aes-256-gcm only: ike-crypto-profile '${profName}' has [${enc.join(', ')}] (T7)`));
    }
  }
  return out;
}
