/** The import id a take-over refusal gives is one that `terraform import` reads back as the same object and location. */
import type { Location } from '../../src/panos/objects';
import { importIdFor, parseImportId } from '../../src/provider/resources/object-read';

describe('GIVEN the provider location and an object name', () => {
  test.each<[Location, string, string]>([
    [{ type: 'vsys' }, 'Suite-B-GCM-256', 'Suite-B-GCM-256'],
    [{ type: 'vsys', vsys: 'vsys2' }, 'tunnel.10', 'tunnel.10'],
    [{ type: 'vsys' }, 'vsys3:odd', 'vsys1:vsys3:odd'],
    [{ type: 'vsys' }, 'template:x', 'vsys1:template:x'],
    [{ type: 'template', template: 'T1', vsys: 'vsys1' }, 'gw1', 'template:T1:vsys1:gw1'],
    [{ type: 'template-stack', templateStack: 'TS', vsys: 'vsys2' }, 'ike-a', 'template-stack:TS:vsys2:ike-a'],
  ])('WHEN the id for %j and %s is built THEN it is %s and parses back to that name', (location, name, id) => {
    expect(importIdFor(location, name)).toBe(id);
    const parsed = parseImportId(id, 'panosipsec_ike_gateway');
    expect(parsed.name).toBe(name);
    expect(parsed.location?.type ?? 'vsys').toBe(location.type);
  });
});
