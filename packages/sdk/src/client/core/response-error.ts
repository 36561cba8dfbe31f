import { AuthenticationError } from '../errors/authentication-error.js';
import { ConflictError } from '../errors/conflict-error.js';
import { errorBodyMessage } from '../errors/error-body.js';
import { FluidApiError, type FluidApiErrorInit } from '../errors/fluid-api-error.js';
import { GoneError } from '../errors/gone-error.js';
import { InternalServerError } from '../errors/internal-server-error.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { PermissionDeniedError } from '../errors/permission-denied-error.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import { UnprocessableEntityError } from '../errors/unprocessable-entity-error.js';
import { findRequestId, parseErrorBody } from './read-body.js';
import type { Redactor } from './redact.js';

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

/**
 * The error for a non-2xx response whose body (`text`) was read: one subclass per status a caller handles
 * differently, `FluidApiError` for the rest. Its body, headers and request id are redacted, since they end up
 * in messages and logs.
 */
export function responseError(
  response: Response,
  text: string,
  attempts: number,
  retryAfterMs: number | undefined,
  operation: string,
  redactor: Redactor,
): FluidApiError {
  const { status } = response;
  const body = parseErrorBody(redactor.text(text));
  const headers = redactor.headers(response.headers);
  const detail = errorBodyMessage(body);
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  const Class = CLASSES[status] ?? (status >= 500 ? InternalServerError : FluidApiError);
  return new Class({
    status,
    message: `${operation}: HTTP ${status}${tries}${detail === undefined ? '' : `: ${detail}`}`,
    body,
    headers,
    requestId: findRequestId(body, headers),
    attempts,
    retryAfterMs,
  });
}
