/**
 * Both ends of a tunnel at synth: one registry per cdktf App collects every PanosFirewall and ExternalPeer (in any
 * stack), pairs their gateways (mirrored addresses, or `gateway.pairWith(…)`) and runs the pair rules once, the first
 * time any construct validates. Errors fail synth through the validation of the construct they name; warnings and
 * infos become annotations; acknowledgements made on either firewall apply. Linear in the number of gateways.
 */
import { Annotations, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import {
  farEnd,
  pairEnds,
  peerEndsOf,
  runPairRules,
  type FarEndFacts,
  type Finding,
  type PairAcknowledgement,
  type Pairing,
  type PeerEnd,
  type RuleResults,
  type StackFacts,
} from '../src/rules';
import { Errors } from './errors';
import { PROPS } from './vocabulary';

/** Options of `IkeGateway.pairWith`. */
export interface PairOptions {
  /**
   * A NAT device sits between the two ends: their addresses are not compared, and NAT traversal is required on both
   * (PANOS-PEER-014). @default false
   */
  readonly natBetween?: boolean;
}

/** What the registry needs of a PanosFirewall. */
export interface PairingFirewall extends IConstruct {
  _facts(): StackFacts;
  _objectAt(path: string): IConstruct | undefined;
}

/** What the registry needs of an end that can be paired explicitly. */
export interface PairableEnd extends IConstruct {
  /** The firewall of a PAN-OS gateway; `undefined` for a far end. */
  readonly firewall?: IConstruct;
}

/** What the registry needs of a declared far end. */
export interface PairingFarEnd extends PairableEnd {
  _farEndFacts(): FarEndFacts;
}

interface Outcome {
  readonly pairing: Pairing;
  readonly results: RuleResults;
  readonly errorsByPath: ReadonlyMap<string, readonly string[]>;
}

const registries = new WeakMap<IConstruct, PeerPairing>();

function inStack(c: IConstruct): boolean {
  return c.node.scopes.some((s) => TerraformStack.isStack(s));
}

/** `[path] ` is added by cdktf to a validation message; the finding's message starts with it already. */
function messageFor(f: Finding, targetPath: string): string {
  const prefix = `[${targetPath}] `;
  return PROPS.reword(f.message.startsWith(prefix) ? f.message.slice(prefix.length) : f.message);
}

/** The pairing registry of one cdktf App. */
export class PeerPairing {
  /** The registry of the App (the construct tree's root) that `scope` belongs to. */
  public static of(scope: IConstruct): PeerPairing {
    const root = scope.node.root;
    let registry = registries.get(root);
    if (!registry) {
      registry = new PeerPairing();
      registries.set(root, registry);
    }
    return registry;
  }

  private readonly firewalls: PairingFirewall[] = [];
  private readonly farEnds: PairingFarEnd[] = [];
  private readonly explicit: { readonly a: PairableEnd; readonly b: PairableEnd; readonly natBetween: boolean }[] = [];
  private outcome?: Outcome;

  private constructor() {}

  /** @internal */
  public addFirewall(firewall: PairingFirewall): void {
    this.firewalls.push(firewall);
    this.invalidate();
  }

  /** @internal */
  public addFarEnd(end: PairingFarEnd): void {
    this.farEnds.push(end);
    this.invalidate();
  }

  /** Declares `a` and `b` the two ends of one tunnel. Throws for an end paired twice or two ends of one firewall. */
  public pair(a: PairableEnd, b: PairableEnd, options: PairOptions = {}): void {
    const problem =
      a === b
        ? 'is the gateway itself'
        : a.firewall !== undefined && a.firewall === b.firewall
          ? `belongs to the same PanosFirewall (${a.firewall.node.path}); a firewall does not negotiate with itself`
          : a.firewall === undefined && b.firewall === undefined
            ? 'is a far end too; one end of a pair must be a PAN-OS gateway'
            : undefined;
    if (problem) throw Errors.invalidProp(a.node.path, 'pairWith', b.node.path, problem, 'pair the gateway with a gateway of another firewall, or with an ExternalPeer');
    for (const end of [a, b]) {
      const earlier = this.explicit.find((p) => p.a === end || p.b === end);
      if (earlier && !(new Set([earlier.a, earlier.b]).has(a) && new Set([earlier.a, earlier.b]).has(b))) {
        const other = earlier.a === end ? earlier.b : earlier.a;
        throw Errors.invalidProp(end.node.path, 'pairWith', other.node.path, 'is already this end\'s pair; an end has one peer', 'use a second gateway (or far end) for a second peer');
      }
    }
    if (!this.explicit.some((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a))) {
      this.explicit.push({ a, b, natBetween: options.natBetween ?? false });
    }
    this.invalidate();
  }

  /** @internal Forgets the last evaluation (a construct or acknowledgement was added). */
  public invalidate(): void {
    this.outcome = undefined;
  }

  /** The pairs found and every pair finding (evaluated on first use). */
  public get pairing(): Pairing {
    return this.evaluate().pairing;
  }

  /** Every pair finding by level, with acknowledged ones apart. */
  public get results(): RuleResults {
    return this.evaluate().results;
  }

  /** @internal Error messages for the construct at `path` (without the `[path] ` prefix cdktf adds). */
  public errorsFor(path: string): string[] {
    return [...(this.evaluate().errorsByPath.get(path) ?? [])];
  }

  private evaluate(): Outcome {
    if (this.outcome) return this.outcome;
    const ends: PeerEnd[] = [];
    const acknowledgements: PairAcknowledgement[] = [];
    for (const fw of this.firewalls) {
      const facts = fw._facts();
      ends.push(...peerEndsOf(facts, fw.node.path));
      for (const ack of facts.acknowledgements ?? []) acknowledgements.push({ ...ack, owner: fw.node.path });
    }
    for (const fe of this.farEnds) ends.push(farEnd(fe._farEndFacts()));
    const pairing = pairEnds(
      ends,
      this.explicit.map((p) => ({ a: p.a.node.path, b: p.b.node.path, natBetween: p.natBetween })),
    );
    const results = runPairRules(pairing, { acknowledgements, reportInvalidAcknowledgements: false });
    this.outcome = { pairing, results, errorsByPath: this.place(results, acknowledgements) };
    return this.outcome;
  }

  /** The construct a finding's path names, else the firewall (or far end) that owns it. */
  private constructAt(path: string): IConstruct | undefined {
    for (const fw of this.firewalls) {
      const found = fw._objectAt(path);
      if (found) return found;
    }
    return this.farEnds.find((f) => f.node.path === path) ?? this.firewalls.find((fw) => fw.node.path === path);
  }

  /**
   * Where a finding is validated and printed: the construct it names when that construct is inside a stack (cdktf
   * validates and collects annotations per stack only), else the other end (a far end declared directly under the
   * App), else the first firewall.
   */
  private targetOf(f: Finding): IConstruct | undefined {
    for (const path of [f.path, f.peerPath]) {
      const c = path === undefined ? undefined : this.constructAt(path);
      if (c && inStack(c)) return c;
    }
    return this.firewalls[0];
  }

  private place(results: RuleResults, acknowledgements: readonly PairAcknowledgement[]): Map<string, string[]> {
    const errorsByPath = new Map<string, string[]>();
    for (const f of results.errors) {
      const target = this.targetOf(f);
      if (!target) continue;
      const list = errorsByPath.get(target.node.path) ?? [];
      list.push(messageFor(f, target.node.path));
      errorsByPath.set(target.node.path, list);
    }
    for (const f of results.warnings) {
      const target = this.targetOf(f);
      if (target) Annotations.of(target).addWarning(messageFor(f, target.node.path));
    }
    for (const f of results.infos) {
      const target = this.targetOf(f);
      if (target) Annotations.of(target).addInfo(messageFor(f, target.node.path));
    }
    // One line per acknowledgement, on the firewall that made it, however many pairs it covers.
    const counts = new Map<PairAcknowledgement, number>();
    for (const { finding, reason } of results.acknowledged) {
      const ack = acknowledgements.find((a) => a.ruleId === finding.ruleId && a.reason.trim() === reason);
      if (ack) counts.set(ack, (counts.get(ack) ?? 0) + 1);
    }
    for (const [ack, count] of counts) {
      const owner = this.firewalls.find((fw) => fw.node.path === ack.owner);
      if (owner) {
        Annotations.of(owner).addInfo(
          `${ack.ruleId} acknowledged for ${count} pair finding${count === 1 ? '' : 's'} under ${ack.path ?? ack.owner}: ${ack.reason.trim()}`,
        );
      }
    }
    return errorsByPath;
  }
}
