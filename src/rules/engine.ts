/**
 * Runs rules over facts and applies acknowledgements. Warnings and infos can be acknowledged by rule id with a
 * written reason (optionally for one path prefix); errors cannot.
 */
import type { Acknowledgement, StackFacts } from './facts';
import { makeFinding } from './finding';
import { ALL_RULES, ruleInfoById } from './registry';
import type { Finding, Rule, RuleInfo } from './types';

/** Raised by {@link validateAcknowledgement}. */
export class InvalidAcknowledgementError extends Error {
  readonly code = 'PANOS_INVALID_ACKNOWLEDGEMENT';
  constructor(
    readonly acknowledgement: Acknowledgement,
    readonly problem: string,
  ) {
    super(`acknowledgement of ${acknowledgement.ruleId || '(no rule id)'}${acknowledgement.path ? ` for ${acknowledgement.path}` : ''} ${problem}`);
    this.name = 'InvalidAcknowledgementError';
  }
}

/** The pseudo-rule under which invalid acknowledgements are reported (an error; it cannot be acknowledged). */
export const ACKNOWLEDGEMENT_RULE: Pick<Rule, 'id' | 'level' | 'title' | 'explanation' | 'fix'> & { readonly source: '-' } = {
  id: 'PANOS-ACK-001',
  level: 'error',
  title: 'An acknowledgement names an unknown rule, an error rule, or gives no reason',
  source: '-',
  explanation:
    'Only warnings and infos may be acknowledged, each by its rule id with a written reason, so that every accepted ' +
    'risk is explained in the synthesized output. Errors describe configurations PAN-OS rejects or that cannot work.',
  fix: 'acknowledge an existing warning or info rule id with a non-empty reason, or fix the error instead',
};

/**
 * Throws {@link InvalidAcknowledgementError} unless `ack` names a known warning or info rule (a stack rule or a pair
 * rule) and gives a reason.
 * @param rules where to look the id up first (then every registered rule)
 */
export function validateAcknowledgement(ack: Acknowledgement, rules: readonly RuleInfo[] = ALL_RULES): RuleInfo {
  const rule = rules.find((r) => r.id === ack.ruleId) ?? ruleInfoById(ack.ruleId);
  if (!rule) throw new InvalidAcknowledgementError(ack, `names no known rule; rule ids look like PANOS-WC-001`);
  if (rule.level === 'error') {
    throw new InvalidAcknowledgementError(ack, `is refused: ${rule.id} is an error and errors cannot be acknowledged; fix the configuration`);
  }
  if (typeof ack.reason !== 'string' || ack.reason.trim() === '') {
    throw new InvalidAcknowledgementError(ack, 'has no reason: write why the finding is accepted');
  }
  return rule;
}

/** True when `path` is `prefix` or lies below it (`/`, `.` or `[` follows the prefix). */
export function pathMatches(path: string, prefix: string | undefined): boolean {
  if (prefix === undefined || prefix === '') return true;
  if (path === prefix) return true;
  if (!path.startsWith(prefix)) return false;
  return /[/.[]$/.test(prefix) || /^[/.[]/.test(path.slice(prefix.length));
}

/** Options of {@link runRules}. */
export interface RunRulesOptions {
  /** The rules to run. @default ALL_RULES */
  readonly rules?: readonly Rule[];
  /** Run only these rule ids. @default - all of `rules` */
  readonly only?: readonly string[];
}

/** Outcome of {@link runRules}. */
export interface RuleResults {
  readonly errors: Finding[];
  readonly warnings: Finding[];
  readonly infos: Finding[];
  /** Warnings and infos matched by a valid acknowledgement, with its reason. */
  readonly acknowledged: { readonly finding: Finding; readonly reason: string }[];
}

/** Evaluates the rules over `facts` and sorts the findings by level, applying the facts' acknowledgements. */
export function runRules(facts: StackFacts, options: RunRulesOptions = {}): RuleResults {
  const pool = options.rules ?? ALL_RULES;
  if (options.only) {
    const unknown = options.only.filter((id) => !pool.some((r) => r.id === id));
    if (unknown.length > 0) throw new Error(`runRules: unknown rule id(s) in only: ${unknown.join(', ')}`);
  }
  const rules = options.only ? pool.filter((r) => options.only!.includes(r.id)) : pool;
  const results: RuleResults = { errors: [], warnings: [], infos: [], acknowledged: [] };

  const valid: Acknowledgement[] = [];
  for (const ack of facts.acknowledgements ?? []) {
    try {
      validateAcknowledgement(ack, pool);
      valid.push(ack);
    } catch (e) {
      if (!(e instanceof InvalidAcknowledgementError)) throw e;
      results.errors.push(
        makeFinding(ACKNOWLEDGEMENT_RULE, {
          path: ack.path ?? 'acknowledgements',
          objectKind: 'acknowledgement',
          field: 'ruleId',
          value: ack.ruleId,
          problem: e.message,
        }),
      );
    }
  }

  for (const rule of rules) {
    for (const finding of rule.evaluate(facts)) {
      const ack = finding.level === 'error' ? undefined : valid.find((a) => a.ruleId === finding.ruleId && pathMatches(finding.path, a.path));
      if (ack) results.acknowledged.push({ finding, reason: ack.reason.trim() });
      else if (finding.level === 'error') results.errors.push(finding);
      else if (finding.level === 'warning') results.warnings.push(finding);
      else results.infos.push(finding);
    }
  }
  return results;
}
