import { TerraformVariable, Token } from 'cdktf';
import type { Construct } from 'constructs';
import { Errors } from './errors';

/** How a {@link SecretValue} reaches the synthesized configuration. */
export type SecretSource = 'variable' | 'plain-text';

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
   * variable `TF_VAR_<name>` when running `cdktf deploy` (Terraform reads it; synth never sees the value).
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
