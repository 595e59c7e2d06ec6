/**
 * The field table is the one hand-written description of an object: an object module writes its fields as a typed
 * `as const` table of {@link FieldDef}s, and everything else follows from it: the model type ({@link ModelOf}), the
 * Terraform attribute names (snake_case of the key, {@link fieldSpecs}), the provider schema, the rules' facts types
 * and `factsOf()`.
 */
import type { FieldSpec } from './types';

/**
 * A field as an object module writes it: a {@link FieldSpec} whose `tfName` is derived unless given, and whose
 * `enum` is its `choice` when it is a choice (the alternatives are the values).
 */
export interface FieldDef extends Omit<FieldSpec, 'tfName' | 'fields'> {
  /** Terraform attribute / block name. @default - snake_case of `key` (`antiReplayWindow` → `anti_replay_window`) */
  readonly tfName?: string;
  readonly fields?: readonly FieldDef[];
}

/** `antiReplayWindow` → `anti_replay_window`, `proxyIdsV6` → `proxy_ids_v6`, `ikev1Dpd` → `ikev1_dpd`. */
export function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** The field specs of a table: every field (nested ones too) with its Terraform name. */
export function fieldSpecs(defs: readonly FieldDef[]): readonly FieldSpec[] {
  return defs.map((d) => {
    const { fields, tfName, ...rest } = d;
    return {
      ...rest,
      tfName: tfName ?? snakeCase(d.key),
      ...(d.choice && !d.enum ? { enum: d.choice } : {}),
      ...(fields ? { fields: fieldSpecs(fields) } : {}),
    };
  });
}

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The model value of one field (`enum` or `choice` narrows strings, `enum` string lists; nested tables become objects). */
export type ValueOf<F> = F extends { readonly type: 'string'; readonly enum: readonly (infer E)[] }
  ? E
  : F extends { readonly type: 'string'; readonly choice: readonly (infer E)[] }
    ? E
    : F extends { readonly type: 'string' }
      ? string
      : F extends { readonly type: 'number' }
        ? number
        : F extends { readonly type: 'bool' }
          ? boolean
          : F extends { readonly type: 'string-list'; readonly enum: readonly (infer E)[] }
            ? E[]
            : F extends { readonly type: 'string-list' }
              ? string[]
              : F extends { readonly type: 'object'; readonly fields: infer S extends readonly FieldDef[] }
                ? ModelOf<S>
                : F extends { readonly type: 'object-list'; readonly fields: infer S extends readonly FieldDef[] }
                  ? ModelOf<S>[]
                  : never;

/** The model type a field table describes: `required` fields are mandatory, the others optional. */
export type ModelOf<S extends readonly FieldDef[]> = Simplify<
  { -readonly [F in S[number] as F extends { readonly required: true } ? F['key'] : never]: ValueOf<F> } & {
    -readonly [F in S[number] as F extends { readonly required: true } ? never : F['key']]?: ValueOf<F>;
  }
>;

/** The fields the rules see: secrets left out, a `factsInline` block's fields lifted to the top. */
type FactFields<S extends readonly FieldDef[]> =
  | Exclude<S[number], { readonly sensitive: true } | { readonly factsInline: true }>
  | InlineFields<Extract<S[number], { readonly factsInline: true }>>;
type InlineFields<F> = F extends { readonly fields: infer N extends readonly FieldDef[] } ? N[number] : never;

/** The model as the rules' facts hold it (see {@link FactFields}); every field optional. */
export type FactsModelOf<S extends readonly FieldDef[]> = Simplify<{
  -readonly [F in FactFields<S> as F['key']]?: ValueOf<F>;
}>;

/** A `bool` field (the helper keeps the key's literal type for {@link ModelOf}). */
export function boolField<const K extends string>(
  key: K,
  xmlPath: readonly string[],
  description: string,
  deviceDefault?: boolean,
): { readonly key: K; readonly type: 'bool'; readonly xmlPath: readonly string[]; readonly description: string; readonly deviceDefault?: boolean } {
  return { key, type: 'bool', xmlPath, description, ...(deviceDefault !== undefined ? { deviceDefault } : {}) };
}

/**
 * One field of a table, typed as written (its `enum` and `deviceDefault` keep their literal types), so code that needs
 * a field's values or default reads them from the table instead of restating them.
 */
export function tableField<S extends readonly FieldDef[], K extends S[number]['key']>(table: S, key: K): Extract<S[number], { readonly key: K }> {
  const f = table.find((x) => x.key === key);
  if (!f) throw new Error(`the field table has no field ${JSON.stringify(key)}`);
  // `find` cannot narrow a union by a key compared at run time; the key is checked against the table at compile time.
  return f as Extract<S[number], { readonly key: K }>;
}
