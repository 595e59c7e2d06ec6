/**
 * A small, lossless XML element tree for PAN-OS configuration and API envelopes, on top of fast-xml-parser.
 *
 * PAN-OS configuration is element-only or text-only per node (no mixed content), so a node is its name, its
 * attributes, its child elements in document order and its text. Keeping every attribute and child is what lets a
 * codec change the fields it models and write everything else back untouched.
 */
import { XMLParser } from 'fast-xml-parser';

/** One XML element. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Text content (CDATA included) of a leaf; '' for container elements. */
  text: string;
}

/** Thrown when a document cannot be parsed or is not acceptable (for example it carries a DOCTYPE). */
export class XmlParseError extends Error {
  readonly code = 'PANOS_XML_PARSE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'XmlParseError';
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

type RawNode = Record<string, unknown>;

function convert(raw: RawNode): XmlElement | undefined {
  const name = Object.keys(raw).find((k) => k !== ':@');
  if (name === undefined || name === '#text' || name === '#cdata' || name === '#comment') return undefined;
  const attrsRaw = (raw[':@'] ?? {}) as Record<string, unknown>;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrsRaw)) attrs[k] = String(v);
  const children: XmlElement[] = [];
  let text = '';
  for (const item of (raw[name] ?? []) as RawNode[]) {
    if ('#text' in item) text += String(item['#text']);
    else if ('#cdata' in item) {
      for (const c of item['#cdata'] as RawNode[]) text += String(c['#text'] ?? '');
    } else {
      const child = convert(item);
      if (child) children.push(child);
    }
  }
  // Pretty-printed containers carry whitespace between children; it is not content.
  if (children.length > 0 && text.trim() === '') text = '';
  return { name, attrs, children, text };
}

/**
 * Parses a document and returns its root element. Refuses DOCTYPE declarations (no entity definitions, so no
 * entity expansion), empty input and input with no root element.
 */
export function parseXml(input: string): XmlElement {
  const doc = String(input ?? '');
  if (doc.trim() === '') throw new XmlParseError('empty XML document');
  if (/<!DOCTYPE/i.test(doc)) throw new XmlParseError('XML document carries a DOCTYPE declaration; refused');
  let nodes: RawNode[];
  try {
    nodes = parser.parse(doc) as RawNode[];
  } catch (err) {
    throw new XmlParseError(`malformed XML: ${(err as Error).message}`, { cause: err });
  }
  const roots = nodes.map(convert).filter((e): e is XmlElement => e !== undefined);
  if (roots.length !== 1) {
    throw new XmlParseError(roots.length === 0 ? 'XML document has no root element' : 'XML document has several root elements');
  }
  return roots[0];
}

/** Parses a fragment that may hold several sibling elements (for example the children of an entry). */
export function parseXmlFragment(input: string): XmlElement[] {
  return parseXml(`<fragment>${input}</fragment>`).children;
}

/** Escapes text for use inside an element. */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes text for use inside a double-quoted attribute value. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Serializes an element (compact, attributes double-quoted, empty elements self-closed). */
export function serializeXml(el: XmlElement): string {
  const attrs = Object.entries(el.attrs)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('');
  if (el.children.length === 0 && el.text === '') return `<${el.name}${attrs}/>`;
  const inner = el.children.length > 0 ? el.children.map(serializeXml).join('') : escapeText(el.text);
  return `<${el.name}${attrs}>${inner}</${el.name}>`;
}

/** Builds an element. */
export function el(name: string, children: XmlElement[] | string = [], attrs: Record<string, string> = {}): XmlElement {
  return typeof children === 'string'
    ? { name, attrs, children: [], text: children }
    : { name, attrs, children, text: '' };
}

/** First child element with this name. */
export function child(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  return parent?.children.find((c) => c.name === name);
}

/** All child elements with this name. */
export function childrenNamed(parent: XmlElement | undefined, name: string): XmlElement[] {
  return parent ? parent.children.filter((c) => c.name === name) : [];
}

/** Follows a path of child names; undefined when any step is missing. */
export function descend(parent: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let cur = parent;
  for (const step of path) cur = child(cur, step);
  return cur;
}

/** Text of the child at the path, or undefined when absent. */
export function textAt(parent: XmlElement | undefined, ...path: string[]): string | undefined {
  const node = descend(parent, ...path);
  return node === undefined ? undefined : node.text;
}

/** Deep copy of an element. */
export function cloneXml(e: XmlElement): XmlElement {
  return { name: e.name, attrs: { ...e.attrs }, children: e.children.map(cloneXml), text: e.text };
}
