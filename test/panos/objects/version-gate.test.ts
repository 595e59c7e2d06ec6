import { ipsecTunnel, VersionGateError } from '../../../src/panos/objects';
import { parseVersion } from '../../../src/panos/version';
import { serializeXml } from '../../../src/panos/xml';
import { TUNNEL } from './fixtures';

describe('version gates', () => {
  it.each(['tunnel', 'transport'] as const)('fails when ipsecMode %s is encoded for PAN-OS 10.2, naming the field, 11.0 and the target', (mode) => {
    let err: unknown;
    try {
      ipsecTunnel.encode({ ...TUNNEL, ipsecMode: mode }, '10.2.9');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(VersionGateError);
    const gate = err as VersionGateError;
    expect(gate.code).toBe('PANOS_VERSION_GATE');
    expect(gate.issues).toHaveLength(1);
    expect(gate.issues[0]).toMatchObject({ kind: 'ipsec-tunnel', name: 'vpn-branch', field: 'ipsecMode', tfName: 'ipsec_mode', value: mode, minVersion: '11.0.0', targetVersion: '10.2.9' });
    expect(gate.message).toContain('ipsec_mode');
    expect(gate.message).toContain('11.0');
    expect(gate.message).toContain('10.2.9');
    expect(gate.message).toContain('"vpn-branch"');
    expect(gate.message).toMatch(/Fix: remove ipsec_mode .* or upgrade/);
  });

  it('GIVEN a tunnel-mode tunnel without ipsecMode WHEN encoded for 10.2 THEN no ipsec-mode element is written', () => {
    const xml = serializeXml(ipsecTunnel.encode(TUNNEL, parseVersion('10.2.0')));
    expect(xml).not.toContain('ipsec-mode');
    expect(ipsecTunnel.versionIssues(TUNNEL, '10.2.0')).toEqual([]);
  });

  it('GIVEN ipsecMode WHEN checked against 10.2, 11.0.0 and 11.1 THEN only 10.2 reports an issue', () => {
    const m = { ...TUNNEL, ipsecMode: 'transport' as const };
    expect(ipsecTunnel.versionIssues(m, '10.2.12-h1')).toHaveLength(1);
    expect(ipsecTunnel.versionIssues(m, '11.0.0')).toEqual([]);
    expect(ipsecTunnel.versionIssues(m, '11.1.4')).toEqual([]);
  });

  it('GIVEN a base read from an 11.x device with ipsec-mode WHEN the model drops ipsecMode for a 10.2 target THEN the element is removed', () => {
    const base = ipsecTunnel.encode({ ...TUNNEL, ipsecMode: 'tunnel' }, '11.1.0');
    const { model, raw } = ipsecTunnel.decode(base);
    const { ipsecMode: _m, ...without } = model;
    expect(serializeXml(ipsecTunnel.encode(without, '10.2.9', raw))).not.toContain('ipsec-mode');
  });
});
