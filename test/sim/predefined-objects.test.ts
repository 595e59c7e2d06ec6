/**
 * The simulator is an independent witness, so it keeps its own copy of PAN-OS's factory objects. This checks that its
 * starting configuration and its Panorama-side name list agree with the one fact the provider uses
 * (src/panos/predefined.ts, docs/panos/predefined-objects.md).
 */
import { PREDEFINED_OBJECTS } from '../../src/panos/predefined';
import type { ObjectKind } from '../../src/panos/objects';
import { initialConfig } from '../../src/sim/initial-config';
import { KIND_LOCATION, PREDEFINED, type RefKind } from '../../src/sim/references';
import { entriesOf } from '../../src/sim/xml-tree';

/** The simulator's name for each object kind it can list (it has no kind for tunnels, which nothing references). */
const SIM_KIND: Record<Exclude<ObjectKind, 'ipsec-tunnel'>, Exclude<RefKind, 'interface'>> = {
  'tunnel-interface': 'tunnel-interface',
  'ike-crypto-profile': 'ike-crypto-profile',
  'ipsec-crypto-profile': 'ipsec-crypto-profile',
  'ike-gateway': 'ike-gateway',
  'tunnel-monitor-profile': 'monitor-profile',
};

describe('GIVEN the simulator starting configuration of a fresh firewall', () => {
  const dev = entriesOf(initialConfig('11.1.0', 'fw'), 'devices')[0];

  test.each(Object.keys(SIM_KIND) as (keyof typeof SIM_KIND)[])(
    'WHEN the %s entries are listed THEN they are exactly the predefined ones',
    (kind) => {
      const names = entriesOf(dev, ...KIND_LOCATION[SIM_KIND[kind]]).map((e) => e.attrs.name);
      expect(names).toEqual(PREDEFINED_OBJECTS[kind] ?? []);
      expect(PREDEFINED[SIM_KIND[kind]] ?? []).toEqual(PREDEFINED_OBJECTS[kind] ?? []);
    },
  );

  test('WHEN the IPSec tunnels are listed THEN there are none (no predefined tunnels)', () => {
    expect(entriesOf(dev, 'network', 'tunnel', 'ipsec')).toEqual([]);
    expect(PREDEFINED_OBJECTS['ipsec-tunnel']).toBeUndefined();
  });
});
