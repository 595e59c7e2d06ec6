import { ALL_RULES, runRules } from '../../src/rules';
import { transportStack, tunnelModeStack } from './fixtures';

describe('fixtures', () => {
  it('GIVEN the correct transport-mode stack WHEN all rules run THEN there is no finding of any level', () => {
    const r = runRules(transportStack());
    expect([...r.errors, ...r.warnings, ...r.infos].map((f) => f.message)).toEqual([]);
  });

  it('GIVEN the correct tunnel-mode stack on 10.2 WHEN all rules run THEN there is no finding of any level', () => {
    const r = runRules(tunnelModeStack());
    expect([...r.errors, ...r.warnings, ...r.infos].map((f) => f.message)).toEqual([]);
  });

  it('GIVEN every rule WHEN evaluated on empty facts THEN nothing is reported', () => {
    for (const rule of ALL_RULES) expect(rule.evaluate({})).toEqual([]);
  });
});
