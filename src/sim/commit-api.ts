/** `type=commit` (full and admin-scoped partial) and `validate full` jobs (docs/panos/xml-api.md#commit). */
import { RequestContext, blockingCommitLock, blockingConfigLock } from './api-context';
import { CommitPlan } from './config-store';
import { ApiReply, errorLines, line, malformed, success } from './envelope';
import { JobOutcome } from './jobs';
import { SimNode, SimXmlError, parseElement, pathOf, textOf } from './xml-tree';

function parseCmd(xml: string): SimNode | undefined {
  try {
    return parseElement(xml);
  } catch (err) {
    if (err instanceof SimXmlError) return undefined;
    throw err;
  }
}

/** Handles `type=commit`. */
export function handleCommit(ctx: RequestContext): ApiReply {
  const cmd = parseCmd(ctx.params.get('cmd') || '<commit></commit>');
  if (!cmd) return malformed();
  if (cmd.name !== 'commit') return errorLines([` ${cmd.name} is unexpected`], 17);
  const lockOwner = blockingConfigLock(ctx, []);
  if (lockOwner) return errorLines([`Configuration is locked by ${lockOwner}`]);
  const commitOwner = blockingCommitLock(ctx);
  if (commitOwner) return errorLines([`Commit lock is already held by ${commitOwner}`]);
  const partial = ctx.params.get('action') === 'partial' ? pathOf(cmd, 'partial', 'admin') : undefined;
  const admins = partial ? partial.children.filter((c) => c.name === 'member').map((c) => c.text) : undefined;
  const { store, jobs, counters, faults } = ctx.device;
  const plan = store.planCommit(admins && admins.length > 0 ? admins : undefined);
  if (!plan) return success('<msg>There are no changes to commit.</msg>', 19);
  const injected = faults.take(['commit-fail'], ctx.facts, { first: true })[0];
  counters.commitCreated();
  const job = jobs.enqueue('Commit', ctx.user, textOf(cmd, 'description') ?? '', () => {
    const outcome = runCommit(ctx, plan, injected?.lines);
    if (!outcome.ok) counters.commitFailed();
    return outcome;
  });
  return success(`<result><msg>${line(`Commit job enqueued with jobid ${job.id}`)}</msg><job>${job.id}</job></result>`, 19);
}

function runCommit(ctx: RequestContext, plan: CommitPlan, injectedLines: string[] | undefined): JobOutcome {
  if (injectedLines !== undefined) {
    return { ok: false, details: injectedLines.length > 0 ? injectedLines : [' Error: commit failed (injected fault)', 'Commit failed'] };
  }
  const store = ctx.device.store;
  const tree = store.resultOf(plan);
  const problems = store.validate(tree);
  if (problems) return { ok: false, details: problems };
  store.applyCommit(plan, tree);
  ctx.device.vpn.committed();
  return { ok: true, details: ['Configuration committed successfully'] };
}

/** `<validate><full/></validate>`: a job that checks the candidate without committing it. */
export function enqueueValidate(ctx: RequestContext): ApiReply {
  const { store, jobs } = ctx.device;
  const job = jobs.enqueue('Validate', ctx.user, '', () => {
    const problems = store.validate(store.resultOf({ tree: store.candidate, ops: [], upto: 0 }));
    return problems ? { ok: false, details: problems } : { ok: true, details: ['Configuration is valid'] };
  });
  return success(`<result><msg>${line(`Validate job enqueued with jobid ${job.id}`)}</msg><job>${job.id}</job></result>`, 19);
}
