import { defineErrorKind, FluidError } from '../../errors/fluid-error.js';
import { isRecord } from '../../is-record.js';

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
 * Fluid answered with a non-2xx status. `body` is the parsed error body as sent (any of Fluid's shapes; text for
 * a non-JSON page), `fieldErrors` its `errors` member, and `requestId` comes from `meta.request_id` or the
 * `x-request-id` header. Any echo of the token is redacted from all of them.
 *
 * @example
 * if (FluidApiError.is(error)) console.log(error.status, error.requestId, error.fieldErrors);
 */
export class FluidApiError extends FluidError {
  declare readonly status: number;
  declare readonly body: unknown;
  /**
   * The body's `errors` as Fluid sent it: field name to messages (`{ exchange_token: ['is missing'] }`), a list,
   * one message, or `undefined` when the body has none.
   */
  declare readonly fieldErrors: unknown;
  declare readonly headers: Headers;
  declare readonly requestId: string | undefined;
  /** How many attempts were made, retries included. */
  declare readonly attempts: number;

  constructor(init: FluidApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.body = init.body;
    this.fieldErrors = isRecord(init.body) ? init.body.errors : undefined;
    this.headers = init.headers;
    this.requestId = init.requestId;
    this.attempts = init.attempts;
  }
}

defineErrorKind(FluidApiError, 'FluidApiError');
