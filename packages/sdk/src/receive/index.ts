// The @fluid-droplet/sdk/receive entry point: verify Fluid's deliveries, route webhooks, serve callbacks.

export { FluidError } from '../errors/fluid-error.js';
export type { NodeHandler, NodeHandlerOptions, NodeRequest } from './adapters/index.js';
export { toNodeHandler } from './adapters/index.js';
export type {
  CallbackContext,
  CallbackFallbacks,
  CallbackFunction,
  CallbackHandlerOptions,
  CallbackHandlerSettings,
  CallbackHandlers,
  DefaultRegistry,
  ResolveCallbackKey,
  SingleCallbackOptions,
  ValidationIssue,
  ValidationMode,
  ValidationOptions,
} from './callbacks/index.js';
export { createCallbackHandler, DEFAULT_CALLBACK_TIMEOUT_MS, toPointer } from './callbacks/index.js';
export type { SignatureFailureReason } from './errors/signature-verification-error.js';
export {
  isSignatureVerificationError,
  SignatureVerificationError,
} from './errors/signature-verification-error.js';
export type { ReceiveLogger } from './http/logger.js';
export { consoleLogger, silentLogger } from './http/logger.js';
export { DEFAULT_MAX_BODY_BYTES } from './http/read-body.js';
export type {
  FluidSignedHeaders,
  HeadersInput,
  LegacyTokenResult,
  RawBody,
  SignatureVerificationResult,
  SignFluidRequestOptions,
  SigningKeys,
  VerificationFailure,
  VerifyFluidSignatureOptions,
  VerifyLegacyTokenOptions,
} from './signature/index.js';
export {
  assertFluidSignature,
  DEFAULT_TOLERANCE_SECONDS,
  FluidHeader,
  signFluidRequest,
  verifyFluidSignature,
  verifyLegacyToken,
} from './signature/index.js';
export type {
  CartEventPayload,
  DropletCompanyBase,
  DropletInstallation,
  DropletInstallationExchangeResponse,
  DropletInstalledPayload,
  DropletInstalledV1Company,
  DropletInstalledV2Company,
  DropletUninstalledPayload,
  FetchHandler,
  FluidWebhookEventMap,
  GenericEventPayload,
  IdempotencyStore,
  InstallationCredentials,
  InstallationExchange,
  KeyLookup,
  KnownWebhookEventName,
  MemoryIdempotencyStoreOptions,
  NormalizeResult,
  OrderEventPayload,
  ProductEventPayload,
  SubscriptionEventPayload,
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
} from './webhooks/index.js';
export {
  createMemoryIdempotencyStore,
  createWebhookHandler,
  isKnownWebhookEvent,
  normalizeInstallation,
  normalizeWebhookEvent,
  resolveInstallationCredentials,
} from './webhooks/index.js';
