import type { ResponseDriftIssue } from '../errors/response-validation-error.js';

/** The documented 2xx envelopes the client reads, by name: the first argument of a {@link ResponseValidator}. */
export type ResponseEnvelope =
  | 'webhookList'
  | 'webhook'
  | 'webhookDeleted'
  | 'webhookBulkDeleted'
  | 'webhookResources'
  | 'definitionList'
  | 'schemaList'
  | 'schema'
  | 'registrationList'
  | 'registration'
  | 'registrationCreated'
  | 'registrationDeleted'
  | 'callbackTest'
  | 'exchange';

/**
 * Checks a 2xx body against the envelope it should be; returns every difference (none when it matches). The
 * client's `validateResponses` option takes one: `validateResponses` from `@fluid-droplet/sdk/client/validation`.
 */
export type ResponseValidator = (envelope: ResponseEnvelope, body: unknown) => readonly ResponseDriftIssue[];
