/**
 * Response envelopes, written the way PAN-OS writes them (docs/panos/xml-api.md): double-quoted attributes in
 * general, the spaced single-quote form for keygen / 403 / 400 answers, CDATA for schema and validation lines.
 */
import { cdata, escText } from './xml-tree';

/** An HTTP answer. */
export interface ApiReply {
  readonly status: number;
  readonly reason?: string;
  readonly body: string;
  readonly contentType?: string;
}

const ok = (body: string): ApiReply => ({ status: 200, body });

/** One `<line>`, CDATA when asked (schema and validation lines) or when the text needs it. */
export function line(text: string, asCdata = false): string {
  return `<line>${asCdata ? cdata(text) : escText(text)}</line>`;
}

/** `<response status="success" code="N">…</response>` (code omitted when undefined). */
export function success(inner: string, code?: number): ApiReply {
  return ok(`<response status="success"${code !== undefined ? ` code="${code}"` : ''}>${inner}</response>`);
}

/** Error envelope with `<msg><line>` children. */
export function errorLines(lines: readonly string[], code?: number, asCdata = false): ApiReply {
  return ok(`<response status="error"${code !== undefined ? ` code="${code}"` : ''}><msg>${lines.map((l) => line(l, asCdata)).join('')}</msg></response>`);
}

/** The 403 answer for bad credentials or keys (docs/panos/xml-api.md#bad-credentials): 97 bytes, reason "Invalid Credential". */
export function invalidCredential(): ApiReply {
  return {
    status: 403,
    reason: 'Invalid Credential',
    body: `<response status = 'error' code = '403'><result><msg>Invalid Credential</msg></result></response>`,
  };
}

/** The 400 answer for missing or illegal parameters (docs/panos/xml-api.md#request-errors), spaced form. */
export function badRequest(message: string): ApiReply {
  const esc = escText(message).replace(/"/g, '&quot;');
  return { status: 400, reason: 'Bad Request', body: `<response status = 'error' code = '400'><result><msg>${esc}</msg></result></response>` };
}

/** keygen success (docs/panos/xml-api.md#keygen), spaced form. */
export function keygenReply(key: string): ApiReply {
  return ok(`<response status = 'success'><result><key>${escText(key)}</key></result></response>`);
}

/** Code 22 session timeout (docs/panos/xml-api.md#session-timeout). */
export function sessionTimeout(): ApiReply {
  return ok(`<response status="unauth" code="22"><msg><line>Session timed out</line></msg></response>`);
}

/** Code 18 malformed request (docs/panos/xml-api.md#request-errors). */
export function malformed(): ApiReply {
  return ok(`<response status='error' code='18'><msg><line>Malformed Request</line></msg></response>`);
}
