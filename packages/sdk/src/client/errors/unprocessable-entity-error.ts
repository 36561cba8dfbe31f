import { defineErrorKind } from '../../errors/fluid-error.js';
import { FluidApiError } from './fluid-api-error.js';

/** HTTP 422: Fluid rejected the body; `fieldErrors` holds its `errors` verbatim. */
export class UnprocessableEntityError extends FluidApiError {}

defineErrorKind(UnprocessableEntityError, 'UnprocessableEntityError');
