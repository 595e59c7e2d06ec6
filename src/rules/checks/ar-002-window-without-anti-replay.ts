import type { Finding, Rule } from '../types';
import type { StackFacts } from '../facts';
import { makeFinding, q, show } from '../finding';

/** T19: a window makes no sense with anti-replay turned off. */
export const ar002WindowWithoutAntiReplay: Rule = {
  id: 'PANOS-AR-002',
  level: 'error',
  title: 'An IPSec tunnel sets an anti-replay window while anti-replay is off',
  source: 'T19',
  explanation:
    'The window only sizes the anti-replay check. Declaring one with antiReplay false says two contradicting things; ' +
    'PAN-OS would keep a value that has no effect.',
  fix: 'remove antiReplayWindow, or set antiReplay to true',
  evaluate(facts: StackFacts): Finding[] {
    return (facts.ipsecTunnels ?? [])
      // An unknown window is still a window that is set.
      .filter((t) => t.antiReplay === false && t.antiReplayWindow !== undefined)
      .map((t) =>
        makeFinding(ar002WindowWithoutAntiReplay, {
          path: t.path,
          objectKind: 'ipsec-tunnel',
          objectName: t.name,
          field: 'antiReplayWindow',
          value: show(t.antiReplayWindow),
          problem: `IPSec tunnel ${q(t.name)} sets antiReplayWindow ${q(t.antiReplayWindow)} but antiReplay is false`,
        }),
      );
  },
};
