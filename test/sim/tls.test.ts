import { Agent } from 'undici';
import { startSimulator } from '../../src/sim';
import { textOf } from '../../src/sim/xml-tree';
import { api } from './helpers';

test('GIVEN tls WHEN a client trusts the returned CA THEN HTTPS works; fails when the client does not trust it', async () => {
  const sim = await startSimulator({ tls: true, panosVersion: '11.0.3' });
  const trusting = new Agent({ connect: { ca: sim.caCertPem } });
  const plain = new Agent();
  try {
    expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.caCertPem).toContain('BEGIN CERTIFICATE');
    const a = await api(sim, { type: 'version' }, { dispatcher: trusting });
    expect(textOf(a.doc, 'result', 'sw-version')).toBe('11.0.3');
    await expect(api(sim, { type: 'version' }, { dispatcher: plain })).rejects.toThrow();
  } finally {
    await trusting.close();
    await plain.close();
    await sim.close();
  }
});
