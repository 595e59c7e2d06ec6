/**
 * Secret redaction for every text the client lets out: error messages, the xpath / element / excerpt echoed in
 * errors, and log lines. A device may echo a secret back (an element with a pre-shared key in a schema error, a
 * password in an HTML error page), so redaction runs on everything, not only on what the client wrote itself.
 */

/** What a secret is replaced with. */
export const REDACTED = '***';

/**
 * The spellings a secret can take on the wire: verbatim, form/URL-encoded (request bodies, echoed query strings)
 * and XML-escaped (echoed inside an envelope).
 */
function spellings(secret: string): string[] {
  const forms = new Set<string>([secret]);
  forms.add(encodeURIComponent(secret));
  forms.add(new URLSearchParams({ x: secret }).toString().slice(2));
  forms.add(
    secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;'),
  );
  return [...forms].filter((s) => s.length > 0);
}

/** Replaces every occurrence of each secret (in each of its wire spellings) with `***`. */
export function redact(text: string, secrets: Iterable<string>): string {
  const all: string[] = [];
  for (const s of secrets) if (s) all.push(...spellings(s));
  // Longest first, so a secret that contains another one is removed whole.
  all.sort((a, b) => b.length - a.length);
  let out = text;
  for (const s of all) out = out.split(s).join(REDACTED);
  return out;
}

/** A growing set of secrets with a bound `redact`. One per client. */
export class Redactor {
  private readonly secrets = new Set<string>();

  /** Registers a secret; empty values are ignored. */
  add(secret: string | undefined): void {
    if (secret) this.secrets.add(secret);
  }

  /** Redacts all registered secrets from the text. */
  redact(text: string): string {
    return this.secrets.size === 0 ? text : redact(text, this.secrets);
  }

  /** Redacts string values (one level deep) of a log-fields record. */
  redactFields(fields: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) out[k] = typeof v === 'string' ? this.redact(v) : v;
    return out;
  }
}
