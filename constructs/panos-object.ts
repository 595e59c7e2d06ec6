import { Token, type TerraformResource } from 'cdktf';
import { Construct, type IConstruct } from 'constructs';
import type { ObjectKind, PanosObjectDescriptor } from '../src/panos/objects';
import { factsOf, UNKNOWN, valueRuleId, type Known, type ObjectFacts } from '../src/rules';
import { Errors } from './errors';
import { PanosFirewall } from './panos-firewall';
import { PROPS } from './vocabulary';

/** What every PAN-OS object construct (declared or imported) offers. */
export interface IPanosObject extends IConstruct {
  /** The kind of PAN-OS object (also keeps the reference interfaces of different kinds apart). */
  readonly kind: ObjectKind;
  /** The PAN-OS entry name. */
  readonly name: string;
  /**
   * The name to write into another object's configuration: a Terraform reference to the resource's `name` for a
   * declared object (so Terraform writes it before, and deletes it after, the objects that use it), the plain name for
   * an object imported with `fromName`.
   */
  readonly nameRef: string;
  /** The firewall (provider configuration, location, rules) the object belongs to. */
  readonly firewall: PanosFirewall;
  /**
   * Accepts a warning or info finding of `ruleId` for this construct and everything below it, with a written
   * reason. Throws for unknown ids, error rules and empty reasons (errors cannot be acknowledged).
   */
  acknowledge(ruleId: string, reason: string): void;
}

/** Facts of one object plus the list they belong to. */
export interface KindFacts {
  readonly kind: ObjectKind;
  readonly facts: ObjectFacts;
}

/**
 * Base of every L2 object construct. Subclasses build the object model from their props once; the model feeds the
 * constructor-time checks (the descriptor's FieldSpec rules), the L1 resource config and the facts for the rules.
 */
export abstract class PanosObject extends Construct implements IPanosObject {
  public abstract readonly name: string;
  public readonly firewall: PanosFirewall;
  /** The kind of PAN-OS object. */
  public abstract readonly kind: ObjectKind;
  /** True for objects imported with `fromName` (no resource is created). */
  public readonly imported: boolean;
  private l1?: TerraformResource & { readonly name: string };

  protected constructor(scope: Construct, id: string, imported: boolean) {
    super(scope, id);
    this.firewall = PanosFirewall.of(this);
    this.imported = imported;
  }

  public acknowledge(ruleId: string, reason: string): void {
    this.firewall._acknowledge(this, ruleId, reason);
  }

  /** @internal The facts the rules read: the model's, as `factsOf` maps them, plus what a subclass adds. */
  public _facts(): KindFacts {
    return this.factsWith({});
  }

  /** @internal The model as declared (unresolved tokens included), for the facts and the version-gate facts. */
  public _modelRecord(): Readonly<Record<string, unknown>> {
    return {};
  }

  /** The facts of the model plus facts that are not fields (intent, where a key comes from). */
  protected factsWith(extra: Readonly<Record<string, unknown>>): KindFacts {
    return { kind: this.kind, facts: { ...factsOf(this.kind, this._modelRecord(), { path: this.node.path, isUnknown: containsToken }), ...extra } };
  }

  public get nameRef(): string {
    return this.l1 ? this.l1.name : this.name;
  }

  /** Registers with the firewall: dependency on the commit anchor, revision in the commit triggers, facts. */
  protected register(resource?: TerraformResource & { readonly name: string }): void {
    this.l1 = resource;
    this.firewall._register(this, resource);
  }

  /**
   * Throws for value problems visible from the props alone (enum, range, length, one-of, variants), using the
   * object model's own checks. Problems about values that are still tokens are skipped: they are checked at plan.
   */
  protected checkModel<M extends { name: string }>(descriptor: PanosObjectDescriptor<M>, model: M): void {
    const record: Readonly<Record<string, unknown>> = model;
    const tokenKeys = Object.keys(record).filter((k) => containsToken(record[k]));
    const problems = descriptor
      .validate(model)
      .filter((p) => !tokenKeys.some((k) => p.field === k || p.field.startsWith(`${k}.`) || p.field.startsWith(`${k}[`)))
      .map((p) => ({ field: p.field, message: p.message }));
    if (!tokenKeys.includes('name') && !problems.some((p) => p.field === 'name')) {
      try {
        descriptor.validateName(model.name);
      } catch (err) {
        problems.unshift({ field: 'name', message: (err as Error).message });
      }
    }
    if (problems.length > 0) {
      // The id of the rule judging the first problem leads the message, as for synth-time findings.
      const ruleId = valueRuleId(problems[0]!.field);
      throw Errors.fieldProblems(this.node.path, descriptor.title, problems.map((p) => PROPS.reword(p.message)), ruleId);
    }
  }

  /** Checks that a referenced object belongs to the same firewall. */
  protected sameFirewall(prop: string, other: IPanosObject | undefined): void {
    if (other !== undefined && other.firewall !== this.firewall) throw Errors.crossFirewallReference(this.node.path, prop, other.node.path);
  }
}

/** An object that already exists on the device, known by name only (`XXX.fromName`); no resource is created. */
export class ImportedPanosObject<K extends ObjectKind> extends PanosObject {
  constructor(
    scope: Construct,
    id: string,
    public readonly kind: K,
    public readonly name: string,
  ) {
    super(scope, id, true);
    this.register();
  }

  public override _facts(): KindFacts {
    return { kind: this.kind, facts: { path: this.node.path, name: known(this.name), imported: true } };
  }
}

/**
 * The model fields whose prop carries the model key's name, taken as given (a prop added next to a table field needs
 * no further wiring). The construct sets the rest after this spread: the name, references to other constructs,
 * secrets and props whose shape differs from the model's.
 */
export function modelFromProps<M extends { name: string }>(descriptor: PanosObjectDescriptor<M>, props: object): Partial<M> {
  const given = props as Readonly<Record<string, unknown>>;
  const out: Record<string, unknown> = {};
  for (const f of descriptor.fields) if (given[f.key] !== undefined) out[f.key] = given[f.key];
  // Only keys of the model's own table were copied; each value's type is the prop's, which the construct declares.
  return out as Partial<M>;
}

/** True when the value (or anything inside it) is an unresolved cdktf token. */
export function containsToken(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string' || typeof value === 'number') return Token.isUnresolved(value);
  if (Array.isArray(value)) return Token.isUnresolved(value) || value.some(containsToken);
  if (typeof value === 'object') return Token.isUnresolved(value) || Object.values(value).some(containsToken);
  return false;
}

/** A prop value as a rules fact: unresolved tokens become {@link UNKNOWN}. */
export function known<T>(value: T | undefined): Known<T> {
  if (value === undefined) return undefined;
  return containsToken(value) ? UNKNOWN : value;
}
