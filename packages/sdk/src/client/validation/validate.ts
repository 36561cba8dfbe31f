import { endpointEnvelopes, envelopes } from './envelopes.js';
import type { ResponseValidator } from './response-validator.js';
import { shapeIssues } from './shape.js';

/**
 * Checks every 2xx body against the documented envelope, field by field: give it to the client as
 * `validateResponses` and a body that drifted (a missing field, a changed type) fails with
 * `ResponseValidationError`, whose `pointer` names the first difference. It lives in its own entry so that a
 * client that does not validate does not ship the shapes.
 *
 * @example
 * import { FluidClient } from '@fluid-droplet/sdk/client';
 * import { validateResponses } from '@fluid-droplet/sdk/client/validation';
 *
 * const client = new FluidClient({ token: process.env.FLUID_API_TOKEN, validateResponses });
 */
export const validateResponses: ResponseValidator = (endpoint, body) =>
  shapeIssues(envelopes[endpointEnvelopes[endpoint]], body);
