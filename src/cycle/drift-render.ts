/** Drift reports for people (terminal text) and for CI (JUnit XML: one testcase per resource, a failure on drift). */
import { escapeAttr, escapeText } from '../panos/xml';
import type { DriftReport, ResourceDrift } from './drift-report';
import { formatTable } from './table';

function resourceLines(r: ResourceDrift): string[] {
  const lines = [`  ${r.address}: ${r.status}${r.changedOutsideTerraform ? ' (changed outside Terraform)' : ''} - ${r.detail}`];
  if (r.diffs.length > 0) {
    const table = formatTable(
      ['ATTRIBUTE', 'DEVICE', 'DECLARED'],
      r.diffs.map((d) => [d.path, d.device, d.declared]),
    );
    lines.push(...table.split('\n').map((l) => `      ${l}`));
  }
  return lines;
}

/** Terminal text: the drifted resources with their attributes, then a one-line verdict. */
export function renderDriftText(report: DriftReport): string {
  const lines: string[] = [];
  const drifted = report.resources.filter((r) => r.drifted);
  if (drifted.length > 0) {
    lines.push(`Drift in stack ${report.stack} (device compared with the declaration):`);
    for (const r of drifted) lines.push(...resourceLines(r));
    lines.push('');
    lines.push(`${report.counts.drifted} of ${report.counts.total} resource(s) drifted. Run deploy to restore the declaration, or change the declaration to accept the device's values.`);
  } else {
    lines.push(`No drift in stack ${report.stack}: all ${report.counts.total} resource(s) on the device match the declaration.`);
  }
  return `${lines.join('\n')}\n`;
}

/** JUnit XML: suite per stack, one testcase per resource, a `failure` carrying the attribute differences. */
export function renderDriftJUnit(report: DriftReport, timestamp: Date = new Date()): string {
  const cases = report.resources.map((r) => {
    const open = `    <testcase classname="${escapeAttr(`drift.${report.stack}`)}" name="${escapeAttr(r.address)}"`;
    if (!r.drifted) return `${open}/>`;
    const body = [r.detail, ...r.diffs.map((d) => `${d.path}: device ${d.device}, declared ${d.declared}`)].join('\n');
    return `${open}>\n      <failure type="drift.${r.status}" message="${escapeAttr(`${r.address} ${r.status}: ${r.detail}`)}">${escapeText(body)}</failure>\n    </testcase>`;
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="panos-ipsec drift" tests="${report.counts.total}" failures="${report.counts.drifted}" errors="0">\n` +
    `  <testsuite name="${escapeAttr(`drift.${report.stack}`)}" tests="${report.counts.total}" failures="${report.counts.drifted}" errors="0" skipped="0" timestamp="${timestamp.toISOString().replace(/\.\d+Z$/, '')}">\n` +
    (cases.length > 0 ? `${cases.join('\n')}\n` : '') +
    '  </testsuite>\n</testsuites>\n'
  );
}
