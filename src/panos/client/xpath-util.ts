/**
 * Small xpath and element helpers for the client: the last step of an xpath (to check an `edit` element's root),
 * serialising the element forms callers pass, and removing candidate bookkeeping attributes.
 */
import { serializeXml, type XmlElement } from '../xml';

/** What callers may pass as an element: one element, several siblings, or XML text. */
export type ElementInput = XmlElement | readonly XmlElement[] | string;

/** Serialises an {@link ElementInput}. */
export function elementText(e: ElementInput): string {
  if (typeof e === 'string') return e;
  if (Array.isArray(e)) return (e as readonly XmlElement[]).map(serializeXml).join('');
  return serializeXml(e as XmlElement);
}

/** Splits an xpath into steps, ignoring `/` inside predicates and quotes (names like `ethernet1/1`). */
export function xpathSteps(xpath: string): string[] {
  const steps: string[] = [];
  let cur = '';
  let depth = 0;
  let quote: string | undefined;
  for (const ch of xpath) {
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '[') depth++;
    else if (ch === ']') depth--;
    else if (ch === '/' && depth === 0) {
      if (cur !== '') steps.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (cur !== '') steps.push(cur);
  return steps;
}

/** Element name and `@name` predicate value of the xpath's last step. */
export function lastStep(xpath: string): { name: string; entryName?: string } {
  const step = xpathSteps(xpath).pop() ?? '';
  const bracket = step.indexOf('[');
  const name = bracket < 0 ? step : step.slice(0, bracket);
  const m = /^\[@name=(['"])(.*)\1\]$/.exec(bracket < 0 ? '' : step.slice(bracket));
  return m ? { name, entryName: m[2] } : { name };
}

/** Attributes PAN-OS stamps on changed candidate nodes; they are not configuration. */
export const BOOKKEEPING_ATTRS: readonly string[] = ['admin', 'dirtyId', 'time'];

/** Copy of an element without candidate bookkeeping attributes (at every level). */
export function stripBookkeeping(e: XmlElement): XmlElement {
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(e.attrs)) if (!BOOKKEEPING_ATTRS.includes(k)) attrs[k] = v;
  return { name: e.name, attrs, children: e.children.map(stripBookkeeping), text: e.text };
}
