/**
 * Building and printing findings, so every rule words its message the same way:
 * `[<path>] <ruleId>: <what is wrong>; allowed: <values>; fix: <fix>`.
 */
import { isUnknown, type Known } from './facts';
import type { Finding, FindingSource, Rule } from './types';

/** What a rule says about one field; the rule's metadata supplies id, level, source and the default fix. */
export interface FindingInput {
  readonly path: string;
  readonly objectKind: string;
  readonly objectName?: Known<string>;
  readonly field: string;
  readonly value?: unknown;
  readonly allowed?: readonly string[];
  /** What is wrong, naming the prop and the bad value. */
  readonly problem: string;
  /** @default - the rule's fix */
  readonly fix?: string;
}

/** Renders a fact value for a message: lists comma-separated, unset as `(not set)`. */
export function show(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (isUnknown(value)) return '(unknown)';
  if (Array.isArray(value)) return value.length === 0 ? '(empty)' : value.map((v) => String(v)).join(', ');
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

/** Quotes a name for a message. */
export function q(value: unknown): string {
  return `'${show(value)}'`;
}

/** Builds a finding of `rule` with the project's message format. */
export function makeFinding(
  rule: Pick<Rule, 'id' | 'level' | 'fix'> & { readonly source: FindingSource },
  input: FindingInput,
): Finding {
  const fix = input.fix ?? rule.fix;
  const allowed = input.allowed && input.allowed.length > 0 ? `; allowed: ${input.allowed.join(', ')}` : '';
  const objectName = typeof input.objectName === 'string' ? input.objectName : undefined;
  return {
    ruleId: rule.id,
    level: rule.level,
    path: input.path,
    objectKind: input.objectKind,
    ...(objectName !== undefined ? { objectName } : {}),
    field: input.field,
    ...(input.value !== undefined ? { value: show(input.value) } : {}),
    ...(input.allowed ? { allowed: [...input.allowed] } : {}),
    message: `[${input.path}] ${rule.id}: ${input.problem}${allowed}; fix: ${fix}`,
    fix,
    source: rule.source,
  };
}

/** One line for terminals and logs: `ERROR [path] PANOS-TM-005: … (source T5)`. */
export function formatFinding(f: Finding): string {
  return `${f.level.toUpperCase()} ${f.message} (source ${f.source})`;
}
