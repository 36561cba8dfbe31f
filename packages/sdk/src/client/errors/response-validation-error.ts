import { defineErrorKind, FluidError } from '../../errors/fluid-error.js';

/** One place where a response differs from the shape the client expects. */
export interface ResponseDriftIssue {
  /** JSON pointer into the response body, e.g. `/webhooks/0/id`. */
  readonly pointer: string;
  readonly message: string;
}

/**
 * A 2xx body did not match what the client expects (shape drift): the key the result is taken from is
 * missing, a created registration has no `cvt_` token, or the `validateResponses` option found a difference.
 * `pointer` names the first one.
 */
export class ResponseValidationError extends FluidError {
  declare readonly status: number;
  declare readonly requestId: string | undefined;
  declare readonly pointer: string;
  declare readonly issues: readonly ResponseDriftIssue[];

  constructor(init: {
    readonly operation: string;
    readonly status: number;
    readonly requestId: string | undefined;
    readonly issues: readonly ResponseDriftIssue[];
  }) {
    const [first, ...more] = init.issues;
    super(
      `${init.operation}: unexpected response at ${first?.pointer || '/'}: ${first?.message ?? ''}${more.length > 0 ? ` (and ${more.length} more)` : ''}`,
    );
    this.status = init.status;
    this.requestId = init.requestId;
    this.pointer = first?.pointer ?? '';
    this.issues = init.issues;
  }
}

defineErrorKind(ResponseValidationError, 'ResponseValidationError');
