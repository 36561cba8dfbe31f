export { createWebhookHandler, isLifecycleEvent } from './create-webhook-handler.js';
export type {
  FluidWebhookEventMap,
  KnownWebhookEventName,
  WebhookEvent,
  WebhookPayload,
} from './event-map.js';
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
  MemberEventPayload,
  OrderEventPayload,
  ProductEventPayload,
  SubscriptionEventPayload,
  WebhookMember,
  WebhookOrder,
  WebhookPayloadMetadata,
  WebhookProduct,
  WebhookProductVariant,
  WebhookSubscription,
} from './payloads.js';
export type {
  KeyLookup,
  ResolveWebhookKeys,
  WebhookContext,
  WebhookEventHandler,
  WebhookHandlerOptions,
  WebhookHandlers,
  WebhookKeyKind,
} from './types.js';
