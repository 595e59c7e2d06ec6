/**
 * Hostile object names and free text against the client and the simulator: quotes, angle brackets, ampersands,
 * slashes, brackets and non-ASCII never change which node an xpath addresses nor the structure of the XML sent.
 */
import { PanosClient } from '../../src/panos/client';
import { ikeGateway, InvalidNameError, tunnelInterface, type Location } from '../../src/panos/objects';
import { xpathLiteral } from '../../src/panos/objects/names';
import { el } from '../../src/panos/xml';
import { startSimulator, type Simulator } from '../../src/sim';

const BASE = "/config/devices/entry[@name='localhost.localdomain']/network/ike/crypto-profiles/ike-crypto-profiles";
const LOC: Location = { type: 'vsys', vsys: 'vsys1' };
const HOSTILE = [`a'b`, `a"b`, 'a<b>', 'a&b', 'a&amp;b', 'a/b', 'a]b', 'ünïcödé', '名前', `x'] | //entry[@name='default`, `x"]/../../entry[@name="y`, '<entry name="z"/>', "a'b/../c"];

let sim: Simulator;
let client: PanosClient;

beforeAll(async () => {
  sim = await startSimulator({ panosVersion: '11.1.0' });
  const u = new URL(sim.url);
  client = new PanosClient({ hostname: u.hostname, port: Number(u.port), protocol: 'http', apiKey: sim.apiKey });
});

afterAll(async () => {
  await client.close();
  await sim.close();
});

const profile = (name: string, hash = 'sha384') =>
  el('entry', [el('dh-group', [el('member', 'group20')]), el('hash', [el('member', hash)]), el('encryption', [el('member', 'aes-256-gcm')])], { name });

function entryNames(): string[] {
  const xml = sim.config.candidate(BASE);
  return [...xml.matchAll(/<entry name="([^"]*)"/g)].map((m) => m[1]);
}

describe('GIVEN hostile names at the raw client level against the simulator', () => {
  test.each(HOSTILE.map((n) => [n]))('WHEN %j is set, read, edited and deleted THEN only that one entry is ever touched', async (name) => {
    const before = sim.config.candidate(BASE);
    const others = entryNames();
    const xp = `${BASE}/entry[@name=${xpathLiteral(name)}]`;

    await client.set(BASE, profile(name));
    const got = await client.get(xp);
    expect(got?.name).toBe('entry');
    expect(got?.attrs.name).toBe(name);
    expect(entryNames()).toHaveLength(others.length + 1);

    await client.edit(xp, profile(name, 'sha512'));
    expect((await client.get(xp))?.children.find((c) => c.name === 'hash')?.children[0]?.text).toBe('sha512');
    // The predefined neighbours are byte-identical: nothing else was addressed.
    expect(sim.config.candidate(`${BASE}/entry[@name='default']`)).toBe(before.match(/<entry name="default">.*?<\/entry>/)?.[0]);

    await client.delete(xp);
    expect(sim.config.candidate(BASE)).toBe(before);
  });

  test('GIVEN hostile names in one multi-config WHEN applied THEN each lands as its own entry and nothing else changes', async () => {
    const before = entryNames();
    await client.multiConfig(HOSTILE.map((n) => ({ action: 'set' as const, xpath: BASE, element: profile(n) })));
    expect(entryNames().sort()).toEqual([...before, ...HOSTILE.map((n) => n.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'))].sort());
    await client.multiConfig(HOSTILE.map((n) => ({ action: 'delete' as const, xpath: `${BASE}/entry[@name=${xpathLiteral(n)}]` })));
    expect(entryNames()).toEqual(before);
  });

  test('fails when a name holds both quote kinds: it cannot be addressed, so it is refused before any request', () => {
    expect(() => xpathLiteral(`a'"b`)).toThrow(InvalidNameError);
  });
});

describe('GIVEN hostile names and free text at the object level', () => {
  test.each(HOSTILE.map((n) => [n]))('fails when an object is named %j: refused with the naming rule before any request', async (name) => {
    sim.counters.reset();
    await expect(client.putObject(tunnelInterface, LOC, { name })).rejects.toThrow(/Invalid tunnel-interface name/);
    await expect(
      client.putObject(ikeGateway, LOC, { name, version: 'ikev2', authentication: 'pre-shared-key', localInterface: 'ethernet1/1', peerIp: '203.0.113.9' } as never),
    ).rejects.toThrow(InvalidNameError);
    expect(sim.counters.snapshot().requests).toBe(0);
  });

  test('GIVEN a comment full of markup WHEN written and read back THEN it round-trips as text and adds no element', async () => {
    const comment = `</comment><evil/>]]><![CDATA[x]]> & &amp; "q" 'a' ünï 名前`;
    await client.putObject(tunnelInterface, LOC, { name: 'tunnel.77', comment });
    const xml = sim.config.candidate("/config/devices/entry[@name='localhost.localdomain']/network/interface/tunnel/units/entry[@name='tunnel.77']");
    expect(xml).not.toContain('<evil');
    expect(xml.match(/<comment>/g)).toHaveLength(1);
    const back = await client.getObject(tunnelInterface, LOC, 'tunnel.77');
    expect(back?.model.comment).toBe(comment);
  });
});
