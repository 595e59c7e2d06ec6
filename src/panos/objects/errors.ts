/**
 * Errors raised by the object model. Each carries a stable `code` and enough context (object, field, value,
 * versions) for the provider to turn it into a diagnostic without parsing the message.
 */
import type { VersionIssue } from './types';

/** Raised when a model sets fields the target PAN-OS version cannot hold. */
export class VersionGateError extends Error {
  readonly code = 'PANOS_VERSION_GATE';
  constructor(readonly issues: readonly VersionIssue[]) {
    super(issues.map((i) => i.message).join('\n'));
    this.name = 'VersionGateError';
  }
}

/** One problem with a field value. */
export interface FieldProblem {
  /** Model key path, e.g. `autoKey.proxyIds[0].number`. */
  readonly field: string;
  /** Terraform attribute path, e.g. `auto_key.proxy_ids[0].number`. */
  readonly tfName: string;
  /** The offending value as text; absent for secrets. */
  readonly value?: string;
  /** Full sentence naming the object, the field, the value and the fix. */
  readonly message: string;
}

/** Raised when a model breaks a field rule (enum, range, length, required, one-of, variant). */
export class InvalidFieldError extends Error {
  readonly code = 'PANOS_INVALID_FIELD';
  constructor(readonly problems: readonly FieldProblem[]) {
    super(problems.map((p) => p.message).join('\n'));
    this.name = 'InvalidFieldError';
  }
}
