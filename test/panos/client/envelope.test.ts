import { classify, EnvelopeError, isSuccess, nestedReplies, parseEnvelope } from '../../../src/panos/client/envelope';
import { ENVELOPES } from './fake-device';

interface Row {
  readonly shape: string;
  readonly body: string;
  readonly success: boolean;
  readonly code?: number;
  readonly lines: string[];
  readonly kind?: string;
}

const rows: Row[] = [
  { shape: 'keygen success, spaced single quotes', body: ENVELOPES.keygenOk('LUFRPT1h+/=='), success: true, lines: [] },
  {
    shape: '403 Invalid Credential in result/msg',
    body: ENVELOPES.invalidCredential,
    success: false,
    code: 403,
    lines: ['Invalid Credential'],
    kind: 'PANOS_AUTH',
  },
  {
    shape: 'spaced double quotes (type=version)',
    body: '<response status = "success"><result><sw-version>11.1.4-h7</sw-version></result></response>',
    success: true,
    lines: [],
  },
  { shape: 'get of a missing node (success + code 7)', body: ENVELOPES.getMissing, success: false, code: 7, lines: [], kind: 'PANOS_NOT_FOUND' },
  { shape: 'show of a missing node (No such node)', body: ENVELOPES.showMissing, success: false, lines: ['No such node'], kind: 'PANOS_NOT_FOUND' },
  { shape: 'set success code 20', body: ENVELOPES.commandSucceeded, success: true, code: 20, lines: ['command succeeded'] },
  {
    shape: 'schema error with CDATA lines and leading spaces',
    body: '<response status="error" code="12"><msg><line><![CDATA[ tun1 -> ipsec-mode unexpected here]]></line><line><![CDATA[ tun1 is invalid]]></line></msg></response>',
    success: false,
    code: 12,
    lines: ['tun1 -> ipsec-mode unexpected here', 'tun1 is invalid'],
    kind: 'PANOS_INVALID_OBJECT',
  },
  {
    shape: 'nested <line><line> variant',
    body: '<response status="error" code="12"><msg><line><line>a -> b unexpected here</line><line>a is invalid</line></line></msg></response>',
    success: false,
    code: 12,
    lines: ['a -> b unexpected here', 'a is invalid'],
    kind: 'PANOS_INVALID_OBJECT',
  },
  {
    shape: 'referenced delete (code 10) with inline CDATA name',
    body: '<response status="error" code="10"><msg><line> <![CDATA[ gw1]]> cannot be deleted because of references from:</line><line> network -> tunnel -> ipsec -> tun1</line></msg></response>',
    success: false,
    code: 10,
    lines: ['gw1 cannot be deleted because of references from:', 'network -> tunnel -> ipsec -> tun1'],
    kind: 'PANOS_REFERENCED',
  },
  { shape: 'delete of a missing node (code 7 msg text)', body: ENVELOPES.deleteMissing, success: false, code: 7, lines: ["Object doesn't exist"], kind: 'PANOS_NOT_FOUND' },
  { shape: 'commit no changes', body: ENVELOPES.noChanges, success: true, code: 19, lines: ['There are no changes to commit.'] },
  { shape: 'commit enqueued', body: ENVELOPES.enqueued(42), success: true, code: 19, lines: ['Commit job enqueued with jobid 42'] },
  { shape: 'job running', body: ENVELOPES.job(42, 'ACT', 'PEND', '55'), success: true, lines: [] },
  {
    shape: 'job FAIL: details lines are the message',
    body: ENVELOPES.job(44, 'FIN', 'FAIL', '100', '<line>Validation Error:</line><line><![CDATA[ network is invalid]]></line>'),
    success: true,
    lines: ['Validation Error:', 'network is invalid'],
  },
  { shape: 'session timeout (status unauth, code 22)', body: ENVELOPES.sessionTimeout, success: false, code: 22, lines: ['Session timed out'], kind: 'PANOS_SESSION_TIMEOUT' },
  {
    shape: 'locked by another admin',
    body: '<response status="error"><msg><line>Configuration is locked by admin2</line></msg></response>',
    success: false,
    lines: ['Configuration is locked by admin2'],
    kind: 'PANOS_LOCKED',
  },
  {
    shape: 'commit in progress (code 13)',
    body: '<response status="error" code="13"><msg><line>Another commit/validate is in progress. Please try again later</line></msg></response>',
    success: false,
    code: 13,
    lines: ['Another commit/validate is in progress. Please try again later'],
    kind: 'PANOS_COMMIT_IN_PROGRESS',
  },
  {
    shape: 'HTTP 400 style with entity in result/msg',
    body: "<response status = 'error' code = '400'><result><msg>Parameter &quot;format&quot; is required</msg></result></response>",
    success: false,
    code: 400,
    lines: ['Parameter "format" is required'],
    kind: 'PANOS_BAD_REQUEST',
  },
  { shape: 'legacy reply without status', body: '<response><result>no</result></response>', success: true, lines: [] },
  {
    shape: 'lock acquired: text in result',
    body: '<response status="success"><result>Successfully acquired lock.</result></response>',
    success: true,
    lines: [],
  },
];

describe('GIVEN the PAN-OS envelopes of xml-api-exchanges.md', () => {
  test.each(rows)('WHEN parsing "$shape" THEN status, code, lines and class are read', (row) => {
    const env = parseEnvelope(row.body);
    expect(isSuccess(env)).toBe(row.success);
    expect(env.code).toBe(row.code);
    expect(env.lines).toEqual(row.lines);
    if (row.kind) expect(classify(env)).toBe(row.kind);
  });

  test('WHEN a multi-config answer fails THEN the nested replies are kept in order with their ids', () => {
    const env = parseEnvelope(
      '<response status="error" code="13"><response status="success" code="20" id="1"><msg>command succeeded</msg></response>' +
        '<response status="error" code="12" id="2"><msg><line><![CDATA[ tun1 -> ipsec-mode unexpected here]]></line></msg></response></response>',
    );
    expect(isSuccess(env)).toBe(false);
    const replies = nestedReplies(env);
    expect(replies.map((r) => [r.root.attrs.id, r.code, isSuccess(r)])).toEqual([
      ['1', 20, true],
      ['2', 12, false],
    ]);
    expect(replies[1].lines).toEqual(['tun1 -> ipsec-mode unexpected here']);
  });
});

describe('GIVEN bodies that are not envelopes', () => {
  test.each([
    ['an HTML error page', '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>', /root is <html>/],
    ['a truncated body', '<response status="success"><result><entry name="gw1">', /not XML/],
    ['garbage', 'Service Unavailable', /not XML/],
    ['an empty body', '', /not XML/],
    ['a DOCTYPE', '<!DOCTYPE response [<!ENTITY x "y">]><response status="success"/>', /not XML/],
  ])('fails when the body is %s', (_name, body, re) => {
    let caught: unknown;
    try {
      parseEnvelope(body);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(EnvelopeError);
    expect((caught as Error).message).toMatch(re);
    expect((caught as EnvelopeError).excerpt.length).toBeLessThanOrEqual(161);
  });
});
