export type {
  FetchHandler,
  KeyLookup,
  WebhookContext,
  WebhookEventHandler,
  WebhookHandlerOptions,
  WebhookHandlers,
} from './create-webhook-handler.js';
export { createWebhookHandler } from './create-webhook-handler.js';
export type {
  FluidWebhookEventMap,
  KnownWebhookEventName,
  WebhookEvent,
  WebhookPayload,
} from './event-map.js';
export type { IdempotencyStore, MemoryIdempotencyStoreOptions } from './idempotency-store.js';
export { createMemoryIdempotencyStore } from './idempotency-store.js';
export type {
  DropletInstallation,
  DropletInstallationExchangeResponse,
  InstallationCredentials,
  InstallationExchange,
} from './installation.js';
export { normalizeInstallation, resolveInstallationCredentials } from './installation.js';
export type { NormalizeResult } from './normalize.js';
export { isKnownWebhookEvent, normalizeWebhookEvent } from './normalize.js';
export type {
  CartEventPayload,
  DropletCompanyBase,
  DropletInstalledPayload,
  DropletInstalledV1Company,
  DropletInstalledV2Company,
  DropletUninstalledPayload,
  GenericEventPayload,
  OrderEventPayload,
  ProductEventPayload,
  SubscriptionEventPayload,
  WebhookOrder,
  WebhookPayloadMetadata,
  WebhookProduct,
  WebhookProductVariant,
  WebhookSubscription,
} from './payloads.js';
