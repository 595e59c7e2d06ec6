/**
 * The XPath subset PAN-OS clients use: absolute paths of steps `name`, `name[@name='X']` (single or double quotes;
 * the value may hold any character but the quote used) and `member[text()='X']`. Anything else is refused the way
 * a device refuses it (code 6 "Bad XPath").
 */
import { SimNode, node } from './xml-tree';

/** One location step. */
export interface XpathStep {
  readonly name: string;
  /** `[@name='X']` */
  readonly entryName?: string;
  /** `[text()='X']` */
  readonly text?: string;
}

/** Raised for an xpath outside the supported grammar. */
export class XpathError extends Error {
  constructor(
    message: string,
    /** 6 = Bad XPath; 13 = the request could not be handled (e.g. `or` predicates). */
    readonly code: 6 | 13 = 6,
  ) {
    super(message);
    this.name = 'XpathError';
  }
}

const NAME_CHAR = /[A-Za-z0-9_.:-]/;

/** Parses an absolute xpath into steps. */
export function parseXpath(xpath: string): XpathStep[] {
  const s = xpath.trim();
  if (!s.startsWith('/')) throw new XpathError(`Bad XPath: ${xpath} is not absolute`);
  const steps: XpathStep[] = [];
  let i = 0;
  while (i < s.length) {
    if (s[i] !== '/') throw new XpathError(`Bad XPath: unexpected '${s[i]}' at position ${i}`);
    i++;
    const start = i;
    while (i < s.length && NAME_CHAR.test(s[i])) i++;
    const name = s.slice(start, i);
    if (name === '') throw new XpathError(`Bad XPath: empty step at position ${start}`);
    if (s[i] !== '[') {
      steps.push({ name });
      continue;
    }
    const close = parsePredicate(s, i + 1, xpath);
    steps.push({ name, ...close.pred });
    i = close.end;
  }
  if (steps.length === 0) throw new XpathError('Bad XPath: no steps');
  return steps;
}

function parsePredicate(s: string, from: number, xpath: string): { pred: { entryName?: string; text?: string }; end: number } {
  let i = from;
  const skipWs = (): void => {
    while (s[i] === ' ') i++;
  };
  skipWs();
  let kind: 'name' | 'text';
  if (s.startsWith('@name', i)) {
    kind = 'name';
    i += 5;
  } else if (s.startsWith('text()', i)) {
    kind = 'text';
    i += 6;
  } else throw new XpathError(`Bad XPath: unsupported predicate in ${xpath}`);
  skipWs();
  if (s[i] !== '=') throw new XpathError(`Bad XPath: expected '=' in predicate of ${xpath}`);
  i++;
  skipWs();
  const quote = s[i];
  if (quote !== "'" && quote !== '"') throw new XpathError(`Bad XPath: predicate value must be quoted in ${xpath}`);
  const endQuote = s.indexOf(quote, i + 1);
  if (endQuote < 0) throw new XpathError(`Bad XPath: unterminated quote in ${xpath}`);
  const value = s.slice(i + 1, endQuote);
  i = endQuote + 1;
  skipWs();
  if (s.startsWith('or ', i) || s.startsWith('and ', i)) {
    throw new XpathError('The request could not be handled', 13);
  }
  if (s[i] !== ']') throw new XpathError(`Bad XPath: expected ']' in ${xpath}`);
  return { pred: kind === 'name' ? { entryName: value } : { text: value }, end: i + 1 };
}

/** Does a child match a step? */
export function stepMatches(n: SimNode, step: XpathStep): boolean {
  if (n.name !== step.name) return false;
  if (step.entryName !== undefined && n.attrs.name !== step.entryName) return false;
  if (step.text !== undefined && (n.children.length > 0 || n.text !== step.text)) return false;
  return true;
}

/** A selected node with its ancestors (root first; the node itself last). */
export type NodeChain = SimNode[];

/** Every node the steps select, each with its ancestor chain. */
export function selectAll(root: SimNode, steps: readonly XpathStep[]): NodeChain[] {
  if (steps.length === 0 || !stepMatches(root, steps[0])) return [];
  let chains: NodeChain[] = [[root]];
  for (const step of steps.slice(1)) {
    const next: NodeChain[] = [];
    for (const chain of chains) {
      for (const c of chain[chain.length - 1].children) if (stepMatches(c, step)) next.push([...chain, c]);
    }
    chains = next;
    if (chains.length === 0) break;
  }
  return chains;
}

/** Checks an xpath addresses one node unambiguously, as writes (set / edit) require. */
export function assertWritable(steps: readonly XpathStep[], xpath: string): void {
  if (steps[0].name !== 'config') throw new XpathError(`Bad XPath: ${xpath} must start with /config`);
  for (const step of steps) {
    if (step.text !== undefined) throw new XpathError(`Bad XPath: a text() predicate cannot address a write (${xpath})`);
    if (step.name === 'entry' && step.entryName === undefined) {
      throw new XpathError(`Bad XPath: entry step without [@name='...'] in ${xpath}`);
    }
  }
}

/**
 * Walks the steps from the root, creating missing nodes as `set` does on a device. Returns the chain and the
 * nodes it created.
 */
export function ensurePath(root: SimNode, steps: readonly XpathStep[]): { chain: NodeChain; created: SimNode[] } {
  const chain: NodeChain = [root];
  const created: SimNode[] = [];
  let cur = root;
  for (const step of steps.slice(1)) {
    let found = cur.children.find((c) => stepMatches(c, step));
    if (!found) {
      found = node(step.name, [], step.entryName !== undefined ? { name: step.entryName } : {});
      cur.text = '';
      cur.children.push(found);
      created.push(found);
    }
    chain.push(found);
    cur = found;
  }
  return { chain, created };
}

/** The step's display name in error paths: entries show their name, other nodes their tag. */
export function displayName(n: SimNode): string {
  return n.name === 'entry' && n.attrs.name !== undefined ? n.attrs.name : n.name;
}
