/**
 * Runs the pair rules over a pairing and applies acknowledgements, with the same levels and results as the stack
 * rules' engine: a warning or info is acknowledged by rule id with a written reason; errors cannot be.
 *
 * A pair finding concerns two ends, so an acknowledgement covers it when its path prefix matches either end's path,
 * or, without a path, when it was made by the owner (firewall, device) of either end.
 */
import { ACKNOWLEDGEMENT_RULE, InvalidAcknowledgementError, pathMatches, validateAcknowledgement, type RuleResults } from '../engine';
import type { Acknowledgement } from '../facts';
import { makeFinding } from '../finding';
import { PAIR_RULES } from '../registry';
import type { Finding } from '../types';
import type { PairRule, Pairing, PeerEnd } from './types';

/** An acknowledgement and who made it (a firewall's construct path, a device name). */
export interface PairAcknowledgement extends Acknowledgement {
  /**
   * Without a `path`, the acknowledgement covers findings where this owner holds either end.
   * @default - every owner
   */
  readonly owner?: string;
}

/** Options of {@link runPairRules}. */
export interface RunPairRulesOptions {
  /** @default PAIR_RULES */
  readonly rules?: readonly PairRule[];
  readonly acknowledgements?: readonly PairAcknowledgement[];
  /**
   * Report invalid acknowledgements as `PANOS-ACK-001` errors. The constructs turn it off: their firewalls report
   * their own acknowledgements already. @default true
   */
  readonly reportInvalidAcknowledgements?: boolean;
}

function ownersByPath(pairing: Pairing): Map<string, string> {
  const owners = new Map<string, string>();
  const note = (e: PeerEnd): void => {
    owners.set(e.path, e.owner);
    for (const offer of [e.ike.ikev1, e.ike.ikev2]) if (offer) owners.set(offer.at.path, e.owner);
    for (const t of e.tunnels) {
      owners.set(t.path, e.owner);
      if (t.ipsec) owners.set(t.ipsec.at.path, e.owner);
    }
  };
  for (const p of pairing.pairs) {
    note(p.a);
    note(p.b);
  }
  for (const e of pairing.unmatchedExternal) note(e);
  return owners;
}

/** Evaluates the pair rules and sorts the findings by level, applying the acknowledgements. */
export function runPairRules(pairing: Pairing, options: RunPairRulesOptions = {}): RuleResults {
  const rules = options.rules ?? PAIR_RULES;
  const results: RuleResults = { errors: [], warnings: [], infos: [], acknowledged: [] };
  const valid: PairAcknowledgement[] = [];
  for (const ack of options.acknowledgements ?? []) {
    try {
      validateAcknowledgement(ack, rules);
      valid.push(ack);
    } catch (e) {
      if (!(e instanceof InvalidAcknowledgementError)) throw e;
      if (options.reportInvalidAcknowledgements === false) continue;
      results.errors.push(
        makeFinding(ACKNOWLEDGEMENT_RULE, { path: ack.path ?? ack.owner ?? 'acknowledgements', objectKind: 'acknowledgement', field: 'ruleId', value: ack.ruleId, problem: e.message }),
      );
    }
  }
  const owners = valid.length > 0 ? ownersByPath(pairing) : new Map<string, string>();
  const covers = (ack: PairAcknowledgement, f: Finding): boolean => {
    if (ack.ruleId !== f.ruleId) return false;
    const paths = f.peerPath !== undefined ? [f.path, f.peerPath] : [f.path];
    if (ack.path !== undefined && ack.path !== '') return paths.some((p) => pathMatches(p, ack.path));
    return ack.owner === undefined || paths.some((p) => owners.get(p) === ack.owner);
  };
  for (const rule of rules) {
    for (const finding of rule.evaluate(pairing)) {
      const by = finding.level === 'error' ? [] : valid.filter((a) => covers(a, finding));
      if (by.length > 0) results.acknowledged.push({ finding, reason: by[0].reason.trim(), by });
      else if (finding.level === 'error') results.errors.push(finding);
      else if (finding.level === 'warning') results.warnings.push(finding);
      else results.infos.push(finding);
    }
  }
  return results;
}
