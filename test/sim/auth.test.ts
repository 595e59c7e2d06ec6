import { startSimulator, Simulator } from '../../src/sim';
import { api, keygen, op } from './helpers';

const INVALID = `<response status = 'error' code = '403'><result><msg>Invalid Credential</msg></result></response>`;

describe('simulator authentication', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ users: { 'api-admin': 'S3cret&x', admin2: 'pw2', ops: 'S3cret&x' } });
  });
  afterAll(() => sim.close());

  test('GIVEN valid credentials WHEN keygen THEN a base64 key comes back in the spaced envelope and works', async () => {
    const a = await api(sim, { type: 'keygen', user: 'ops', password: 'S3cret&x' }, { key: null });
    expect(a.status).toBe(200);
    expect(a.body).toMatch(/^<response status = 'success'><result><key>[A-Za-z0-9+/=]+<\/key><\/result><\/response>$/);
    const key = a.doc.children[0].children[0].text;
    const info = await op(sim, '<show><system><info></info></system></show>', key);
    expect(info.status).toBe(200);
  });

  test('fails when keygen gets a wrong password: HTTP 403 with the exact 97-byte body', async () => {
    const a = await api(sim, { type: 'keygen', user: 'api-admin', password: 'wrong' }, { key: null });
    expect(a.status).toBe(403);
    expect(a.body).toBe(INVALID);
    expect(Buffer.byteLength(a.body)).toBe(97);
    expect(a.headers['content-type']).toBe('application/xml; charset=UTF-8');
  });

  test('fails when the key is unknown or missing: HTTP 403 Invalid Credential', async () => {
    const bad = await op(sim, '<show><system><info></info></system></show>', 'LUFRPTnope==');
    expect(bad.status).toBe(403);
    expect(bad.body).toBe(INVALID);
    const missing = await api(sim, { type: 'op', cmd: '<show><system><info/></system></show>' }, { key: null });
    expect(missing.status).toBe(403);
  });

  test('GIVEN a second keygen for the same user THEN the old key stops working and the new one works', async () => {
    const first = await keygen(sim, 'admin2', 'pw2');
    const second = await keygen(sim, 'admin2', 'pw2');
    expect(second).not.toBe(first);
    expect((await api(sim, { type: 'version' }, { key: first })).status).toBe(403);
    expect((await api(sim, { type: 'version' }, { key: second })).status).toBe(200);
  });

  test('GIVEN the key as a query parameter or HTTP Basic credentials THEN the request is accepted', async () => {
    const viaParam = await api(sim, { type: 'version', key: sim.apiKey }, { key: null, method: 'GET' });
    expect(viaParam.status).toBe(200);
    const basic = Buffer.from('api-admin:S3cret&x').toString('base64');
    const viaBasic = await api(sim, { type: 'version' }, { key: null, headers: { authorization: `Basic ${basic}` } });
    expect(viaBasic.status).toBe(200);
  });

  test('fails when type is missing or illegal: HTTP 400 in the spaced form', async () => {
    const missing = await api(sim, {});
    expect(missing.status).toBe(400);
    expect(missing.body).toMatch(/^<response status = 'error' code = '400'><result><msg>Parameter &quot;type&quot; is required/);
    const illegal = await api(sim, { type: 'bogus' });
    expect(illegal.status).toBe(400);
    expect(illegal.body).toContain('Illegal value for parameter &quot;type&quot; [bogus].');
  });
});
