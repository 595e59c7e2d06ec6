/**
 * `acknowledged_rules`: the acknowledgements a declaration carries to the plan, on every object resource (covering the
 * findings on that object and on the objects it uses) and in the provider configuration (covering the whole
 * configuration of that provider), the same scopes as `acknowledge()` on a construct and on a `PanosFirewall` at synth.
 * Declaration only: never sent to the device, kept in state as declared (docs/declaration-only.md).
 */
import { cty, errorDiagnostic, type AttributeSchema, type Diagnostic, type Value } from '../tfplugin';
import { ACKNOWLEDGED_RULES, InvalidAcknowledgementError, validateAcknowledgement, type Acknowledgement } from '../rules';

export { ACKNOWLEDGED_RULES };

/** The attribute's schema; `scope` says what an acknowledgement there covers. */
export function acknowledgedRulesAttribute(scope: 'object' | 'provider'): AttributeSchema {
  const covers = scope === 'object'
    ? 'Covers the findings on this object and on the objects it uses (a shared object\'s finding only when every user ' +
      'declared in this run acknowledges it).'
    : 'Covers the findings of every object this provider configuration manages.';
  return {
    type: cty.map(cty.string),
    optional: true,
    description:
      'Warnings and infos of the validation rules accepted on purpose: rule id (e.g. PANOS-TM-016) to the written reason. ' +
      `${covers} Acknowledged findings are not reported at plan. Error rules cannot be acknowledged. Declaration only: ` +
      'never sent to the device, and a change to it alone writes and commits nothing.',
  };
}

/** The acknowledgements of an `acknowledged_rules` value, each with `path` when given. */
export function acknowledgementsOf(value: Value | undefined, path?: string): Acknowledgement[] {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) return [];
  const out: Acknowledgement[] = [];
  for (const [ruleId, reason] of Object.entries(value as Record<string, Value>)) {
    if (typeof reason !== 'string') continue;
    out.push({ ruleId, reason, ...(path !== undefined ? { path } : {}) });
  }
  return out;
}

/**
 * Splits acknowledgements into the valid ones and an error (`PANOS-ACK-001`) for each invalid one: unknown rule id,
 * error rule, no reason. The diagnostic points at the map element, `acknowledged_rules["<id>"]`.
 * @param where the object or provider configuration, for the message
 */
export function checkAcknowledgements(acks: readonly Acknowledgement[], where: string): { valid: Acknowledgement[]; diagnostics: Diagnostic[] } {
  const valid: Acknowledgement[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const ack of acks) {
    try {
      validateAcknowledgement(ack);
      valid.push({ ...ack, reason: ack.reason.trim() });
    } catch (e) {
      if (!(e instanceof InvalidAcknowledgementError)) throw e;
      const { problem, fix } = problemOf(e);
      diagnostics.push(errorDiagnostic('Rule PANOS-ACK-001',
        `[${where}] PANOS-ACK-001: ${ACKNOWLEDGED_RULES}[${JSON.stringify(ack.ruleId)}] ${problem}; fix: ${fix}`,
        [ACKNOWLEDGED_RULES, { key: ack.ruleId }]));
    }
  }
  return { valid, diagnostics };
}

/** What is wrong with an invalid acknowledgement and the fix, in the attribute's words. */
function problemOf(e: InvalidAcknowledgementError): { problem: string; fix: string } {
  const id = e.acknowledgement.ruleId;
  if (e.kind === 'unknown-rule') {
    return { problem: `names no rule of this provider`, fix: 'use the id of a warning or info rule (RULES.md; ids look like PANOS-WC-001), or remove the entry' };
  }
  if (e.kind === 'error-rule') {
    return { problem: `is refused: ${id} is an error rule, and errors cannot be acknowledged`, fix: `remove the entry and change the configuration ${id} reports` };
  }
  return { problem: 'has no reason', fix: 'write why the finding is accepted as the value' };
}
