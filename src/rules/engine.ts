/**
 * Runs rules over facts and applies acknowledgements. Warnings and infos can be acknowledged by rule id with a
 * written reason (optionally for one path prefix); errors cannot.
 *
 * What an acknowledgement with a path covers: the findings on that path (and below it), and the findings on the
 * objects the object at that path uses, as they affect it: a tunnel's acknowledgement covers a finding on its crypto
 * profile, gateway or the gateway's IKE profile when every declared object using that one is covered too (a profile
 * shared with a tunnel that does not acknowledge the rule keeps warning). Without a path it covers the whole stack.
 */
import type { Acknowledgement, StackFacts } from './facts';
import { makeFinding } from './finding';
import { contentOf } from './resolve';
import { referencesOf, resolveReference } from './references';
import { ALL_RULES, ruleInfoById } from './registry';
import type { Finding, Rule, RuleInfo } from './types';

/**
 * The Terraform attribute (map of rule id to reason) that carries acknowledgements from a declaration to the plan: on
 * every object resource and in the provider configuration. The constructs write it; the provider reads it.
 */
export const ACKNOWLEDGED_RULES = 'acknowledged_rules';

/** Raised by {@link validateAcknowledgement}. */
export class InvalidAcknowledgementError extends Error {
  readonly code = 'PANOS_INVALID_ACKNOWLEDGEMENT';
  constructor(
    readonly acknowledgement: Acknowledgement,
    readonly problem: string,
    /** What is wrong, for front ends that word it their own way. */
    readonly kind: 'unknown-rule' | 'error-rule' | 'no-reason',
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
  if (!rule) throw new InvalidAcknowledgementError(ack, `names no known rule; rule ids look like PANOS-WC-001`, 'unknown-rule');
  if (rule.level === 'error') {
    throw new InvalidAcknowledgementError(ack, `is refused: ${rule.id} is an error and errors cannot be acknowledged; fix the configuration`, 'error-rule');
  }
  if (typeof ack.reason !== 'string' || ack.reason.trim() === '') {
    throw new InvalidAcknowledgementError(ack, 'has no reason: write why the finding is accepted', 'no-reason');
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
  /** Warnings and infos matched by a valid acknowledgement, with its reason and the acknowledgements covering it. */
  readonly acknowledged: AcknowledgedFinding[];
}

/** A finding covered by acknowledgements. */
export interface AcknowledgedFinding {
  readonly finding: Finding;
  /** The reason of the first covering acknowledgement. */
  readonly reason: string;
  /** Every acknowledgement that covers the finding (several when users of a shared object each acknowledge it). */
  readonly by: readonly Acknowledgement[];
}

/** Object path → paths of the declared objects that use it by name (a profile → its gateways or tunnels). */
export function usersByPath(facts: StackFacts): Map<string, Set<string>> {
  const users = new Map<string, Set<string>>();
  for (const ref of referencesOf(facts)) {
    if (ref.kind === 'interface') continue;
    const target = contentOf(resolveReference(facts, ref));
    if (!target || target.path === ref.from.path) continue;
    let set = users.get(target.path);
    if (!set) users.set(target.path, (set = new Set()));
    set.add(ref.from.path);
  }
  return users;
}

/**
 * The acknowledgements covering a finding of `ruleId` at `path`: those whose path matches it, else (when the object is
 * used by others) the union over its users, provided every user is covered. Undefined when not covered.
 */
function coveringAcknowledgements(
  path: string,
  ruleId: string,
  valid: readonly Acknowledgement[],
  users: () => Map<string, Set<string>>,
  seen: ReadonlySet<string> = new Set(),
): Acknowledgement[] | undefined {
  const direct = valid.filter((a) => a.ruleId === ruleId && pathMatches(path, a.path));
  if (direct.length > 0) return direct;
  if (!valid.some((a) => a.ruleId === ruleId)) return undefined;
  const list = [...(users().get(path) ?? [])].filter((u) => !seen.has(u));
  if (list.length === 0) return undefined;
  const out = new Set<Acknowledgement>();
  for (const u of list) {
    const c = coveringAcknowledgements(u, ruleId, valid, users, new Set([...seen, path]));
    if (!c) return undefined;
    for (const a of c) out.add(a);
  }
  return [...out];
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

  let graph: Map<string, Set<string>> | undefined;
  const users = (): Map<string, Set<string>> => (graph ??= usersByPath(facts));
  for (const rule of rules) {
    for (const finding of rule.evaluate(facts)) {
      const by = finding.level === 'error' ? undefined : coveringAcknowledgements(finding.path, finding.ruleId, valid, users);
      if (by) results.acknowledged.push({ finding, reason: by[0].reason.trim(), by });
      else if (finding.level === 'error') results.errors.push(finding);
      else if (finding.level === 'warning') results.warnings.push(finding);
      else results.infos.push(finding);
    }
  }
  return results;
}
