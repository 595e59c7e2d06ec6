/** Finding a secret in a text (log, output, state) in any encoding it could leak in. */

/** The raw secret and the encodings it could leak in (form body, XML text, base64, JSON). */
export function forms(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2), Buffer.from(secret).toString('base64').replace(/=+$/, ''), JSON.stringify(secret).slice(1, -1)])];
}

// Every key the simulator issues starts like this (as PAN-OS keys do), so keys generated inside the provider by
// keygen, whose value the test never sees, are caught too.
const ANY_SIM_KEY = /LUFRPT[A-Za-z0-9+/]{16,}/;

/** What of `secrets` (and any simulator API key) `text` holds, by name and form; empty when nothing. */
export function leaks(text: string, secrets: Record<string, string>): string[] {
  const found: string[] = [];
  const key = ANY_SIM_KEY.exec(text);
  if (key) found.push(`an API key (${key[0].slice(0, 10)}…)`);
  for (const [what, secret] of Object.entries(secrets)) {
    for (const f of forms(secret)) if (text.includes(f)) found.push(`${what} (as ${JSON.stringify(f)})`);
  }
  return found;
}
