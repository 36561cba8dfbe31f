import { defineErrorKind, FluidError } from '../../errors/fluid-error.js';

/** What every error built from an HTTP response carries. */
export interface FluidApiErrorInit {
  readonly status: number;
  readonly message: string;
  readonly body: unknown;
  readonly headers: Headers;
  readonly requestId: string | undefined;
  readonly attempts: number;
}

/**
 * Fluid answered with a non-2xx status; `body` is the parsed error body (any of Fluid's shapes) and
 * `requestId` comes from `meta.request_id` or the `x-request-id` header.
 *
 * @example
 * if (error instanceof FluidApiError) console.log(error.status, error.requestId, error.body);
 */
export class FluidApiError extends FluidError {
  override readonly name: string = 'FluidApiError';
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
  readonly requestId: string | undefined;
  /** How many attempts were made, retries included. */
  readonly attempts: number;

  constructor(init: FluidApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.body = init.body;
    this.headers = init.headers;
    this.requestId = init.requestId;
    this.attempts = init.attempts;
  }
}

defineErrorKind(FluidApiError, 'FluidApiError');
