// The @fluid-droplet/sdk/receive entry point: verify Fluid's deliveries, route webhooks, serve callbacks. Portable:
// nothing here imports a node: builtin (the node:http adapter is @fluid-droplet/sdk/node), reads process.env, or
// loads zod unless a callback handler validates with the registry.

export { FluidError } from '../errors/fluid-error.js';
export type { FluidLogger } from '../logger.js';
export type { MemoryIdempotencyOptions } from '../stores/memory-idempotency.js';
export { createMemoryIdempotency } from '../stores/memory-idempotency.js';
export { createMemoryRegistrations } from '../stores/memory-registrations.js';
export type {
  CallbackRegistrationRecord,
  ClaimResult,
  IdempotencyStore,
  RegistrationListFilter,
  RegistrationLookup,
  RegistrationStore,
} from '../stores/types.js';
export type {
  CallbackContext,
  CallbackFailure,
  CallbackFailurePolicies,
  CallbackFailurePolicy,
  CallbackFunction,
  CallbackHandlerOptions,
  CallbackHandlerSettings,
  CallbackHandlers,
  CallbackSchemaStamp,
  DefaultRegistry,
  NeutralReplyPolicy,
  SingleCallbackOptions,
  ValidationIssue,
  ValidationMode,
  ValidationOptions,
} from './callbacks/index.js';
export {
  createCallbackHandler,
  DEFAULT_CALLBACK_TIMEOUT_MS,
  knownNeutralReplies,
  neutralReply,
  toPointer,
} from './callbacks/index.js';
export type { SignatureFailureReason } from './errors/signature-verification-error.js';
export {
  isSignatureVerificationError,
  SignatureVerificationError,
} from './errors/signature-verification-error.js';
export type { FetchHandler } from './http/fetch-handler.js';
export { consoleLogger, silentLogger } from './http/logger.js';
export type { FailureReason, FailureStage } from './http/outcome.js';
export { DEFAULT_BODY_TIMEOUT_MS, DEFAULT_MAX_BODY_BYTES } from './http/read-body.js';
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
  FluidWebhookEventMap,
  GenericEventPayload,
  InstallationCredentials,
  InstallationExchange,
  KeyLookup,
  KnownWebhookEventName,
  MemberEventPayload,
  NormalizeResult,
  OrderEventPayload,
  ProductEventPayload,
  ResolveWebhookKeys,
  SubscriptionEventPayload,
  WebhookContext,
  WebhookEvent,
  WebhookEventHandler,
  WebhookHandlerOptions,
  WebhookHandlers,
  WebhookKeyKind,
  WebhookMember,
  WebhookOrder,
  WebhookPayload,
  WebhookPayloadMetadata,
  WebhookProduct,
  WebhookProductVariant,
  WebhookSubscription,
} from './webhooks/index.js';
export {
  createWebhookHandler,
  isKnownWebhookEvent,
  isLifecycleEvent,
  normalizeInstallation,
  normalizeWebhookEvent,
  resolveInstallationCredentials,
} from './webhooks/index.js';
