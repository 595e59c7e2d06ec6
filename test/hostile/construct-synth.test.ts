/**
 * At least 200 generated invalid construct configurations, each rejected at synth (or in the constructor, for misuse
 * the props alone show) with the rule id, the construct path and an actionable message, and never a crash.
 */
import { invalidCases, synthOutcome } from './construct-cases';

const RULE_AT_PATH = /\[fw1\/[^\]]*\] PANOS-[A-Z]+-\d{3}:/;

describe('GIVEN generated invalid construct configurations', () => {
  const cases = invalidCases();

  test('WHEN counted THEN there are at least 200 distinct cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  test('WHEN each is synthesized with validations THEN each fails clearly with its rule id, and none crashes', () => {
    const byRuleId: string[] = [];
    const problems: string[] = [];
    for (const c of cases) {
      const o = synthOutcome(c.patch);
      if (o.crashed !== undefined) problems.push(`${c.name}: crashed with ${String(o.crashed)}`);
      else if (o.message === '') problems.push(`${c.name}: synth passed, expected ${c.rule}`);
      else if (RULE_AT_PATH.test(o.message) && o.message.includes(`${c.rule}:`)) byRuleId.push(c.name);
      else problems.push(`${c.name}: expected ${c.rule}, got: ${o.message.slice(0, 400)}`);
    }
    console.log(`hostile constructs: ${cases.length} invalid configurations tried; ${byRuleId.length} rejected with the expected rule id`);
    expect(problems).toEqual([]);
    expect(byRuleId.length).toBe(cases.length);
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
