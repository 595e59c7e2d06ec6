/**
 * The simulator's own XML tree. It deliberately does not reuse the client's XML helpers (src/panos/xml.ts): the
 * simulator is an independent witness, so a parsing or serialization mistake on one side shows up on the other.
 *
 * PAN-OS configuration never mixes text and elements, so a node is a name, attributes (insertion order kept), child
 * elements in document order and text. Candidate bookkeeping (admin / dirtyId / time) lives in `dirty`, outside the
 * attributes, so it can be shown on `get` and left out of `show` and of comparisons.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Candidate-change bookkeeping a device stamps on changed nodes. */
export interface DirtyMark {
  admin: string;
  dirtyId: number;
  time: string;
}

/** One element of a configuration tree or request document. */
export interface SimNode {
  name: string;
  attrs: Record<string, string>;
  children: SimNode[];
  text: string;
  dirty?: DirtyMark;
}

/** Raised for input that is not a single well-formed, entity-free XML element (or fragment). */
export class SimXmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimXmlError';
  }
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: ':@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: '#cdata',
  commentPropName: '#comment',
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: false,
});

type Raw = Record<string, unknown>;

/** Deeper documents are refused: PAN-OS config is a few dozen levels deep, and recursion must stay bounded. */
export const MAX_DEPTH = 128;

function convert(raw: Raw, depth = 0): SimNode | undefined {
  if (depth > MAX_DEPTH) throw new SimXmlError(`XML nested deeper than ${MAX_DEPTH} levels`);
  const name = Object.keys(raw).find((k) => k !== ':@');
  if (name === undefined || name.startsWith('#')) return undefined;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries((raw[':@'] ?? {}) as Raw)) attrs[k] = String(v);
  const children: SimNode[] = [];
  let text = '';
  for (const item of (raw[name] ?? []) as Raw[]) {
    if ('#text' in item) text += String(item['#text']);
    else if ('#cdata' in item) for (const c of item['#cdata'] as Raw[]) text += String(c['#text'] ?? '');
    else {
      const c = convert(item, depth + 1);
      if (c) children.push(c);
    }
  }
  // Whitespace between child elements of pretty-printed input is layout, not content.
  if (children.length > 0 && text.trim() === '') text = '';
  return { name, attrs, children, text };
}

/**
 * Parses an XML fragment (zero or more sibling elements). Refuses DOCTYPE / ENTITY declarations outright, so no
 * entity expansion can happen, and refuses text outside elements.
 */
export function parseFragment(input: string): SimNode[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(input)) throw new SimXmlError('DOCTYPE and ENTITY declarations are refused');
  const wrapped = `<sim-fragment>${input}</sim-fragment>`;
  const ok = XMLValidator.validate(wrapped, { allowBooleanAttributes: false });
  if (ok !== true) throw new SimXmlError(`malformed XML: ${ok.err.msg}`);
  if (nestingDepth(wrapped) > MAX_DEPTH) throw new SimXmlError(`XML nested deeper than ${MAX_DEPTH} levels`);
  let raw: Raw[];
  try {
    raw = parser.parse(wrapped) as Raw[];
  } catch (err) {
    throw new SimXmlError(`malformed XML: ${(err as Error).message}`);
  }
  const root = raw.map((r) => convert(r)).find((n): n is SimNode => n !== undefined);
  if (!root) throw new SimXmlError('malformed XML: no element');
  if (root.text.trim() !== '') throw new SimXmlError('malformed XML: text outside an element');
  return root.children;
}

/** Upper bound of element nesting, measured before any recursive parsing happens. */
function nestingDepth(xml: string): number {
  let depth = 0;
  let max = 0;
  const tag = /<(\/?)[A-Za-z_][^>]*?(\/?)>/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (m[1] === '/') depth -= 1;
    else if (m[2] !== '/') max = Math.max(max, ++depth);
  }
  return max;
}

/** Parses exactly one element. */
export function parseElement(input: string): SimNode {
  const nodes = parseFragment(input);
  if (nodes.length !== 1) throw new SimXmlError(nodes.length === 0 ? 'no element' : 'more than one root element');
  return nodes[0];
}

/** Builds a node. */
export function node(name: string, children: SimNode[] | string = [], attrs: Record<string, string> = {}): SimNode {
  return typeof children === 'string'
    ? { name, attrs: { ...attrs }, children: [], text: children }
    : { name, attrs: { ...attrs }, children, text: '' };
}

/** Escapes element text. */
export function escText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes a double-quoted attribute value. */
export function escAttr(s: string): string {
  return escText(s).replace(/"/g, '&quot;');
}

/** Wraps text in CDATA, splitting any `]]>` it contains. */
export function cdata(s: string): string {
  return `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** Serialization options. */
export interface SerializeOptions {
  /** Emit admin / dirtyId / time on changed nodes (candidate `get`). */
  readonly withDirty?: boolean;
}

/** Serializes a node compactly (double-quoted attributes, empty elements self-closed). */
export function serialize(n: SimNode, opts: SerializeOptions = {}): string {
  let attrs = '';
  for (const [k, v] of Object.entries(n.attrs)) attrs += ` ${k}="${escAttr(v)}"`;
  if (opts.withDirty && n.dirty) {
    attrs += ` admin="${escAttr(n.dirty.admin)}" dirtyId="${n.dirty.dirtyId}" time="${n.dirty.time}"`;
  }
  if (n.children.length === 0 && n.text === '') return `<${n.name}${attrs}/>`;
  const inner = n.children.length > 0 ? n.children.map((c) => serialize(c, opts)).join('') : escText(n.text);
  return `<${n.name}${attrs}>${inner}</${n.name}>`;
}

/** Deep copy, bookkeeping included. */
export function clone(n: SimNode): SimNode {
  const c: SimNode = { name: n.name, attrs: { ...n.attrs }, children: n.children.map(clone), text: n.text };
  if (n.dirty) c.dirty = { ...n.dirty };
  return c;
}

/** Deep copy without bookkeeping (what a commit writes to the running config). */
export function cleanClone(n: SimNode): SimNode {
  return { name: n.name, attrs: { ...n.attrs }, children: n.children.map(cleanClone), text: n.text };
}

/** Structural equality ignoring bookkeeping. */
export function sameContent(a: SimNode, b: SimNode): boolean {
  return serialize(a) === serialize(b);
}

/** First child with this name (and, when given, this `name` attribute). */
export function childOf(parent: SimNode | undefined, name: string, entryName?: string): SimNode | undefined {
  if (!parent) return undefined;
  return parent.children.find((c) => c.name === name && (entryName === undefined || c.attrs.name === entryName));
}

/** Follows child names; undefined when a step is missing. */
export function pathOf(parent: SimNode | undefined, ...names: string[]): SimNode | undefined {
  let cur = parent;
  for (const n of names) cur = childOf(cur, n);
  return cur;
}

/** Text of the child at the path, or undefined. */
export function textOf(parent: SimNode | undefined, ...names: string[]): string | undefined {
  const n = pathOf(parent, ...names);
  return n === undefined ? undefined : n.text;
}

/** Member values of the list at the path. */
export function membersOf(parent: SimNode | undefined, ...names: string[]): string[] {
  const n = pathOf(parent, ...names);
  return n ? n.children.filter((c) => c.name === 'member').map((c) => c.text) : [];
}

/** `<entry name=..>` children of the node at the path. */
export function entriesOf(parent: SimNode | undefined, ...names: string[]): SimNode[] {
  const n = pathOf(parent, ...names);
  return n ? n.children.filter((c) => c.name === 'entry') : [];
}
