/** Work a run did not attempt because an earlier step of the same run failed; that step reports the cause in full. */
export class NotAttemptedError extends Error {
  constructor(
    readonly what: string,
    override readonly cause: unknown,
  ) {
    super(`${what} was not attempted: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'NotAttemptedError';
  }
}
