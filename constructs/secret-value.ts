import { TerraformVariable, Token } from 'cdktf';
import type { Construct } from 'constructs';
import { Errors } from './errors';

/** How a {@link SecretValue} reaches the synthesized configuration. */
export type SecretSource = 'variable' | 'plain-text';

/** How each variable behind a secret is used: write-only (ephemeral) or stored (sensitive), and by which construct. */
const variableUses = new WeakMap<TerraformVariable, Map<'write-only' | 'stored', string>>();

/**
 * A secret (pre-shared key, password, API key). Built from a sensitive Terraform variable it is only a reference
 * (`${var.psk}`) in `cdk.tf.json`: the value comes from `TF_VAR_<name>` (or a tfvars file) at plan and apply, and
 * Terraform hides it in its output. A plain-text secret is written into `cdk.tf.json` as is, so the constructs
 * warn about it at synth; it exists for throw-away labs and tests.
 */
export class SecretValue {
  /**
   * Uses a Terraform variable, which must be declared `sensitive: true` (otherwise Terraform would print the value
   * in plans).
   */
  public static fromVariable(variable: TerraformVariable): SecretValue {
    if (variable.sensitive !== true) throw Errors.secretVariableNotSensitive(variable.node.path);
    return new SecretValue(variable.stringValue, 'variable', `variable ${variable.friendlyUniqueId}`, variable);
  }

  /**
   * Declares a sensitive string variable `name` in `scope`'s stack and uses it: supply the value with the environment
   * variable `TF_VAR_<name>` when running `cdktf deploy` (Terraform reads it; synth never sees the value). Used as an
   * IKE gateway's write-only key (the default), the variable becomes `ephemeral` instead of `sensitive`.
   * @param id construct id of the variable; its Terraform name is `name`
   */
  public static fromEnvVariable(scope: Construct, id: string, name: string, description?: string): SecretValue {
    const variable = new TerraformVariable(scope, id, {
      type: 'string',
      sensitive: true,
      description: description ?? `Secret supplied as TF_VAR_${name} at plan and apply; never stored in the synthesized JSON.`,
    });
    variable.overrideLogicalId(name);
    return new SecretValue(variable.stringValue, 'variable', `TF_VAR_${name}`, variable);
  }

  /**
   * A literal secret. It is written into `cdk.tf.json` and Terraform state in clear text, and every synth warns
   * about it. Use {@link SecretValue.fromEnvVariable} for anything that is not a lab.
   */
  public static unsafePlainText(value: string): SecretValue {
    return new SecretValue(value, Token.isUnresolved(value) ? 'variable' : 'plain-text', 'a plain-text literal');
  }

  private constructor(
    /** The value or token to put in the configuration. */
    private readonly value: string,
    /** Where it comes from. */
    public readonly source: SecretSource,
    /** Words for messages; never the value itself. */
    public readonly description: string,
    private readonly variable?: TerraformVariable,
  ) {}

  /**
   * The Terraform variable the value is read from (`TF_VAR_<name>` supplies it), when it comes from one. Two secrets
   * with the same variable name are the same source, e.g. for the two ends of a tunnel in different stacks.
   */
  public get variableName(): string | undefined {
    return this.variable?.friendlyUniqueId;
  }

  /**
   * @internal Called by a construct that writes the secret into a write-only attribute (the IKE gateway's
   * `pre_shared_key_wo`, its default). A variable feeding only write-only attributes and provider settings is made
   * `ephemeral` (Terraform 1.10+: never in a plan file or state) instead of `sensitive`: Terraform 1.11 records a
   * sensitive variable's mark on the attribute path even for a write-only value, and a resource with two sensitive
   * paths (`pre_shared_key` is one) differs from itself at random in refresh-only plans (docs/secrets-and-drift.md).
   * Throws when the same variable also feeds a value Terraform stores, which an ephemeral variable cannot.
   */
  public _useWriteOnly(user: string): void {
    this.use('write-only', user);
  }

  /** @internal Called by a construct that writes the secret into an attribute Terraform stores in state. */
  public _useStored(user: string): void {
    this.use('stored', user);
  }

  private use(kind: 'write-only' | 'stored', user: string): void {
    const v = this.variable;
    if (v === undefined) return;
    const uses = variableUses.get(v) ?? new Map<'write-only' | 'stored', string>();
    variableUses.set(v, uses);
    if (!uses.has(kind)) uses.set(kind, user);
    const writeOnly = uses.get('write-only');
    const stored = uses.get('stored');
    if (writeOnly !== undefined && stored !== undefined) throw Errors.secretVariableMixedStorage(v.node.path, writeOnly, stored);
    if (writeOnly !== undefined && v.sensitive === true) {
      v.addOverride('ephemeral', true);
      v.addOverride('sensitive', false);
    }
  }

  /** The value (a token for variables) to place in an L1 attribute. */
  public unsafeUnwrap(): string {
    return this.value;
  }

  /** Never prints the value. */
  public toString(): string {
    return `SecretValue(${this.description})`;
  }

  /** Never serializes the value. */
  public toJSON(): string {
    return this.toString();
  }
}
