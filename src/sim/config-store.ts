/**
 * Candidate and running configuration with the device's write rules: schema validation per version, the
 * delete-refusal for referenced objects, bookkeeping marks, all-or-nothing multi-config and commit planning
 * (full, or partial for chosen admins by replaying their logged writes onto the running config).
 */
import { validateForCommit } from './commit-validation';
import { KIND_LOCATION, collectRefs, deviceRoots } from './references';
import { checkXpathNames, specAtXpath, validateChildren, validateNode } from './schema/validate';
import { SecretSealer } from './secrets';
import { SimVersion } from './sim-version';
import { allNodes, applyDelete, applyEdit, applySet } from './tree-ops';
import { DirtyMark, SimNode, SimXmlError, cleanClone, clone, entriesOf, parseFragment, sameContent } from './xml-tree';
import { NodeChain, XpathError, XpathStep, assertWritable, parseXpath, selectAll } from './xpath';

/** A refused config operation, rendered by the API layer as an error envelope. */
export class ConfigError extends Error {
  constructor(
    /** PAN-OS code, or undefined for envelopes that carry none ("No such node", lock refusals). */
    readonly code: number | undefined,
    readonly lines: readonly string[],
    /** Schema-style lines are sent as CDATA (docs/panos/xml-api.md#schema-errors). */
    readonly cdata = false,
  ) {
    super(lines.map((l) => l.trim()).join(' | '));
    this.name = 'ConfigError';
  }
}

/** One logged write, replayed by partial commits. */
interface LoggedOp {
  readonly seq: number;
  readonly admin: string;
  readonly kind: 'set' | 'edit' | 'delete';
  readonly steps: readonly XpathStep[];
  readonly elements: readonly SimNode[];
}

/** A write inside a multi-config request. */
export interface MultiAction {
  readonly action: string;
  readonly xpath: string;
  readonly id?: string;
  readonly elements: readonly SimNode[];
}

/** The outcome of one write: 20 changed/accepted, 7 nothing to delete. */
export type WriteOutcome = 20 | 7;

/** What a queued commit will make running. */
export interface CommitPlan {
  readonly admins?: readonly string[];
  readonly tree?: SimNode;
  readonly ops: readonly LoggedOp[];
  readonly upto: number;
}

/** Formats a device timestamp, `YYYY/MM/DD hh:mm:ss`. */
export function deviceTime(d = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}/${p(d.getMonth() + 1)}/${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function parseSteps(xpath: string): XpathStep[] {
  try {
    return parseXpath(xpath);
  } catch (err) {
    if (err instanceof XpathError) throw new ConfigError(err.code, [err.code === 6 ? 'Bad XPath' : err.message]);
    throw err;
  }
}

/** Parses an `element` parameter; malformed XML is code 18 like a device. */
export function parseElements(xml: string): SimNode[] {
  try {
    return parseFragment(xml);
  } catch (err) {
    if (err instanceof SimXmlError) throw new ConfigError(18, ['Malformed Request']);
    throw err;
  }
}

/** The configuration database. */
export class ConfigStore {
  candidate: SimNode;
  running: SimNode;
  private ops: LoggedOp[] = [];
  private seq = 0;
  private readonly sealer: SecretSealer;

  constructor(readonly version: SimVersion, initial: SimNode) {
    this.sealer = new SecretSealer(version);
    this.running = cleanClone(initial);
    this.candidate = cleanClone(initial);
  }

  /** Nodes an xpath selects in the candidate (get) or running config (show). */
  select(xpath: string, which: 'candidate' | 'running'): NodeChain[] {
    const steps = parseSteps(xpath);
    return selectAll(which === 'candidate' ? this.candidate : this.running, steps);
  }

  /** True when the candidate differs from the running config. */
  pendingChanges(): boolean {
    return !sameContent(this.candidate, this.running);
  }

  private nextMark(admin: string): DirtyMark {
    this.seq += 1;
    return { admin, dirtyId: this.seq, time: deviceTime() };
  }

  /** Validates and applies a set. */
  set(admin: string, xpath: string, given: readonly SimNode[]): WriteOutcome {
    const steps = this.writeSteps(xpath);
    const pos = this.position(steps, xpath);
    if (pos.spec.kind === 'leaf' || pos.spec.kind === 'empty') {
      throw new ConfigError(12, [` ${pos.path.join(' -> ')} is invalid`], true);
    }
    const err = validateChildren(given, pos, this.version);
    if (err) throw new ConfigError(12, err, true);
    const elements = given.map(cleanClone);
    this.sealer.sealChildren(elements, pos.spec);
    const mark = this.nextMark(admin);
    applySet(this.candidate, steps, elements, pos.spec, this.version, mark);
    this.ops.push({ seq: mark.dirtyId, admin, kind: 'set', steps, elements: elements.map(cleanClone) });
    return 20;
  }

  /** Validates and applies an edit. */
  edit(admin: string, xpath: string, elements: readonly SimNode[]): WriteOutcome {
    const steps = this.writeSteps(xpath);
    const last = steps[steps.length - 1];
    const el = elements.length > 0 ? cleanClone(elements[0]) : undefined;
    if (!el || elements.length !== 1 || el.name !== last.name || (last.entryName !== undefined && el.attrs.name !== last.entryName)) {
      throw new ConfigError(12, ['Edit breaks config validity']);
    }
    const pos = this.position(steps, xpath);
    const err = validateNode(el, pos, this.version);
    if (err) throw new ConfigError(12, err, true);
    this.sealer.sealNode(el, pos.spec);
    const mark = this.nextMark(admin);
    applyEdit(this.candidate, steps, el, mark);
    this.ops.push({ seq: mark.dirtyId, admin, kind: 'edit', steps, elements: [cleanClone(el)] });
    return 20;
  }

  /** Deletes; refuses while the object is referenced (code 10). */
  delete(admin: string, xpath: string): WriteOutcome {
    const steps = parseSteps(xpath);
    const chains = selectAll(this.candidate, steps);
    if (chains.length === 0) return 7;
    this.assertUnreferenced(chains);
    const mark = this.nextMark(admin);
    applyDelete(this.candidate, steps, mark);
    this.ops.push({ seq: mark.dirtyId, admin, kind: 'delete', steps, elements: [] });
    return 20;
  }

  /** Runs several writes all-or-nothing; returns each action's outcome, or throws after restoring the candidate. */
  multi(admin: string, actions: readonly MultiAction[]): { results: { id?: string; code: WriteOutcome }[] } {
    const saved = { candidate: clone(this.candidate), ops: [...this.ops], seq: this.seq };
    const results: { id?: string; code: WriteOutcome }[] = [];
    for (const a of actions) {
      try {
        results.push({ id: a.id, code: this.one(admin, a) });
      } catch (err) {
        this.candidate = saved.candidate;
        this.ops = saved.ops;
        this.seq = saved.seq;
        throw new MultiConfigError(results, a.id, err);
      }
    }
    return { results };
  }

  private one(admin: string, a: MultiAction): WriteOutcome {
    switch (a.action) {
      case 'set':
        return this.set(admin, a.xpath, a.elements);
      case 'edit':
        return this.edit(admin, a.xpath, a.elements);
      case 'delete':
        return this.delete(admin, a.xpath);
      default:
        throw new ConfigError(12, [` ${a.action} is not supported by the simulator inside multi-config (use set, edit, delete)`]);
    }
  }

  /** Drops one admin's uncommitted writes (multi-config strict-transactional). */
  rollbackAdmin(admin: string): void {
    const keep = this.ops.filter((o) => o.admin !== admin);
    const tree = clone(this.running);
    for (const op of keep) this.replay(tree, op, op.seq, op.admin);
    this.candidate = tree;
    this.ops = keep;
  }

  /** Reverts the candidate to the running config (`load config from running-config.xml`). */
  revert(): void {
    this.candidate = cleanClone(this.running);
    this.ops = [];
  }

  /** Plans a commit; undefined when there is nothing to commit. */
  planCommit(admins?: readonly string[]): CommitPlan | undefined {
    if (!admins) return this.pendingChanges() ? { tree: cleanClone(this.candidate), ops: [], upto: this.seq } : undefined;
    const ops = this.ops.filter((o) => admins.includes(o.admin));
    const plan: CommitPlan = { admins, ops, upto: this.seq };
    return sameContent(this.resultOf(plan), this.running) ? undefined : plan;
  }

  /** The configuration a plan would make running. */
  resultOf(plan: CommitPlan): SimNode {
    if (plan.tree) return cleanClone(plan.tree);
    const tree = cleanClone(this.running);
    for (const op of plan.ops) this.replay(tree, op);
    return cleanClone(tree);
  }

  /** Validates a plan's result; returns FAIL detail lines or undefined. */
  validate(tree: SimNode): string[] | undefined {
    return validateForCommit(tree, this.version);
  }

  /** Makes a validated result running and clears the bookkeeping it covered. */
  applyCommit(plan: CommitPlan, tree: SimNode): void {
    this.running = cleanClone(tree);
    const covered = (admin: string, seq: number): boolean => seq <= plan.upto && (!plan.admins || plan.admins.includes(admin));
    for (const n of allNodes(this.candidate)) if (n.dirty && covered(n.dirty.admin, n.dirty.dirtyId)) delete n.dirty;
    this.ops = this.ops.filter((o) => !covered(o.admin, o.seq));
  }

  private replay(tree: SimNode, op: LoggedOp, seq?: number, admin?: string): void {
    const mark = seq !== undefined && admin !== undefined ? { admin, dirtyId: seq, time: deviceTime() } : undefined;
    if (op.kind === 'delete') applyDelete(tree, op.steps, mark);
    else if (op.kind === 'edit') applyEdit(tree, op.steps, op.elements[0], mark);
    else applySet(tree, op.steps, op.elements, specAtXpath(op.steps, this.version)?.spec, this.version, mark);
  }

  private writeSteps(xpath: string): XpathStep[] {
    const steps = parseSteps(xpath);
    try {
      assertWritable(steps, xpath);
    } catch (err) {
      if (err instanceof XpathError) throw new ConfigError(6, ['Bad XPath']);
      throw err;
    }
    const names = checkXpathNames(steps, this.version);
    if (names) throw new ConfigError(12, names, true);
    return steps;
  }

  private position(steps: readonly XpathStep[], xpath: string): NonNullable<ReturnType<typeof specAtXpath>> {
    const pos = specAtXpath(steps, this.version);
    if (!pos) throw new ConfigError(12, [`Could not find schema node for xpath ${xpath}`]);
    return pos;
  }

  private assertUnreferenced(chains: readonly NodeChain[]): void {
    const doomed = new Set<SimNode>();
    for (const ch of chains) for (const n of allNodes(ch[ch.length - 1])) doomed.add(n);
    for (const root of deviceRoots(this.candidate)) {
      if (doomed.has(root.dev)) continue;
      const refs = collectRefs(root.dev).filter((r) => r.kind !== 'interface' && !doomed.has(r.owner));
      for (const [kind, loc] of Object.entries(KIND_LOCATION)) {
        for (const e of entriesOf(root.dev, ...loc)) {
          if (!doomed.has(e)) continue;
          const name = e.attrs.name ?? '';
          const from = refs.filter((r) => r.kind === kind && r.target === name);
          if (from.length > 0) {
            throw new ConfigError(10, [
              ` ${name} cannot be deleted because of references from:`,
              ...from.map((r) => ` ${[...root.prefix, ...r.fieldPath, ...(r.asEntry ? [name] : [])].join(' -> ')}`),
            ]);
          }
        }
      }
    }
  }
}

/** A failed multi-config: the replies so far, the failing action's id and its error. */
export class MultiConfigError extends Error {
  constructor(
    readonly done: readonly { id?: string; code: WriteOutcome }[],
    readonly failedId: string | undefined,
    readonly reason: unknown,
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
    this.name = 'MultiConfigError';
  }
}
