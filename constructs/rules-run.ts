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
  runRules,
  versionedFeaturesOf,
  type AcknowledgedFinding,
  type Acknowledgement,
  type Finding,
  type ObjectFacts,
  type StackFacts,
  type VersionedFeatureFacts,
} from '../src/rules';
import { containsToken, type PanosObject } from './panos-object';
import { PROPS } from './vocabulary';

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
  readonly findings: {
    readonly errors: readonly Finding[];
    readonly warnings: readonly Finding[];
    readonly infos: readonly Finding[];
    readonly acknowledged: readonly AcknowledgedFinding[];
  };
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

/** Identity of an acknowledgement across the copies the pair engine makes (rule, scope and reason). */
export function acknowledgementKey(a: Acknowledgement): string {
  return `${a.ruleId}\u0000${a.path ?? ''}\u0000${a.reason.trim()}`;
}

/**
 * Why an acknowledgement covers no finding, for the warning that says so: the rule's findings that are left (stack
 * and pair findings of this firewall), where they are, and for a finding on an object the acknowledging construct
 * uses, which other users of that object do not acknowledge it.
 */
export function unmatchedAcknowledgementMessage(
  ack: Acknowledgement,
  scope: string,
  left: readonly Finding[],
  users: ReadonlyMap<string, ReadonlySet<string>>,
): string {
  const ancestors = (path: string): Set<string> => {
    const out = new Set<string>();
    const queue = [path];
    for (let cur = queue.pop(); cur !== undefined; cur = queue.pop()) {
      for (const u of users.get(cur) ?? []) {
        if (out.has(u)) continue;
        out.add(u);
        queue.push(u);
      }
    }
    return out;
  };
  const mine = left.filter((f) => f.ruleId === ack.ruleId);
  let why: string;
  if (mine.length === 0) {
    why = `${ack.ruleId} finds nothing on ${scope}, on the objects it uses or anywhere else in this firewall's declaration`;
  } else {
    const places = [...new Set(mine.map((f) => f.path))].slice(0, 5).map((p) => {
      const above = ancestors(p);
      if (!above.has(scope)) return `${p} (which ${scope} does not use)`;
      const others = [...above].filter((u) => u !== scope && !(users.get(u)?.size) && !u.startsWith(`${scope}/`));
      return `${p} (also used by ${others.join(', ') || 'another object'}, which does not acknowledge it)`;
    });
    why = `its findings are on ${places.join('; ')}`;
  }
  return (
    `acknowledgement of ${ack.ruleId} on ${scope} ('${ack.reason.trim()}') covers no finding: ${why}; it is not recorded as ` +
    'accepted in cdk.tf.json; fix: remove it, or acknowledge the rule on the construct whose finding it is (or on every ' +
    'construct that uses a shared object, or on the PanosFirewall)'
  );
}

/** Message text for an annotation or validation on the construct at `targetPath`, in the props' words. */
export function messageFor(f: Finding, targetPath: string): string {
  const prefix = `[${targetPath}] `;
  return PROPS.reword(f.message.startsWith(prefix) ? f.message.slice(prefix.length) : f.message);
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
  const entries = new Map(s.acknowledgements.map((a) => [a.ack, a] as const));
  const counts = new Map<string, { entry: FirewallSnapshot['acknowledgements'][number]; count: number }>();
  for (const { by } of results.acknowledged) {
    for (const ack of by) {
      const entry = entries.get(ack);
      if (!entry) continue;
      const key = acknowledgementKey(ack);
      const c = counts.get(key) ?? { entry, count: 0 };
      c.count += 1;
      counts.set(key, c);
    }
  }
  for (const { entry, count } of counts.values()) {
    Annotations.of(entry.owner).addInfo(
      `${entry.ack.ruleId} acknowledged for ${count} finding${count === 1 ? '' : 's'} under ${entry.ack.path ?? firewallPath}: ${entry.ack.reason}`,
    );
  }
  return {
    errorsFor: (path, isFirewall) => [...(errorsByPath.get(path) ?? []), ...(isFirewall ? unplaced : [])],
    findings: results,
  };
}
