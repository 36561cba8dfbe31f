import type * as z from 'zod';
import type { RawResponse } from '../core/request.js';
import { ResponseValidationError } from '../errors/response-validation-error.js';

function pointer(path: readonly PropertyKey[]): string {
  return path.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/**
 * Checks a 2xx body against its envelope schema and throws a `ResponseValidationError` naming the JSON
 * pointer of every difference.
 *
 * @example
 * validateEnvelope('GET /api/company/webhooks', envelopes.webhookList, response);
 */
export function validateEnvelope(operation: string, schema: z.ZodType, response: RawResponse): void {
  const result = schema.safeParse(response.data);
  if (result.success) return;
  throw new ResponseValidationError({
    operation,
    status: response.status,
    requestId: response.requestId,
    issues: result.error.issues.map((issue) => ({ pointer: pointer(issue.path), message: issue.message })),
  });
}
