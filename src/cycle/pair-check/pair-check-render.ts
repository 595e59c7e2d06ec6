/** `pair-check` reports for people (terminal text) and scripts (one stable JSON document). */
import { formatTable } from '../table';
import type { PairCheckFinding, PairCheckResult } from './pair-check';

/** Exit codes of `pair-check`. */
export const PAIR_CHECK_EXIT = { compatible: 0, error: 1, notCompatible: 3 } as const;

/** One device as read. */
export interface PairCheckDeviceSummary {
  readonly name: string;
  /** `host:port` of its management interface. */
  readonly address: string;
  readonly gateways: number;
  readonly tunnels: number;
}

/** The report: the devices read and what the check found. */
export interface PairCheckReport extends PairCheckResult {
  readonly devices: readonly PairCheckDeviceSummary[];
}

/** The `--json` document (fields are only ever added). */
export interface PairCheckDocument extends PairCheckReport {
  readonly command: 'pair-check';
  readonly exitCode: number;
  readonly compatible: boolean;
  readonly counts: { readonly devices: number; readonly pairs: number; readonly incompatiblePairs: number; readonly errors: number; readonly warnings: number; readonly infos: number; readonly unpaired: number };
}

/** 0 when no pair has an error finding, else 3. */
export function pairCheckExitCode(r: PairCheckResult): number {
  return r.findings.some((f) => f.level === 'error') ? PAIR_CHECK_EXIT.notCompatible : PAIR_CHECK_EXIT.compatible;
}

/** The `--json` document. */
export function pairCheckDocument(r: PairCheckReport): PairCheckDocument {
  const exitCode = pairCheckExitCode(r);
  const count = (level: PairCheckFinding['level']): number => r.findings.filter((f) => f.level === level).length;
  return {
    command: 'pair-check',
    exitCode,
    compatible: exitCode === PAIR_CHECK_EXIT.compatible,
    counts: {
      devices: r.devices.length,
      pairs: r.pairs.length,
      incompatiblePairs: r.pairs.filter((p) => !p.compatible).length,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      unpaired: r.unpaired.length,
    },
    ...r,
  };
}

function endText(device: string, gateway: string, tunnel: string | undefined): string {
  return `${device} gateway ${gateway}${tunnel !== undefined ? ` tunnel ${tunnel}` : ''}`;
}

function findingLine(f: PairCheckFinding): string {
  return `  ${endText(f.device, f.gateway, f.tunnel)} (peer ${endText(f.peerDevice, f.peerGateway, f.peerTunnel)}): ${f.message}`;
}

const SECTION: Readonly<Record<PairCheckFinding['level'], string>> = {
  error: 'Not compatible (the tunnel cannot come up):',
  warning: 'Warnings (works now, fails when conditions change):',
  info: 'Notes:',
};

/** Terminal text: the pairs, the findings by level, what could not be verified, the unpaired gateways, a verdict. */
export function renderPairCheckText(r: PairCheckReport): string {
  const lines: string[] = [];
  if (r.pairs.length > 0) {
    const rows = r.pairs.map((p) => [
      p.a.device,
      p.a.gateway,
      p.a.localAddress ?? '',
      p.b.device,
      p.b.gateway,
      p.b.localAddress ?? '',
      p.tunnels.map((t) => (t.a === t.b ? t.a : `${t.a}/${t.b}`)).join(', ') || '(none)',
      p.basis,
      p.compatible ? 'compatible' : 'NOT COMPATIBLE',
    ]);
    lines.push(formatTable(['DEVICE', 'GATEWAY', 'LOCAL', 'PEER DEVICE', 'PEER GATEWAY', 'PEER LOCAL', 'TUNNELS', 'PAIRED BY', 'RESULT'], rows));
  }
  for (const level of ['error', 'warning', 'info'] as const) {
    const of = r.findings.filter((f) => f.level === level);
    if (of.length > 0) lines.push('', SECTION[level], ...of.map(findingLine));
  }
  if (r.unverified.length > 0) {
    lines.push('', 'Could not verify from the configurations:');
    for (const u of r.unverified) {
      lines.push(`  ${u.device} gateway ${u.gateway} and ${u.peerDevice} gateway ${u.peerGateway}: could not verify the ${u.property} (${u.reason})`);
    }
  }
  if (r.unpaired.length > 0) {
    lines.push('', 'Not checked (no peer in the inventory):');
    for (const u of r.unpaired) lines.push(`  ${u.device} gateway ${u.gateway}${u.peerAddress !== undefined ? ` (peer ${u.peerAddress})` : ''}: ${u.reason}`);
  }
  const bad = r.pairs.filter((p) => !p.compatible).length;
  lines.push(
    '',
    r.pairs.length === 0
      ? `No gateway pair between the ${r.devices.length} device(s); nothing to compare.`
      : bad > 0
        ? `${bad} of ${r.pairs.length} gateway pair(s) not compatible on ${r.devices.length} device(s).`
        : `All ${r.pairs.length} gateway pair(s) compatible on ${r.devices.length} device(s).`,
  );
  return `${lines.join('\n').replace(/^\n+/, '')}\n`;
}
