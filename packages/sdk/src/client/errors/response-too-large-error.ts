import { defineErrorKind, FluidError } from '../../errors/fluid-error.js';

/**
 * A response body was larger than `maxResponseBytes`. Reading stopped at the limit (or before reading, when
 * `Content-Length` already said so) and the connection was closed; the call is not retried.
 */
export class ResponseTooLargeError extends FluidError {
  declare readonly status: number;
  /** The `maxResponseBytes` in force. */
  declare readonly limit: number;
  declare readonly requestId: string | undefined;

  constructor(init: {
    readonly operation: string;
    readonly status: number;
    readonly limit: number;
    readonly requestId: string | undefined;
  }) {
    super(`${init.operation}: HTTP ${init.status} body is over maxResponseBytes (${init.limit})`);
    this.status = init.status;
    this.limit = init.limit;
    this.requestId = init.requestId;
  }
}

defineErrorKind(ResponseTooLargeError, 'ResponseTooLargeError');
