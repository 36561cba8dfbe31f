import { defineErrorKind } from '../../errors/fluid-error.js';
import { FluidApiError } from './fluid-api-error.js';

/** HTTP 401: The token is missing, invalid or revoked (not retried). */
export class AuthenticationError extends FluidApiError {}

defineErrorKind(AuthenticationError, 'AuthenticationError');
