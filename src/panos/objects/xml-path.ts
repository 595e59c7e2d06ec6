/**
 * Small tree operations the codec needs on `XmlElement`: find, create and remove along a path of child names,
 * and strip PAN-OS bookkeeping attributes.
 */
import { cloneXml, el, type XmlElement } from '../xml';

/** Attributes PAN-OS adds to candidate-config nodes it changed; they describe the device's edit, not the config. */
export const BOOKKEEPING_ATTRIBUTES: readonly string[] = ['admin', 'dirtyId', 'time'];

/** Deep copy without bookkeeping attributes (`uuid` and every other attribute stay). */
export function stripBookkeeping(e: XmlElement): XmlElement {
  const copy = cloneXml(e);
  const walk = (node: XmlElement): void => {
    for (const a of BOOKKEEPING_ATTRIBUTES) delete node.attrs[a];
    node.children.forEach(walk);
  };
  walk(copy);
  return copy;
}

/** Element at the path below `root` (first match per step), or undefined. */
export function findPath(root: XmlElement | undefined, path: readonly string[]): XmlElement | undefined {
  let cur = root;
  for (const step of path) {
    if (cur === undefined) return undefined;
    cur = cur.children.find((c) => c.name === step);
  }
  return cur;
}

/** Element at the path below `root`, creating missing steps (appended, so existing order is kept). */
export function ensurePath(root: XmlElement, path: readonly string[]): XmlElement {
  let cur = root;
  for (const step of path) {
    let next = cur.children.find((c) => c.name === step);
    if (next === undefined) {
      next = el(step);
      cur.text = '';
      cur.children.push(next);
    }
    cur = next;
  }
  return cur;
}

/** Makes `node` a text leaf, keeping its attributes. */
export function setText(node: XmlElement, text: string): void {
  node.children = [];
  node.text = text;
}

function isEmpty(node: XmlElement): boolean {
  return node.children.length === 0 && node.text === '' && Object.keys(node.attrs).length === 0;
}

/**
 * Removes every element at the path, then removes ancestors (below `root`) that this left empty, so unsetting a
 * field does not leave husks like `<nat-traversal/>`. Ancestors with attributes or other children stay. With
 * `deferred`, the emptied ancestor chain is queued instead, to be pruned by {@link pruneEmpty} once every field
 * has been written (a later field may refill the parent, and it should keep its place).
 */
export function removePath(root: XmlElement, path: readonly string[], deferred?: XmlElement[][]): void {
  if (path.length === 0) return;
  const chain: XmlElement[] = [root];
  for (const step of path.slice(0, -1)) {
    const next = chain[chain.length - 1].children.find((c) => c.name === step);
    if (next === undefined) return;
    chain.push(next);
  }
  const parent = chain[chain.length - 1];
  const leaf = path[path.length - 1];
  const before = parent.children.length;
  parent.children = parent.children.filter((c) => c.name !== leaf);
  if (parent.children.length === before) return;
  if (deferred) deferred.push(chain);
  else pruneEmpty([chain]);
}

/**
 * Removes the empty ancestors of each chain (root first), innermost first, stopping at the first non-empty one or
 * one in `keep` (an empty element that means something, such as the chosen `<esp/>` variant).
 */
export function pruneEmpty(chains: readonly XmlElement[][], keep: ReadonlySet<XmlElement> = new Set()): void {
  for (const chain of [...chains].reverse()) {
    for (let i = chain.length - 1; i > 0; i--) {
      if (!isEmpty(chain[i]) || keep.has(chain[i])) break;
      chain[i - 1].children = chain[i - 1].children.filter((c) => c !== chain[i]);
    }
  }
}

/** Removes the direct children of `parent` with these names. */
export function removeChildren(parent: XmlElement, names: readonly string[]): void {
  parent.children = parent.children.filter((c) => !names.includes(c.name));
}
