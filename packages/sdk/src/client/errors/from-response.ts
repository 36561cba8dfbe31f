import { AuthenticationError } from './authentication-error.js';
import { ConflictError } from './conflict-error.js';
import { summarizeErrorBody } from './error-body.js';
import { FluidApiError, type FluidApiErrorInit } from './fluid-api-error.js';
import { GoneError } from './gone-error.js';
import { InternalServerError } from './internal-server-error.js';
import { NotFoundError } from './not-found-error.js';
import { PermissionDeniedError } from './permission-denied-error.js';
import { RateLimitError } from './rate-limit-error.js';
import { UnprocessableEntityError } from './unprocessable-entity-error.js';

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Everything known about a failed response once its body has been read. */
export interface FailedResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
  readonly attempts: number;
  readonly retryAfterMs: number | undefined;
  /** What was asked, e.g. `GET /api/callback/registrations/cbr_1`. */
  readonly operation: string;
}

/**
 * Builds the error class for a non-2xx response: one subclass per status a caller handles differently,
 * `FluidApiError` for the rest.
 */
export function errorFromResponse(failed: FailedResponse): FluidApiError {
  const summary = summarizeErrorBody(failed.body);
  const requestId = summary.requestId ?? failed.headers.get('x-request-id') ?? undefined;
  const label = `${failed.status} ${STATUS_TEXT[failed.status] ?? 'Error'}`;
  const tries = failed.attempts > 1 ? ` after ${failed.attempts} attempts` : '';
  const message = `${failed.operation}: ${label}${tries}${summary.message === undefined ? '' : `: ${summary.message}`}`;
  const init: FluidApiErrorInit = {
    status: failed.status,
    message,
    body: failed.body,
    headers: failed.headers,
    requestId,
    attempts: failed.attempts,
  };
  switch (failed.status) {
    case 401:
      return new AuthenticationError(init);
    case 403:
      return new PermissionDeniedError(init);
    case 404:
      return new NotFoundError(init);
    case 409:
      return new ConflictError(init);
    case 410:
      return new GoneError(init);
    case 422:
      return new UnprocessableEntityError(init);
    case 429:
      return new RateLimitError({ ...init, retryAfterMs: failed.retryAfterMs });
    default:
      return failed.status >= 500 ? new InternalServerError(init) : new FluidApiError(init);
  }
}
