/**
 * Runs the validation rules once per firewall: collects the facts of every registered object construct, calls
 * `runRules`, and maps findings back to construct paths (errors fail synth through each construct's validation;
 * warnings and infos become cdktf annotations; acknowledged findings are summarised per acknowledgement).
 * Linear in the number of objects apart from the rules themselves.
 */
import { Annotations } from 'cdktf';
import type { IConstruct } from 'constructs';
import {
  FACTS_KEY,
  pathMatches,
  runRules,
  versionedFeaturesOf,
  type Acknowledgement,
  type Finding,
  type ObjectFacts,
  type StackFacts,
  type VersionedFeatureFacts,
} from '../src/rules';
import { containsToken, type PanosObject } from './panos-object';

/** What a firewall hands to {@link evaluateFirewall}. */
export interface FirewallSnapshot {
  readonly firewall: IConstruct & { readonly minPanosVersion: string; readonly downgradeTargetVersion?: string };
  readonly objects: readonly PanosObject[];
  readonly byPath: ReadonlyMap<string, IConstruct>;
  readonly acknowledgements: readonly { readonly ack: Acknowledgement; readonly owner: IConstruct }[];
  /** The rules' location string of the firewall, e.g. `vsys:vsys1`. */
  readonly location: string;
}

/** Results of one run. */
export interface Evaluation {
  /** Error messages for the construct at `path`, without the `[path] ` prefix cdktf adds itself. */
  errorsFor(path: string, isFirewall: boolean): string[];
  /** Every finding, for tests and tools. */
  readonly findings: { readonly errors: readonly Finding[]; readonly warnings: readonly Finding[]; readonly infos: readonly Finding[] };
}

/** Builds the stack facts of a firewall. */
export function firewallFacts(s: FirewallSnapshot): StackFacts {
  const declared: Record<string, ObjectFacts[]> = {};
  const versionedFeatures: VersionedFeatureFacts[] = [];
  for (const o of s.objects) {
    const { kind, facts } = o._facts();
    (declared[FACTS_KEY[kind]] ??= []).push({ ...facts, location: s.location });
    if (o.imported) continue;
    versionedFeatures.push(...versionedFeaturesOf(kind, o._modelRecord(), { path: facts.path, isUnknown: containsToken }));
  }
  return {
    minPanosVersion: s.firewall.minPanosVersion,
    ...(s.firewall.downgradeTargetVersion !== undefined ? { downgradeTarget: s.firewall.downgradeTargetVersion } : {}),
    // Each list holds the facts of its kind: factsOf built them for that kind, which the record type cannot carry.
    ...(declared as StackFacts),
    versionedFeatures,
    acknowledgements: s.acknowledgements.map((a) => a.ack),
  };
}

/** Message text for an annotation or validation on the construct at `targetPath`. */
function messageFor(f: Finding, targetPath: string): string {
  const prefix = `[${targetPath}] `;
  return f.message.startsWith(prefix) ? f.message.slice(prefix.length) : f.message;
}

/**
 * Runs the rules over a firewall's objects and annotates warnings, infos and acknowledgements.
 * @param facts the snapshot's facts, when the caller built them already
 */
export function evaluateFirewall(s: FirewallSnapshot, facts: StackFacts = firewallFacts(s)): Evaluation {
  const results = runRules(facts);
  const firewallPath = s.firewall.node.path;
  const targetOf = (path: string): IConstruct => s.byPath.get(path) ?? s.firewall;

  const errorsByPath = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const f of results.errors) {
    if (s.byPath.has(f.path)) {
      const list = errorsByPath.get(f.path) ?? [];
      list.push(messageFor(f, f.path));
      errorsByPath.set(f.path, list);
    } else {
      unplaced.push(messageFor(f, firewallPath));
    }
  }
  for (const f of results.warnings) {
    const target = targetOf(f.path);
    Annotations.of(target).addWarning(messageFor(f, target.node.path));
  }
  for (const f of results.infos) {
    const target = targetOf(f.path);
    Annotations.of(target).addInfo(messageFor(f, target.node.path));
  }
  // One line per acknowledgement, not per finding, so 1,000 acknowledged tunnels print one line.
  const counts = new Map<string, { ack: Acknowledgement; owner: IConstruct; count: number }>();
  for (const { finding, reason } of results.acknowledged) {
    const entry = s.acknowledgements.find(
      (a) => a.ack.ruleId === finding.ruleId && a.ack.reason === reason && pathMatches(finding.path, a.ack.path),
    );
    if (!entry) continue;
    const key = `${entry.ack.ruleId}\u0000${entry.ack.path ?? ''}\u0000${entry.ack.reason}`;
    const c = counts.get(key) ?? { ack: entry.ack, owner: entry.owner, count: 0 };
    c.count += 1;
    counts.set(key, c);
  }
  for (const c of counts.values()) {
    Annotations.of(c.owner).addInfo(
      `${c.ack.ruleId} acknowledged for ${c.count} finding${c.count === 1 ? '' : 's'} under ${c.ack.path ?? firewallPath}: ${c.ack.reason}`,
    );
  }
  return {
    errorsFor: (path, isFirewall) => [...(errorsByPath.get(path) ?? []), ...(isFirewall ? unplaced : [])],
    findings: results,
  };
}
