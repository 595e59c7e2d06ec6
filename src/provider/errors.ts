/** Turns errors from the object model and the client into diagnostics that name the resource and the fix. */
import { errorDiagnostic, type Diagnostic } from '../tfplugin';
import { isPanosApiError, CommitFailedError, CommitTimeoutError } from '../panos/client';
import { InvalidFieldError, InvalidNameError, VersionGateError } from '../panos/objects';
import { tfPathSteps } from './model-values';
import { NotConfiguredError } from './session';

/** Diagnostics for an error raised while handling `address` (e.g. `panosipsec_ike_gateway.gw1`). */
export function errorToDiagnostics(err: unknown, address: string, what: string): Diagnostic[] {
  if (err instanceof VersionGateError) {
    return err.issues.map((i) =>
      errorDiagnostic('Field Not Supported By PAN-OS Version', `${address}: ${i.message}`, tfPathSteps(i.tfName)));
  }
  if (err instanceof InvalidFieldError) {
    return err.problems.map((p) => errorDiagnostic('Invalid Field Value', `${address}: ${p.message}`, tfPathSteps(p.tfName)));
  }
  if (err instanceof InvalidNameError) {
    return [errorDiagnostic('Invalid Name', `${address}: ${err.message}`, ['name'])];
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
    return [errorDiagnostic('PAN-OS Request Failed', `${address}: ${what} failed: ${err.message}`)];
  }
  return [errorDiagnostic('Provider Error', `${address}: ${what} failed: ${err instanceof Error ? err.message : String(err)}`)];
}
