/**
 * `status --mermaid FILE`: a Mermaid flowchart of what the devices report. Devices are subgraphs, gateways are nodes
 * (green with an IKE SA, red without), each tunnel is an edge labelled with its name, mode and the proposal its IKE
 * SA runs (or why it is down). Two devices of the inventory whose tunnels mirror each other (local address of one =
 * peer address of the other) share one edge; a peer outside the inventory is a round node. A `.md` file gets a
 * fenced block, which GitHub and GitLab render in job summaries and pull requests.
 */
import { flowchartFileContent, renderFlowchart, type FlowGateway, type FlowLink } from '../mermaid/flowchart';
import { shortReason, type DeviceStatus, type StatusReport, type TunnelStatus } from './status-model';

interface Gw {
  readonly key: string;
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

/** The flowchart text (no fences), drawn by the chart `graph` shares (src/cycle/mermaid/flowchart.ts). */
export function renderStatusMermaid(r: StatusReport): string {
  const gws = new Map<string, Gw>();
  const gwOf = (di: number, d: DeviceStatus, t: TunnelStatus): Gw => {
    const k = `${di}\u0000${t.gateway}`;
    let g = gws.get(k);
    if (!g) {
      g = { key: k, device: d, name: t.gateway || '(no gateway)', local: t.local, up: t.ike.state === 'up' };
      gws.set(k, g);
    }
    g.up = g.up && t.ike.state === 'up';
    return g;
  };
  r.devices.forEach((d, di) => {
    for (const t of d.tunnels) gwOf(di, d, t);
  });

  const reachable = (d: DeviceStatus, t: TunnelStatus): string => (d.natAddress !== undefined && t.local !== '' ? d.natAddress : t.local);
  const used = new Set<TunnelStatus>();
  const links: FlowLink[] = [];
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
      if (match) used.add(match.t);
      links.push({
        from: from.key,
        to: match ? { gateway: gwOf(match.di, match.d, match.t).key } : { peer: t.peer },
        label: edgeLabel(t, match?.t),
        state: up ? 'up' : 'down',
      });
    }
  });

  const node = (g: Gw): FlowGateway => ({ key: g.key, name: g.name, local: g.local, state: g.up ? 'up' : 'down' });
  return renderFlowchart({
    devices: r.devices.map((d) => ({
      name: d.error !== undefined ? `${d.name} (unreadable)` : d.name,
      gateways: [...gws.values()].filter((g) => g.device === d).map(node),
      empty: d.error !== undefined ? 'could not be read' : 'no tunnels',
    })),
    links,
  });
}

/** The file content: a fenced block for Markdown files, the bare chart otherwise. */
export function mermaidFileContent(r: StatusReport, file: string): string {
  return flowchartFileContent(renderStatusMermaid(r), file);
}
