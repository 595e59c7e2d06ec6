/**
 * Named error factories for misuse the constructs detect from props alone (thrown in constructors). Each message
 * starts with the construct path and names the prop, the bad value and the fix. Secrets never appear. A refused value
 * carries the id of the rule that judges it (PANOS-VAL-001 for values, PANOS-REF-003 for references across firewalls).
 */
import { VALUE_RULE } from '../src/rules';

/** X3 (docs/transport-mode.md#x3): an object references only objects of its own firewall and location. */
const SAME_LOCATION_RULE = 'PANOS-REF-003';

/** Thrown by the constructs for invalid props. */
export class PanosConstructError extends Error {
  constructor(
    /** Construct path of the offending construct. */
    readonly path: string,
    message: string,
  ) {
    super(`[${path}] ${message}`);
    this.name = 'PanosConstructError';
  }
}

/** The factories. */
export const Errors = {
  noFirewall(path: string, stackPath: string): PanosConstructError {
    return new PanosConstructError(
      path,
      `no PanosFirewall found for this construct in stack '${stackPath}'; fix: create a PanosFirewall in the stack first ` +
        '(or create the construct inside a PanosFirewall scope)',
    );
  },
  severalFirewalls(path: string, firewalls: readonly string[]): PanosConstructError {
    return new PanosConstructError(
      path,
      `the stack holds several PanosFirewall constructs (${firewalls.join(', ')}) and this construct is not inside one; ` +
        'fix: create it with one of the firewalls (or a construct below it) as its scope',
    );
  },
  secondDefaultProvider(path: string, other: string): PanosConstructError {
    return new PanosConstructError(
      path,
      `the stack already holds PanosFirewall '${other}' without providerAlias; fix: set providerAlias on every firewall ` +
        'after the first one in a stack (Terraform allows one default provider configuration per type)',
    );
  },
  invalidVersion(path: string, prop: string, value: string): PanosConstructError {
    return new PanosConstructError(path, `${VALUE_RULE.id}: ${prop} '${value}' is not a PAN-OS version; fix: use major.minor.patch such as '11.0.0' or '10.2.9'`);
  },
  invalidProp(path: string, prop: string, value: unknown, problem: string, fix: string): PanosConstructError {
    const shown = value === undefined ? '' : ` ${JSON.stringify(value)}`;
    return new PanosConstructError(path, `${VALUE_RULE.id}: ${prop}${shown} ${problem}; fix: ${fix}`);
  },
  fieldProblems(path: string, title: string, messages: readonly string[], ruleId?: string): PanosConstructError {
    return new PanosConstructError(path, `${ruleId !== undefined ? `${ruleId}: ` : ''}invalid ${title} props: ${messages.join(' ')}`);
  },
  crossFirewallReference(path: string, prop: string, target: string): PanosConstructError {
    return new PanosConstructError(
      path,
      `${SAME_LOCATION_RULE}: ${prop} references '${target}', which belongs to another PanosFirewall; fix: reference an object of the same ` +
        'firewall, or import it there with fromName',
    );
  },
  secretVariableNotSensitive(path: string): PanosConstructError {
    return new PanosConstructError(
      path,
      'the variable used as a secret is not sensitive, so Terraform would print its value in plans; fix: declare it ' +
        'with sensitive: true (or use SecretValue.fromEnvVariable)',
    );
  },
  secretVariableMixedStorage(path: string, writeOnlyUser: string, storedUser: string): PanosConstructError {
    return new PanosConstructError(
      path,
      `the variable is the pre-shared key of ${writeOnlyUser}, sent write-only (an ephemeral variable, never stored), and ` +
        `also of ${storedUser}, which keeps the key in state (preSharedKeyStorage STATE); one Terraform variable cannot be ` +
        'both; fix: use the same preSharedKeyStorage on both, or a separate SecretValue.fromEnvVariable for each',
    );
  },
};
