import { startSimulator } from '../../src/sim';
import { api, op } from './helpers';
import { pathOf, textOf } from '../../src/sim/xml-tree';

describe.each(['10.2.9', '11.0.3', '11.1.0'])('simulator playing PAN-OS %s', (version) => {
  test('GIVEN a version WHEN show system info and type=version THEN sw-version, model and serial report it', async () => {
    const sim = await startSimulator({ panosVersion: version, hostname: 'fw-x', serial: 'S123' });
    try {
      const info = await op(sim, '<show><system><info></info></system></show>');
      const system = pathOf(info.doc, 'result', 'system');
      expect(textOf(system, 'sw-version')).toBe(version);
      expect(textOf(system, 'hostname')).toBe('fw-x');
      expect(textOf(system, 'model')).toBe('PA-VM');
      expect(textOf(system, 'serial')).toBe('S123');
      expect(textOf(system, 'multi-vsys')).toBe('off');
      expect(textOf(system, 'family')).toBe('vm');
      const v = await api(sim, { type: 'version' });
      expect(textOf(v.doc, 'result', 'sw-version')).toBe(version);
      expect(sim.panosVersion).toBe(version);
    } finally {
      await sim.close();
    }
  });
});

test('fails when asked to play a version the simulator does not know', async () => {
  await expect(startSimulator({ panosVersion: '9.1.0' })).rejects.toThrow(/not simulated/);
});
