import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { driftReportFromPlan } from '../../src/cycle/drift-report';
import { renderDriftJUnit, renderDriftText } from '../../src/cycle/drift-render';
import { parsePlanJson } from '../../src/cycle/plan-json';
import { parseXml, childrenNamed, child } from '../../src/panos/xml';

// Recorded with terraform 1.11.4 (`terraform show -json <planfile>`, builtin terraform_data resources):
// plan-drift: tunnel's anti_replay_window 512 on the device vs 1024 declared (psk sensitive), gateway removed from
// state (declared, not deployed), old removed from config. plan-gone: plan-drift's tunnel as a provider reports an
// object deleted on the device (refresh returns null: resource_drift delete + resource_changes create).
const plan = (name: string) => parsePlanJson(readFileSync(join(__dirname, 'fixtures', `plan-${name}.json`), 'utf8'));
const SECRET = 's3cret-psk';

describe('drift report from plan JSON', () => {
  test('GIVEN a no-change plan THEN no drift and every resource in sync', () => {
    const r = driftReportFromPlan(plan('nochange'), 'vpn');
    expect(r.drifted).toBe(false);
    expect(r.counts).toEqual({ total: 3, drifted: 0, inSync: 3 });
    expect(renderDriftText(r)).toContain('No drift in stack vpn: all 3 resource(s)');
  });

  test('GIVEN a changed attribute THEN the report names the attribute path with device and declared values, and nothing else of the object', () => {
    const r = driftReportFromPlan(plan('drift'), 'vpn');
    const tunnel = r.resources.find((x) => x.address === 'terraform_data.tunnel');
    expect(tunnel).toMatchObject({ status: 'changed', drifted: true, changedOutsideTerraform: false });
    expect(tunnel?.diffs).toEqual([{ path: 'input.anti_replay_window', device: '"512"', declared: '"1024"' }]);
  });

  test('GIVEN declared-but-absent and undeclared-but-present objects THEN they are missing and extra', () => {
    const r = driftReportFromPlan(plan('drift'), 'vpn');
    const by = Object.fromEntries(r.resources.map((x) => [x.address, x.status]));
    expect(by).toEqual({ 'terraform_data.gateway': 'missing', 'terraform_data.old': 'extra', 'terraform_data.tunnel': 'changed' });
    expect(r.counts).toEqual({ total: 3, drifted: 3, inSync: 0 });
  });

  test('GIVEN an object deleted on the device THEN it is gone and flagged as changed outside Terraform', () => {
    const r = driftReportFromPlan(plan('gone'), 'vpn');
    expect(r.resources).toEqual([expect.objectContaining({ address: 'terraform_data.tunnel', status: 'gone', changedOutsideTerraform: true })]);
    expect(renderDriftText(r)).toContain('deleted on the device outside Terraform');
  });

  test('GIVEN a sensitive value that differs THEN it shows as (sensitive) and the secret appears nowhere', () => {
    const doc = JSON.parse(JSON.stringify(plan('drift')));
    const tunnel = doc.resource_changes.find((x: { address: string }) => x.address === 'terraform_data.tunnel');
    tunnel.change.before.input.psk = 'old-device-psk';
    tunnel.change.before.output.psk = 'old-device-psk';
    tunnel.change.before_sensitive.output.psk = true;
    const r = driftReportFromPlan(doc, 'vpn');
    const diffs = r.resources.find((x) => x.address === 'terraform_data.tunnel')?.diffs ?? [];
    expect(diffs).toContainEqual({ path: 'input.psk', device: '(sensitive)', declared: '(sensitive)' });
    const all = JSON.stringify(r) + renderDriftText(r) + renderDriftJUnit(r);
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain('old-device-psk');
  });

  test('GIVEN drift THEN the JUnit XML has one testcase per resource and a failure per drifted one', () => {
    const xml = renderDriftJUnit(driftReportFromPlan(plan('drift'), 'vpn'), new Date('2025-01-02T03:04:05Z'));
    const root = parseXml(xml);
    expect(root.attrs).toMatchObject({ tests: '3', failures: '3' });
    const suite = child(root, 'testsuite');
    expect(suite?.attrs).toMatchObject({ name: 'drift.vpn', timestamp: '2025-01-02T03:04:05' });
    const cases = childrenNamed(suite, 'testcase');
    expect(cases.map((c) => c.attrs.name)).toEqual(['terraform_data.gateway', 'terraform_data.old', 'terraform_data.tunnel']);
    const failure = child(cases[2], 'failure');
    expect(failure?.attrs.type).toBe('drift.changed');
    expect(failure?.text).toContain('input.anti_replay_window: device "512", declared "1024"');
  });

  test('GIVEN no drift THEN every JUnit testcase passes', () => {
    const root = parseXml(renderDriftJUnit(driftReportFromPlan(plan('nochange'), 'vpn')));
    expect(root.attrs.failures).toBe('0');
    expect(childrenNamed(child(root, 'testsuite'), 'testcase').every((c) => child(c, 'failure') === undefined)).toBe(true);
  });

  test('GIVEN the commit resource plans a new commit THEN it is bookkeeping and not reported as drift', () => {
    const doc = JSON.parse(JSON.stringify(plan('nochange')));
    doc.resource_changes.push({
      address: 'panosipsec_commit.fw_commit', mode: 'managed', type: 'panosipsec_commit', name: 'fw_commit',
      change: { actions: ['update'], before: { triggers: { a: '1' } }, after: { triggers: { a: '2' } }, after_unknown: {} },
    });
    const r = driftReportFromPlan(doc, 'vpn');
    expect(r.drifted).toBe(false);
    expect(r.resources.map((x) => x.address)).not.toContain('panosipsec_commit.fw_commit');
  });

  test('fails when the input is not a plan document', () => {
    expect(() => parsePlanJson('Error: no plan')).toThrow(/did not print JSON/);
    expect(() => parsePlanJson('{"format_version":"2.0"}')).toThrow(/format_version 2.0 is not supported/);
  });
});
