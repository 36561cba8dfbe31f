import { FluidApiError } from './fluid-api-error.js';

/** HTTP 401: The token is missing, invalid or revoked (not retried). */
export class AuthenticationError extends FluidApiError {
  override readonly name: string = 'AuthenticationError';
}
