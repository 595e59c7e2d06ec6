/**
 * Secret redaction for every text the client lets out: error messages, the xpath / element / excerpt echoed in
 * errors, and log lines. A device may echo a secret back (an element with a pre-shared key in a schema error, a
 * password in an HTML error page, a request body in a proxy's page), so redaction runs on everything, not only on what
 * the client wrote itself, and matches the secret in every spelling it can take on the way.
 */

/** What a secret is replaced with. */
export const REDACTED = '***';

const XML_NAMED: Readonly<Record<string, string>> = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' };

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** `%` and a byte in hex, either case: `%2f` and `%2F`. */
function percentByte(byte: number): string {
  const hex = byte.toString(16).padStart(2, '0');
  return `%${[...hex].map((d) => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d)).join('')}`;
}

/**
 * Every way one character of a secret can come back from a device or a proxy: verbatim; percent-encoded as UTF-8
 * bytes (form bodies, query strings), as a Latin-1 byte or `%uXXXX` (legacy encoders), hex in either case; `+` for
 * a space (form encoding); as an XML or HTML character reference (named, decimal or hex), as in an echoed envelope.
 */
function characterForms(ch: string): string {
  const cp = ch.codePointAt(0) as number;
  const forms = new Set<string>([escapeRegex(ch)]);
  forms.add([...Buffer.from(ch, 'utf8')].map(percentByte).join(''));
  if (cp < 0x100) forms.add(percentByte(cp));
  else if (cp <= 0xffff) forms.add(`%[uU]${[...cp.toString(16).padStart(4, '0')].map((d) => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d)).join('')}`);
  if (ch === ' ') forms.add('\\+');
  if (XML_NAMED[ch]) forms.add(`&${XML_NAMED[ch]};`);
  forms.add(`&#0*${cp};`);
  forms.add(`&#[xX]0*(?:${cp.toString(16)}|${cp.toString(16).toUpperCase()});`);
  return `(?:${[...forms].join('|')})`;
}

/** A pattern matching the secret in any mix of the spellings of {@link characterForms}. */
function secretPattern(secret: string): string {
  return [...secret].map(characterForms).join('');
}

/** Replaces every occurrence of each secret, in any of its wire spellings, with `***`. */
export function redact(text: string, secrets: Iterable<string>): string {
  // Longest first, so a secret that contains another one is removed whole.
  const sorted = [...new Set([...secrets].filter((s) => s))].sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return text;
  return text.replace(new RegExp(sorted.map(secretPattern).join('|'), 'g'), REDACTED);
}

/** The characters every spelling of {@link characterForms} but the verbatim one starts with. */
const ENCODED = /[%&+]/;

/**
 * A growing set of secrets with a bound `redact`. One per client.
 *
 * The secrets are removed one after the other, longest first (so a secret that contains another one is removed
 * whole). A text without `%`, `&` or `+` can hold a secret only verbatim (every other spelling starts with one of
 * them), so there a plain search does; elsewhere each secret's pattern, compiled once at its first use. One pattern of
 * every secret together, compiled again after each new secret, made an apply of 500 gateways compile hundreds of
 * ever larger expressions: minutes of CPU at worst and hundreds of MiB of compiled code (bench/memory.ts).
 */
export class Redactor {
  private readonly secrets = new Set<string>();
  /** The secrets, longest first, each with its pattern once compiled. */
  private readonly entries: { readonly secret: string; readonly length: number; re?: RegExp }[] = [];

  /** Registers a secret; empty values are ignored. */
  add(secret: string | undefined): void {
    if (!secret || this.secrets.has(secret)) return;
    this.secrets.add(secret);
    const length = [...secret].length;
    const at = this.entries.findIndex((e) => e.length < length);
    this.entries.splice(at < 0 ? this.entries.length : at, 0, { secret, length });
  }

  /** Redacts all registered secrets from the text. */
  redact(text: string): string {
    const verbatimOnly = !ENCODED.test(text);
    let out = text;
    for (const e of this.entries) {
      if (verbatimOnly) {
        if (out.includes(e.secret)) out = out.split(e.secret).join(REDACTED);
      } else {
        out = out.replace((e.re ??= new RegExp(secretPattern(e.secret), 'g')), REDACTED);
      }
    }
    return out;
  }

  /** Redacts string values (one level deep) of a log-fields record. */
  redactFields(fields: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) out[k] = typeof v === 'string' ? this.redact(v) : v;
    return out;
  }
}
