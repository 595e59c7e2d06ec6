/**
 * Users and API keys. keygen hands out a fresh random base64 key per user and invalidates that user's previous key
 * (docs/panos/xml-api.md#keygen). Requests authenticate by X-PAN-KEY, `key=` or HTTP Basic.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The user table with their current keys. */
export class AuthTable {
  private readonly keyToUser = new Map<string, string>();
  private readonly userToKey = new Map<string, string>();

  constructor(private readonly users: ReadonlyMap<string, string>) {}

  /** Issues a new key for valid credentials (the user's old key stops working); undefined otherwise. */
  keygen(user: string | null, password: string | null): string | undefined {
    if (user === null || password === null) return undefined;
    const expected = this.users.get(user);
    if (expected === undefined || !sameSecret(expected, password)) return undefined;
    const old = this.userToKey.get(user);
    if (old) this.keyToUser.delete(old);
    // Real keys are base64 too and carry + / =, which is what makes clients URL-encode them.
    const key = `LUFRPT${randomBytes(46).toString('base64')}`;
    this.keyToUser.set(key, user);
    this.userToKey.set(user, key);
    return key;
  }

  /** The admin a request acts as, or undefined when its credentials are missing or wrong. */
  authenticate(headers: IncomingHttpHeaders, params: URLSearchParams): string | undefined {
    const header = headers['x-pan-key'];
    const key = (Array.isArray(header) ? header[0] : header) ?? params.get('key') ?? undefined;
    if (key !== undefined) return this.keyToUser.get(key);
    const basic = /^Basic\s+(.+)$/i.exec(headers.authorization ?? '');
    if (!basic) return undefined;
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const user = decoded.slice(0, colon);
    const expected = this.users.get(user);
    return expected !== undefined && sameSecret(expected, decoded.slice(colon + 1)) ? user : undefined;
  }
}
