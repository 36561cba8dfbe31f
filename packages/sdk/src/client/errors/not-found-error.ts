import { defineErrorKind } from '../../errors/fluid-error.js';
import { FluidApiError } from './fluid-api-error.js';

/** HTTP 404: The resource does not exist for this company. */
export class NotFoundError extends FluidApiError {}

defineErrorKind(NotFoundError, 'NotFoundError');
