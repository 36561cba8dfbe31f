import { defineErrorKind, FluidError } from '../../errors/fluid-error.js';

/** The caller's `AbortSignal` fired; nothing more is sent or retried. `cause` is the signal's reason. */
export class UserAbortError extends FluidError {
  constructor(reason: unknown) {
    super('aborted by the caller', { cause: reason });
  }
}

defineErrorKind(UserAbortError, 'UserAbortError');
