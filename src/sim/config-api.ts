/** `type=config`: get, show, set, edit, delete, multi-config (docs/panos/xml-api.md#get, #set, #multi-config). */
import { RequestContext, blockingConfigLock } from './api-context';
import { ConfigError, MultiAction, MultiConfigError, WriteOutcome, parseElements } from './config-store';
import { ApiReply, badRequest, errorLines, line, malformed, success } from './envelope';
import { escAttr, serialize } from './xml-tree';

const ACTIONS = ['get', 'show', 'set', 'edit', 'delete', 'multi-config', 'rename', 'clone', 'move', 'override', 'complete', 'multi-move', 'multi-clone'];

/** Renders a ConfigError as the device's envelope. */
export function configErrorReply(err: ConfigError): ApiReply {
  if (err.code === 18) return malformed();
  return errorLines(err.lines, err.code, err.cdata);
}

function required(ctx: RequestContext, name: string): string | ApiReply {
  const v = ctx.params.get(name);
  return v === null || v === '' ? badRequest(`Parameter "${name}" is required`) : v;
}

const writeOk = (code: WriteOutcome): ApiReply =>
  code === 20 ? success('<msg>command succeeded</msg>', 20) : success("<msg>Object doesn't exist</msg>", 7);

/** Handles one `type=config` request. */
export function handleConfig(ctx: RequestContext): ApiReply {
  const action = ctx.params.get('action');
  if (action === null || action === '') return badRequest('Parameter "action" is required');
  if (!ACTIONS.includes(action)) return badRequest(`Illegal value for parameter "action" [${action}].`);
  try {
    switch (action) {
      case 'get':
        return get(ctx);
      case 'show':
        return show(ctx);
      case 'set':
      case 'edit':
      case 'delete':
        return write(ctx, action);
      case 'multi-config':
        return multi(ctx);
      default:
        return errorLines([`action '${action}' is not supported by the simulator (supported: get, show, set, edit, delete, multi-config)`], 1);
    }
  } catch (err) {
    if (err instanceof ConfigError) return configErrorReply(err);
    throw err;
  }
}

function get(ctx: RequestContext): ApiReply {
  const xpath = required(ctx, 'xpath');
  if (typeof xpath !== 'string') return xpath;
  const chains = ctx.device.store.select(xpath, 'candidate');
  if (chains.length === 0) return success('<result/>', 7);
  const body = chains.map((ch) => serialize(ch[ch.length - 1], { withDirty: true })).join('');
  return success(`<result total-count="${chains.length}" count="${chains.length}">${body}</result>`, 19);
}

function show(ctx: RequestContext): ApiReply {
  const xpath = ctx.params.get('xpath') || '/config';
  const chains = ctx.device.store.select(xpath, 'running');
  if (chains.length === 0) return errorLines(['No such node']);
  return success(`<result>${chains.map((ch) => serialize(ch[ch.length - 1])).join('')}</result>`);
}

function lockRefusal(ctx: RequestContext, xpaths: readonly string[]): ApiReply | undefined {
  const holder = blockingConfigLock(ctx, xpaths);
  return holder ? errorLines([`Configuration is locked by ${holder}`]) : undefined;
}

/** A write-error fault for one action at one xpath, if one fires. */
function injectedRefusal(ctx: RequestContext, action: string, xpath: string): ConfigError | undefined {
  const facts = { type: 'config', action, counterKey: `config:${action}`, xpaths: [xpath] };
  const f = ctx.device.faults.take(['write-error'], facts, { first: true })[0];
  if (!f) return undefined;
  const last = /([^/]+)$/.exec(xpath)?.[1] ?? xpath;
  return new ConfigError(f.code ?? 12, f.lines ?? [`${last} is invalid`]);
}

function write(ctx: RequestContext, action: 'set' | 'edit' | 'delete'): ApiReply {
  const xpath = required(ctx, 'xpath');
  if (typeof xpath !== 'string') return xpath;
  let elementXml = '';
  if (action !== 'delete') {
    const e = required(ctx, 'element');
    if (typeof e !== 'string') return e;
    elementXml = e;
  }
  const refused = lockRefusal(ctx, [xpath]);
  if (refused) return refused;
  const injected = injectedRefusal(ctx, action, xpath);
  if (injected) return configErrorReply(injected);
  const store = ctx.device.store;
  if (action === 'delete') return writeOk(store.delete(ctx.user, xpath));
  const elements = parseElements(elementXml);
  return writeOk(action === 'set' ? store.set(ctx.user, xpath, elements) : store.edit(ctx.user, xpath, elements));
}

function multi(ctx: RequestContext): ApiReply {
  const e = required(ctx, 'element');
  if (typeof e !== 'string') return e;
  const roots = parseElements(e);
  if (roots.length !== 1) return malformed();
  const actions: MultiAction[] = roots[0].children.map((a) => ({
    action: a.name,
    xpath: a.attrs.xpath ?? '',
    id: a.attrs.id,
    elements: a.children.length > 0 ? a.children : [],
  }));
  const refused = lockRefusal(ctx, actions.map((a) => a.xpath));
  if (refused) return refused;
  const store = ctx.device.store;
  if (ctx.params.get('strict-transactional') === 'yes') {
    if (ctx.device.jobs.busy()) return errorLines(['Another commit/validate is in progress. Please try again later'], 13);
    store.rollbackAdmin(ctx.user);
  }
  const nested = (code: WriteOutcome, id?: string): string =>
    `<response status="success" code="${code}"${id !== undefined ? ` id="${escAttr(id)}"` : ''}>` +
    `<msg>${code === 20 ? 'command succeeded' : "Object doesn't exist"}</msg></response>`;
  const failedReply = (reason: ConfigError, failedId: string | undefined, done: string): ApiReply => {
    const failed =
      `<response status="error" code="${reason.code ?? 12}"${failedId !== undefined ? ` id="${escAttr(failedId)}"` : ''}>` +
      `<msg>${reason.lines.map((l) => line(l, reason.cdata)).join('')}</msg></response>`;
    return { status: 200, body: `<response status="error" code="13">${done}${failed}</response>` };
  };
  for (let i = 0; i < actions.length; i++) {
    const injected = injectedRefusal(ctx, actions[i].action, actions[i].xpath);
    if (injected) return failedReply(injected, actions[i].id, actions.slice(0, i).map((a) => nested(20, a.id)).join(''));
  }
  try {
    const { results } = store.multi(ctx.user, actions);
    return success(results.map((r) => nested(r.code, r.id)).join(''), 20);
  } catch (err) {
    if (!(err instanceof MultiConfigError)) throw err;
    const reason = err.reason;
    if (!(reason instanceof ConfigError)) throw reason;
    return failedReply(reason, err.failedId, err.done.map((r) => nested(r.code, r.id)).join(''));
  }
}
