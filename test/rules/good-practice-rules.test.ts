import { UNKNOWN } from '../../src/rules';
import { check, PATHS, transportStack, tunnelModeStack } from './fixtures';

describe('PANOS-WC-001', () => {
  it('fails (warning) when a tunnel-mode IPSec profile offers 3des and sha1', () => {
    const f = check('PANOS-WC-001', tunnelModeStack({ ipsecProfile: { espEncryption: ['aes-256-cbc', '3des'], espAuthentication: ['sha1'] } }));
    expect(f.map((x) => [x.level, x.path, x.field, x.value])).toEqual([
      ['warning', PATHS.ipsecProfile, 'espEncryption', '3des'],
      ['warning', PATHS.ipsecProfile, 'espAuthentication', 'sha1'],
    ]);
  });
  it('fails when the IKE profile offers group2 and the gateway uses IKEv1 aggressive mode', () => {
    const f = check('PANOS-WC-001', tunnelModeStack({ ikeProfile: { dhGroups: ['group2', 'group20'] }, gateway: { version: 'ikev1', ikev1CryptoProfile: 'ike-tm', ikev1ExchangeMode: 'aggressive' } }));
    expect(f.map((x) => x.field)).toEqual(['dhGroups', 'ikev1ExchangeMode']);
  });
  it("fails once on the tunnel's reference when it uses the predefined 'default' IPSec profile", () => {
    const f = check('PANOS-WC-001', tunnelModeStack({ tunnel: { ipsecCryptoProfile: undefined } }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ path: PATHS.tunnel, value: 'default' });
  });
  it('passes with strong crypto, and leaves transport tunnels to the PANOS-TM errors', () => {
    expect(check('PANOS-WC-001', tunnelModeStack())).toEqual([]);
    expect(check('PANOS-WC-001', transportStack({ ipsecProfile: { espEncryption: ['3des'] } }))).toEqual([]);
  });
  it('is not applicable when the lists are unknown', () => {
    expect(check('PANOS-WC-001', tunnelModeStack({ ipsecProfile: { espEncryption: UNKNOWN, espAuthentication: UNKNOWN, dhGroup: UNKNOWN } }))).toEqual([]);
  });
});

describe('PANOS-WC-002', () => {
  it('reports an info when a tunnel-mode tunnel to a policy-based peer has no proxy IDs', () => {
    const [f] = check('PANOS-WC-002', tunnelModeStack({ tunnel: { policyBasedPeer: true, proxyIds: undefined } }));
    expect(f).toMatchObject({ level: 'info', path: PATHS.tunnel, field: 'proxyIds', source: 'W2' });
  });
  it('passes with proxy IDs', () => expect(check('PANOS-WC-002', tunnelModeStack({ tunnel: { policyBasedPeer: true } }))).toEqual([]));
  it('is not applicable when the peer kind or the proxy IDs are unknown', () => {
    expect(check('PANOS-WC-002', tunnelModeStack({ tunnel: { policyBasedPeer: UNKNOWN, proxyIds: undefined } }))).toEqual([]);
    expect(check('PANOS-WC-002', tunnelModeStack({ tunnel: { policyBasedPeer: true, proxyIds: UNKNOWN } }))).toEqual([]);
  });
});
