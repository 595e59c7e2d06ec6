/**
 * `show log system` as an op command (docs/lab-negotiation.md §6): the CLI's filters `subtype`, `eventid`, `object`
 * and `severity` (each `<X><equal>V</equal></X>`) and `direction` (`forward` = oldest first, the default; `backward` =
 * newest first). Entry elements use the vendor's system-log field names; the reply wraps them the way a finished log
 * query does (`<job>…<status>FIN</status>…</job><log><logs count=… progress="100">`), which is inferred for the op form.
 */
import { ApiReply, errorLines, success } from '../envelope';
import { deviceTime } from '../config-store';
import { SimNode, escText, textOf } from '../xml-tree';
import type { SystemLogEntry, VpnState } from './vpn-state';

const FILTERS = ['subtype', 'eventid', 'object', 'severity'] as const;

const el = (name: string, value: string | number): string => `<${name}>${escText(String(value))}</${name}>`;

function entryXml(e: SystemLogEntry, device: { hostname: string; serial: string }): string {
  const t = deviceTime(e.time);
  return (
    `<entry logid="${e.seqno}">${el('domain', 1)}${el('receive_time', t)}${el('serial', device.serial)}${el('seqno', e.seqno)}` +
    `${el('actionflags', '0x0')}${el('type', 'SYSTEM')}${el('subtype', e.subtype)}${el('time_generated', t)}<vsys/>` +
    `${el('eventid', e.eventid)}${el('object', e.object)}${el('module', 'general')}${el('severity', e.severity)}` +
    `${el('opaque', e.message)}${el('device_name', device.hostname)}</entry>`
  );
}

/** Answers `<show><log><system>…</system></log></show>`; `system` is the `<system>` element of the command. */
export function showSystemLog(state: VpnState, system: SimNode | undefined, device: { hostname: string; serial: string }): ApiReply {
  const wanted: Partial<Record<(typeof FILTERS)[number], string>> = {};
  let direction = 'forward';
  for (const c of system?.children ?? []) {
    const value = textOf(c, 'equal');
    if (value === undefined) return errorLines([` show -> log -> system -> ${c.name} is unexpected`], 17);
    if (c.name === 'direction') {
      if (value !== 'forward' && value !== 'backward') return errorLines([` show -> log -> system -> direction -> equal ${value} is invalid`], 17);
      direction = value;
    } else if ((FILTERS as readonly string[]).includes(c.name)) {
      wanted[c.name as (typeof FILTERS)[number]] = value;
    } else {
      return errorLines([` show -> log -> system -> ${c.name} is unexpected`], 17);
    }
  }
  const rows = state.logEntries().filter((e) => FILTERS.every((f) => wanted[f] === undefined || e[f] === wanted[f]));
  const ordered = direction === 'backward' ? [...rows].reverse() : rows;
  const now = deviceTime();
  const hhmmss = now.slice(11);
  return success(
    `<result><job>${el('tenq', hhmmss)}${el('tdeq', hhmmss)}${el('tlast', hhmmss)}<status>FIN</status><id/></job>` +
      `<log><logs count="${ordered.length}" progress="100">${ordered.map((e) => entryXml(e, device)).join('')}</logs></log></result>`,
  );
}

