/**
 * The three config writes applied to a tree, with the device's merge rules: `set` is additive (members appended
 * without duplicates, entries merged by name, choosing one branch of a PAN-OS choice drops the others), `edit`
 * replaces the node, `delete` removes every selected node. Changed nodes get a bookkeeping mark.
 */
import { childSpec } from './schema/validate';
import { Spec } from './schema/schema-types';
import { SimVersion } from './sim-version';
import { DirtyMark, SimNode, clone, serialize } from './xml-tree';
import { NodeChain, XpathStep, ensurePath, selectAll } from './xpath';

function sameItem(a: SimNode, b: SimNode): boolean {
  if (a.name !== b.name) return false;
  if (a.name === 'entry') return a.attrs.name === b.attrs.name;
  if (a.name === 'member') return a.text === b.text;
  return true;
}

function findCounterpart(parent: SimNode, e: SimNode): SimNode | undefined {
  return parent.children.find((c) => sameItem(c, e));
}

function stamp(n: SimNode, mark: DirtyMark | undefined): void {
  if (mark) n.dirty = { ...mark };
}

function dropChoiceSiblings(parent: SimNode, name: string, spec: Spec | undefined): boolean {
  if (!spec || spec.kind !== 'container' || !spec.oneOf) return false;
  const group = spec.oneOf.find((g) => g.includes(name));
  if (!group) return false;
  const before = parent.children.length;
  parent.children = parent.children.filter((c) => c.name === name || !group.includes(c.name));
  return parent.children.length !== before;
}

/** Merges `elements` into `target` (set semantics). Returns true when anything changed. */
export function mergeChildren(target: SimNode, elements: readonly SimNode[], spec: Spec | undefined, v: SimVersion, mark?: DirtyMark): boolean {
  let changed = false;
  for (const e of elements) {
    const cs = spec ? childSpec(spec, e.name, v) : undefined;
    if (dropChoiceSiblings(target, e.name, spec)) changed = true;
    const existing = findCounterpart(target, e);
    if (!existing) {
      const added = clone(e);
      stamp(added, mark);
      target.text = '';
      target.children.push(added);
      changed = true;
      continue;
    }
    if (e.name === 'member') continue;
    let here = false;
    for (const [k, val] of Object.entries(e.attrs)) {
      if (existing.attrs[k] !== val) {
        existing.attrs[k] = val;
        here = true;
      }
    }
    if (e.children.length === 0) {
      // An empty element merged onto a container adds nothing; onto a leaf it sets the (possibly empty) value.
      if ((e.text !== '' || existing.children.length === 0) && (existing.text !== e.text || existing.children.length > 0)) {
        existing.text = e.text;
        existing.children = [];
        here = true;
      }
    } else {
      existing.text = '';
      if (mergeChildren(existing, e.children, cs, v, mark)) here = true;
    }
    if (here) {
      stamp(existing, mark);
      changed = true;
    }
  }
  return changed;
}

/** Marks `fresh` where it differs from `old`, keeping earlier marks on unchanged nodes. */
function markDiff(fresh: SimNode, old: SimNode | undefined, mark: DirtyMark | undefined): void {
  if (!old) {
    stamp(fresh, mark);
    return;
  }
  if (serialize(fresh) === serialize(old)) {
    copyMarks(fresh, old);
    return;
  }
  stamp(fresh, mark);
  for (const ch of fresh.children) markDiff(ch, findCounterpart(old, ch), mark);
}

function copyMarks(to: SimNode, from: SimNode): void {
  if (from.dirty) to.dirty = { ...from.dirty };
  to.children.forEach((ch, i) => {
    const o = from.children[i];
    if (o) copyMarks(ch, o);
  });
}

function stampChain(chain: NodeChain, mark: DirtyMark | undefined): void {
  for (const n of chain.slice(1)) stamp(n, mark);
}

/** Applies a set at `steps` (creating intermediate nodes). Returns true when the tree changed. */
export function applySet(root: SimNode, steps: readonly XpathStep[], elements: readonly SimNode[], spec: Spec | undefined, v: SimVersion, mark?: DirtyMark): boolean {
  const { chain, created } = ensurePath(root, steps);
  const target = chain[chain.length - 1];
  const changed = mergeChildren(target, elements, spec, v, mark) || created.length > 0;
  if (changed) stampChain(chain, mark);
  return changed;
}

/** Applies an edit: the node at `steps` becomes `element` (created when missing). Returns true when changed. */
export function applyEdit(root: SimNode, steps: readonly XpathStep[], element: SimNode, mark?: DirtyMark): boolean {
  const existed = selectAll(root, steps).length > 0;
  const { chain } = ensurePath(root, steps);
  const old = chain[chain.length - 1];
  const parent = chain[chain.length - 2];
  const fresh = clone(element);
  for (const n of allNodes(fresh)) delete n.dirty;
  if (old.attrs.uuid !== undefined && fresh.attrs.uuid === undefined) fresh.attrs.uuid = old.attrs.uuid;
  const changed = !existed || serialize(fresh) !== serialize(old);
  markDiff(fresh, existed ? old : undefined, mark);
  parent.children[parent.children.indexOf(old)] = fresh;
  chain[chain.length - 1] = fresh;
  if (changed) stampChain(chain, mark);
  return changed;
}

/** Deletes every node the steps select. Returns how many were removed. */
export function applyDelete(root: SimNode, steps: readonly XpathStep[], mark?: DirtyMark): number {
  const chains = selectAll(root, steps).filter((ch) => ch.length > 1);
  for (const chain of chains) {
    const victim = chain[chain.length - 1];
    const parent = chain[chain.length - 2];
    const i = parent.children.indexOf(victim);
    if (i >= 0) parent.children.splice(i, 1);
    stampChain(chain.slice(0, -1), mark);
  }
  return chains.length;
}

/** Every node of a subtree (pre-order). */
export function allNodes(n: SimNode): SimNode[] {
  const out: SimNode[] = [n];
  for (const c of n.children) out.push(...allNodes(c));
  return out;
}
