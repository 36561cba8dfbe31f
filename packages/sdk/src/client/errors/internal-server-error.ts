import { defineErrorKind } from '../../errors/fluid-error.js';
import { FluidApiError } from './fluid-api-error.js';

/** HTTP 5xx: Fluid failed (500, 502, 503, 504 or another 5xx) after every allowed retry. */
export class InternalServerError extends FluidApiError {}

defineErrorKind(InternalServerError, 'InternalServerError');
