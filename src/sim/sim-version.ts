/**
 * PAN-OS version handling for the simulator, kept separate from the client's version module on purpose
 * (independent witness).
 */

/** A parsed PAN-OS software version. */
export interface SimVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** The string as given, e.g. `11.1.4-h7`; reported as `sw-version`. */
  readonly text: string;
}

/** Parses `major.minor.patch[-hN|-cN]`; throws an actionable error for anything the simulator cannot play. */
export function parseSimVersion(text: string): SimVersion {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:-[hc]\d+)?$/.exec(text.trim());
  if (!m) throw new Error(`panosVersion '${text}' is not a PAN-OS version; use major.minor.patch, e.g. 11.1.0 or 10.2.9`);
  const v = { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), text: text.trim() };
  const supported = (v.major === 10 && v.minor === 2) || v.major === 11;
  if (!supported) {
    throw new Error(`panosVersion '${text}' is not simulated; supported are 10.2.x and 11.x (e.g. 10.2.9, 11.0.3, 11.1.0)`);
  }
  return v;
}

/** True when `v` is at least `major.minor`. */
export function atLeast(v: SimVersion, since: string): boolean {
  const [maj, min] = since.split('.').map(Number);
  return v.major > maj || (v.major === maj && v.minor >= min);
}
