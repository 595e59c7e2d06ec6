/**
 * The one Mermaid flowchart `status --mermaid` and `graph` both draw: devices are subgraphs, gateways are nodes
 * (name and local address), each tunnel pair is an edge between two gateways (or to a round node for a peer outside
 * the picture) labelled with its tunnels, mode and proposal. States colour it: `up` green, `down` red (dashed edge),
 * `declared` blue (drawn from a declaration, nothing measured).
 */

/** What a node or edge stands for. */
export type FlowState = 'up' | 'down' | 'declared';

/** A gateway node. `key` is unique across the chart. */
export interface FlowGateway {
  readonly key: string;
  readonly name: string;
  readonly local: string;
  readonly state: FlowState;
}

/** A device (subgraph); `empty` is shown when it has no gateway. */
export interface FlowDevice {
  readonly name: string;
  readonly gateways: readonly FlowGateway[];
  readonly empty?: string;
}

/** An edge: between two gateways (both ends known), or from a gateway to a peer address outside the chart. */
export interface FlowLink {
  readonly from: string;
  readonly to: { readonly gateway: string } | { readonly peer: string };
  readonly label: string;
  readonly state: FlowState;
}

/** Everything the chart shows. */
export interface FlowGraph {
  readonly devices: readonly FlowDevice[];
  readonly links: readonly FlowLink[];
}

const COLOURS: Readonly<Record<FlowState, { readonly stroke: string; readonly fill: string; readonly text: string }>> = {
  up: { stroke: '#2e7d32', fill: '#e8f5e9', text: '#1b5e20' },
  down: { stroke: '#c62828', fill: '#ffebee', text: '#b71c1c' },
  declared: { stroke: '#1565c0', fill: '#e3f2fd', text: '#0d47a1' },
};

/** Text inside a quoted Mermaid label: `"` has to be an entity; `<`, `>` would be read as HTML. */
export function mermaidLabel(s: string): string {
  return s.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

/** The flowchart text (no fences). */
export function renderFlowchart(g: FlowGraph): string {
  const out = ['flowchart LR'];
  const ids = new Map<string, string>();
  g.devices.forEach((d, di) => {
    out.push(`  subgraph d${di}["${mermaidLabel(d.name)}"]`);
    if (d.gateways.length === 0) out.push(`    d${di}empty["${mermaidLabel(d.empty ?? 'no tunnels')}"]`);
    d.gateways.forEach((gw, gi) => {
      const id = `d${di}g${gi}`;
      ids.set(gw.key, id);
      out.push(`    ${id}["${mermaidLabel(gw.name)}<br/>${mermaidLabel(gw.local)}"]`);
    });
    out.push('  end');
  });
  const peers = new Map<string, string>();
  for (const l of g.links) {
    const from = ids.get(l.from);
    if (from === undefined) throw new Error(`flowchart: link from unknown gateway ${l.from}`);
    if ('gateway' in l.to) {
      const to = ids.get(l.to.gateway);
      if (to === undefined) throw new Error(`flowchart: link to unknown gateway ${l.to.gateway}`);
      out.push(`  ${from} <-->|"${mermaidLabel(l.label)}"| ${to}`);
    } else {
      let p = peers.get(l.to.peer);
      if (!p) {
        p = `p${peers.size}`;
        peers.set(l.to.peer, p);
        out.push(`  ${p}(("${mermaidLabel(l.to.peer || 'unknown peer')}"))`);
      }
      out.push(`  ${from} -->|"${mermaidLabel(l.label)}"| ${p}`);
    }
  }
  const gateways = g.devices.flatMap((d) => d.gateways);
  const used = new Set<FlowState>([...gateways.map((x) => x.state), ...g.links.map((l) => l.state)]);
  // Status charts always define both state classes (a later run may need the other); a declared chart only its own.
  const states: FlowState[] = used.has('declared') && !used.has('up') && !used.has('down') ? ['declared'] : ['up', 'down', ...(used.has('declared') ? ['declared' as const] : [])];
  for (const s of states) out.push(`  classDef ${s} fill:${COLOURS[s].fill},stroke:${COLOURS[s].stroke},color:${COLOURS[s].text}`);
  for (const s of states) {
    const of = gateways.filter((x) => x.state === s).map((x) => ids.get(x.key));
    if (of.length > 0) out.push(`  class ${of.join(',')} ${s}`);
  }
  g.links.forEach((l, i) => out.push(`  linkStyle ${i} stroke:${COLOURS[l.state].stroke},stroke-width:2px${l.state === 'down' ? ',stroke-dasharray:5 4' : ''}`));
  return `${out.join('\n')}\n`;
}

/** The file content: a fenced block for Markdown files, the bare chart otherwise. */
export function flowchartFileContent(chart: string, file: string): string {
  return /\.(md|markdown)$/i.test(file) ? `\`\`\`mermaid\n${chart}\`\`\`\n` : chart;
}
