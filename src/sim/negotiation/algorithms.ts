/**
 * How the op commands print algorithms (docs/lab-negotiation.md §5). Seen forms: IKE `algo`
 * `PSK/DH14/AES192-CBC/SHA256`, `show vpn tunnel` `AES256-GCM16`, `show vpn ipsec-sa` `A128`/`A192`/`A256` and
 * `SHA1`/`SHA256`. The rest follow the same pattern and are inferred (marked below).
 */

const LONG_ENC: Record<string, string> = {
  '3des': '3DES',
  'aes-128-cbc': 'AES128-CBC',
  'aes-192-cbc': 'AES192-CBC',
  'aes-256-cbc': 'AES256-CBC',
  // GCM: `AES256-GCM16` is seen in `show vpn tunnel`; the 128-bit and CCM forms are inferred from it.
  'aes-128-gcm': 'AES128-GCM16',
  'aes-256-gcm': 'AES256-GCM16',
  'aes-128-ccm': 'AES128-CCM16',
  null: 'NULL',
};

// `show vpn ipsec-sa` short codes: A128/A192/A256 are seen for CBC; GCM, CCM, 3DES and NULL codes are inferred.
const SHORT_ENC: Record<string, string> = {
  '3des': '3DES',
  'aes-128-cbc': 'A128',
  'aes-192-cbc': 'A192',
  'aes-256-cbc': 'A256',
  'aes-128-gcm': 'A128-GCM',
  'aes-256-gcm': 'A256-GCM',
  'aes-128-ccm': 'A128-CCM',
  null: 'NULL',
};

/** Encryption as IKE `algo`, `show vpn gateway` and `show vpn tunnel` print it. */
export function encLong(value: string): string {
  return LONG_ENC[value] ?? value.toUpperCase();
}

/** Encryption as `show vpn ipsec-sa` prints it. */
export function encShort(value: string): string {
  return SHORT_ENC[value] ?? value.toUpperCase();
}

/** Hash / authentication: `sha256` → `SHA256`; `none` and `non-auth` print as `NONE` (inferred). */
export function hashCode(value: string): string {
  return value === 'none' || value === 'non-auth' ? 'NONE' : value.toUpperCase();
}

/** DH group: `group20` → `DH20`; `no-pfs` prints as `none` (inferred). */
export function dhCode(value: string): string {
  const m = /^group(\d+)$/.exec(value);
  return m ? `DH${m[1]}` : value === 'no-pfs' ? 'none' : value;
}
