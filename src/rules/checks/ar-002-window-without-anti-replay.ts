import type { Finding, Rule } from '../types';
import type { StackFacts } from '../facts';
import { makeFinding, q, show } from '../finding';

/**
 * T19: a window with anti-replay off has no effect. PAN-OS accepts it (docs/panos/ipsec-tunnel.md#window-without-anti-replay),
 * so this is a warning: the declaration says two things and only one of them does anything.
 */
export const ar002WindowWithoutAntiReplay: Rule = {
  id: 'PANOS-AR-002',
  level: 'warning',
  title: 'An IPSec tunnel sets an anti-replay window while anti-replay is off',
  source: 'T19',
  explanation:
    'The window only sizes the anti-replay check. With antiReplay false PAN-OS keeps the window but does not use it, ' +
    'so the declared window has no effect.',
  fix: 'remove antiReplayWindow, or set antiReplay to true if the window should apply',
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
          problem: `IPSec tunnel ${q(t.name)} sets antiReplayWindow ${q(t.antiReplayWindow)} but antiReplay is false, so the window has no effect`,
        }),
      );
  },
};
