import { PanosApiError } from '../../../src/panos/client';

/** Awaits a promise that must reject with a PanosApiError and returns that error. */
export async function caught(p: Promise<unknown>): Promise<PanosApiError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof PanosApiError) return err;
    throw err;
  }
  throw new Error('expected a PanosApiError');
}
