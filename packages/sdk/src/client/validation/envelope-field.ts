import type { RawResponse } from '../core/request.js';
import { driftError } from './validate.js';

/**
 * Takes the resource out of an envelope (`{ webhook: … , meta }`), failing with a
 * `ResponseValidationError` that names the pointer when the key is missing or has the wrong kind, so a
 * drifted response never surfaces later as `Cannot read properties of undefined`.
 */
export function envelopeField<T>(
  operation: string,
  response: RawResponse,
  key: string,
  check: (value: unknown) => boolean = (value) => typeof value === 'object' && value !== null,
): T {
  const data = response.data;
  const value: unknown =
    typeof data === 'object' && data !== null && key in data ? Reflect.get(data, key) : undefined;
  if (!check(value)) {
    throw driftError(operation, response, [
      {
        pointer: `/${key}`,
        message:
          value === undefined ? 'missing' : `unexpected ${Array.isArray(value) ? 'array' : typeof value}`,
      },
    ]);
  }
  // The shape beyond this key is only checked with `validateResponses: true`.
  return value as T;
}
