import { defineErrorKind, FluidError } from '../../errors/fluid-error.js';

/** The call's `timeout` ran out; it covers every attempt and every wait between them. */
export class TimeoutError extends FluidError {
  declare readonly timeoutMs: number;
  declare readonly attempts: number;

  constructor(timeoutMs: number, attempts: number) {
    super(`timed out after ${timeoutMs} ms (${attempts} attempt(s))`);
    this.timeoutMs = timeoutMs;
    this.attempts = attempts;
  }
}

defineErrorKind(TimeoutError, 'TimeoutError');
