import type { Known } from '../facts';

/** True when the list is set and holds `value` and nothing else (repeats allowed). */
export function isExactly(list: Known<readonly string[]>, value: string): boolean {
  return Array.isArray(list) && list.length > 0 && list.every((v) => v === value);
}
