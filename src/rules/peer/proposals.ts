/**
 * Proposal matching as IKE does it: the responder must pick one value of every transform type (encryption,
 * integrity, DH group) that the initiator offered; when a type has nothing in common, no proposal can be chosen.
 */
import { common, listText } from './report';

/** One transform type of a proposal, as both ends offer it. */
export interface TransformOffer {
  /** Field name on the declaring object, e.g. `encryption`. */
  readonly field: string;
  /** Words for messages, e.g. `encryption`, `DH group`. */
  readonly title: string;
  readonly a: readonly string[];
  readonly b: readonly string[];
}

/** The outcome of matching two offers. */
export interface ProposalMatch {
  /** True when every type has a value in common. */
  readonly matches: boolean;
  /** The types with nothing in common, in order. */
  readonly missing: readonly TransformOffer[];
  /**
   * The proposal each end would settle on: per type the first common value (in `a`'s order of preference), or, for
   * a type with nothing in common, each end's first choice — which is the closest miss.
   */
  readonly chosenA: string;
  readonly chosenB: string;
  /** Per type: `encryption aes-256-gcm vs aes-256-cbc (none in common)` or `DH group group20 in common`. */
  readonly detail: string;
}

/** Matches the two ends' offers type by type. */
export function matchProposals(types: readonly TransformOffer[]): ProposalMatch {
  const picks = types.map((t) => ({ t, both: common(t.a, t.b) }));
  const missing = picks.filter((p) => p.both.length === 0).map((p) => p.t);
  const chosen = (side: 'a' | 'b'): string => picks.map((p) => p.both[0] ?? p.t[side][0] ?? '(none)').join('/');
  const detail = picks
    .map((p) => (p.both.length > 0 ? `${p.t.title} ${listText(p.both)} in common` : `${p.t.title} ${listText(p.t.a)} vs ${listText(p.t.b)} (none in common)`))
    .join('; ');
  return { matches: missing.length === 0, missing, chosenA: chosen('a'), chosenB: chosen('b'), detail };
}
