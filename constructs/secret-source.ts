/**
 * Where a {@link SecretValue} comes from, as the pair rules compare it (PANOS-PEER-010/011): never the value. A
 * variable is identified by its Terraform name (the same `TF_VAR_<name>` feeds every stack that declares it); a
 * plain-text literal by an HMAC under a key drawn once per process and never stored, so equal literals compare equal
 * and the digest cannot be turned back into the key.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { Token } from 'cdktf';
import { UNKNOWN, type Known, type SecretSourceFacts } from '../src/rules';
import type { SecretValue } from './secret-value';

const PROCESS_KEY = randomBytes(32);

/** The source facts of a secret: `undefined` when none is given, UNKNOWN when it cannot be compared (a computed value). */
export function secretSourceOf(secret: SecretValue | undefined): Known<SecretSourceFacts> {
  if (secret === undefined) return undefined;
  const variable = secret.variableName;
  if (variable !== undefined) return { id: `variable:${variable}`, description: `TF_VAR_${variable}` };
  const value = secret.unsafeUnwrap();
  // A token that is no variable of ours (a data source, a function) is only known at deploy.
  if (Token.isUnresolved(value)) return UNKNOWN;
  const digest = createHmac('sha256', PROCESS_KEY).update(value, 'utf8').digest('hex');
  return { id: `literal:${digest}`, description: 'a plain-text literal' };
}
