import type { RawResponse } from '../core/request.js';
import { ResponseValidationError } from '../errors/response-validation-error.js';
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
  if (issues.length === 0) return;
  throw new ResponseValidationError({
    operation,
    status: response.status,
    requestId: response.requestId,
    issues,
  });
}
