/**
 * At least 200 generated invalid construct configurations, each rejected at synth (or in the constructor, for misuse
 * the props alone show) with an actionable message and never a crash.
 */
import { invalidCases, synthOutcome } from './construct-cases';

const RULE_AT_PATH = /\[fw1\/[^\]]*\] PANOS-[A-Z]+-\d{3}:/;
// Constructor-time prop checks come from the object model's FieldSpec tables, not from a rule: they name the
// construct path, the prop, the bad value and the allowed values, but carry no rule id (see the report).
const PROP_CHECK = /^\[fw1\/[^\]]+\] invalid [\w -]+ props: prop \w+: .*Fix: /s;

describe('GIVEN generated invalid construct configurations', () => {
  const cases = invalidCases();

  test('WHEN counted THEN there are at least 200 distinct cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  test('WHEN each is synthesized with validations THEN each fails clearly, with its rule id where a rule judges it, and none crashes', () => {
    const byRuleId: string[] = [];
    const byPropCheck: string[] = [];
    const problems: string[] = [];
    for (const c of cases) {
      const o = synthOutcome(c.patch);
      if (o.crashed !== undefined) problems.push(`${c.name}: crashed with ${String(o.crashed)}`);
      else if (o.message === '') problems.push(`${c.name}: synth passed, expected ${c.rule}`);
      else if (RULE_AT_PATH.test(o.message) && o.message.includes(`${c.rule}:`)) byRuleId.push(c.name);
      else if (PROP_CHECK.test(o.message)) byPropCheck.push(c.name);
      else problems.push(`${c.name}: expected ${c.rule}, got: ${o.message.slice(0, 400)}`);
    }
    console.log(
      `hostile constructs: ${cases.length} invalid configurations tried; ${byRuleId.length} rejected at synth with the expected rule id, ` +
        `${byPropCheck.length} rejected in the constructor by the prop check (no rule id): ${byPropCheck.join('; ')}`,
    );
    expect(problems).toEqual([]);
    expect(byRuleId.length).toBeGreaterThanOrEqual(180);
  });

  test('GIVEN a PSK in the environment WHEN invalid stacks are synthesized THEN no rejection message contains the key', () => {
    process.env.bgp_psk = 'never-print-this-psk-7781';
    try {
      for (const c of cases.slice(0, 40)) expect(synthOutcome(c.patch).message).not.toContain('never-print-this-psk-7781');
    } finally {
      delete process.env.bgp_psk;
    }
  });
});
