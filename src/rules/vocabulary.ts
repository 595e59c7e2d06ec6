/**
 * The words a message uses for fields, in the front end the user wrote: HCL attributes at plan (`ipsec_mode`,
 * `auto_key.proxy_ids[1].name`), construct props at synth (`mode`, `proxyIds[1].name`). Rules, the object model and
 * its value checks each speak their own vocabulary (facts and model keys, or HCL attributes); a front end rewords
 * their messages through one of these before the user sees them.
 *
 * Every spelling is derived from the object descriptors (src/panos/objects): a new field is reworded without being
 * listed here. The constructs add the few props whose name differs from the model key (`mode` for `ipsecMode`).
 */
import { ALL_DESCRIPTORS, type FieldSpec, type ObjectKind } from '../panos/objects';

/** Per kind, model path (dotted, no indices) → prop name of that segment; `''` folds the segment into the next one. */
export type PropNames = Partial<Record<ObjectKind, Readonly<Record<string, string>>>>;

/** A field path in three spellings: the HCL attribute, the model key and the construct prop (per segment). */
export interface FieldNames {
  readonly kind: ObjectKind;
  readonly hcl: readonly string[];
  readonly model: readonly string[];
  readonly prop: readonly string[];
  /** The path as the rules' facts spell it (a tunnel's auto-key fields lifted). */
  readonly facts: readonly string[];
}

/** Every field of every object, nested ones included, in all spellings. */
export function allFieldNames(props: PropNames = {}): FieldNames[] {
  const out: FieldNames[] = [];
  for (const d of ALL_DESCRIPTORS) {
    // The block whose fields the rules' facts lift to the top (`factsInline`: a tunnel's `ikeGateways`, not `autoKey.ikeGateways`).
    const lifted = d.fields.find((f) => f.factsInline)?.key;
    const walk = (fields: readonly FieldSpec[], hcl: string[], model: string[], prop: string[]): void => {
      for (const f of fields) {
        const m = [...model, f.key];
        const names = {
          kind: d.kind,
          hcl: [...hcl, f.tfName],
          model: m,
          prop: [...prop, props[d.kind]?.[m.join('.')] ?? f.key],
          facts: lifted !== undefined && m[0] === lifted && m.length > 1 ? m.slice(1) : m,
        };
        out.push(names);
        if (f.fields) walk(f.fields, names.hcl, names.model, names.prop);
      }
    };
    walk(d.fields, [], [], []);
  }
  return out;
}

/** Rewords field names in text; see {@link vocabulary}. */
export interface Vocabulary {
  /** `text` with every field name spelt in another vocabulary replaced by this one's (quoted values and paths kept). */
  reword(text: string): string;
  /** This vocabulary's spelling of a facts field of `kind` (`ikeGateways` → `auto_key.ike_gateways`), else `field`. */
  nameOf(kind: string, field: string): string;
}

/** Joins per-segment names, folding empty ones (a dropped block) into the next segment. */
function joinSegments(parts: readonly string[]): string {
  return parts.filter((p) => p !== '').join('.');
}

/**
 * Source and target segments with the source's empty segments (a dropped or lifted block) removed and their target
 * names joined to the next segment's (`['', 'proxyIds']` over `['auto_key', 'proxy_ids']` → `['proxyIds']` over
 * `['auto_key.proxy_ids']`).
 */
function folded(source: readonly string[], target: readonly string[]): [string[], string[]] {
  const src: string[] = [];
  const tgt: string[] = [];
  let carry: string[] = [];
  source.forEach((s, i) => {
    carry.push(target[i] ?? '');
    if (s === '') return;
    src.push(s);
    tgt.push(joinSegments(carry));
    carry = [];
  });
  return [src, tgt];
}

/** A spelling as a dotted path, with the list indices of the message kept per segment. */
const TOKEN = /[A-Za-z_][A-Za-z0-9_]*(?:\[\d+\])*(?:\.[A-Za-z_][A-Za-z0-9_]*(?:\[\d+\])*)*/g;
/** Characters that glue a token to a name, value, path or address it is part of (`gw-bgp`, `fw1/bgp`, `'x'`). */
const GLUE_BEFORE = /['"/\-:@$\w.]/;
const GLUE_AFTER = /['"/\-@\w]/;

/**
 * A vocabulary: `hcl` (HCL attributes) or `props` (construct props, with `props` naming the exceptions). `extra`
 * adds spellings outside the object descriptors (provider settings: `minPanosVersion` → `min_panos_version`).
 */
export function vocabulary(target: 'hcl' | 'props', props: PropNames = {}, extra: Readonly<Record<string, string>> = {}): Vocabulary {
  // source spelling (dotted, no indices) → target per source segment; undefined when two fields disagree.
  const map = new Map<string, readonly string[] | undefined>();
  const byKindFact = new Map<string, string>();
  const put = (source: readonly string[], targetSegs: readonly string[]): void => {
    const key = source.join('.');
    const prior = map.get(key);
    if (map.has(key) && (prior === undefined || joinSegments(prior) !== joinSegments(targetSegs))) map.set(key, undefined);
    else map.set(key, targetSegs);
  };
  for (const n of allFieldNames(props)) {
    const to = target === 'hcl' ? n.hcl : n.prop;
    put(n.hcl, to);
    put(n.model, to);
    // The facts lift a block's fields (`proxyIds`): the block's own name joins the first lifted segment.
    const lifted = n.model.map((m, i) => (i < n.model.length - n.facts.length ? '' : m));
    put(...folded(lifted, to));
    byKindFact.set(`${n.kind}:${n.facts.join('.')}`, joinSegments(to));
  }
  for (const [from, to] of Object.entries(extra)) map.set(from, [to]);

  const translate = (token: string): string | undefined => {
    const segs = token.split('.').map((s) => {
      const m = /^([^[]+)((?:\[\d+\])*)$/.exec(s)!;
      return { name: m[1]!, index: m[2]! };
    });
    // The whole path, else its longest known head (the rest kept as written).
    for (let n = segs.length; n >= 1; n--) {
      const to = map.get(segs.slice(0, n).map((s) => s.name).join('.'));
      if (!to) continue;
      const head = joinSegments(to.map((t, i) => (t === '' ? '' : `${t}${segs[i]!.index}`)));
      if (head === '') return undefined;
      const rest = segs.slice(n).map((s) => `${s.name}${s.index}`);
      return [head, ...rest].join('.');
    }
    return undefined;
  };

  // Advice for one front end only is written `(constructs: …)` or `(HCL: …)`, or `(constructs: …; HCL: …)`.
  const mine = target === 'hcl' ? 'HCL' : 'constructs';
  const asides = (text: string): string =>
    text.replace(/ \((constructs|HCL): ([^()]*?)(?:; (constructs|HCL): ([^()]*))?\)/g, (_all, a: string, x: string, b?: string, y?: string) => {
      const said = a === mine ? x : b === mine ? y : undefined;
      return said === undefined ? '' : ` (${said})`;
    });

  return {
    reword(raw: string): string {
      const text = asides(raw);
      return text.replace(TOKEN, (token, offset: number) => {
        const before = offset > 0 ? text[offset - 1]! : '';
        const after = text[offset + token.length] ?? '';
        if ((before !== '' && GLUE_BEFORE.test(before)) || (after !== '' && GLUE_AFTER.test(after))) return token;
        // Plain lowercase words (`zone`, `version`) read the same in every vocabulary, and are English too.
        if (!/[A-Z_.]/.test(token.replace(/\[\d+\]/g, ''))) return token;
        return translate(token) ?? token;
      });
    },
    nameOf(kind: string, field: string): string {
      return byKindFact.get(`${kind}:${field}`) ?? translate(field) ?? field;
    },
  };
}
