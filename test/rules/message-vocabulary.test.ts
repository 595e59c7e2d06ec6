/**
 * Every message a user can reach speaks the vocabulary of the front end they wrote: from the constructs, prop names
 * (never an HCL attribute such as `anti_replay_window` or a model key such as `ipsecMode` where the prop is `mode`);
 * from HCL, attribute names (never a construct prop such as `antiReplayWindow`). The test walks every rule of the
 * catalogue (stack rules at synth and at plan, pair rules at synth), every value refusal of every field of the object
 * model, and every version gate, through the two front ends' rewording layers. The name lists come from the object
 * descriptors, so a new field is covered without touching this file.
 */
import {
  ALL_RULES,
  PAIR_RULES,
  allFieldNames,
  checkDevicePair,
  checkDevices,
  farEnd,
  pairEnds,
  runPairRules,
  runRules,
  type Finding,
  type StackFacts,
} from '../../src/rules';
import { ALL_DESCRIPTORS, type FieldSpec } from '../../src/panos/objects';
import { HCL } from '../../src/provider/vocabulary';
import { PROP_NAMES, PROPS } from '../../constructs/vocabulary';
import { messageFor } from '../../constructs/rules-run';
import { PATHS, transportStack, tunnelModeStack, withExtraTunnel } from './fixtures';
import { pairOf, type DevicePatch } from './peer-fixtures';

const NAMES = allFieldNames(PROP_NAMES);

/** Field names that belong to HCL only: every attribute path (and each of its segments) with an underscore. */
const HCL_ONLY = new Set(NAMES.flatMap((n) => [n.hcl.join('.'), ...n.hcl]).filter((s) => s.includes('_')));
/** Model and facts keys that are not the prop's name (`ipsecMode` where the prop is `mode`). */
const MODEL_NOT_PROP = new Set(
  NAMES.flatMap((n) => {
    const prop = n.prop.filter((p) => p !== '').join('.');
    return [n.model.join('.'), n.facts.join('.'), n.model[n.model.length - 1]!].filter((m) => m !== prop && !n.prop.includes(m) && /[A-Z]/.test(m));
  }),
);

/** The identifiers of a message, leaving out quoted values, construct paths, addresses and names (`gw-bgp`). */
function identifiers(message: string): string[] {
  const text = message.replace(/"[^"]*"/g, ' ').replace(/(^|[\s(,[])'[^']*'/g, '$1 ');
  const out: string[] = [];
  for (const m of text.matchAll(/[A-Za-z_][A-Za-z0-9_]*(?:\[\d+\])*(?:\.[A-Za-z_][A-Za-z0-9_]*(?:\[\d+\])*)*/g)) {
    const before = m.index > 0 ? text[m.index - 1]! : ' ';
    const after = text[m.index + m[0].length] ?? ' ';
    if (/[/\-\w@$]/.test(before) || /[/\-\w@]/.test(after)) continue;
    out.push(m[0].replace(/\[\d+\]/g, ''));
  }
  return out;
}

/** What the constructs must not say. */
function hclOrModelWords(message: string): string[] {
  return identifiers(message).filter((id) => HCL_ONLY.has(id) || MODEL_NOT_PROP.has(id) || id.split('.').some((s) => HCL_ONLY.has(s) || MODEL_NOT_PROP.has(s)));
}

/** What the provider must not say: any camelCase identifier (HCL attributes are snake_case; props are camelCase). */
function propWords(message: string): string[] {
  return identifiers(message).filter((id) => id.split('.').some((s) => /^[a-z][a-z0-9]*[A-Z]/.test(s)));
}

/** A stack that makes each stack rule fire (one fact changed from a correct stack). */
const STACK_RULE_FIXTURES: Record<string, StackFacts> = {
  'PANOS-TM-001': transportStack({ stack: { minPanosVersion: '10.2.9' } }),
  'PANOS-TM-002': transportStack({ stack: { downgradeTarget: '10.2.9' } }),
  'PANOS-TM-003': transportStack({ gateway: { ipv6: true, localIp: '2001:db8::1/64', peerIp: '2001:db8::2' } }),
  'PANOS-TM-004': transportStack({ ipsecProfile: { protocol: 'ah', espEncryption: undefined, espAuthentication: undefined, ahAuthentication: ['sha256'] } }),
  'PANOS-TM-005': transportStack({ gateway: { version: 'ikev1' } }),
  'PANOS-TM-006': transportStack({ ikeProfile: { dhGroups: ['group14'] } }),
  'PANOS-TM-019': transportStack({ ipsecProfile: { dhGroup: 'group14' } }),
  'PANOS-TM-007': transportStack({ ipsecProfile: { espEncryption: ['aes-128-cbc'], espAuthentication: ['sha256'] } }),
  'PANOS-TM-008': transportStack({ gateway: { natTraversal: true } }),
  'PANOS-TM-009': transportStack({ gateway: { localInterface: 'loopback.1' } }),
  'PANOS-TM-010': transportStack({ tunnel: { proxyIds: [{ name: 'lan', local: '10.0.0.0/24' }] } }),
  'PANOS-TM-011': transportStack({ tunnel: { keyType: 'manual-key' } }),
  'PANOS-TM-012': transportStack({ tunnel: { ikeGateways: ['elsewhere'] }, stack: { existing: [{ kind: 'ike-gateway', name: 'elsewhere' }] } }),
  'PANOS-TM-013': transportStack({ tunnelInterface: { ipv4Addresses: ['169.254.0.1/30'] } }),
  'PANOS-TM-014': transportStack({ tunnel: { enableGreEncapsulation: true } }),
  'PANOS-TM-015': transportStack({ tunnel: { carriesMulticastRouting: true } }),
  'PANOS-TM-020': transportStack({ tunnel: { carriesMulticastRouting: undefined } }),
  'PANOS-TM-016': transportStack({ tunnel: { enableGreEncapsulation: true }, tunnelInterface: { ipv4Addresses: ['169.254.0.1/30'] } }),
  'PANOS-TM-017': transportStack({ tunnel: { tunnelMonitor: { enable: true, profile: 'mon' } } }),
  'PANOS-TM-018': transportStack({ tunnel: { copyTos: true } }),
  'PANOS-AR-001': transportStack({ tunnel: { antiReplayWindow: '100' } }),
  'PANOS-AR-002': transportStack({ tunnel: { antiReplay: false } }),
  'PANOS-REF-001': transportStack({ tunnel: { ipsecCryptoProfile: 'nowhere' } }),
  'PANOS-REF-002': withExtraTunnel(transportStack(), { path: 'stack/vpn/bgp2', name: 'bgp', ikeGateways: ['gw-bgp'], tunnelInterface: 'tunnel.11' }),
  'PANOS-REF-007': transportStack({ tunnel: { name: 'bad name!' } }),
  'PANOS-REF-003': transportStack({ tunnel: { location: 'vsys:vsys1' }, ipsecProfile: { location: 'template:T/vsys1' } }),
  'PANOS-REF-004': withExtraTunnel(transportStack(), { path: 'stack/vpn/bgp2', name: 'bgp2', ipsecMode: 'transport', ikeGateways: ['gw-bgp'], ipsecCryptoProfile: 'ipsec-tm', tunnelInterface: 'tunnel.10', carriesMulticastRouting: false }),
  'PANOS-REF-005': transportStack({ tunnelInterface: { zone: undefined, virtualRouter: undefined } }),
  'PANOS-REF-006': transportStack({
    stack: { minPanosVersion: '11.0.0', versionedFeatures: [{ path: PATHS.gateway, objectKind: 'ike-gateway', objectName: 'gw-bgp', field: 'natKeepAlive', value: '20', minVersion: '11.1.0' }] },
  }),
  'PANOS-WC-001': tunnelModeStack({ ipsecProfile: { espEncryption: ['3des'], espAuthentication: ['sha1'], dhGroup: 'group2' }, ikeProfile: { dhGroups: ['group2'], authentication: ['sha1'], encryption: ['3des'] }, gateway: { version: 'ikev1', ikev1ExchangeMode: 'aggressive' } }),
  'PANOS-WC-002': tunnelModeStack({ tunnel: { policyBasedPeer: true, proxyIds: undefined } }),
};

/** Rules that need a fact only the constructs can state (an intent prop); Terraform configurations cannot reach them. */
const SYNTH_ONLY = new Set(['PANOS-TM-015', 'PANOS-WC-002']);
/** Rules about values no construct can declare (manual key), reachable from HCL only. */
const PLAN_ONLY = new Set(['PANOS-TM-011']);

function stackFindings(): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const [id, facts] of Object.entries(STACK_RULE_FIXTURES)) {
    const r = runRules(facts, { only: [id] });
    out.set(id, [...r.errors, ...r.warnings, ...r.infos]);
  }
  return out;
}

describe('GIVEN every stack rule of the catalogue, each made to fire', () => {
  const findings = stackFindings();

  test('THEN the walk covers every rule id (a new rule needs a fixture here)', () => {
    expect([...findings.keys()].sort()).toEqual(ALL_RULES.map((r) => r.id).sort());
    for (const [id, list] of findings) expect([id, list.length > 0]).toEqual([id, true]);
  });

  test('WHEN shown by the constructs THEN no HCL attribute or model key appears, only props', () => {
    const bad: string[] = [];
    for (const [id, list] of findings) {
      if (PLAN_ONLY.has(id)) continue;
      for (const f of list) {
        const message = messageFor(f, f.path);
        const words = hclOrModelWords(message);
        if (words.length > 0) bad.push(`${id}: ${words.join(', ')} in "${message}"`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('WHEN shown by the provider at plan THEN no construct prop appears, only HCL attributes', () => {
    const bad: string[] = [];
    for (const [id, list] of findings) {
      if (SYNTH_ONLY.has(id)) continue;
      for (const f of list) {
        const message = HCL.reword(f.message);
        const words = propWords(message);
        if (words.length > 0) bad.push(`${id}: ${words.join(', ')} in "${message}"`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('THEN the rewording changes words, not facts: a transport tunnel below 11.0 reads mode at synth and ipsec_mode at plan', () => {
    const [f] = findings.get('PANOS-TM-001')!;
    // The checks can fail: the rules' own words are neither front end's.
    expect(hclOrModelWords(f!.message)).toContain('ipsecMode');
    expect(propWords(f!.message)).toContain('ipsecMode');
    expect(messageFor(f!, f!.path)).toMatch(/sets mode 'transport'/);
    expect(HCL.reword(f!.message)).toMatch(/sets ipsec_mode 'transport'.*min_panos_version/);
  });
});

/** Device pairs (changed one thing from a correct pair) that make each pair rule fire. */
const PAIR_RULE_FIXTURES: Record<string, () => readonly Finding[]> = (() => {
  const pair = (a: DevicePatch = {}, b: DevicePatch = {}): readonly Finding[] => {
    const r = checkDevicePair(...pairOf(a, b)).results;
    return [...r.errors, ...r.warnings, ...r.infos];
  };
  const tunnelMode = (proxyIds: { name: string; local: string; remote: string }[]): DevicePatch => ({
    tunnel: { ipsecMode: 'tunnel', autoKey: { ikeGateways: ['gw-bgp'], ipsecCryptoProfile: 'ipsec-tm', proxyIds } },
  });
  return {
    'PANOS-PEER-001': () => pair({}, { gateway: { version: 'ikev1' } }),
    'PANOS-PEER-002': () => pair({ gateway: { version: 'ikev2-preferred' } }, { gateway: { version: 'ikev1' } }),
    'PANOS-PEER-003': () => pair({ gateway: { version: 'ikev1', ikev1ExchangeMode: 'main' } }, { gateway: { version: 'ikev1', ikev1ExchangeMode: 'aggressive' } }),
    'PANOS-PEER-004': () => pair({}, { ike: { encryption: ['aes-256-cbc'] } }),
    'PANOS-PEER-005': () => pair({}, { ipsec: { espEncryption: ['aes-128-gcm'] } }),
    'PANOS-PEER-006': () => pair({}, { ipsec: { dhGroup: 'group14' } }),
    'PANOS-PEER-007': () => pair({}, { tunnel: { ipsecMode: 'tunnel' } }),
    'PANOS-PEER-008': () => pair({ tunnel: { enableGreEncapsulation: true } }),
    'PANOS-PEER-009': () => pair({}, { gateway: { peerIp: '198.51.100.9' } }),
    'PANOS-PEER-010': () => pair({}, { gateway: { authentication: 'certificate', preSharedKeyEncrypted: undefined } }),
    'PANOS-PEER-011': () => pair({}, { gateway: { preSharedKeyEncrypted: '-AQ==short' } }),
    'PANOS-PEER-012': () => pair({ gateway: { peerId: { type: 'fqdn', id: 'fw-b.example.net' } } }),
    'PANOS-PEER-013': () => pair({ tunnel: { ipsecMode: 'tunnel' } }, { gateway: { natTraversal: true }, tunnel: { ipsecMode: 'tunnel' } }),
    'PANOS-PEER-014': () => {
      const [a, b] = pairOf({}, { gateway: { peerIp: '203.0.113.7' } });
      const r = checkDevices([a, { ...b, ikeGateways: [{ ...b.ikeGateways![0]!, localIp: '10.0.0.2/24' }] }], {
        pairs: [{ a: 'fw-a/ike-gateway/gw-bgp', b: 'fw-b/ike-gateway/gw-bgp', natBetween: true }],
      }).results;
      return [...r.errors, ...r.warnings, ...r.infos];
    },
    'PANOS-PEER-015': () => pair(tunnelMode([{ name: 'lan', local: '10.1.0.0/16', remote: '10.2.0.0/16' }]), tunnelMode([{ name: 'lan', local: '10.1.0.0/16', remote: '10.2.0.0/16' }])),
    'PANOS-PEER-016': () => pair({}, { ipsec: { lifetime: { unit: 'minutes', value: 30 } } }),
    'PANOS-PEER-017': () => pair({}, { tunnel: { antiReplayWindow: '64' } }),
    'PANOS-PEER-019': () => pair({ gateway: { passiveMode: true } }, { gateway: { passiveMode: true } }),
    'PANOS-PEER-018': () => {
      const end = farEnd({
        path: 'far-end/strongswan',
        name: 'strongswan',
        address: '192.0.2.77',
        version: 'ikev2',
        ike: { encryption: ['aes-256-gcm'], authentication: ['sha384'], dhGroups: ['group20'] },
        ipsec: { espEncryption: ['aes-256-gcm'], pfsGroups: ['group20'] },
      });
      const r = runPairRules(pairEnds([end]));
      return [...r.errors, ...r.warnings, ...r.infos];
    },
  };
})();

describe('GIVEN every pair rule of the catalogue, each made to fire', () => {
  test('WHEN shown by the constructs THEN no HCL attribute or model key appears (the walk covers every pair rule)', () => {
    expect(Object.keys(PAIR_RULE_FIXTURES).sort()).toEqual(PAIR_RULES.map((r) => r.id).sort());
    const bad: string[] = [];
    for (const [id, make] of Object.entries(PAIR_RULE_FIXTURES)) {
      const list = make().filter((f) => f.ruleId === id);
      if (list.length === 0) bad.push(`${id}: did not fire`);
      for (const f of list) {
        const message = messageFor(f, f.path);
        const words = hclOrModelWords(message);
        if (words.length > 0) bad.push(`${id}: ${words.join(', ')} in "${message}"`);
      }
    }
    expect(bad).toEqual([]);
  });
});

/** A value the field refuses, by its type and limits (undefined when the field accepts anything of its type). */
function refusedValue(f: FieldSpec): unknown {
  if (f.unitValue) return { unit: f.fields?.find((x) => x.key === 'unit')?.enum?.[0] ?? 'seconds', value: 10_000_000 };
  if (f.enum) return f.type === 'string-list' ? ['not-a-choice'] : 'not-a-choice';
  if (f.range) return f.range.max + 1;
  if (f.maxLength !== undefined) return 'x'.repeat(f.maxLength + 1);
  if (f.type === 'object-list') return [{ name: 'twice' }, { name: 'twice' }];
  return undefined;
}

/** Every field's value refusal (constructor at synth, "Invalid Field Value" at plan), nested fields included. */
function valueRefusals(): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  for (const d of ALL_DESCRIPTORS) {
    type Wrap = (v: Record<string, unknown>) => Record<string, unknown>;
    const walk = (fields: readonly FieldSpec[], wrap: Wrap, path: string): void => {
      for (const f of fields) {
        const bad = refusedValue(f);
        const here = `${d.kind}:${path}${f.key}`;
        if (bad !== undefined) {
          for (const p of d.validate({ name: 'x', ...wrap({ [f.key]: bad }) })) out.push({ field: here, message: p.message });
        }
        if (f.fields && f.type === 'object' && !f.unitValue) walk(f.fields, (v) => wrap({ [f.key]: v }), `${path}${f.key}.`);
        if (f.fields && f.type === 'object-list') walk(f.fields, (v) => wrap({ [f.key]: [{ name: 'a', ...v }] }), `${path}${f.key}[0].`);
      }
    };
    walk(d.fields, (v) => v, '');
  }
  return out;
}

describe('GIVEN a refused value for every field of the object model', () => {
  const refusals = valueRefusals();

  test('THEN the walk reaches nested fields too (a proxy ID port, a lifetime value)', () => {
    const fields = refusals.map((r) => r.field);
    expect(fields).toEqual(expect.arrayContaining(['ipsec-tunnel:autoKey.proxyIds[0].localPort', 'ike-crypto-profile:lifetime', 'ipsec-tunnel:antiReplayWindow']));
  });

  test('WHEN a constructor refuses it THEN the message names props only', () => {
    // The object model speaks HCL: without the constructs' rewording the check fails.
    expect(refusals.filter((r) => hclOrModelWords(r.message).length > 0).length).toBeGreaterThan(10);
    const bad = refusals.flatMap((r) => {
      const words = hclOrModelWords(PROPS.reword(r.message));
      return words.length > 0 ? [`${r.field}: ${words.join(', ')} in "${PROPS.reword(r.message)}"`] : [];
    });
    expect(bad).toEqual([]);
  });

  test('WHEN the provider refuses it at plan THEN the message names HCL attributes only', () => {
    const bad = refusals.flatMap((r) => {
      const words = propWords(r.message);
      return words.length > 0 ? [`${r.field}: ${words.join(', ')} in "${r.message}"`] : [];
    });
    expect(bad).toEqual([]);
  });

  test('WHEN a field is newer than the device THEN the plan-time version gate names HCL attributes only', () => {
    const bad: string[] = [];
    for (const d of ALL_DESCRIPTORS) {
      for (const f of d.fields.filter((x) => x.minVersion !== undefined)) {
        const value = f.enum?.[0] ?? (f.type === 'bool' ? true : f.type === 'number' ? f.range?.min ?? 1 : 'x');
        for (const i of d.versionIssues({ name: 'x', [f.key]: value }, '10.0.0')) {
          const words = propWords(i.message);
          if (words.length > 0) bad.push(`${d.kind}:${f.key}: ${words.join(', ')} in "${i.message}"`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
