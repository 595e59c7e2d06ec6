/** `type=op` commands and `type=version` (docs/panos/xml-api.md: #system-info, #job-poll, #config-lock and others). */
import { RequestContext, blockingConfigLock } from './api-context';
import { enqueueValidate } from './commit-api';
import { ApiReply, badRequest, errorLines, line, malformed, success } from './envelope';
import { handleVpnOp } from './lab/vpn-ops';
import { LockError } from './locks';
import { SimNode, SimXmlError, escText, parseElement, pathOf, textOf } from './xml-tree';

/**
 * The command's key for counters and fault matching: element names down the single-child chain, stopping at an
 * element holding a value (`<show><jobs><id>5</id>` → `show-jobs`, `<show><system><info/>` → `show-system-info`).
 */
export function opKey(cmd: SimNode): string {
  const names = [cmd.name];
  let cur = cmd;
  while (cur.children.length === 1) {
    const next = cur.children[0];
    if (next.children.length === 0 && next.text !== '') break;
    names.push(next.name);
    cur = next;
  }
  return names.join('-');
}

/** Parses `cmd`, or undefined when it is not well-formed XML. */
export function parseOp(xml: string): SimNode | undefined {
  try {
    return parseElement(xml);
  } catch (err) {
    if (err instanceof SimXmlError) return undefined;
    throw err;
  }
}

function unknownOp(cmd: SimNode): ApiReply {
  const names = [cmd.name];
  let cur = cmd;
  while (cur.children.length > 0) {
    cur = cur.children[0];
    names.push(cur.name);
  }
  return errorLines([` ${names.join(' -> ')} is unexpected`], 17);
}

/** Handles one `type=op` request. */
export function handleOp(ctx: RequestContext): ApiReply {
  const xml = ctx.params.get('cmd');
  if (xml === null || xml === '') return badRequest('Parameter "cmd" is required');
  const cmd = parseOp(xml);
  if (!cmd) return malformed();
  const key = opKey(cmd);
  const { store, jobs, locks, faults } = ctx.device;
  try {
    switch (key) {
      case 'show-system-info':
        return success(`<result>${systemInfo(ctx)}</result>`);
      case 'show-jobs': {
        const id = textOf(cmd, 'jobs', 'id');
        if (id === undefined) return unknownOp(cmd);
        const job = /^\d+$/.test(id) ? jobs.get(Number(id)) : undefined;
        if (!job) return errorLines([`job ${id} not found`]);
        return success(`<result>${jobs.jobXml(job)}</result>`);
      }
      case 'show-jobs-all':
        return success(`<result>${jobs.all().map((j) => jobs.jobXml(j)).join('')}</result>`);
      case 'check-pending-changes':
        return success(`<result>${store.pendingChanges() ? 'yes' : 'no'}</result>`);
      case 'load-config': {
        const from = textOf(cmd, 'config', 'from');
        if (from !== 'running-config.xml') return errorLines([`${from ?? ''} is not a saved configuration the simulator knows (use running-config.xml)`]);
        const holder = blockingConfigLock(ctx, []);
        if (holder) return errorLines([`Configuration is locked by ${holder}`]);
        store.revert();
        return success(`<result><msg>${line('Config loaded from running-config.xml')}</msg></result>`);
      }
      case 'validate-full':
        return enqueueValidate(ctx);
      case 'request-config-lock-add':
        return success(`<result>${escText(locks.addConfig(ctx.user, scope(ctx), textOf(cmd, 'config-lock', 'add', 'comment') ?? ''))}</result>`);
      case 'request-config-lock-remove':
        return success(`<result>${escText(locks.removeConfig(ctx.user, scope(ctx)))}</result>`);
      case 'request-commit-lock-add':
        return success(`<result>${escText(locks.addCommit(ctx.user, textOf(cmd, 'commit-lock', 'add', 'comment') ?? ''))}</result>`);
      case 'request-commit-lock-remove':
        return success(`<result>${escText(locks.removeCommit(textOf(cmd, 'commit-lock', 'remove', 'admin') || ctx.user))}</result>`);
      case 'show-config-locks':
        if (pathOf(cmd, 'config-locks', 'vsys') === undefined) return errorLines(['vsys not provided']);
        return success(`<result>${locks.configLocksXml(faults.simulatedHolders('config'))}</result>`);
      case 'show-commit-locks':
        return success(`<result>${locks.commitLocksXml(faults.simulatedHolders('commit'))}</result>`);
      default:
        return handleVpnOp(ctx, cmd, key) ?? unknownOp(cmd);
    }
  } catch (err) {
    if (err instanceof LockError) return errorLines([err.message]);
    throw err;
  }
}

function scope(ctx: RequestContext): string {
  return ctx.params.get('vsys') || 'shared';
}

function uptime(since: Date): string {
  const s = Math.floor((Date.now() - since.getTime()) / 1000);
  const days = Math.floor(s / 86400);
  const hms = [Math.floor((s % 86400) / 3600), Math.floor((s % 3600) / 60), s % 60];
  return `${days} days, ${hms[0]}:${String(hms[1]).padStart(2, '0')}:${String(hms[2]).padStart(2, '0')}`;
}

/** `<system>` of `show system info` (docs/panos/xml-api.md#system-info). */
function systemInfo(ctx: RequestContext): string {
  const d = ctx.device;
  const fields: [string, string][] = [
    ['hostname', d.info.hostname],
    ['ip-address', d.info.ipAddress],
    ['public-ip-address', 'unknown'],
    ['netmask', '255.0.0.0'],
    ['default-gateway', '127.0.0.1'],
    ['is-dhcp', 'no'],
    ['ipv6-address', 'unknown'],
    ['mac-address', '00:50:56:00:51:01'],
    ['time', new Date().toString().slice(0, 24)],
    ['uptime', uptime(d.startedAt)],
    ['devicename', d.info.hostname],
    ['family', 'vm'],
    ['model', d.info.model],
    ['serial', d.info.serial],
    ['vm-mac-base', '7C:89:C1:00:00:00'],
    ['vm-mac-count', '256'],
    ['vm-license', 'VM-300'],
    ['vm-mode', 'KVM'],
    ['cloud-mode', 'non-cloud'],
    ['sw-version', d.version.text],
    ['app-version', '8971-9419'],
    ['threat-version', '8971-9419'],
    ['logdb-version', `${d.version.major}.${d.version.minor}.0`],
    ['platform-family', 'vm'],
    ['vpn-disable-mode', 'off'],
    ['multi-vsys', 'off'],
    ['operational-mode', 'normal'],
    ['advanced-routing', 'off'],
    ['device-certificate-status', 'None'],
  ];
  return `<system>\n${fields.map(([k, v]) => `<${k}>${escText(v)}</${k}>`).join('\n')}\n</system>`;
}

/** `type=version` (docs/panos/xml-api.md#version). */
export function handleVersion(ctx: RequestContext): ApiReply {
  const d = ctx.device;
  return success(
    `<result><sw-version>${escText(d.version.text)}</sw-version><multi-vsys>off</multi-vsys>` +
      `<model>${escText(d.info.model)}</model><serial>${escText(d.info.serial)}</serial></result>`,
  );
}
