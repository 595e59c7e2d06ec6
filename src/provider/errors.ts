/**
 * Turns errors from the object model and the client into diagnostics that name the resource and the fix.
 *
 * One cause, one full message: a failure shared by many resources (the device unreachable, a bulk read that failed,
 * the config lock not taken) reaches every resource that needed it, as the same error object or as a request the
 * client did not send because of it. The first resource reports it in full; the others say in one line that they
 * did not run and where the full report is, instead of repeating it once per resource.
 */
import { errorDiagnostic, type Diagnostic } from '../tfplugin';
import { isPanosApiError, CommitFailedError, CommitTimeoutError, type PanosApiError } from '../panos/client';
import { InvalidFieldError, InvalidNameError, VersionGateError } from '../panos/objects';
import { valueRuleId, versionRuleId } from '../rules';
import { tfPathSteps } from './model-values';
import { NotConfiguredError } from './session';
import { NotAttemptedError } from './not-attempted';

/** Root causes already reported in full by this provider process. */
const reportedCauses = new WeakSet<object>();

/** The error that explains `err`: itself, or the earlier failure a request was not sent because of. */
function rootCause(err: unknown): unknown {
  let cur = err;
  for (let i = 0; i < 4 && isPanosApiError(cur) && cur.firstFailure; i++) cur = cur.firstFailure;
  if (cur instanceof NotAttemptedError) return rootCause(cur.cause);
  return cur;
}

function summaryOf(cause: unknown): string {
  if (cause instanceof VersionGateError || cause instanceof InvalidFieldError || cause instanceof InvalidNameError) return 'Invalid Configuration';
  if (cause instanceof NotConfiguredError) return 'Provider Not Configured';
  if (isPanosApiError(cause)) return cause.code === 'PANOS_LOCKED' ? 'PAN-OS Config Lock Not Taken' : cause.transient ? 'PAN-OS Request Failed (Transient)' : 'PAN-OS Request Failed';
  return 'Provider Error';
}

function oneLine(cause: unknown): string {
  if (isPanosApiError(cause)) return cause.reason;
  return (cause instanceof Error ? cause.message : String(cause)).split('\n')[0];
}

/** Diagnostics for an error raised while handling `address` (e.g. `panosipsec_ike_gateway.gw1`). */
export function errorToDiagnostics(err: unknown, address: string, what: string): Diagnostic[] {
  const cause = rootCause(err);
  if (cause !== null && typeof cause === 'object') {
    if (reportedCauses.has(cause)) {
      return [errorDiagnostic(summaryOf(cause), `${address}: ${what}: not done, because of a failure reported in full (with its fix) for the first resource that met it in this run: ${oneLine(cause)}`)];
    }
    reportedCauses.add(cause);
  }
  return fullDiagnostics(cause, address, what);
}

function fullDiagnostics(err: unknown, address: string, what: string): Diagnostic[] {
  if (err instanceof VersionGateError) {
    return err.issues.map((i) => {
      const id = versionRuleId(i.kind, i.field);
      return errorDiagnostic(`Rule ${id}`, `[${address}] ${id}: ${i.message}`, tfPathSteps(i.tfName));
    });
  }
  if (err instanceof InvalidFieldError) {
    return err.problems.map((p) => {
      const id = valueRuleId(p.field);
      return errorDiagnostic(`Rule ${id}`, `[${address}] ${id}: ${p.message}`, tfPathSteps(p.tfName));
    });
  }
  if (err instanceof InvalidNameError) {
    const id = valueRuleId('name');
    return [errorDiagnostic(`Rule ${id}`, `[${address}] ${id}: ${err.message}`, ['name'])];
  }
  if (err instanceof NotConfiguredError) {
    return [errorDiagnostic('Provider Not Configured', `${address}: ${err.message}`)];
  }
  if (err instanceof CommitFailedError) {
    return [errorDiagnostic('Commit Failed', `${address}: commit job ${err.jobId} failed:\n${err.details.map((l) => `  ${l}`).join('\n')}\n` +
      'The running config is unchanged; the candidate still holds the change. Fix the objects named above and apply again.')];
  }
  if (err instanceof CommitTimeoutError) {
    return [errorDiagnostic('Commit Timed Out', `${address}: commit job ${err.jobId} did not finish within ${err.timeoutMs / 1000} s; ` +
      `it may still complete on the device. Check it with: show jobs id ${err.jobId}. Raise commit_timeout_seconds if commits are slow.`)];
  }
  if (isPanosApiError(err, 'PANOS_REFERENCED')) {
    return [errorDiagnostic('Object Still Referenced', `${address}: PAN-OS refused to ${what} because other objects still reference it: ` +
      `${err.lines.join(' | ') || err.message}. Fix: remove or repoint the referencing objects first (make them depend on this resource).`)];
  }
  if (isPanosApiError(err)) {
    return [errorDiagnostic(summaryOf(err), `${address}: ${what} failed: ${err.message}${transientAdvice(err)}`)];
  }
  return [errorDiagnostic('Provider Error', `${address}: ${what} failed: ${err instanceof Error ? err.message : String(err)}`)];
}

/** What a transient failure means for the state: nothing is lost, the next apply finishes the work. */
function transientAdvice(err: PanosApiError): string {
  if (!err.transient) return '';
  return err.maybeDelivered
    ? ' The device may have applied this change although its answer was lost; the next terraform apply reads the device and finishes the work.'
    : ' Nothing was changed on the device by this request; run terraform apply again.';
}
