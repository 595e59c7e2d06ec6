/** Reading device replies: times without a year, and which log entry explains a down tunnel. */
import { latestFailure, parseVpnTime } from '../../../src/cycle/status/status-read';

describe('parseVpnTime', () => {
  test('GIVEN an SA created in December WHEN read in early January THEN it is placed in the previous year, not eleven months ahead', () => {
    const now = new Date(2026, 0, 2, 10, 0, 0);
    expect(parseVpnTime('Dec.31 23:10:05', now)).toEqual(new Date(2025, 11, 31, 23, 10, 5));
    expect(parseVpnTime('Jan.02 09:59:00', now)).toEqual(new Date(2026, 0, 2, 9, 59, 0));
  });

  test('fails soft on a form it does not know: undefined, so the row just has no time', () => {
    expect(parseVpnTime('2026/01/02 09:59:00')).toBeUndefined();
    expect(parseVpnTime('Foo.02 09:59:00')).toBeUndefined();
  });
});

describe('latestFailure', () => {
  const at = (s: number): Date => new Date(2026, 0, 1, 12, 0, s);
  const entry = (s: number, eventid: string, object: string, message = `${eventid} ${object}`) => ({ time: at(s), eventid, object, message });

  test('GIVEN newest-first entries WHEN a tunnel is down THEN the newest failure of its tunnel or gateway is chosen, other tunnels ignored', () => {
    const entries = [entry(9, 'ike-nego-p2-fail', 'other'), entry(8, 'ike-nego-p2-fail', 'vpn'), entry(7, 'ike-nego-p1-succ', 'gw'), entry(6, 'ike-nego-p1-fail', 'gw')];
    expect(latestFailure(entries, 'vpn:lan', 'gw')).toMatchObject({ eventid: 'ike-nego-p2-fail', message: 'ike-nego-p2-fail vpn', time: at(8).toISOString() });
  });

  test('GIVEN the tunnel came up after its last failure WHEN it is down again without a new failure THEN no stale reason is shown', () => {
    const entries = [entry(9, 'ike-nego-p2-succ', 'vpn'), entry(8, 'ike-nego-p1-fail', 'gw')];
    expect(latestFailure(entries, 'vpn', 'gw')).toBeUndefined();
  });
});
