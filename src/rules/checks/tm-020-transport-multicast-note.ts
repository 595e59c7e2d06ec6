import type { Finding, Rule } from '../types';
import { isUnknown, type StackFacts } from '../facts';
import { makeFinding, q } from '../finding';
import { transportTunnels } from '../resolve';

/** T15 (note): a transport tunnel without GRE cannot carry multicast; said once when no intent is declared. */
export const tm020TransportMulticastNote: Rule = {
  id: 'PANOS-TM-020',
  level: 'info',
  title: 'A transport-mode tunnel without GRE cannot carry multicast (OSPF, PIM)',
  source: 'T15',
  explanation:
    "Transport mode reuses the packet's IP header and cannot double-encapsulate, so OSPF or PIM over this tunnel would " +
    'need enableGreEncapsulation; unicast control traffic such as BGP on the physical interface is fine.',
  fix: 'nothing, unless multicast routing must cross: then set enableGreEncapsulation; declare carriesMulticastRouting (false silences this note, true makes a missing GRE an error)',
  evaluate(facts: StackFacts): Finding[] {
    return transportTunnels(facts)
      .filter(
        (t) =>
          t.carriesMulticastRouting === undefined &&
          !isUnknown(t.enableGreEncapsulation) &&
          t.enableGreEncapsulation !== true,
      )
      .map((t) =>
        makeFinding(tm020TransportMulticastNote, {
          path: t.path,
          objectKind: 'ipsec-tunnel',
          objectName: t.name,
          field: 'enableGreEncapsulation',
          value: t.enableGreEncapsulation ?? false,
          problem: `transport-mode IPSec tunnel ${q(t.name)} has enableGreEncapsulation ${String(t.enableGreEncapsulation ?? 'not set')}: multicast (OSPF, PIM) cannot cross it`,
        }),
      );
  },
};
