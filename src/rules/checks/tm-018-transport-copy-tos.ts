import type { Finding, Rule } from '../types';
import type { StackFacts } from '../facts';
import { makeFinding, q } from '../finding';
import { transportTunnels } from '../resolve';

/** T18: copy ToS may reorder packets of sessions with different ToS. */
export const tm018TransportCopyTos: Rule = {
  id: 'PANOS-TM-018',
  level: 'info',
  title: 'A transport-mode tunnel copies the ToS header',
  source: 'T18',
  explanation:
    "Copy TOS copies the inner header's ToS to the outer header (with GRE: first to GRE, then to ESP). With several " +
    'sessions of different ToS inside one tunnel, IPSec packets can arrive out of order.',
  fix: 'keep copyTos only if the peer and the traffic mix tolerate reordering; otherwise set copyTos to false',
  evaluate(facts: StackFacts): Finding[] {
    return transportTunnels(facts)
      .filter((t) => t.copyTos === true)
      .map((t) =>
        makeFinding(tm018TransportCopyTos, {
          path: t.path,
          objectKind: 'ipsec-tunnel',
          objectName: t.name,
          field: 'copyTos',
          value: true,
          problem: `transport-mode IPSec tunnel ${q(t.name)} has copyTos enabled: packets of sessions with different ToS may arrive out of order`,
        }),
      );
  },
};
