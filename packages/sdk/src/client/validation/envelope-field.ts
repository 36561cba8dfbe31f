import { isRecord } from '../../is-record.js';
import type { RawResponse } from '../core/request.js';
import { type ResponseDriftIssue, ResponseValidationError } from '../errors/response-validation-error.js';

/** The `ResponseValidationError` for `issues` found in `response`. */
export function driftError(
  response: RawResponse,
  issues: readonly ResponseDriftIssue[],
): ResponseValidationError {
  return new ResponseValidationError({ ...response, issues });
}

/**
 * Takes the resource out of an envelope (`{ webhook: … , meta }`; key `''`: the whole body), failing with a
 * `ResponseValidationError` that names the pointer when the key is missing or has the wrong kind, so a
 * drifted response never surfaces later as `Cannot read properties of undefined`. The shape beyond the key is
 * the `validateResponses` option's business.
 */
export function envelopeField<T>(
  response: RawResponse,
  key: string,
  check: (value: unknown) => boolean = isRecord,
): T {
  const { data } = response;
  const value = key === '' ? data : isRecord(data) ? data[key] : undefined;
  if (!check(value)) {
    throw driftError(response, [
      {
        pointer: key && `/${key}`,
        message:
          value === undefined ? 'missing' : `unexpected ${Array.isArray(value) ? 'array' : typeof value}`,
      },
    ]);
  }
  return value as T;
}

/**
 * The one check made on every created registration, validator or not: without its `cvt_` token the service
 * could never verify that registration's callbacks, and the token cannot be read back reliably later.
 */
export function verificationTokenIssues(data: unknown): ResponseDriftIssue[] {
  const registration = isRecord(data) ? data.callback_registration : undefined;
  // Without a registration at all, `envelopeField` reports the missing key.
  const token = isRecord(registration) ? registration.verification_token : 'cvt_';
  return typeof token === 'string' && token.startsWith('cvt_')
    ? []
    : [{ pointer: '/callback_registration/verification_token', message: 'expected a "cvt_" token' }];
}
