import { defineErrorKind } from '../../errors/fluid-error.js';
import { FluidApiError } from './fluid-api-error.js';

/** HTTP 409: The call conflicts with existing state, e.g. a second registration for one definition. */
export class ConflictError extends FluidApiError {}

defineErrorKind(ConflictError, 'ConflictError');
