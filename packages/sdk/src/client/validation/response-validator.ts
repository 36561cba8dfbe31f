import type { ResponseDriftIssue } from '../errors/response-validation-error.js';

/**
 * An endpoint the client calls, as `METHOD /path` with `{id}` standing for the path parameter (an id, a uuid
 * or a definition name): the first argument of a {@link ResponseValidator}.
 */
export type FluidEndpoint =
  | 'GET /api/company/webhooks'
  | 'GET /api/company/webhooks/{id}'
  | 'POST /api/company/webhooks'
  | 'PUT /api/company/webhooks/{id}'
  | 'DELETE /api/company/webhooks/{id}'
  | 'DELETE /api/company/webhooks/bulk_delete'
  | 'GET /api/company/webhooks/resources'
  | 'GET /api/callback/definitions'
  | 'GET /api/callback/schemas'
  | 'GET /api/callback/schemas/{id}'
  | 'GET /api/callback/registrations'
  | 'GET /api/callback/registrations/{id}'
  | 'POST /api/callback/registrations'
  | 'PUT /api/callback/registrations/{id}'
  | 'DELETE /api/callback/registrations/{id}'
  | 'POST /api/callback/test'
  | 'POST /api/droplet_installations/exchange';

/**
 * Checks the 2xx body of a call to `endpoint`; returns every difference from what the client expects (none
 * when it matches). The client's `validateResponses` option takes one: `validateResponses` from
 * `@fluid-droplet/sdk/client/validation`, or your own.
 */
export type ResponseValidator = (endpoint: FluidEndpoint, body: unknown) => readonly ResponseDriftIssue[];
