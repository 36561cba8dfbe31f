// The public API of @fluid-droplet/sdk: an explicit list, one section per area.

// --- client (REST API) ---
export type { WithResponse } from './client/api-promise.js';
export { FluidPromise } from './client/api-promise.js';
export type { BackoffOptions } from './client/core/backoff.js';
export type { FluidClientLogger, RequestOptions } from './client/core/config.js';
export { AuthenticationError } from './client/errors/authentication-error.js';
export { ConflictError } from './client/errors/conflict-error.js';
export { ConnectionError } from './client/errors/connection-error.js';
export type { FluidApiErrorInit } from './client/errors/fluid-api-error.js';
export { FluidApiError } from './client/errors/fluid-api-error.js';
export { FluidError } from './client/errors/fluid-error.js';
export { GoneError } from './client/errors/gone-error.js';
export { InternalServerError } from './client/errors/internal-server-error.js';
export { NotFoundError } from './client/errors/not-found-error.js';
export type { PaginationProblem } from './client/errors/pagination-error.js';
export { PaginationError } from './client/errors/pagination-error.js';
export { PermissionDeniedError } from './client/errors/permission-denied-error.js';
export { RateLimitError } from './client/errors/rate-limit-error.js';
export { ResponseParseError } from './client/errors/response-parse-error.js';
export type { ResponseDriftIssue } from './client/errors/response-validation-error.js';
export { ResponseValidationError } from './client/errors/response-validation-error.js';
export { TimeoutError } from './client/errors/timeout-error.js';
export { UnprocessableEntityError } from './client/errors/unprocessable-entity-error.js';
export { UserAbortError } from './client/errors/user-abort-error.js';
export type { FluidClientOptions } from './client/fluid-client.js';
export { FluidClient } from './client/fluid-client.js';
export type { Page, Pagination } from './client/pagination.js';
export { PagePromise } from './client/pagination.js';
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
  DeletedCallbackRegistration,
  DeletedWebhook,
  DropletInstallationExchangeResult,
  JsonValue,
  Webhook,
  WebhookCreateParams,
  WebhookListParams,
  WebhookResources,
  WebhookUpdateParams,
} from './client/types.js';
// --- receive (signatures, webhooks, callbacks, adapters) ---
export type {
  CallbackContext,
  CallbackFallbacks,
  CallbackFunction,
  CallbackHandlerOptions,
  CallbackHandlerSettings,
  CallbackHandlers,
  CartEventPayload,
  DefaultRegistry,
  DropletCompanyBase,
  DropletInstallation,
  DropletInstallationExchangeResponse,
  DropletInstalledPayload,
  DropletInstalledV1Company,
  DropletInstalledV2Company,
  DropletUninstalledPayload,
  FetchHandler,
  FluidSignedHeaders,
  FluidWebhookEventMap,
  GenericEventPayload,
  HeadersInput,
  IdempotencyStore,
  InstallationCredentials,
  InstallationExchange,
  KeyLookup,
  KnownWebhookEventName,
  LegacyTokenResult,
  MemoryIdempotencyStoreOptions,
  NodeHandler,
  NodeHandlerOptions,
  NodeRequest,
  NormalizeResult,
  OrderEventPayload,
  ProductEventPayload,
  RawBody,
  ReceiveLogger,
  ResolveCallbackKey,
  SignatureFailureReason,
  SignatureVerificationResult,
  SignFluidRequestOptions,
  SigningKeys,
  SingleCallbackOptions,
  SubscriptionEventPayload,
  ValidationIssue,
  ValidationMode,
  ValidationOptions,
  VerificationFailure,
  VerifyFluidSignatureOptions,
  VerifyLegacyTokenOptions,
  WebhookContext,
  WebhookEvent,
  WebhookEventHandler,
  WebhookHandlerOptions,
  WebhookHandlers,
  WebhookOrder,
  WebhookPayload,
  WebhookPayloadMetadata,
  WebhookProduct,
  WebhookProductVariant,
  WebhookSubscription,
} from './receive/index.js';
export {
  assertFluidSignature,
  consoleLogger,
  createCallbackHandler,
  createMemoryIdempotencyStore,
  createWebhookHandler,
  DEFAULT_CALLBACK_TIMEOUT_MS,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TOLERANCE_SECONDS,
  FluidHeader,
  isKnownWebhookEvent,
  isSignatureVerificationError,
  normalizeInstallation,
  normalizeWebhookEvent,
  resolveInstallationCredentials,
  SignatureVerificationError,
  signFluidRequest,
  silentLogger,
  toNodeHandler,
  toPointer,
  verifyFluidSignature,
  verifyLegacyToken,
} from './receive/index.js';
// --- registry (generated callback definitions) ---
export type {
  CallbackDefinitionEntry,
  CallbackName,
  CallbackRegistry,
  CallbackRequest,
  CallbackResponse,
  CallbackTypes,
  RegistryRequest,
  RegistryResponse,
} from './registry/index.js';
export { callbackNames, callbacks } from './registry/index.js';
