/**
 * Checks a model against its `FieldSpec` table before anything is written: value rules (type, enum, range,
 * length, required, one-of groups, variants) and version gates. Also fills unset variant choices that the set
 * fields make unambiguous, so `{ espEncryption: [...] }` implies `protocol: 'esp'`.
 */
import { formatVersion, isAtLeast, type PanosVersion } from '../version';
import { type CodecContext, isNameField, type ModelRecord, unitField, variantOf } from './codec';
import type { FieldProblem } from './errors';
import { InvalidNameError, validateName, type ContainerNameKind } from './names';
import type { FieldSpec, ObjectKind, VersionIssue } from './types';

function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

function show(f: FieldSpec, v: unknown): string | undefined {
  if (f.sensitive) return undefined;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Returns a copy of the model with unambiguous variant choices filled in (recursively). */
export function inferChoices(fields: readonly FieldSpec[], model: ModelRecord): ModelRecord {
  const out: ModelRecord = { ...model };
  for (const f of fields) {
    const v = out[f.key];
    if (!isSet(v)) continue;
    if (f.type === 'object' && !f.unitValue) out[f.key] = inferChoices(f.fields ?? [], v as ModelRecord);
    if (f.type === 'object-list' && Array.isArray(v)) out[f.key] = v.map((item) => inferChoices(f.fields ?? [], item as ModelRecord));
  }
  for (const c of fields) {
    if (!c.choice || isSet(out[c.key])) continue;
    const alts = new Set<string>();
    for (const f of fields) {
      const vo = variantOf(f, fields);
      if (vo && vo.choice === c && isSet(out[f.key])) alts.add(vo.alt);
    }
    if (alts.size === 1) out[c.key] = [...alts][0];
  }
  return out;
}

/** Value problems of a model (empty when it is fine). */
export function validateFields(fields: readonly FieldSpec[], model: ModelRecord, ctx: CodecContext, keyPrefix = '', tfPrefix = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (f: FieldSpec, key: string, tf: string, value: unknown, detail: string, fix: string): void => {
    const shown = show(f, value);
    problems.push({
      field: key,
      tfName: tf,
      ...(shown !== undefined ? { value: shown } : {}),
      message: `${ctx.title} ${JSON.stringify(ctx.name)}: ${tf}${shown !== undefined ? ` = ${JSON.stringify(shown)}` : ''} ${detail}. Fix: ${fix}.`,
    });
  };
  const groups = new Map<string, FieldSpec[]>();
  for (const f of fields) {
    if (isNameField(f) && keyPrefix === '') continue;
    const key = `${keyPrefix}${f.key}`;
    const tf = `${tfPrefix}${f.tfName}`;
    const v = model[f.key];
    if (!isSet(v)) {
      if (f.required) add(f, key, tf, undefined, 'is required', `set ${tf}`);
      continue;
    }
    if (f.oneofGroup) groups.set(f.oneofGroup, [...(groups.get(f.oneofGroup) ?? []), f]);
    const vo = variantOf(f, fields);
    if (vo && isSet(model[vo.choice.key]) && model[vo.choice.key] !== vo.alt) {
      add(f, key, tf, v, `belongs to ${vo.choice.tfName} "${vo.alt}" but ${vo.choice.tfName} is "${String(model[vo.choice.key])}"`,
        `remove ${tf} or set ${vo.choice.tfName} to "${vo.alt}"`);
      continue;
    }
    problems.push(...checkValue(f, v, key, tf, ctx, add));
  }
  for (const [group, members] of groups) {
    if (members.length > 1) {
      const names = members.map((m) => `${tfPrefix}${m.tfName}`);
      problems.push({
        field: members.map((m) => `${keyPrefix}${m.key}`).join(','),
        tfName: names.join(','),
        message: `${ctx.title} ${JSON.stringify(ctx.name)}: ${names.join(' and ')} are mutually exclusive (${group}). Fix: set only one of them.`,
      });
    }
  }
  return problems;
}

type Add = (f: FieldSpec, key: string, tf: string, value: unknown, detail: string, fix: string) => void;

function checkScalar(f: FieldSpec, v: unknown, key: string, tf: string, add: Add): void {
  if (f.type === 'number' || (f.type === 'object' && f.unitValue)) {
    if (typeof v !== 'number' || !Number.isInteger(v)) return add(f, key, tf, v, 'is not an integer', 'use a whole number');
  } else if (f.type === 'bool') {
    if (typeof v !== 'boolean') return add(f, key, tf, v, 'is not a boolean', 'use true or false');
    return;
  } else if (typeof v !== 'string') {
    return add(f, key, tf, v, 'is not a string', 'use text');
  }
  if (f.enum && !f.enum.includes(String(v))) add(f, key, tf, v, 'is not an allowed value', `use one of ${f.enum.join(', ')}`);
  if (f.range && typeof v === 'number' && (v < f.range.min || v > f.range.max)) {
    add(f, key, tf, v, `is outside ${f.range.min}-${f.range.max}`, `use a value from ${f.range.min} to ${f.range.max}`);
  }
  if (typeof v === 'string') {
    if (f.maxLength !== undefined && v.length > f.maxLength) {
      add(f, key, tf, v, `is ${v.length} characters long`, `use at most ${f.maxLength} characters`);
    }
    // Control characters would be escaped correctly, but PAN-OS rejects or mangles them; refuse early.
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(v)) add(f, key, tf, v, 'contains control characters', 'remove them');
  }
}

function checkValue(f: FieldSpec, v: unknown, key: string, tf: string, ctx: CodecContext, add: Add): FieldProblem[] {
  const nested: FieldProblem[] = [];
  switch (f.type) {
    case 'string':
    case 'number':
    case 'bool':
      checkScalar(f, v, key, tf, add);
      break;
    case 'string-list':
      if (!Array.isArray(v)) {
        add(f, key, tf, v, 'is not a list', 'use a list of strings');
        break;
      }
      v.forEach((item, i) => checkScalar({ ...f, type: 'string' }, item, `${key}[${i}]`, `${tf}[${i}]`, add));
      if (new Set(v).size !== v.length) add(f, key, tf, v, 'has duplicates', 'list each value once');
      break;
    case 'object': {
      if (typeof v !== 'object' || Array.isArray(v)) {
        add(f, key, tf, v, 'is not an object', 'use a block');
        break;
      }
      const obj = v as ModelRecord;
      if (f.unitValue) {
        const uf = unitField(f);
        checkScalar(uf, obj.unit, `${key}.unit`, `${tf}.${uf.tfName}`, add);
        const range = f.unitRanges?.[String(obj.unit)];
        const vf: FieldSpec = { ...(f.fields?.find((x) => x.key === 'value') ?? f), type: 'number', range };
        checkScalar(vf, obj.value, `${key}.value`, `${tf}.${vf.tfName}`, add);
        break;
      }
      nested.push(...validateFields(f.fields ?? [], obj, ctx, `${key}.`, `${tf}.`));
      break;
    }
    case 'object-list': {
      if (!Array.isArray(v)) {
        add(f, key, tf, v, 'is not a list', 'use a list of blocks');
        break;
      }
      const seen = new Set<string>();
      v.forEach((item, i) => {
        const rec = item as ModelRecord;
        const name = rec?.name;
        if (typeof name !== 'string' || name === '') add(f, `${key}[${i}].name`, `${tf}[${i}].name`, name, 'is empty', 'give every entry a name');
        else if (seen.has(name)) add(f, `${key}[${i}].name`, `${tf}[${i}].name`, name, 'is used twice', 'give every entry a unique name');
        else seen.add(name);
        nested.push(...validateFields(f.fields ?? [], rec ?? {}, ctx, `${key}[${i}].`, `${tf}[${i}].`));
      });
      break;
    }
  }
  return nested;
}

/** Fields set in the model that the target version lacks. */
export function collectVersionIssues(
  kind: ObjectKind,
  ctx: CodecContext,
  fields: readonly FieldSpec[],
  model: ModelRecord,
  target: PanosVersion,
  keyPrefix = '',
  tfPrefix = '',
): VersionIssue[] {
  const issues: VersionIssue[] = [];
  for (const f of fields) {
    const v = model[f.key];
    if (!isSet(v)) continue;
    const key = `${keyPrefix}${f.key}`;
    const tf = `${tfPrefix}${f.tfName}`;
    if (f.minVersion && !isAtLeast(target, f.minVersion)) {
      const shown = show(f, v);
      const fix = f.versionFix ?? `remove ${tf} from the declaration or upgrade the device to PAN-OS ${f.minVersion} or later`;
      issues.push({
        kind,
        name: ctx.name,
        field: key,
        tfName: tf,
        ...(shown !== undefined ? { value: shown } : {}),
        minVersion: f.minVersion,
        targetVersion: formatVersion(target),
        message:
          `${ctx.title} ${JSON.stringify(ctx.name)}: ${tf}${shown !== undefined ? ` = ${JSON.stringify(shown)}` : ''} needs PAN-OS ` +
          `${f.minVersion} or later, but the target runs PAN-OS ${formatVersion(target)}. Fix: ${fix}.`,
      });
      continue;
    }
    if (f.type === 'object' && !f.unitValue) {
      issues.push(...collectVersionIssues(kind, ctx, f.fields ?? [], v as ModelRecord, target, `${key}.`, `${tf}.`));
    } else if (f.type === 'object-list' && Array.isArray(v)) {
      v.forEach((item, i) =>
        issues.push(...collectVersionIssues(kind, ctx, f.fields ?? [], item as ModelRecord, target, `${key}[${i}].`, `${tf}[${i}].`)),
      );
    }
  }
  return issues;
}

/**
 * A problem when a field holding a name of `kind` breaks that kind's naming rule (nothing when unset or fine). An
 * object kind comes with its limit: its descriptor.
 */
export function nameProblems(
  kind: ContainerNameKind | { readonly kind: ObjectKind; readonly nameMaxLength: number },
  key: string,
  tfName: string,
  value: unknown,
  ctx: CodecContext,
): FieldProblem[] {
  if (value === undefined || value === null) return [];
  const what = typeof kind === 'string' ? kind : kind.kind;
  try {
    if (typeof kind === 'string') validateName(kind, String(value));
    else validateName(kind.kind, String(value), kind.nameMaxLength);
    return [];
  } catch (err) {
    const rule = err instanceof InvalidNameError ? err.rule : String(err);
    return [
      {
        field: key,
        tfName,
        value: String(value),
        message: `${ctx.title} ${JSON.stringify(ctx.name)}: ${tfName} = ${JSON.stringify(String(value))} ${rule}. Fix: use a valid ${what} name.`,
      },
    ];
  }
}
