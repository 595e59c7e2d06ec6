/**
 * What every pair rule shares: building a finding that names both ends, list comparison, and which IKE version a
 * pair ends up speaking.
 */
import { isKnown, type Known } from '../facts';
import { makeFinding, type FindingInput } from '../finding';
import type { Finding } from '../types';
import type { IkeOffer, PairRule, PeerEnd, PeerIkeVersion, ReportAt } from './types';

/** Where a finding about `field` of the object at `at` goes, with the field named as its declaration names it. */
export function fieldAt(at: ReportAt, field: string): Pick<FindingInput, 'path' | 'objectKind' | 'objectName' | 'field'> {
  return {
    path: at.path,
    objectKind: at.objectKind,
    ...(at.objectName !== undefined ? { objectName: at.objectName } : {}),
    field: at.field ?? `${at.fieldPrefix ?? ''}${field}`,
  };
}

/** A finding of a pair rule: the project's message format, plus the other end's path. */
export function pairFinding(rule: PairRule, input: FindingInput & { readonly peerPath: string }): Finding {
  return { ...makeFinding(rule, input), peerPath: input.peerPath };
}

/** The elements of `a` that `b` holds too, in `a`'s order. */
export function common(a: readonly string[], b: readonly string[]): string[] {
  const inB = new Set(b);
  return a.filter((v) => inB.has(v));
}

/** A list for a message: `aes-256-gcm, aes-128-gcm`, or `(none)`. */
export function listText(list: readonly string[]): string {
  return list.length === 0 ? '(none)' : list.join(', ');
}

/** True when every value is set and known. */
export function allKnown<T>(...values: Known<T>[]): boolean {
  return values.every((v) => isKnown(v));
}

const SPEAKS: Readonly<Record<PeerIkeVersion, readonly ('ikev2' | 'ikev1')[]>> = {
  ikev1: ['ikev1'],
  ikev2: ['ikev2'],
  'ikev2-preferred': ['ikev2', 'ikev1'],
};

/**
 * The IKE version a pair negotiates: IKEv2 when both can, else IKEv1 when both can (an `ikev2-preferred` end falls
 * back), else `none`. Not known while either version is unknown.
 */
export function negotiatedVersion(a: PeerEnd, b: PeerEnd): Known<'ikev2' | 'ikev1' | 'none'> {
  if (!isKnown(a.version) || !isKnown(b.version)) return undefined;
  const both = SPEAKS[a.version].filter((v) => SPEAKS[b.version as PeerIkeVersion].includes(v));
  return both[0] ?? 'none';
}

/** "its peer IKE gateway 'gw' (fw-b/gw)" or "its far end 'branch' (app/branch)". */
export function peerLabel(end: PeerEnd): string {
  return `its ${end.kind === 'panos' ? 'peer' : 'far end'} ${end.label}`;
}

/**
 * "IKE crypto profile 'p' (path) of [its peer] IKE gateway 'gw' (path)"; a far end's offer label names the far end
 * already ("the IKE offer of far end 'x' (path)"), so it stands alone.
 */
export function offerText(offerLabel: string, ownerLabel: string, external: boolean, asPeer: boolean): string {
  return external ? offerLabel : `${offerLabel} of ${asPeer ? 'its peer ' : ''}${ownerLabel}`;
}

/**
 * The IKE offers a pair negotiates with: each end's profile of the block of the version they end up speaking
 * (IKEv1 block for an IKEv1 pair, IKEv2 block otherwise). `undefined` while the version is unknown or none is
 * common (PANOS-PEER-001 reports that), or an end's profile content is not known.
 */
export function negotiatedIkeOffers(a: PeerEnd, b: PeerEnd): { readonly a: IkeOffer; readonly b: IkeOffer } | undefined {
  const v = negotiatedVersion(a, b);
  if (v !== 'ikev1' && v !== 'ikev2') return undefined;
  const x = a.ike[v];
  const y = b.ike[v];
  return x && y ? { a: x, b: y } : undefined;
}
