import type { Finding } from '../types';
import { makeFinding, q } from '../finding';
import type { PairRule, Pairing } from '../peer/types';

/** N8: a declared far end pairs with no PAN-OS gateway, so nothing about it is checked. */
export const peer018FarEndUnpaired: PairRule = {
  id: 'PANOS-PEER-018',
  level: 'warning',
  title: 'A declared far end pairs with no IKE gateway of the app',
  source: 'N8',
  explanation:
    "A far end is paired with the PAN-OS gateway whose peer address is the far end's address (and whose local address " +
    "is the far end's peer address, when declared), or explicitly with gateway.pairWith(farEnd). Unpaired, none of " +
    'the pair checks runs for it.',
  fix: "set the gateway's peerIp to the far end's address, or pair them explicitly with gateway.pairWith(farEnd)",
  evaluate(pairing: Pairing): Finding[] {
    return pairing.unmatchedExternal.map((e) =>
      makeFinding(peer018FarEndUnpaired, {
        path: e.path,
        objectKind: 'far-end',
        objectName: e.name,
        field: 'address',
        value: e.localAddress,
        problem: `far end ${q(e.name)} (address ${String(e.localAddress ?? '(not set)')}) pairs with no IKE gateway: no gateway's peerIp is its address`,
      }),
    );
  },
};
