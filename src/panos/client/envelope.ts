/**
 * PAN-OS XML API response envelopes: parsing (with the project's XML parser, never regex, so single quotes,
 * spaced attributes, CDATA and nested `<line>` levels all work), message extraction in pan-python's order, and the
 * mapping from an error envelope to a {@link PanosApiError} code and fix hint.
 */
import { XMLValidator } from 'fast-xml-parser';
import { child, childrenNamed, parseXml, type XmlElement } from '../xml';
import type { PanosErrorCode } from './errors';
import { CLIENT_SETTING_NAMES, type SettingNames } from './options';

/** A parsed `<response>`. */
export interface Envelope {
  /** `status` attribute (`success`, `error`, `unauth`, …); `success` when absent (legacy replies). */
  readonly status: string;
  /** `code` attribute, when present and numeric. */
  readonly code?: number;
  readonly root: XmlElement;
  readonly result?: XmlElement;
  /** Message lines (trimmed, empty ones dropped). */
  readonly lines: readonly string[];
}

/** Why a body is not an envelope. */
export class EnvelopeError extends Error {
  constructor(
    message: string,
    readonly excerpt: string,
  ) {
    super(message);
    this.name = 'EnvelopeError';
  }
}

const SUCCESS_CODES = new Set([19, 20]);

/** A short, single-line excerpt of a body for error messages (redacted later by the error). */
export function excerptOf(body: string, max = 160): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** Parses a response body into an envelope; throws {@link EnvelopeError} for HTML pages, garbage and wrong roots. */
export function parseEnvelope(body: string): Envelope {
  let root: XmlElement;
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(body)?.[1];
  if (declared !== undefined && !/^utf-?8$/i.test(declared.trim())) {
    throw new EnvelopeError(`response declares encoding ${declared}, but the PAN-OS XML API answers in UTF-8 and the body was read as UTF-8`, excerptOf(body));
  }
  // XML 1.0 forbids these characters anywhere in a document; the parsers below would pass them through.
  const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.exec(body);
  if (control) {
    throw new EnvelopeError(`response is not XML (character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML, at offset ${control.index})`, excerptOf(body));
  }
  // Without a DOCTYPE (refused below) only the five predefined entities and character references exist; the parsers
  // would keep an unknown reference such as &xxe; as literal text.
  const entity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);)[^;\s<]{0,32};?/.exec(body);
  if (entity && !/<!DOCTYPE/i.test(body)) {
    throw new EnvelopeError(`response is not XML (undeclared entity reference ${entity[0]} at offset ${entity.index})`, excerptOf(body));
  }
  // The tree parser tolerates unclosed tags; a truncated body must not pass for a short answer.
  const wellFormed = body.trim() === '' ? true : XMLValidator.validate(body);
  if (wellFormed !== true) {
    throw new EnvelopeError(`response is not XML (${wellFormed.err.msg} at line ${wellFormed.err.line})`, excerptOf(body));
  }
  try {
    root = parseXml(body);
  } catch (err) {
    throw new EnvelopeError(`response is not XML (${(err as Error).message})`, excerptOf(body));
  }
  if (root.name !== 'response') {
    throw new EnvelopeError(`response root is <${root.name}>, expected <response>`, excerptOf(body));
  }
  const status = (root.attrs.status ?? 'success').trim();
  const codeText = root.attrs.code?.trim();
  const code = codeText !== undefined && /^\d+$/.test(codeText) ? Number(codeText) : undefined;
  return { status, code, root, result: child(root, 'result'), lines: messageLines(root) };
}

/** True when the envelope reports success: status success and a code that is absent, 19 or 20. */
export function isSuccess(env: Envelope): boolean {
  return env.status === 'success' && (env.code === undefined || SUCCESS_CODES.has(env.code));
}

/** Leaf `<line>` texts under a node, accepting one or two `<line>` levels. */
function lineTexts(node: XmlElement): string[] {
  const out: string[] = [];
  for (const line of childrenNamed(node, 'line')) {
    if (line.children.some((c) => c.name === 'line')) out.push(...lineTexts(line));
    else out.push(line.text);
  }
  return out;
}

function clean(lines: string[]): string[] {
  return lines.map((l) => l.trim()).filter((l) => l !== '');
}

/**
 * Message lines in pan-python's order: `msg/line` (incl. nested), `result/msg/line`, `result/msg`, `msg` text,
 * `result/job/details/line`. The first source that yields text wins.
 */
export function messageLines(root: XmlElement): string[] {
  const msg = child(root, 'msg');
  const result = child(root, 'result');
  const resultMsg = child(result, 'msg');
  const candidates: Array<() => string[]> = [
    () => (msg ? lineTexts(msg) : []),
    () => (resultMsg ? lineTexts(resultMsg) : []),
    () => (resultMsg && resultMsg.children.length === 0 ? [resultMsg.text] : []),
    () => (msg && msg.children.length === 0 ? [msg.text] : []),
    () => {
      const details = child(child(result, 'job'), 'details');
      return details ? lineTexts(details) : [];
    },
  ];
  for (const pick of candidates) {
    const lines = clean(pick());
    if (lines.length > 0) return lines;
  }
  return [];
}

/** Nested `<response>` replies of a multi-config answer, in order. */
export function nestedReplies(env: Envelope): Envelope[] {
  return childrenNamed(env.root, 'response').map((r) => {
    const codeText = r.attrs.code?.trim();
    return {
      status: (r.attrs.status ?? 'success').trim(),
      code: codeText !== undefined && /^\d+$/.test(codeText) ? Number(codeText) : undefined,
      root: r,
      result: child(r, 'result'),
      lines: messageLines(r),
    };
  });
}

const TEXT_RULES: ReadonlyArray<{ re: RegExp; code: PanosErrorCode }> = [
  { re: /^Session timed out/i, code: 'PANOS_SESSION_TIMEOUT' },
  { re: /^No such node/i, code: 'PANOS_NOT_FOUND' },
  { re: /is (currently )?locked|^Configuration is locked by|Commit lock is already held/i, code: 'PANOS_LOCKED' },
  {
    re: /Another commit\/validate is in progress|A commit is in progress|commit while an install is in progress/i,
    code: 'PANOS_COMMIT_IN_PROGRESS',
  },
  { re: /^Invalid Credential/i, code: 'PANOS_AUTH' },
];

const CODE_MAP: Readonly<Record<number, PanosErrorCode>> = {
  1: 'PANOS_INVALID_COMMAND',
  6: 'PANOS_BAD_XPATH',
  7: 'PANOS_NOT_FOUND',
  8: 'PANOS_NOT_UNIQUE',
  10: 'PANOS_REFERENCED',
  12: 'PANOS_INVALID_OBJECT',
  14: 'PANOS_NOT_POSSIBLE',
  15: 'PANOS_DENIED',
  16: 'PANOS_AUTH',
  17: 'PANOS_INVALID_COMMAND',
  18: 'PANOS_INVALID_COMMAND',
  22: 'PANOS_SESSION_TIMEOUT',
  400: 'PANOS_BAD_REQUEST',
  403: 'PANOS_AUTH',
};

/** Classifies an error envelope: message text first (it is more specific than code 13), then the code. */
export function classify(env: Envelope): PanosErrorCode {
  for (const rule of TEXT_RULES) if (env.lines.some((l) => rule.re.test(l))) return rule.code;
  if (env.status === 'unauth') return 'PANOS_SESSION_TIMEOUT';
  if (env.code !== undefined && CODE_MAP[env.code]) return CODE_MAP[env.code];
  return 'PANOS_ERROR';
}

/** A fix hint per error code, where one is known, naming settings as `names` spells them. */
export function hintFor(code: PanosErrorCode, names: SettingNames = CLIENT_SETTING_NAMES): string | undefined {
  switch (code) {
    case 'PANOS_NOT_FOUND':
      return 'the xpath selects nothing: check the object name and its location (vsys, template, template stack)';
    case 'PANOS_REFERENCED':
      return 'remove or repoint the referring objects listed above, then delete again';
    case 'PANOS_INVALID_OBJECT':
      return "the device's schema rejected the element: check the field named above and that the device's PAN-OS version supports it";
    case 'PANOS_SESSION_TIMEOUT':
      return `the API session expired: set ${names.credentials} so the client can log in again, or generate a new API key`;
    case 'PANOS_AUTH':
      return `check ${names.credentials}, and that the admin's role allows XML API access`;
    case 'PANOS_BAD_XPATH':
      return 'the xpath is malformed or runs past the schema: check the object location and names';
    case 'PANOS_LOCKED':
      return 'another administrator holds the lock: wait, or ask its owner (the op command <show><config-locks><vsys>all</vsys></config-locks></show> lists the holders) to release it';
    case 'PANOS_COMMIT_IN_PROGRESS':
      return 'another commit or validate is running: wait for it to finish, then commit again';
    case 'PANOS_INVALID_COMMAND':
      return 'the op command is not valid for this PAN-OS version; check its XML form';
    case 'PANOS_HTTP':
      return `check that ${names.hostname} and ${names.port} point at the PAN-OS management interface (the API lives at /api/)`;
    default:
      return undefined;
  }
}
