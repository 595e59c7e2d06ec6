import { isPanosApiError, MultiConfigError } from '../../../src/panos/client';
import { el, serializeXml } from '../../../src/panos/xml';
import { ENVELOPES, startFakeDevice, xml, type FakeDevice, type Recorded } from './fake-device';
import { caught } from './caught';

const DEV = "/config/devices/entry[@name='localhost.localdomain']";
const GW = `${DEV}/network/ike/gateway/entry[@name='gw1']`;

let device: FakeDevice;
let reply: (req: Recorded) => string;

beforeAll(async () => {
  device = await startFakeDevice((req) => xml(reply(req)));
});
afterAll(() => device.close());
beforeEach(() => device.requests.splice(0));

describe('GIVEN a device answering config reads', () => {
  test('WHEN get finds the entry THEN it returns the child of <result> and sends a POST form with X-PAN-KEY', async () => {
    reply = () =>
      '<response status="success" code="19"><result total-count="1" count="1"><entry name="gw1" admin="api-admin" dirtyId="5" time="t">' +
      '<protocol><version>ikev2</version></protocol></entry></result></response>';
    const node = await device.client().get(GW);
    expect(node?.name).toBe('entry');
    expect(node?.attrs.name).toBe('gw1');
    const req = device.requests[0];
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/api/');
    expect(req.headers['x-pan-key']).toBe('TEST-KEY-abc123==');
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(req.params).toEqual({ type: 'config', action: 'get', xpath: GW });
  });

  test('WHEN get selects several nodes THEN it returns <result> holding all of them', async () => {
    reply = () => '<response status="success" code="19"><result total-count="2" count="2"><entry name="a"/><entry name="b"/></result></response>';
    const node = await device.client().get(`${DEV}/network/ike/gateway/entry`);
    expect(node?.name).toBe('result');
    expect(node?.children.map((c) => c.attrs.name)).toEqual(['a', 'b']);
  });

  test.each([
    ['code 7', ENVELOPES.getMissing],
    ['an empty counted result', '<response status="success" code="19"><result total-count="0" count="0"/></response>'],
  ])('WHEN get answers %s THEN it returns undefined', async (_n, body) => {
    reply = () => body;
    await expect(device.client().get(GW)).resolves.toBeUndefined();
  });

  test('WHEN show answers "No such node" THEN it returns undefined', async () => {
    reply = () => ENVELOPES.showMissing;
    await expect(device.client().show(GW)).resolves.toBeUndefined();
    expect(device.requests[0].params.action).toBe('show');
  });

  test('fails when get is answered with a bad xpath error, naming the action and xpath', async () => {
    reply = () => '<response status="error" code="6"><msg><line>Bad XPath</line></msg></response>';
    const err = await caught(device.client().get(`${DEV}/nope[`));
    expect(err.code).toBe('PANOS_BAD_XPATH');
    expect(err.panosCode).toBe(6);
    expect(err.message).toContain(`get ${DEV}/nope[: Bad XPath`);
    expect(err.message).toContain('Fix:');
  });
});

describe('GIVEN a device answering config writes', () => {
  test('WHEN set succeeds THEN xpath and serialized element are sent', async () => {
    reply = () => ENVELOPES.commandSucceeded;
    const entry = el('entry', [el('protocol', [el('version', 'ikev2')])], { name: 'gw1' });
    await device.client().set(`${DEV}/network/ike/gateway`, entry);
    expect(device.requests[0].params).toEqual({ type: 'config', action: 'set', xpath: `${DEV}/network/ike/gateway`, element: serializeXml(entry) });
  });

  test('fails when set is rejected by the schema, with the trimmed lines and the fix', async () => {
    reply = () =>
      '<response status="error" code="12"><msg><line><![CDATA[ tun1 -> ipsec-mode unexpected here]]></line><line><![CDATA[ tun1 is invalid]]></line></msg></response>';
    const err = await caught(device.client().set(`${DEV}/network/tunnel/ipsec/entry[@name='tun1']`, el('ipsec-mode', 'transport')));
    expect(err.code).toBe('PANOS_INVALID_OBJECT');
    expect(err.lines).toEqual(['tun1 -> ipsec-mode unexpected here', 'tun1 is invalid']);
    expect(err.message).toMatch(/^set \/config.*tun1 -> ipsec-mode unexpected here \| tun1 is invalid \[PAN-OS code 12\]\. Fix: /);
    expect(err.element).toBe('<ipsec-mode>transport</ipsec-mode>');
  });

  test('fails when edit is given an element that is not the node the xpath names, before sending', async () => {
    reply = () => ENVELOPES.commandSucceeded;
    const err = await caught(device.client().edit(GW, el('entry', [], { name: 'gw2' })));
    expect(err.code).toBe('PANOS_BAD_REQUEST');
    expect(device.requests).toHaveLength(0);
  });

  test('WHEN edit names an entry with a slash in its name THEN it is sent', async () => {
    reply = () => ENVELOPES.commandSucceeded;
    const xpath = `${DEV}/network/interface/ethernet/entry[@name='ethernet1/1']`;
    await device.client().edit(xpath, el('entry', [], { name: 'ethernet1/1' }));
    expect(device.requests[0].params.action).toBe('edit');
  });

  test('WHEN delete answers code 7 THEN it counts as already gone', async () => {
    reply = () => ENVELOPES.deleteMissing;
    await expect(device.client().delete(GW)).resolves.toBeUndefined();
  });

  test('fails when delete hits a referenced object, listing the referrers', async () => {
    reply = () =>
      '<response status="error" code="10"><msg><line> gw1 cannot be deleted because of references from:</line><line> network -> tunnel -> ipsec -> tun1 -> auto-key -> ike-gateway -> gw1</line></msg></response>';
    const err = await caught(device.client().delete(GW));
    expect(err.code).toBe('PANOS_REFERENCED');
    expect(err.message).toContain('network -> tunnel -> ipsec -> tun1');
    expect(err.hint).toMatch(/repoint/);
  });
});

describe('GIVEN multi-config', () => {
  const ops = [
    { action: 'set' as const, xpath: `${DEV}/network/ike/gateway`, element: el('entry', [], { name: 'gw1' }) },
    { action: 'set' as const, xpath: `${DEV}/network/tunnel/ipsec/entry[@name='tun1']`, element: el('ipsec-mode', 'transport') },
    { action: 'delete' as const, xpath: `${DEV}/network/tunnel/ipsec/entry[@name='old']` },
  ];

  test('WHEN the outer status is success THEN nested code 7 is fine and ids are echoed', async () => {
    reply = () =>
      '<response status="success" code="20"><response status="success" code="20" id="1"><msg>command succeeded</msg></response>' +
      '<response status="success" code="20" id="2"><msg>command succeeded</msg></response><response status="success" code="7" id="3"><msg>Object doesn\'t exist</msg></response></response>';
    const replies = await device.client().multiConfig(ops, { strictTransactional: true });
    expect(replies.map((r) => r.id)).toEqual(['1', '2', '3']);
    const sent = device.requests[0].params;
    expect(sent.action).toBe('multi-config');
    expect(sent['strict-transactional']).toBe('yes');
    expect(sent.element).toContain(`<set id="1" xpath="${DEV.replace(/'/g, '&apos;')}/network/ike/gateway"><entry name="gw1"/></set>`);
    expect(sent.element).toContain('<delete id="3"');
  });

  test('fails when one action fails, carrying its lines, id and xpath', async () => {
    reply = () =>
      '<response status="error" code="13"><response status="success" code="20" id="1"><msg>command succeeded</msg></response>' +
      '<response status="error" code="12" id="2"><msg><line><![CDATA[ tun1 -> ipsec-mode unexpected here]]></line></msg></response></response>';
    const err = await caught(device.client().multiConfig(ops));
    expect(err).toBeInstanceOf(MultiConfigError);
    const mc = err as MultiConfigError;
    expect(mc.failedId).toBe('2');
    expect(mc.failedIndex).toBe(1);
    expect(mc.code).toBe('PANOS_INVALID_OBJECT');
    expect(mc.lines).toEqual(['tun1 -> ipsec-mode unexpected here']);
    expect(mc.xpath).toBe(ops[1].xpath);
    expect(mc.message).toMatch(/rolled back/);
  });
});

describe('GIVEN op commands', () => {
  test('WHEN op runs with a vsys THEN cmd and vsys are sent and <result> is returned', async () => {
    reply = () => '<response status="success"><result>yes</result></response>';
    const result = await device.client().op(el('check', [el('pending-changes')]), { vsys: 'vsys2' });
    expect(result.text).toBe('yes');
    expect(device.requests[0].params).toEqual({ type: 'op', cmd: '<check><pending-changes/></check>', vsys: 'vsys2' });
  });

  test('WHEN pendingChanges is asked THEN yes/no map to a boolean', async () => {
    reply = () => '<response status="success"><result>no</result></response>';
    await expect(device.client().pendingChanges()).resolves.toBe(false);
  });

  test('WHEN systemInfo is asked twice THEN the device is asked once and fields are parsed', async () => {
    reply = () => ENVELOPES.systemInfo('11.1.4-h7');
    const client = device.client();
    const info = await client.systemInfo();
    await client.version();
    expect(device.requests).toHaveLength(1);
    expect(info).toMatchObject({ hostname: 'fw-vpn-01', model: 'PA-VM', serial: '007954000123456', swVersion: '11.1.4-h7', multiVsys: false, family: 'vm', isPanorama: false });
    expect(info.version).toMatchObject({ major: 11, minor: 1, patch: 4, hotfix: 7 });
  });

  test('fails when the device reports a version that is not a PAN-OS version', async () => {
    reply = () => ENVELOPES.systemInfo('banana');
    const err = await caught(device.client().systemInfo());
    expect(isPanosApiError(err, 'PANOS_BAD_RESPONSE')).toBe(true);
    expect(err.message).toContain('"banana"');
  });
});
