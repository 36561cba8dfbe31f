import { defineErrorKind } from '../../errors/fluid-error.js';
import { FluidApiError } from './fluid-api-error.js';

/** HTTP 403: The token lacks a scope or permission the call needs (not retried). */
export class PermissionDeniedError extends FluidApiError {}

defineErrorKind(PermissionDeniedError, 'PermissionDeniedError');
