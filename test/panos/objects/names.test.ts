import {
  ALL_DESCRIPTORS,
  describeLocation,
  InvalidNameError,
  ikeGateway,
  ipsecTunnel,
  memberXpath,
  tunnelInterface,
  ikeCryptoProfile,
  vsysImportInterfacesXpath,
  xpathLiteral,
  zoneMembersXpath,
  virtualRouterInterfacesXpath,
  type Location,
} from '../../../src/panos/objects';

/** Splits an xpath into steps and reads each `[@name=…]` predicate back as a value (honouring both quote styles). */
function parseSteps(xpath: string): Array<{ step: string; name?: string }> {
  const out: Array<{ step: string; name?: string }> = [];
  let i = 0;
  expect(xpath[0]).toBe('/');
  while (i < xpath.length) {
    expect(xpath[i]).toBe('/');
    i++;
    let step = '';
    while (i < xpath.length && /[a-z-]/.test(xpath[i])) step += xpath[i++];
    let name: string | undefined;
    if (xpath.startsWith('[@name=', i)) {
      i += 7;
      const q = xpath[i];
      expect(["'", '"']).toContain(q);
      const end = xpath.indexOf(q, i + 1);
      name = xpath.slice(i + 1, end);
      i = end + 1;
      expect(xpath[i]).toBe(']');
      i++;
    }
    out.push({ step, ...(name !== undefined ? { name } : {}) });
  }
  return out;
}

const LOCATIONS: Location[] = [{ type: 'vsys' }, { type: 'template', template: 'branch-tpl' }, { type: 'template-stack', templateStack: 'stack 1', vsys: 'vsys2' }];

const HOSTILE = [
  "it's",
  'say "hi"',
  `both ' and "`,
  'a<b',
  'a&b',
  'x]/../entry',
  'a[1]',
  'a/b',
  '@name',
  'a=b',
  'tab\there',
  'new\nline',
  '',
  'x'.repeat(64),
  'café',
  '名前',
  ' leading',
  'trailing ',
  '-dash-first',
  '.dot',
];

describe('names and xpaths', () => {
  for (const d of ALL_DESCRIPTORS) {
    it.each(HOSTILE)(`fails when a ${d.kind} is named %p`, (bad) => {
      expect(() => d.validateName(bad)).toThrow(InvalidNameError);
      expect(() => d.entryXpath({ type: 'vsys' }, bad)).toThrow(InvalidNameError);
      let err: InvalidNameError | undefined;
      try {
        d.validateName(bad);
      } catch (e) {
        err = e as InvalidNameError;
      }
      expect(err).toMatchObject({ code: 'PANOS_INVALID_NAME', kind: d.kind, value: bad });
      expect(err!.rule.length).toBeGreaterThan(10);
    });
  }

  it('fails when an object is encoded with a hostile name', () => {
    expect(() => ikeGateway.encode({ name: "gw']|//*", localInterface: 'ethernet1/1' }, '10.2.0')).toThrow(InvalidNameError);
  });

  it.each(['tunnel.0', 'tunnel.10000', 'tunnel.01', 'tunnel', 'tunnel.1.2', 'Tunnel.1', 'ethernet1/1'])('fails when a tunnel interface is named %p', (bad) => {
    expect(() => tunnelInterface.validateName(bad)).toThrow(/tunnel\.N with N from 1 to 9999/);
  });

  it.each(['tunnel.1', 'tunnel.9999', 'tunnel.42'])('GIVEN tunnel interface %p THEN it is accepted', (good) => {
    expect(() => tunnelInterface.validateName(good)).not.toThrow();
  });

  it('GIVEN the length limits WHEN names reach them THEN 63 is fine for tunnels and gateways and 31 for profiles', () => {
    expect(() => ipsecTunnel.validateName('t'.repeat(63))).not.toThrow();
    expect(() => ikeCryptoProfile.validateName('p'.repeat(31))).not.toThrow();
    expect(() => ikeCryptoProfile.validateName('p'.repeat(32))).toThrow(/32 characters/);
  });

  const ACCEPTED = ['vpn-1', 'VPN_branch.2', '_x', 'a b c', '9lives', 'x'.repeat(31)];
  for (const d of ALL_DESCRIPTORS.filter((x) => x.kind !== 'tunnel-interface')) {
    for (const loc of LOCATIONS) {
      it(`GIVEN accepted ${d.kind} names in ${describeLocation(loc)} WHEN put in an xpath THEN parsing the xpath gives back the same steps and name`, () => {
        const container = parseSteps(d.containerXpath(loc));
        for (const name of ACCEPTED) {
          const steps = parseSteps(d.entryXpath(loc, name));
          expect(steps.slice(0, -1)).toEqual(container);
          expect(steps[steps.length - 1]).toEqual({ step: 'entry', name });
        }
      });
    }
  }

  it('GIVEN the locations WHEN building xpaths THEN they follow the firewall, template and template-stack prefixes', () => {
    expect(ipsecTunnel.containerXpath({ type: 'vsys' })).toBe("/config/devices/entry[@name='localhost.localdomain']/network/tunnel/ipsec");
    expect(ipsecTunnel.containerXpath({ type: 'template', template: 'T1' })).toBe(
      "/config/devices/entry[@name='localhost.localdomain']/template/entry[@name='T1']/config/devices/entry[@name='localhost.localdomain']/network/tunnel/ipsec",
    );
    expect(zoneMembersXpath({ type: 'template-stack', templateStack: 'S' }, 'vpn')).toBe(
      "/config/devices/entry[@name='localhost.localdomain']/template-stack/entry[@name='S']/config/devices/entry[@name='localhost.localdomain']/vsys/entry[@name='vsys1']/zone/entry[@name='vpn']/network/layer3",
    );
    expect(virtualRouterInterfacesXpath({ type: 'vsys' }, 'default')).toBe(
      "/config/devices/entry[@name='localhost.localdomain']/network/virtual-router/entry[@name='default']/interface",
    );
    expect(vsysImportInterfacesXpath({ type: 'vsys', vsys: 'vsys3' })).toBe(
      "/config/devices/entry[@name='localhost.localdomain']/vsys/entry[@name='vsys3']/import/network/interface",
    );
    expect(memberXpath(vsysImportInterfacesXpath({ type: 'vsys' }), 'tunnel.1')).toMatch(/\/member\[text\(\)='tunnel\.1'\]$/);
  });

  it.each([{ type: 'template', template: "t'] | //x" }, { type: 'vsys', vsys: 'vsys1/../..' }, { type: 'template-stack', templateStack: '' }] as Location[])(
    'fails when a location carries a hostile name (%p)',
    (loc) => {
      expect(() => ipsecTunnel.containerXpath(loc)).toThrow(InvalidNameError);
    },
  );

  it.each(["tunnel.1']", 'ethernet1/1 or 1=1', '', "x'"])('fails when a member is %p', (bad) => {
    expect(() => memberXpath('/x', bad)).toThrow(InvalidNameError);
  });

  it('GIVEN values with quotes WHEN quoted THEN the other quote is used, and both quotes are refused', () => {
    expect(xpathLiteral('plain')).toBe("'plain'");
    expect(xpathLiteral("it's")).toBe(`"it's"`);
    expect(xpathLiteral('say "x"')).toBe(`'say "x"'`);
    expect(() => xpathLiteral(`a'b"c`)).toThrow(InvalidNameError);
  });
});
