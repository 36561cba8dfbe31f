import { AuthenticationError } from './authentication-error.js';
import { ConflictError } from './conflict-error.js';
import { errorBodyMessage } from './error-body.js';
import { FluidApiError, type FluidApiErrorInit } from './fluid-api-error.js';
import { GoneError } from './gone-error.js';
import { InternalServerError } from './internal-server-error.js';
import { NotFoundError } from './not-found-error.js';
import { PermissionDeniedError } from './permission-denied-error.js';
import { RateLimitError } from './rate-limit-error.js';
import { UnprocessableEntityError } from './unprocessable-entity-error.js';

/** An error class built from a failed response; only `RateLimitError` reads `retryAfterMs`. */
type ApiErrorClass = new (
  init: FluidApiErrorInit & { readonly retryAfterMs: number | undefined },
) => FluidApiError;

/** The class of each status a caller handles differently; 5xx is `InternalServerError`, the rest `FluidApiError`. */
const CLASSES: Readonly<Record<number, ApiErrorClass>> = {
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  410: GoneError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** Everything known about a failed response once its body has been read. */
export interface FailedResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
  readonly attempts: number;
  readonly retryAfterMs: number | undefined;
  /** `meta.request_id` of the body, or the `x-request-id` header. */
  readonly requestId: string | undefined;
  /** What was asked, e.g. `GET /api/callback/registrations/cbr_1`. */
  readonly operation: string;
}

/**
 * Builds the error class for a non-2xx response: one subclass per status a caller handles differently,
 * `FluidApiError` for the rest.
 */
export function errorFromResponse(failed: FailedResponse): FluidApiError {
  const { status, body, headers, attempts } = failed;
  const detail = errorBodyMessage(body);
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  const Class = CLASSES[status] ?? (status >= 500 ? InternalServerError : FluidApiError);
  return new Class({
    status,
    message: `${failed.operation}: HTTP ${status}${tries}${detail === undefined ? '' : `: ${detail}`}`,
    body,
    headers,
    requestId: failed.requestId,
    attempts,
    retryAfterMs: failed.retryAfterMs,
  });
}
