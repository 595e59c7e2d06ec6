import { PanosApiError } from '../../../src/panos/client';
import { VersionGateError } from '../../../src/panos/objects/errors';
import type { Location, ObjectDescriptor, VersionIssue } from '../../../src/panos/objects/types';
import { isAtLeast, type PanosVersion } from '../../../src/panos/version';
import { child, el, type XmlElement } from '../../../src/panos/xml';
import { ENVELOPES, startFakeDevice, xml, type FakeDevice, type Recorded, type Scripted } from './fake-device';

/** A two-field stand-in descriptor: `mode` exists from 11.0.0 on. */
interface Tun {
  name: string;
  iface?: string;
  mode?: string;
}
const CONTAINER = "/config/devices/entry[@name='localhost.localdomain']/network/tunnel/ipsec";
const tunnels: ObjectDescriptor<Tun> = {
  kind: 'ipsec-tunnel',
  title: 'IPSec tunnel',
  fields: [],
  validateName: () => undefined,
  containerXpath: () => CONTAINER,
  entryXpath: (_loc, name) => `${CONTAINER}/entry[@name='${name}']`,
  decode: (entry) => ({
    model: { name: entry.attrs.name, iface: child(entry, 'tunnel-interface')?.text, mode: child(entry, 'ipsec-mode')?.text },
    raw: entry,
  }),
  encode: (m: Tun, _v: PanosVersion, base?: XmlElement) => {
    const kept = (base?.children ?? []).filter((c) => c.name !== 'tunnel-interface' && c.name !== 'ipsec-mode');
    const children = [...kept];
    if (m.iface) children.push(el('tunnel-interface', m.iface));
    if (m.mode) children.push(el('ipsec-mode', m.mode));
    return el('entry', children, { name: m.name });
  },
  versionIssues: (m: Tun, v: PanosVersion): VersionIssue[] =>
    m.mode !== undefined && !isAtLeast(v, '11.0.0')
      ? [
          {
            kind: 'ipsec-tunnel',
            name: m.name,
            field: 'mode',
            tfName: 'ipsec_mode',
            value: m.mode,
            minVersion: '11.0.0',
            targetVersion: v.raw,
            message: `IPSec tunnel ${m.name}: ipsec_mode needs PAN-OS 11.0.0, the device runs ${v.raw}`,
          },
        ]
      : [],
  references: () => [],
};
const LOC: Location = { type: 'vsys' };

let device: FakeDevice;
let version: string;
let answer: (req: Recorded) => Scripted;

beforeAll(async () => {
  device = await startFakeDevice((req) => (req.params.type === 'op' ? xml(ENVELOPES.systemInfo(version)) : answer(req)));
});
afterAll(() => device.close());
beforeEach(() => device.requests.splice(0));

const configRequests = (): Recorded[] => device.requests.filter((r) => r.params.type === 'config');

describe('GIVEN typed object helpers', () => {
  test('WHEN listing THEN one request reads the container and bookkeeping attributes are dropped', async () => {
    answer = () =>
      xml(
        '<response status="success" code="19"><result total-count="1" count="1"><ipsec admin="a" dirtyId="3" time="t">' +
          '<entry name="t1" admin="a" dirtyId="3" time="t"><tunnel-interface>tunnel.1</tunnel-interface><copy-tos>yes</copy-tos></entry>' +
          '<entry name="t2"><ipsec-mode>transport</ipsec-mode></entry></ipsec></result></response>',
      );
    const list = await device.client().listObjects(tunnels, LOC);
    expect(list.map((d) => d.model)).toEqual([
      { name: 't1', iface: 'tunnel.1', mode: undefined },
      { name: 't2', iface: undefined, mode: 'transport' },
    ]);
    expect(list[0].raw.attrs).toEqual({ name: 't1' });
    expect(configRequests()).toHaveLength(1);
    expect(configRequests()[0].params).toMatchObject({ action: 'get', xpath: CONTAINER });
  });

  test('WHEN the container is missing THEN listing returns [] (running config via show)', async () => {
    answer = () => xml(ENVELOPES.showMissing);
    await expect(device.client().listObjects(tunnels, LOC, { running: true })).resolves.toEqual([]);
    expect(configRequests()[0].params.action).toBe('show');
  });

  test('WHEN getting a missing entry THEN undefined is returned', async () => {
    answer = () => xml(ENVELOPES.getMissing);
    await expect(device.client().getObject(tunnels, LOC, 'nope')).resolves.toBeUndefined();
  });

  test('WHEN putting on 11.1 THEN edit is sent on the entry xpath keeping unmodelled children of the base', async () => {
    version = '11.1.4-h7';
    answer = () => xml(ENVELOPES.commandSucceeded);
    const base = el('entry', [el('copy-tos', 'yes'), el('tunnel-interface', 'tunnel.9')], { name: 't1', admin: 'a', dirtyId: '1', time: 't' });
    await device.client().putObject(tunnels, LOC, { name: 't1', iface: 'tunnel.1', mode: 'transport' }, { base });
    const [req] = configRequests();
    expect(req.params).toMatchObject({ action: 'edit', xpath: `${CONTAINER}/entry[@name='t1']` });
    expect(req.params.element).toBe(
      '<entry name="t1"><copy-tos>yes</copy-tos><tunnel-interface>tunnel.1</tunnel-interface><ipsec-mode>transport</ipsec-mode></entry>',
    );
  });

  test('fails with VersionGateError before any write when the device version lacks a field', async () => {
    version = '10.2.9';
    answer = () => xml(ENVELOPES.commandSucceeded);
    let err: unknown;
    try {
      await device.client().putObject(tunnels, LOC, { name: 't1', mode: 'transport' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(VersionGateError);
    expect((err as VersionGateError).code).toBe('PANOS_VERSION_GATE');
    expect((err as Error).message).toContain('needs PAN-OS 11.0.0, the device runs 10.2.9');
    expect(configRequests()).toHaveLength(0);
  });

  test('WHEN deleting an absent entry THEN it succeeds; a referenced one fails with PANOS_REFERENCED', async () => {
    answer = () => xml(ENVELOPES.deleteMissing);
    const client = device.client();
    await expect(client.deleteObject(tunnels, LOC, 't1')).resolves.toBeUndefined();
    answer = () => xml('<response status="error" code="10"><msg><line> t1 cannot be deleted because of references from:</line></msg></response>');
    await expect(client.deleteObject(tunnels, LOC, 't1')).rejects.toMatchObject({ code: 'PANOS_REFERENCED' } as Partial<PanosApiError>);
  });
});
