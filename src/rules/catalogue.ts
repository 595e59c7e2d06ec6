/**
 * Renders RULES.md from the registry, so the catalogue and the code never drift (a test compares them).
 * Pure: returns text; `test/rules/write-rules-md.ts` writes the file.
 */
import { ACKNOWLEDGEMENT_RULE } from './engine';
import { VALUE_RULE } from './value-rule';
import { ALL_RULES, PAIR_RULES } from './registry';
import { ALL_PAIR_SOURCES, ALL_SOURCES, type PairSource, type Rule } from './types';
import type { PairRule } from './peer/types';

/** The title of each item of docs/peer-compatibility.md (its heading; the anchor is the item id in lower case). */
export const PAIR_SOURCE_TITLES: Readonly<Record<PairSource, string>> = {
  N1: 'IKE version',
  N2: 'IKEv1 exchange mode',
  N3: 'IKE proposals',
  N4: 'IPSec proposals',
  N5: 'Perfect forward secrecy',
  N6: 'IPSec mode',
  N7: 'GRE encapsulation',
  N8: 'Addresses',
  N9: 'Authentication and pre-shared keys',
  N10: 'Identities',
  N11: 'NAT traversal',
  N12: 'Proxy IDs',
  N13: 'Lifetimes',
  N14: 'Anti-replay',
  N15: 'Who starts the negotiation',
};

/** The docs page stating the facts behind the pair rules. */
export const PAIR_FACTS_PAGE = 'docs/peer-compatibility.md';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The docs page holding the source items (T1…, X1…, W1…), each under an anchor named after it in lower case. */
export const SOURCE_DOC = 'docs/transport-mode.md';

/** A link to a source item's anchor (N items in the pair-rules page), or the item as is when it has none (`-`). */
export function sourceLink(source: string): string {
  if (/^[TXW]\d+$/.test(source)) return `[${source}](${SOURCE_DOC}#${source.toLowerCase()})`;
  if (/^N\d+$/.test(source)) return `[${source}](${PAIR_FACTS_PAGE}#${source.toLowerCase()})`;
  return source;
}

function row(r: Pick<Rule, 'id' | 'level' | 'title' | 'explanation' | 'fix'> & { readonly source: string }): string {
  return `| \`${r.id}\` | ${r.level} | ${cell(r.title)} | ${cell(r.explanation)} | ${cell(r.fix)} | ${sourceLink(r.source)} |`;
}

/** The full text of RULES.md for the given rules. */
export function renderRulesMarkdown(rules: readonly Rule[] = ALL_RULES, pairRules: readonly PairRule[] = PAIR_RULES): string {
  const lines: string[] = [
    '# Validation rules',
    '',
    '<!-- Generated from src/rules/registry.ts by renderRulesMarkdown() (src/rules/catalogue.ts). Do not edit by hand:',
    '     change the rule, then run `npx tsx test/rules/write-rules-md.ts`. A test fails when this file drifts. -->',
    '',
    'Every rule is a pure function in `src/rules/checks/` over plain facts in PAN-OS vocabulary. The same rules run twice:',
    '',
    '- at `cdktf synth`: the L2 constructs map their props to facts (paths are construct paths) and report findings',
    '  through cdktf validations, so an invalid stack does not synthesize;',
    '- at `terraform plan`: the provider maps resource configurations and the device (version, existing objects) to facts',
    '  (paths are resource addresses such as `panosipsec_ipsec_tunnel.bgp`), so plain-HCL users get the same checks.',
    '',
    'A value not known yet (a cdktf token, a Terraform unknown) makes the rules that need it not applicable; they run',
    'again at plan, when more is known. Unset fields take the device default (IKE version `ikev1`, PFS `group2`,',
    "profile references `default`, i.e. PAN-OS's predefined profiles with aes-128-cbc/3des, sha1, group2).",
    '',
    'Levels: **error** fails synth and plan; **warning** and **info** are printed and can be acknowledged.',
    'Every message reads `[<path>] <rule id>: <what is wrong, naming the prop and the bad value>; allowed: <values>; fix: <fix>`.',
    'This catalogue names fields as the object model does (`ipsecMode`, `antiReplayWindow`); each front end rewords its',
    'messages into what its user wrote: construct props at synth (`mode`, `proxyIds[1].name`), HCL attributes at plan',
    '(`ipsec_mode`, `auto_key.proxy_ids[1].name`, `min_panos_version`). Advice for one front end is written',
    '`(constructs: …)` or `(HCL: …)` in a fix and shown only there.',
    '',
    '## Acknowledgements',
    '',
    'A warning or info is acknowledged by its rule id plus a written, non-empty reason, optionally limited to a path',
    'prefix (a construct path or resource address). Acknowledged findings are not printed as warnings; they are listed',
    'with their reasons in the synthesized output so every accepted risk stays visible and explained. Errors cannot be',
    `acknowledged: an acknowledgement naming an error rule, an unknown id or no reason is itself an error (\`${ACKNOWLEDGEMENT_RULE.id}\`).`,
    '',
    'What an acknowledgement covers:',
    '',
    '- on a `PanosFirewall` (no path): every finding of that rule on the firewall\'s objects, and the pair findings where',
    '  the firewall holds either end;',
    '- on an object construct (`tunnel.acknowledge(…)`, its construct path): the findings on that construct, and the',
    '  findings on the objects it uses as they affect it: a tunnel covers its IPSec crypto profile, tunnel interface,',
    '  monitor profile, gateways and their IKE crypto profiles; a gateway covers its IKE crypto profiles. A finding on an',
    '  object that several declared objects use is covered only when every one of them is covered (acknowledges the rule',
    '  itself or through what uses it): a weak profile shared with a tunnel that did not accept the risk keeps warning;',
    '- a pair finding is covered by an acknowledgement on either end.',
    '',
    'An acknowledgement that covers no finding is reported at synth as a warning on the construct that made it, naming',
    'its path, the rule id and why nothing matched (where that rule\'s findings are, and which other user of a shared',
    'object does not acknowledge it); it is not recorded as accepted in the synthesized output.',
    '',
    'At plan, and in plain HCL, acknowledgements are the `acknowledged_rules` attribute (rule id to reason; the',
    'constructs write it): in the provider configuration it covers what an acknowledgement on a `PanosFirewall` covers;',
    'on an object resource, what one on an object construct covers, matched by the same engine over the objects the plan',
    'sees. Terraform plans an object before the objects that use it, so a finding on a used object is judged before its',
    'users\' acknowledgements are known: the constructs also write an acknowledgement on the resource of each object whose',
    'finding it covers, and in HCL an acknowledgement of a used object\'s finding belongs on that object\'s resource or in',
    'the provider. Acknowledged findings are not reported at plan, not even as one line (Terraform has no info level, so',
    'every line would be a warning); the acknowledgement stays visible in the configuration and in state. An entry',
    `naming an error rule, an unknown id or no reason fails the plan with \`${ACKNOWLEDGEMENT_RULE.id}\`, naming the entry; one that`,
    'covers nothing is not reported at plan (synth reports it).',
    '',
    '## Catalogue',
    '',
    `Source is the item of [${SOURCE_DOC}](${SOURCE_DOC}) the rule enforces (T = transport mode, X = cross-resource`,
    'integrity, W = good practice); that page cites the vendor documents. Ids are stable and never reused.',
    '',
    '| Id | Level | Cause | Why | Fix | Source |',
    '|---|---|---|---|---|---|',
    ...rules.map(row),
    row(VALUE_RULE),
    row(ACKNOWLEDGEMENT_RULE),
    '',
    '## Coverage by source item',
    '',
    '| Source | Rules |',
    '|---|---|',
    ...ALL_SOURCES.map((s) => {
      const ids = rules.filter((r) => r.source === s).map((r) => `\`${r.id}\``);
      return `| ${sourceLink(s)} | ${ids.length > 0 ? ids.join(', ') : '(none)'} |`;
    }),
    '',
    '## Pair rules: both ends of a tunnel',
    '',
    'When one app declares both ends of a tunnel (two `PanosFirewall`s in the same or different stacks, or a PAN-OS',
    'gateway and an `ExternalPeer`), the constructs pair the IKE gateways whose addresses mirror each other (or that',
    '`gateway.pairWith(…)` names) and their tunnels, and these rules judge each pair at synth. Each message names both',
    'construct paths; it is reported at the PAN-OS end declared first. Warnings and infos are acknowledged as above, on',
    'either end (a path prefix of either end, or either firewall). The same rules run over two devices\' decoded',
    'configurations (`checkDevices` in `src/rules/peer/device.ts`), where paths read `<device>/<kind>/<name>`.',
    '',
    `Source is the item of [${PAIR_FACTS_PAGE}](${PAIR_FACTS_PAGE}) behind the rule (the negotiation fact,`,
    'from RFC 7296 and the PAN-OS documentation).',
    '',
    '| Id | Level | Cause | Why | Fix | Source |',
    '|---|---|---|---|---|---|',
    ...pairRules.map(row),
    '',
    '### Coverage by negotiation item',
    '',
    '| Source | Rules |',
    '|---|---|',
    ...ALL_PAIR_SOURCES.map((s) => {
      const ids = pairRules.filter((r) => r.source === s).map((r) => `\`${r.id}\``);
      return `| ${sourceLink(s)} | ${ids.length > 0 ? ids.join(', ') : '(none)'} |`;
    }),
    '',
  ];
  return lines.join('\n');
}
