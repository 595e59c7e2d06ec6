import type { Finding, Rule } from '../types';
import type { StackFacts } from '../facts';
import { makeFinding, q } from '../finding';

/** X5: a tunnel interface belongs in a zone and a virtual router. */
export const ref005InterfaceZoneRouter: Rule = {
  id: 'PANOS-REF-005',
  level: 'warning',
  title: 'A declared tunnel interface is in neither a zone nor a virtual router',
  source: 'X5',
  explanation:
    'PAN-OS passes traffic on a tunnel interface only when it is a member of a layer3 zone and of a virtual (or ' +
    'logical) router. Without both, the tunnel comes up but carries nothing.',
  fix: 'set zone and virtualRouter on the tunnel interface (or import an interface that is already placed)',
  evaluate(facts: StackFacts): Finding[] {
    return (facts.tunnelInterfaces ?? [])
      .filter((i) => !i.imported && i.zone === undefined && i.virtualRouter === undefined)
      .map((i) =>
        makeFinding(ref005InterfaceZoneRouter, {
          path: i.path,
          objectKind: 'tunnel-interface',
          objectName: i.name,
          field: 'zone',
          problem: `tunnel interface ${q(i.name)} has neither zone nor virtualRouter set`,
        }),
      );
  },
};
