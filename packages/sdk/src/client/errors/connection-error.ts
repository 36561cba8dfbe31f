import { defineErrorKind, FluidError } from '../../errors/fluid-error.js';

/**
 * The request never got a complete HTTP response: refused, reset, DNS failure or a body cut short.
 * `mayHaveBeenApplied` is false only when Fluid provably never saw the request (refused, no such host).
 */
export class ConnectionError extends FluidError {
  declare readonly mayHaveBeenApplied: boolean;
  /** The system error code when there is one, e.g. `ECONNREFUSED` or `ECONNRESET`. */
  declare readonly code: string | undefined;
  declare readonly attempts: number;

  constructor(init: {
    readonly message: string;
    readonly mayHaveBeenApplied: boolean;
    readonly code: string | undefined;
    readonly attempts: number;
    readonly cause: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.mayHaveBeenApplied = init.mayHaveBeenApplied;
    this.code = init.code;
    this.attempts = init.attempts;
  }
}

defineErrorKind(ConnectionError, 'ConnectionError');
