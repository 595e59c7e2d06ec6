/**
 * The rule and finding contracts shared by every rule, the engine and the catalogue.
 */
import type { StackFacts } from './facts';

/** How bad a finding is. Errors fail synth / plan and cannot be acknowledged. */
export type RuleLevel = 'error' | 'warning' | 'info';

/** The item of `docs/transport-mode.md` a rule enforces (each has an anchor there, e.g. `#t19`). */
export type RuleSource =
  | 'T1' | 'T2' | 'T3' | 'T4' | 'T5' | 'T6' | 'T7' | 'T8' | 'T9' | 'T10'
  | 'T11' | 'T12' | 'T13' | 'T14' | 'T15' | 'T16' | 'T17' | 'T18' | 'T19'
  | 'X1' | 'X2' | 'X3' | 'X4' | 'X5' | 'X6'
  | 'W1' | 'W2';

/**
 * The item of `docs/peer-compatibility.md` a pair rule (`PANOS-PEER-…`, both ends of a tunnel) enforces: N1 IKE version,
 * N2 IKEv1 exchange mode, N3 IKE proposals, N4 IPSec proposals, N5 PFS, N6 IPSec mode, N7 GRE, N8 addresses,
 * N9 authentication, N10 identities, N11 NAT traversal, N12 proxy IDs, N13 lifetimes, N14 anti-replay, N15 who
 * initiates.
 */
export type PairSource =
  | 'N1' | 'N2' | 'N3' | 'N4' | 'N5' | 'N6' | 'N7' | 'N8' | 'N9' | 'N10' | 'N11' | 'N12' | 'N13' | 'N14' | 'N15';

/** Every pair-rule source item, in document order. */
export const ALL_PAIR_SOURCES: readonly PairSource[] = [
  'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9', 'N10', 'N11', 'N12', 'N13', 'N14', 'N15',
];

/** Source of a finding: a rule's item, or `-` for the engine's own findings (invalid acknowledgements). */
export type FindingSource = RuleSource | PairSource | '-';

/** Every source item, in document order (the catalogue and the coverage test use it). */
export const ALL_SOURCES: readonly RuleSource[] = [
  'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10',
  'T11', 'T12', 'T13', 'T14', 'T15', 'T16', 'T17', 'T18', 'T19',
  'X1', 'X2', 'X3', 'X4', 'X5', 'X6',
  'W1', 'W2',
];

/** One problem (or note) about one field of one object. */
export interface Finding {
  readonly ruleId: string;
  readonly level: RuleLevel;
  /** Construct path or resource address of the object holding the field. */
  readonly path: string;
  /** Object kind, e.g. `ike-gateway`, or `stack` for stack-level facts. */
  readonly objectKind: string;
  readonly objectName?: string;
  /** Model key (camelCase), e.g. `version`, `antiReplayWindow`. */
  readonly field: string;
  /** The offending value as text. */
  readonly value?: string;
  readonly allowed?: readonly string[];
  /** `[<path>] <ruleId>: <what is wrong>; allowed: <values>; fix: <fix>`. */
  readonly message: string;
  readonly fix: string;
  readonly source: FindingSource;
  /**
   * For a pair rule: the construct path or resource address of the other end (the message names both). An
   * acknowledgement limited to either path covers the finding.
   */
  readonly peerPath?: string;
}

/** What the catalogue and acknowledgements know of any rule (stack rules and pair rules alike). */
export interface RuleInfo {
  /** Stable id `PANOS-<AREA>-<NNN>`, never reused. */
  readonly id: string;
  readonly level: RuleLevel;
  /** One line: the cause. */
  readonly title: string;
  readonly source: RuleSource | PairSource;
  /** Why PAN-OS behaves this way. */
  readonly explanation: string;
  /** What to change. */
  readonly fix: string;
}

/**
 * A validation rule: metadata for the catalogue, where it applies, and a pure evaluation over facts. Everything the
 * callers need to know about a rule is said here, on the rule (cdk-nag style), not in lists of ids elsewhere.
 */
export interface Rule extends RuleInfo {
  readonly source: RuleSource;
  /**
   * The rule judges the whole configuration at once (an object nothing uses), so a plan, which sees one resource's
   * neighbourhood, cannot evaluate it fairly and leaves it to synth. @default false
   */
  readonly wholeConfiguration?: boolean;
  /**
   * Model keys (top-level props) whose constructor-time check by the object model is the same fact this rule judges
   * at synth; a construct reports such a prop problem under this rule's id. @default - none
   */
  readonly guardsProps?: readonly string[];
  /**
   * What a finding's `value` is: `referenced-name` when it is the name of another object the finding's `field`
   * refers to (so a plan can tell a name not planned yet from a dangling one). @default - the field's own value
   */
  readonly findingValue?: 'referenced-name';
  /** Returns one finding per non-compliant field; empty when compliant or not applicable. */
  evaluate(facts: StackFacts): Finding[];
}
