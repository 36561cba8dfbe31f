import { defineErrorKind } from '../../errors/fluid-error.js';
import { FluidApiError } from './fluid-api-error.js';

/** HTTP 410: The resource is gone for good, e.g. an exchange token already used or expired. */
export class GoneError extends FluidApiError {}

defineErrorKind(GoneError, 'GoneError');
