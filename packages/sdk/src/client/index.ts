// The client's public API: an explicit list.

export { FluidError } from '../errors/fluid-error.js';
export type { FluidLogger } from '../logger.js';
export type { WithResponse } from './api-promise.js';
export { FluidPromise } from './api-promise.js';
export type { BackoffOptions } from './core/backoff.js';
export type { DeleteOptions, FluidClientLogger, RequestOptions } from './core/config.js';
export { AuthenticationError } from './errors/authentication-error.js';
export { ConflictError } from './errors/conflict-error.js';
export { ConnectionError } from './errors/connection-error.js';
export type { FluidApiErrorInit } from './errors/fluid-api-error.js';
export { FluidApiError } from './errors/fluid-api-error.js';
export { GoneError } from './errors/gone-error.js';
export { InternalServerError } from './errors/internal-server-error.js';
export { NotFoundError } from './errors/not-found-error.js';
export type { PaginationProblem } from './errors/pagination-error.js';
export { PaginationError } from './errors/pagination-error.js';
export { PermissionDeniedError } from './errors/permission-denied-error.js';
export { RateLimitError } from './errors/rate-limit-error.js';
export { ResponseParseError } from './errors/response-parse-error.js';
export { ResponseTooLargeError } from './errors/response-too-large-error.js';
export type { ResponseDriftIssue } from './errors/response-validation-error.js';
export { ResponseValidationError } from './errors/response-validation-error.js';
export { TimeoutError } from './errors/timeout-error.js';
export { UnprocessableEntityError } from './errors/unprocessable-entity-error.js';
export { UserAbortError } from './errors/user-abort-error.js';
export type { FluidClientOptions } from './fluid-client.js';
export { FluidClient } from './fluid-client.js';
export type { Page, Pagination } from './pagination.js';
export { PagePromise } from './pagination.js';
export type {
  BulkDeletedWebhooks,
  CallbackDefinition,
  CallbackDefinitionName,
  CallbackRegistration,
  CallbackRegistrationCreateParams,
  CallbackRegistrationListParams,
  CallbackRegistrationUpdateParams,
  CallbackSchema,
  CallbackTestBody,
  CreatedCallbackRegistration,
  DefinitionNameOf,
  DeletedCallbackRegistration,
  DeletedWebhook,
  DropletInstallationExchangeResult,
  JsonValue,
  Webhook,
  WebhookCreateParams,
  WebhookListParams,
  WebhookResources,
  WebhookUpdateParams,
} from './types.js';
export type { FluidEndpoint, ResponseValidator } from './validation/response-validator.js';
