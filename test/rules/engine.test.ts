import {
  ALL_RULES,
  ALL_SOURCES,
  formatFinding,
  InvalidAcknowledgementError,
  ruleById,
  runRules,
  validateAcknowledgement,
} from '../../src/rules';
import { PATHS, transportStack, tunnelModeStack } from './fixtures';

describe('registry', () => {
  it('GIVEN the registry THEN ids are unique, well formed and found by ruleById', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of ALL_RULES) {
      expect(r.id).toMatch(/^PANOS-[A-Z]+-\d{3}$/);
      expect(ruleById(r.id)).toBe(r);
      expect(r.title && r.explanation && r.fix).toBeTruthy();
    }
    expect(ruleById('PANOS-XX-999')).toBeUndefined();
  });

  it('GIVEN transport-mode.md THEN every item T1-T19, X1-X6 and W1-W2 is covered by at least one rule', () => {
    const covered = new Set(ALL_RULES.map((r) => r.source));
    expect(ALL_SOURCES.filter((s) => !covered.has(s))).toEqual([]);
    expect(ALL_SOURCES).toHaveLength(27);
  });

  it('GIVEN the ids the brief fixes THEN they carry the agreed source', () => {
    const expected: Record<string, string> = {
      'PANOS-TM-001': 'T1', 'PANOS-TM-002': 'T2', 'PANOS-TM-005': 'T5', 'PANOS-TM-007': 'T7', 'PANOS-TM-011': 'T11',
      'PANOS-TM-012': 'T12', 'PANOS-TM-018': 'T18', 'PANOS-AR-001': 'T19', 'PANOS-AR-002': 'T19',
      'PANOS-REF-001': 'X1', 'PANOS-REF-006': 'X6', 'PANOS-WC-001': 'W1', 'PANOS-WC-002': 'W2',
    };
    for (const [id, source] of Object.entries(expected)) expect(ruleById(id)?.source).toBe(source);
  });
});

describe('headline failures', () => {
  it('fails when a transport tunnel uses an IKEv1 gateway: PANOS-TM-005 names the id and the gateway path', () => {
    const { errors } = runRules(transportStack({ gateway: { version: 'ikev1' } }));
    expect(errors.map((e) => e.ruleId)).toEqual(['PANOS-TM-005']);
    expect(errors[0].message).toMatch(new RegExp(`^\\[${PATHS.gateway}\\] PANOS-TM-005: .*version 'ikev1'.*; allowed: ikev2; fix: `));
  });

  it('fails when a transport tunnel uses an aes-128-cbc profile: PANOS-TM-007 names the id and the profile path', () => {
    const { errors } = runRules(transportStack({ ipsecProfile: { espEncryption: ['aes-128-cbc'] } }));
    expect(errors.map((e) => e.ruleId)).toEqual(['PANOS-TM-007']);
    expect(errors[0].message).toContain(`[${PATHS.ipsecProfile}] PANOS-TM-007:`);
    expect(errors[0].message).toContain('espEncryption aes-128-cbc');
  });

  it('fails when a transport tunnel is declared with minPanosVersion 10.2: PANOS-TM-001 names the id, path and versions', () => {
    const { errors } = runRules(transportStack({ stack: { minPanosVersion: '10.2' } }));
    expect(errors.map((e) => e.ruleId)).toEqual(['PANOS-TM-001']);
    expect(errors[0].message).toContain(`[${PATHS.tunnel}] PANOS-TM-001:`);
    expect(errors[0].message).toContain('11.0.0');
    expect(errors[0].message).toContain('10.2');
  });
});

describe('runRules', () => {
  it('GIVEN several problems WHEN run THEN findings are sorted into errors, warnings and infos', () => {
    const r = runRules(transportStack({ gateway: { natTraversal: true }, tunnel: { copyTos: true }, tunnelInterface: { ipv4Addresses: ['169.254.0.1/30'] } }));
    expect(r.errors.map((f) => f.ruleId)).toEqual(['PANOS-TM-008']);
    expect(r.warnings.map((f) => f.ruleId)).toEqual(['PANOS-TM-013']);
    expect(r.infos.map((f) => f.ruleId)).toEqual(['PANOS-TM-018']);
  });

  it('GIVEN only WHEN run THEN just those rules are evaluated', () => {
    const r = runRules(transportStack({ gateway: { natTraversal: true, version: 'ikev1' } }), { only: ['PANOS-TM-005'] });
    expect(r.errors.map((f) => f.ruleId)).toEqual(['PANOS-TM-005']);
  });

  it('fails when only names an unknown rule id', () => {
    expect(() => runRules({}, { only: ['PANOS-NOPE-001'] })).toThrow(/PANOS-NOPE-001/);
  });

  it('GIVEN a custom rule list WHEN run THEN only those rules run', () => {
    const r = runRules(transportStack({ gateway: { natTraversal: true } }), { rules: [ruleById('PANOS-TM-005')!] });
    expect(r.errors).toEqual([]);
  });
});

describe('acknowledgements', () => {
  const weak = { ipsecProfile: { espEncryption: ['aes-256-cbc', '3des'] } };

  it('GIVEN a warning acknowledged with a reason WHEN run THEN it moves to acknowledged with the reason', () => {
    const r = runRules(tunnelModeStack({ ...weak, stack: { acknowledgements: [{ ruleId: 'PANOS-WC-001', reason: ' legacy peer only speaks 3des ' }] } }));
    expect(r.warnings).toEqual([]);
    expect(r.acknowledged).toHaveLength(1);
    expect(r.acknowledged[0].reason).toBe('legacy peer only speaks 3des');
    expect(r.acknowledged[0].finding.ruleId).toBe('PANOS-WC-001');
  });

  it('GIVEN an acknowledgement scoped to another path WHEN run THEN the warning stays', () => {
    const r = runRules(tunnelModeStack({ ...weak, stack: { acknowledgements: [{ ruleId: 'PANOS-WC-001', reason: 'x', path: 'stack/other' }] } }));
    expect(r.warnings.map((f) => f.ruleId)).toEqual(['PANOS-WC-001']);
    const scoped = runRules(tunnelModeStack({ ...weak, stack: { acknowledgements: [{ ruleId: 'PANOS-WC-001', reason: 'x', path: 'stack/vpn' }] } }));
    expect(scoped.warnings).toEqual([]);
  });

  it('fails when an error rule is acknowledged: the error stays and PANOS-ACK-001 says why', () => {
    const r = runRules(transportStack({ gateway: { version: 'ikev1' }, stack: { acknowledgements: [{ ruleId: 'PANOS-TM-005', reason: 'please' }] } }));
    expect(r.errors.map((f) => f.ruleId).sort()).toEqual(['PANOS-ACK-001', 'PANOS-TM-005']);
    expect(r.errors.find((f) => f.ruleId === 'PANOS-ACK-001')!.message).toMatch(/errors cannot be acknowledged/);
    expect(r.acknowledged).toEqual([]);
  });

  it('fails when an acknowledgement has an empty reason or an unknown id', () => {
    const r = runRules(tunnelModeStack({ ...weak, stack: { acknowledgements: [{ ruleId: 'PANOS-WC-001', reason: '  ' }, { ruleId: 'PANOS-WC-999', reason: 'r' }] } }));
    expect(r.errors.map((f) => f.ruleId)).toEqual(['PANOS-ACK-001', 'PANOS-ACK-001']);
    expect(r.warnings.map((f) => f.ruleId)).toEqual(['PANOS-WC-001']);
  });

  it('validateAcknowledgement throws a clear error for an error rule and accepts a reasoned warning', () => {
    expect(() => validateAcknowledgement({ ruleId: 'PANOS-TM-001', reason: 'r' })).toThrow(InvalidAcknowledgementError);
    expect(() => validateAcknowledgement({ ruleId: 'PANOS-TM-001', reason: 'r' })).toThrow(/PANOS-TM-001 is an error/);
    expect(validateAcknowledgement({ ruleId: 'PANOS-TM-013', reason: 'GRE comes later' }).id).toBe('PANOS-TM-013');
  });
});

describe('formatFinding', () => {
  it('GIVEN a finding THEN the printed line carries level, path, id and source', () => {
    const [f] = runRules(transportStack({ gateway: { natTraversal: true } })).errors;
    expect(formatFinding(f)).toBe(`ERROR ${f.message} (source T8)`);
    expect(formatFinding(f)).toContain(`[${PATHS.gateway}] PANOS-TM-008:`);
  });
});
