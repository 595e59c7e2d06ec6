/**
 * `status --mermaid FILE`: a Mermaid flowchart of what the devices report. Devices are subgraphs, gateways are nodes
 * (green with an IKE SA, red without), each tunnel is an edge labelled with its name, mode and the proposal its IKE
 * SA runs (or why it is down). Two devices of the inventory whose tunnels mirror each other (local address of one =
 * peer address of the other) share one edge; a peer outside the inventory is a round node. A `.md` file gets a
 * fenced block, which GitHub and GitLab render in job summaries and pull requests.
 */
import { shortReason, type DeviceStatus, type StatusReport, type TunnelStatus } from './status-model';

const UP = '#2e7d32';
const DOWN = '#c62828';

/** Text inside a quoted Mermaid label: `"` has to be an entity; `<`, `>` would be read as HTML. */
function label(s: string): string {
  return s.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

interface Gw {
  readonly id: string;
  readonly device: DeviceStatus;
  readonly name: string;
  readonly local: string;
  up: boolean;
}

function edgeLabel(a: TunnelStatus, b: TunnelStatus | undefined): string {
  const names = b && b.tunnel !== a.tunnel ? `${a.tunnel} / ${b.tunnel}` : a.tunnel;
  const up = a.up && (b?.up ?? true);
  // Each end words its own side; the one naming the mismatch (usually the responder's) says most.
  const reasons = [a, ...(b ? [b] : [])].filter((t) => !t.up || t.failure).map((t) => shortReason(t.failure));
  const reason = reasons.find((x) => /mismatch/.test(x)) ?? reasons.find((x) => x !== 'down') ?? 'down';
  const tail = up ? (a.ike.proposal ?? b?.ike.proposal ?? 'up') : `down: ${reason}`;
  return `${names} · ${a.mode} · ${tail}`;
}

/** The flowchart text (no fences). */
export function renderStatusMermaid(r: StatusReport): string {
  const out = ['flowchart LR'];
  const gws = new Map<string, Gw>();
  const gwOf = (di: number, d: DeviceStatus, t: TunnelStatus): Gw => {
    const k = `${di}\u0000${t.gateway}`;
    let g = gws.get(k);
    if (!g) {
      g = { id: `d${di}g${[...gws.values()].filter((x) => x.device === d).length}`, device: d, name: t.gateway || '(no gateway)', local: t.local, up: t.ike.state === 'up' };
      gws.set(k, g);
    }
    g.up = g.up && t.ike.state === 'up';
    return g;
  };
  // Devices and gateways first, so every node sits in its subgraph.
  r.devices.forEach((d, di) => {
    for (const t of d.tunnels) gwOf(di, d, t);
  });
  r.devices.forEach((d, di) => {
    out.push(`  subgraph d${di}["${label(d.error !== undefined ? `${d.name} (unreadable)` : d.name)}"]`);
    const mine = [...gws.values()].filter((g) => g.device === d);
    if (mine.length === 0) out.push(`    d${di}empty["${label(d.error !== undefined ? 'could not be read' : 'no tunnels')}"]`);
    for (const g of mine) out.push(`    ${g.id}["${label(g.name)}<br/>${label(g.local)}"]`);
    out.push('  end');
  });

  const reachable = (d: DeviceStatus, t: TunnelStatus): string => (d.natAddress !== undefined && t.local !== '' ? d.natAddress : t.local);
  const used = new Set<TunnelStatus>();
  const peers = new Map<string, string>();
  const links: { up: boolean }[] = [];
  r.devices.forEach((d, di) => {
    for (const t of d.tunnels) {
      if (used.has(t)) continue;
      used.add(t);
      const from = gwOf(di, d, t);
      // The mirror: a tunnel of another device whose local address is our peer and whose peer is our address.
      let match: { di: number; d: DeviceStatus; t: TunnelStatus } | undefined;
      r.devices.forEach((e, ei) => {
        if (match || ei === di) return;
        const cands = e.tunnels.filter((u) => !used.has(u) && reachable(e, u) === t.peer && (u.peer === reachable(d, t) || u.peer === t.local));
        const u = cands.find((x) => x.mode === t.mode) ?? cands[0];
        if (u) match = { di: ei, d: e, t: u };
      });
      const up = t.up && (match?.t.up ?? true);
      if (match) {
        used.add(match.t);
        out.push(`  ${from.id} <-->|"${label(edgeLabel(t, match.t))}"| ${gwOf(match.di, match.d, match.t).id}`);
      } else {
        let p = peers.get(t.peer);
        if (!p) {
          p = `p${peers.size}`;
          peers.set(t.peer, p);
          out.push(`  ${p}(("${label(t.peer || 'unknown peer')}"))`);
        }
        out.push(`  ${from.id} -->|"${label(edgeLabel(t, undefined))}"| ${p}`);
      }
      links.push({ up });
    }
  });

  out.push(`  classDef up fill:#e8f5e9,stroke:${UP},color:#1b5e20`);
  out.push(`  classDef down fill:#ffebee,stroke:${DOWN},color:#b71c1c`);
  const cls = (up: boolean): string[] => [...gws.values()].filter((g) => g.up === up).map((g) => g.id);
  if (cls(true).length > 0) out.push(`  class ${cls(true).join(',')} up`);
  if (cls(false).length > 0) out.push(`  class ${cls(false).join(',')} down`);
  links.forEach((l, i) => out.push(`  linkStyle ${i} stroke:${l.up ? UP : DOWN},stroke-width:2px${l.up ? '' : ',stroke-dasharray:5 4'}`));
  return `${out.join('\n')}\n`;
}

/** The file content: a fenced block for Markdown files, the bare chart otherwise. */
export function mermaidFileContent(r: StatusReport, file: string): string {
  const chart = renderStatusMermaid(r);
  return /\.(md|markdown)$/i.test(file) ? `\`\`\`mermaid\n${chart}\`\`\`\n` : chart;
}
