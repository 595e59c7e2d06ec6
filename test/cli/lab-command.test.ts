/** `panos-ipsec lab`: one JSON line describing every device, addresses the two-firewall examples use, errors that say what to fix. */
import { runLab } from '../../src/cycle/lab-run';
import { op } from '../sim/helpers';
import { pathOf } from '../../src/sim/xml-tree';

interface StartLine {
  devices: { name: string; url: string; apiKey: string; username: string; password: string; panosVersion: string; interfaces: Record<string, string>; natAddress?: string }[];
}

const base = { port: '0', host: '127.0.0.1', quiet: true };

describe('panos-ipsec lab', () => {
  test('GIVEN --devices fw-a=11.1.0,fw-b=11.0.2 WHEN it starts THEN stdout is one JSON line with each device, its own key and port, and the transport-bgp example addresses', async () => {
    let out = '';
    let err = '';
    const lab = await runLab({ ...base, devices: 'fw-a=11.1.0,fw-b=11.0.2' }, (s) => void (out += s), (s) => void (err += s));
    try {
      expect(out.split('\n').filter((l) => l !== '')).toHaveLength(1);
      const doc = JSON.parse(out) as StartLine;
      expect(doc.devices.map((d) => Object.keys(d).sort())).toEqual([
        ['apiKey', 'interfaces', 'name', 'panosVersion', 'password', 'url', 'username'],
        ['apiKey', 'interfaces', 'name', 'panosVersion', 'password', 'url', 'username'],
      ]);
      const [a, b] = doc.devices;
      expect([a.name, a.panosVersion, b.name, b.panosVersion]).toEqual(['fw-a', '11.1.0', 'fw-b', '11.0.2']);
      expect(a.url).not.toBe(b.url);
      expect(a.apiKey).not.toBe(b.apiKey);
      expect(a.interfaces['ethernet1/1']).toBe('198.51.100.1/30');
      expect(b.interfaces['ethernet1/1']).toBe('198.51.100.2/30');
      expect(a.interfaces['ethernet1/2']).toBe('192.0.2.1/24');
      expect(b.interfaces['ethernet1/2']).toBe('192.0.2.2/24');
      expect(new Set(doc.devices.flatMap((d) => Object.values(d.interfaces))).size).toBe(10);
      expect(err).toContain('fw-b PAN-OS 11.0.2');
      // Each device is a simulator of its own: its hostname and its running config hold its address.
      const info = await op(lab.device('fw-b').sim, '<show><system><info></info></system></show>');
      expect(pathOf(info.doc, 'result', 'system', 'hostname')?.text).toBe('fw-b');
      expect(lab.device('fw-b').sim.config.running("/config/devices/entry/network/interface/ethernet/entry[@name='ethernet1/1']")).toContain('198.51.100.2/30');
    } finally {
      await lab.close();
    }
  });

  test('GIVEN --nat fw-b WHEN it starts THEN fw-b holds a private address and the line gives the address the others reach it at', async () => {
    let out = '';
    const lab = await runLab({ ...base, devices: 'fw-a,fw-b', nat: 'fw-b' }, (s) => void (out += s), () => undefined);
    try {
      const b = (JSON.parse(out) as StartLine).devices[1];
      expect(b.interfaces['ethernet1/1']).toBe('172.16.1.2/24');
      expect(b.natAddress).toBe('198.51.100.2');
      expect(b.panosVersion).toBe('11.1.0');
    } finally {
      await lab.close();
    }
  });

  test.each([
    ['fw-a=11.1.0,fw-a=11.1.0', {}, /device name 'fw-a' is given twice/],
    ['fw-a=11.1.0=x', {}, /--devices entry 'fw-a=11\.1\.0=x' is not name=version/],
    ['fw-a=9.1.0', {}, /panosVersion '9\.1\.0' is not simulated/],
    ['fw-a=11.1.0', { nat: 'fw-z' }, /--nat names fw-z, which is not in --devices \(fw-a\)/],
    ['bad name!', {}, /device name 'bad name!' is not usable/],
  ])('fails when --devices is %s: the error names the entry', async (devices, extra, message) => {
    await expect(runLab({ ...base, devices, ...extra }, () => undefined, () => undefined)).rejects.toThrow(message);
  });
});
