import { startSimulator, Simulator } from '../../src/sim';
import { pathOf } from '../../src/sim/xml-tree';
import { DEV, VSYS, api, config, lines } from './helpers';

const GW = `${DEV}/network/ike/gateway`;
const gw1 = `${GW}/entry[@name='gw1']`;
const GW_XML =
  '<entry name="gw1"><authentication><pre-shared-key><key>secret</key></pre-shared-key></authentication>' +
  '<protocol><version>ikev2</version></protocol><local-address><interface>ethernet1/1</interface></local-address>' +
  '<peer-address><ip>203.0.113.9</ip></peer-address></entry>';

describe('simulator config actions', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = await startSimulator({ commitDurationMs: 10 });
  });
  afterEach(() => sim.close());

  test('GIVEN a missing node WHEN get THEN success code 7 with an empty result; WHEN show THEN "No such node" without code', async () => {
    const g = await config(sim, 'get', gw1);
    expect(g.body).toBe('<response status="success" code="7"><result/></response>');
    const s = await config(sim, 'show', gw1);
    expect(s.body).toBe('<response status="error"><msg><line>No such node</line></msg></response>');
  });

  test('GIVEN a set on the container WHEN get THEN code 19 wraps the entry with admin/dirtyId/time, and show still says No such node', async () => {
    const set = await config(sim, 'set', GW, GW_XML);
    expect(set.body).toBe('<response status="success" code="20"><msg>command succeeded</msg></response>');
    const g = await config(sim, 'get', gw1);
    const result = pathOf(g.doc, 'result');
    expect(g.doc.attrs.code).toBe('19');
    expect(result?.attrs).toEqual({ 'total-count': '1', count: '1' });
    const entry = result?.children[0];
    expect(entry?.attrs.name).toBe('gw1');
    expect(entry?.attrs.admin).toBe('admin');
    expect(entry?.attrs.dirtyId).toMatch(/^\d+$/);
    expect(entry?.attrs.time).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d$/);
    expect((await config(sim, 'show', gw1)).body).toContain('No such node');
  });

  test('GIVEN a committed entry THEN show returns it without count or bookkeeping attributes and get loses the marks', async () => {
    await config(sim, 'set', GW, GW_XML);
    await sim.config.commit();
    const s = await config(sim, 'show', gw1);
    expect(s.doc.attrs).toEqual({ status: 'success' });
    expect(s.body).toContain('<result><entry name="gw1"><authentication>');
    expect(s.body).not.toMatch(/dirtyId|total-count/);
    expect((await config(sim, 'get', gw1)).body).not.toContain('dirtyId');
  });

  test('GIVEN a set at the entry xpath with the children as element THEN it creates the same entry (11.0 attribution form)', async () => {
    const children = GW_XML.replace('<entry name="gw1">', '').replace('</entry>', '');
    expect((await config(sim, 'set', gw1, children)).doc.attrs.code).toBe('20');
    expect(sim.config.candidate(gw1).replace(/<key>[^<]*<\/key>/, '<key>secret</key>')).toBe(GW_XML);
  });

  test('GIVEN a pre-shared key THEN get and show return it encrypted (-AQ== + SHA-1), and writing the encrypted form back keeps it', async () => {
    const { createHash } = await import('node:crypto');
    await config(sim, 'set', GW, GW_XML);
    const g = await config(sim, 'get', `${gw1}/authentication/pre-shared-key/key`);
    const stored = pathOf(g.doc, 'result', 'key')?.text ?? '';
    expect(g.body).not.toContain('>secret<');
    expect(stored.startsWith(`-AQ==${createHash('sha1').update('secret').digest('base64')}`)).toBe(true);
    await sim.config.commit();
    expect((await config(sim, 'show', gw1)).body).not.toContain('>secret<');
    await config(sim, 'edit', `${gw1}/authentication`, `<authentication><pre-shared-key><key>${stored}</key></pre-shared-key></authentication>`);
    expect(sim.config.pendingChanges()).toBe(false);
  });

  test('GIVEN a container xpath WHEN get THEN the container comes back with every entry in one answer', async () => {
    await config(sim, 'set', GW, GW_XML);
    await config(sim, 'set', GW, GW_XML.replace('gw1', 'gw2'));
    const g = await config(sim, 'get', GW);
    const gateway = pathOf(g.doc, 'result', 'gateway');
    expect(gateway?.children.map((e) => e.attrs.name)).toEqual(['gw1', 'gw2']);
  });

  test('GIVEN member lists WHEN set again THEN members are appended without duplicates and entries merge by name', async () => {
    const layer3 = `${VSYS}/zone/entry[@name='trust']/network/layer3`;
    await config(sim, 'set', layer3, '<member>ethernet1/3</member><member>tunnel.7</member>');
    expect(sim.config.candidate(`${layer3}/member`)).toBe(
      '<member>ethernet1/2</member><member>ethernet1/3</member><member>ethernet1/4</member><member>loopback.1</member><member>tunnel.7</member>',
    );
    await config(sim, 'set', GW, GW_XML);
    await config(sim, 'set', gw1, '<peer-address><fqdn>peer.example.net</fqdn></peer-address>');
    // Choosing the fqdn branch of a PAN-OS choice replaces the ip branch; other children stay.
    expect(sim.config.candidate(`${gw1}/peer-address`)).toBe('<peer-address><fqdn>peer.example.net</fqdn></peer-address>');
    expect(sim.config.candidate(`${gw1}/protocol`)).toBe('<protocol><version>ikev2</version></protocol>');
  });

  test('GIVEN an edit THEN the node is replaced, children missing from the element are removed', async () => {
    await config(sim, 'set', GW, GW_XML);
    const edit = await config(sim, 'edit', gw1, '<entry name="gw1"><protocol><version>ikev1</version></protocol></entry>');
    expect(edit.doc.attrs.code).toBe('20');
    expect(sim.config.candidate(gw1)).toBe('<entry name="gw1"><protocol><version>ikev1</version></protocol></entry>');
  });

  test('fails when an edit element does not match the last xpath step: code 12 Edit breaks config validity', async () => {
    await config(sim, 'set', GW, GW_XML);
    const a = await config(sim, 'edit', gw1, '<entry name="other"><disabled>yes</disabled></entry>');
    expect(a.doc.attrs).toEqual({ status: 'error', code: '12' });
    expect(lines(a)).toEqual(['Edit breaks config validity']);
    const b = await config(sim, 'edit', gw1, '<disabled>yes</disabled>');
    expect(b.doc.attrs.code).toBe('12');
  });

  test('GIVEN delete THEN code 20, and a second delete of the gone node answers success code 7 "Object doesn\'t exist"', async () => {
    await config(sim, 'set', GW, GW_XML);
    expect((await config(sim, 'delete', gw1)).body).toBe('<response status="success" code="20"><msg>command succeeded</msg></response>');
    expect((await config(sim, 'delete', gw1)).body).toBe(`<response status="success" code="7"><msg>Object doesn't exist</msg></response>`);
  });

  test('GIVEN a member[text()] xpath WHEN delete THEN only that member goes, in every vsys when the vsys step has no name', async () => {
    const member = `${DEV}/vsys/entry/import/network/interface/member[text()='ethernet1/4']`;
    expect((await config(sim, 'delete', member)).doc.attrs.code).toBe('20');
    expect(sim.config.candidate(`${VSYS}/import/network/interface`)).not.toContain('ethernet1/4');
    expect(sim.config.candidate(`${VSYS}/import/network/interface`)).toContain('ethernet1/3');
  });

  test('fails when deleting an object a tunnel still references: code 10 with the referrer path', async () => {
    await config(sim, 'set', GW, GW_XML);
    await config(sim, 'set', `${DEV}/network/tunnel/ipsec`, '<entry name="tun1"><auto-key><ike-gateway><entry name="gw1"/></ike-gateway><ipsec-crypto-profile>default</ipsec-crypto-profile></auto-key><tunnel-interface>tunnel.1</tunnel-interface></entry>');
    const a = await config(sim, 'delete', gw1);
    expect(a.doc.attrs).toEqual({ status: 'error', code: '10' });
    expect(lines(a)).toEqual(['gw1 cannot be deleted because of references from:', 'network -> tunnel -> ipsec -> tun1 -> auto-key -> ike-gateway -> gw1']);
    const prof = await config(sim, 'delete', `${DEV}/network/ike/crypto-profiles/ipsec-crypto-profiles/entry[@name='default']`);
    expect(prof.doc.attrs.code).toBe('10');
    expect(lines(prof)[1]).toBe('network -> tunnel -> ipsec -> tun1 -> auto-key -> ipsec-crypto-profile');
    expect(sim.config.candidate(gw1)).not.toBe('');
    // Deleting the tunnel together with the gateway (one subtree) is fine.
    expect((await config(sim, 'delete', `${DEV}/network/tunnel/ipsec/entry[@name='tun1']`)).doc.attrs.code).toBe('20');
    expect((await config(sim, 'delete', gw1)).doc.attrs.code).toBe('20');
  });

  test('fails when the xpath is outside the supported grammar: code 6 Bad XPath; an `or` predicate: code 13', async () => {
    const a = await config(sim, 'get', `${DEV}/network/ike/gateway/entry[position()=1]`);
    expect(a.doc.attrs).toEqual({ status: 'error', code: '6' });
    const b = await config(sim, 'delete', `${GW}/entry[@name='a' or @name='b']`);
    expect(b.doc.attrs.code).toBe('13');
  });

  test('GIVEN names with slashes, brackets and the other quote THEN xpath predicates address them', async () => {
    await config(sim, 'set', GW, GW_XML.replace('gw1', `it's/a [gw]`));
    const g = await api(sim, { type: 'config', action: 'get', xpath: `${GW}/entry[@name="it's/a [gw]"]` });
    expect(g.doc.attrs.code).toBe('19');
  });

  test('fails when the element is malformed or carries a DOCTYPE: code 18 Malformed Request', async () => {
    const a = await config(sim, 'set', GW, '<entry name="x"><protocol></entry>');
    expect(a.body).toBe(`<response status='error' code='18'><msg><line>Malformed Request</line></msg></response>`);
    const bomb = '<!DOCTYPE x [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><entry name="x"><comment>&b;</comment></entry>';
    expect((await config(sim, 'set', GW, bomb)).doc.attrs.code).toBe('18');
  });

  test('fails when the element is nested absurdly deep: code 18, and the simulator keeps answering', async () => {
    const deep = `<entry name="x">${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</entry>`;
    expect((await config(sim, 'set', `${VSYS}/rulebase/security/rules`, deep)).doc.attrs.code).toBe('18');
    expect((await config(sim, 'get', GW)).status).toBe(200);
  });

  test('GIVEN strict-transactional multi-config THEN the caller\'s earlier uncommitted changes are rolled back first', async () => {
    await config(sim, 'set', GW, GW_XML.replace('gw1', 'earlier'));
    const element = `<multi-config><set id="1" xpath="${GW}">${GW_XML}</set></multi-config>`;
    const a = await api(sim, { type: 'config', action: 'multi-config', 'strict-transactional': 'yes', element });
    expect(a.doc.attrs.code).toBe('20');
    expect((await config(sim, 'get', `${GW}/entry[@name='earlier']`)).doc.attrs.code).toBe('7');
    expect((await config(sim, 'get', gw1)).doc.attrs.code).toBe('19');
  });

  test('GIVEN multi-config THEN every action applies and each gets a nested response with its id', async () => {
    const element =
      `<multi-config><set id="1" xpath="${GW}">${GW_XML}</set>` +
      `<edit id="2" xpath="${gw1}/protocol"><protocol><version>ikev2-preferred</version></protocol></edit>` +
      `<delete xpath="${GW}/entry[@name='nope']"/></multi-config>`;
    const a = await api(sim, { type: 'config', action: 'multi-config', element });
    expect(a.body).toBe(
      '<response status="success" code="20">' +
        '<response status="success" code="20" id="1"><msg>command succeeded</msg></response>' +
        '<response status="success" code="20" id="2"><msg>command succeeded</msg></response>' +
        `<response status="success" code="7"><msg>Object doesn't exist</msg></response></response>`,
    );
    expect(sim.config.candidate(`${gw1}/protocol/version`)).toBe('<version>ikev2-preferred</version>');
  });

  test('fails when one multi-config action is invalid: outer code 13, replies stop there, nothing is written', async () => {
    const element =
      `<multi-config><set id="1" xpath="${GW}">${GW_XML}</set>` +
      `<set id="2" xpath="${gw1}"><bogus>1</bogus></set><set id="3" xpath="${GW}">${GW_XML.replace('gw1', 'gw3')}</set></multi-config>`;
    const a = await api(sim, { type: 'config', action: 'multi-config', element });
    expect(a.doc.attrs).toEqual({ status: 'error', code: '13' });
    expect(a.doc.children.map((r) => [r.attrs.id, r.attrs.status, r.attrs.code])).toEqual([
      ['1', 'success', '20'],
      ['2', 'error', '12'],
    ]);
    expect(lines(a)).toEqual(['gw1 -> bogus unexpected here', 'gw1 is invalid']);
    expect((await config(sim, 'get', gw1)).doc.attrs.code).toBe('7');
    expect(sim.config.pendingChanges()).toBe(false);
  });

  test('GIVEN template and template-stack xpaths THEN writes land in their own trees', async () => {
    const tpl = `${DEV}/template/entry[@name='T1']/config/devices/entry[@name='localhost.localdomain']`;
    expect((await config(sim, 'set', `${tpl}/network/ike/gateway`, GW_XML)).doc.attrs.code).toBe('20');
    const stack = `${DEV}/template-stack/entry[@name='S1']/config/devices/entry[@name='localhost.localdomain']`;
    expect((await config(sim, 'set', `${stack}/network/ike/gateway`, GW_XML)).doc.attrs.code).toBe('20');
    expect((await config(sim, 'get', gw1)).doc.attrs.code).toBe('7');
    expect((await config(sim, 'set', `${tpl}/network/ike/gateway/entry[@name='gw1']`, '<bogus/>')).doc.attrs.code).toBe('12');
  });

  test('GIVEN a subtree outside the schema tables THEN it is accepted unvalidated', async () => {
    const a = await config(sim, 'set', `${VSYS}/rulebase/security/rules`, '<entry name="allow-vpn"><anything-goes>1</anything-goes></entry>');
    expect(a.doc.attrs.code).toBe('20');
  });
});
