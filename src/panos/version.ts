/**
 * PAN-OS software versions: parsing, comparison and formatting.
 *
 * Devices report versions such as `10.2.9`, `11.1.2-h3` (hotfix) or `10.2.4-c12` (a custom build). Feature gates
 * compare only major.minor.patch; the suffix is kept for messages.
 */

/** A parsed PAN-OS version. */
export interface PanosVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** Hotfix number from `-hN`, if any. */
  readonly hotfix?: number;
  /** The suffix after the dash exactly as written (`h3`, `c12`, `b1`), if any. */
  readonly suffix?: string;
  /** The text the version was parsed from, trimmed. */
  readonly raw: string;
}

/** Thrown when a string is not a PAN-OS version. */
export class InvalidVersionError extends Error {
  readonly code = 'PANOS_INVALID_VERSION';
  constructor(readonly input: string) {
    super(
      `"${input}" is not a PAN-OS version: expected major.minor[.patch] with an optional -hN or -cN suffix, ` +
        'for example 10.2.9, 11.0 or 11.1.2-h3',
    );
    this.name = 'InvalidVersionError';
  }
}

const VERSION_RE = /^(\d{1,3})\.(\d{1,3})(?:\.(\d{1,4}))?(?:-([A-Za-z][A-Za-z0-9.]*))?$/;

/** Parses `11.1.2-h3`, `10.2.9`, `10.2.4-c12` or `11.0`; throws {@link InvalidVersionError} otherwise. */
export function parseVersion(input: string): PanosVersion {
  const raw = String(input ?? '').trim();
  const m = VERSION_RE.exec(raw);
  if (!m) throw new InvalidVersionError(raw);
  const suffix = m[4];
  const hotfix = suffix && /^h\d+$/.test(suffix) ? Number(suffix.slice(1)) : undefined;
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: m[3] === undefined ? 0 : Number(m[3]),
    ...(hotfix !== undefined ? { hotfix } : {}),
    ...(suffix !== undefined ? { suffix } : {}),
    raw,
  };
}

/** Returns the version, parsing it first when given as a string. */
export function toVersion(v: PanosVersion | string): PanosVersion {
  return typeof v === 'string' ? parseVersion(v) : v;
}

/**
 * Compares two versions on major.minor.patch, then hotfix number (a version without hotfix sorts first).
 * Returns a negative number, 0 or a positive number.
 */
export function compareVersions(a: PanosVersion | string, b: PanosVersion | string): number {
  const x = toVersion(a);
  const y = toVersion(b);
  return (
    x.major - y.major || x.minor - y.minor || x.patch - y.patch || (x.hotfix ?? 0) - (y.hotfix ?? 0)
  );
}

/** True when `v` is at least `min` (compared on major.minor.patch and hotfix). */
export function isAtLeast(v: PanosVersion | string, min: PanosVersion | string): boolean {
  return compareVersions(v, min) >= 0;
}

/** `11.1.2-h3` style text of a version. */
export function formatVersion(v: PanosVersion): string {
  return `${v.major}.${v.minor}.${v.patch}${v.suffix ? `-${v.suffix}` : ''}`;
}
