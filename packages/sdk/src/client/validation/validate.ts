import type { RawResponse } from '../core/request.js';
import { type ResponseDriftIssue, ResponseValidationError } from '../errors/response-validation-error.js';
import { type Shape, shapeIssues } from './shape.js';

/**
 * Checks a 2xx body against its envelope shape and throws a `ResponseValidationError` naming the JSON
 * pointer of every difference.
 *
 * @example
 * validateEnvelope('GET /api/company/webhooks', envelopes.webhookList, response);
 */
export function validateEnvelope(operation: string, shape: Shape, response: RawResponse): void {
  const issues = shapeIssues(shape, response.data);
  if (issues.length > 0) throw driftError(operation, response, issues);
}

/** The `ResponseValidationError` for `issues` found in `response`. */
export function driftError(
  operation: string,
  response: RawResponse,
  issues: readonly ResponseDriftIssue[],
): ResponseValidationError {
  return new ResponseValidationError({
    operation,
    status: response.status,
    requestId: response.requestId,
    issues,
  });
}
