import type { Finding, Rule } from '../types';
import { isKnown, type StackFacts } from '../facts';
import { makeFinding, q } from '../finding';
import { ANTI_REPLAY_WINDOWS, ipsecTunnel } from '../../panos/objects/ipsec-tunnel';
import { tableField } from '../../panos/objects/field-table';

/** Anti-replay window sizes PAN-OS accepts: the object model's table (docs/panos/ipsec-tunnel.md#anti-replay-window). */
export { ANTI_REPLAY_WINDOWS };

/** The device's window when none is set, from the same table. */
const DEFAULT_WINDOW = tableField(ipsecTunnel.table, 'antiReplayWindow').deviceDefault;
const SIZES = `${ANTI_REPLAY_WINDOWS.slice(0, -1).join(', ')} or ${ANTI_REPLAY_WINDOWS[ANTI_REPLAY_WINDOWS.length - 1]}`;

/** T19: the anti-replay window is one of 64 … 4096. */
export const ar001AntiReplayWindowValue: Rule = {
  id: 'PANOS-AR-001',
  level: 'error',
  title: 'An IPSec tunnel sets an anti-replay window PAN-OS does not offer',
  source: 'T19',
  guardsProps: ['antiReplayWindow'],
  explanation:
    `Anti-replay (RFC 6479 sliding window) accepts a window of ${SIZES} packets; ` +
    `the default is ${DEFAULT_WINDOW}. Any other value is rejected by the device.`,
  fix: `set antiReplayWindow to one of ${ANTI_REPLAY_WINDOWS.join(', ')} (or leave it unset for ${DEFAULT_WINDOW})`,
  evaluate(facts: StackFacts): Finding[] {
    const findings: Finding[] = [];
    for (const t of facts.ipsecTunnels ?? []) {
      const w = t.antiReplayWindow;
      if (!isKnown(w) || (ANTI_REPLAY_WINDOWS as readonly string[]).includes(String(w).trim())) continue;
      findings.push(
        makeFinding(ar001AntiReplayWindowValue, {
          path: t.path,
          objectKind: 'ipsec-tunnel',
          objectName: t.name,
          field: 'antiReplayWindow',
          value: String(w),
          allowed: ANTI_REPLAY_WINDOWS,
          problem: `IPSec tunnel ${q(t.name)} has antiReplayWindow ${q(w)}`,
        }),
      );
    }
    return findings;
  },
};
