/** `status` reports for people (terminal text), scripts (JSON) and CI (JUnit XML: one testcase per tunnel). */
import { escapeAttr, escapeText } from '../../panos/xml';
import { formatTable } from '../table';
import { statusExitCode, type StatusReport, type TunnelStatus } from './status-model';

/** An ISO time as `YYYY-MM-DD HH:MM:SS` in local time ('' when absent). */
export function localTime(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function since(t: TunnelStatus): string {
  if (!t.since) return t.up ? '' : '(no failure logged)';
  return `${t.up ? 'up' : 'down'} since ${localTime(t.since)}`;
}

/** Terminal text: one table row per tunnel, the failure of each down tunnel below, then a verdict line. */
export function renderStatusText(r: StatusReport): string {
  const lines: string[] = [];
  const rows = r.devices.flatMap((d) =>
    d.tunnels.map((t) => [d.name, t.tunnel, t.gateway, t.peer, t.mode, t.ike.state, t.child.state, since(t)]),
  );
  if (rows.length > 0) lines.push(formatTable(['DEVICE', 'TUNNEL', 'GATEWAY', 'PEER', 'MODE', 'IKE SA', 'CHILD SA', 'SINCE'], rows));
  const failures = r.devices.flatMap((d) => d.tunnels.filter((t) => !t.up).map((t) => ({ d, t })));
  if (failures.length > 0) {
    lines.push('', 'Down:');
    for (const { d, t } of failures) {
      lines.push(
        t.failure
          ? `  ${d.name} ${t.tunnel}: ${t.failure.message} (${t.failure.eventid}, ${localTime(t.failure.time)})`
          : `  ${d.name} ${t.tunnel}: no negotiation failure in the system log (the peer may be passive, or neither end has tried yet: run test vpn ike-sa gateway ${t.gateway} on the device)`,
      );
    }
  }
  for (const d of r.devices) {
    if (d.error !== undefined) lines.push('', `${d.name} (${d.address}): could not read tunnel state: ${d.error}`);
    else if (d.tunnels.length === 0) lines.push(`${d.name} (${d.address}): no IPSec tunnel configured.`);
  }
  const c = r.counts;
  lines.push(
    '',
    c.errors > 0
      ? `${c.errors} of ${c.devices} device(s) could not be read; ${c.up} of ${c.tunnels} tunnel(s) up on the others.`
      : c.down > 0
        ? `${c.down} of ${c.tunnels} tunnel(s) down on ${c.devices} device(s).`
        : c.tunnels === 0
          ? `No IPSec tunnel on ${c.devices} device(s); nothing is down.`
          : `All ${c.tunnels} tunnel(s) up on ${c.devices} device(s).`,
  );
  return `${lines.join('\n').replace(/^\n+/, '')}\n`;
}

/** The `--json` document. */
export function statusDocument(r: StatusReport): { command: 'status'; exitCode: number } & StatusReport {
  return { command: 'status', exitCode: statusExitCode(r), ...r };
}

/** JUnit XML: a suite per device, a testcase per tunnel with a failure when it is down, an error when unreadable. */
export function renderStatusJUnit(r: StatusReport, timestamp: Date = new Date()): string {
  const stamp = timestamp.toISOString().replace(/\.\d+Z$/, '');
  const suites = r.devices.map((d) => {
    const cls = escapeAttr(`status.${d.name}`);
    const cases =
      d.error !== undefined
        ? [`    <testcase classname="${cls}" name="${escapeAttr(`${d.name} (device)`)}">\n      <error type="status.unreadable" message="${escapeAttr(d.error)}"/>\n    </testcase>`]
        : d.tunnels.map((t) => {
            const open = `    <testcase classname="${cls}" name="${escapeAttr(`${t.tunnel} (${t.gateway} -> ${t.peer})`)}"`;
            if (t.up) return `${open}/>`;
            const message = t.failure ? t.failure.message : 'down; no negotiation failure in the system log';
            const body = [`IKE SA ${t.ike.state}, child SA ${t.child.state}, mode ${t.mode}`, t.failure ? `${t.failure.eventid} at ${localTime(t.failure.time)}: ${t.failure.message}` : ''].filter(Boolean).join('\n');
            return `${open}>\n      <failure type="status.down" message="${escapeAttr(message)}">${escapeText(body)}</failure>\n    </testcase>`;
          });
    const failures = d.tunnels.filter((t) => !t.up).length;
    const errors = d.error !== undefined ? 1 : 0;
    return (
      `  <testsuite name="${cls}" tests="${d.error !== undefined ? 1 : d.tunnels.length}" failures="${failures}" errors="${errors}" skipped="0" timestamp="${stamp}">\n` +
      (cases.length > 0 ? `${cases.join('\n')}\n` : '') +
      '  </testsuite>'
    );
  });
  const c = r.counts;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="panos-ipsec status" tests="${c.tunnels + c.errors}" failures="${c.down}" errors="${c.errors}">\n` +
    (suites.length > 0 ? `${suites.join('\n')}\n` : '') +
    '</testsuites>\n'
  );
}
