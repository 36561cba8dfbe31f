import type {
  CartEventPayload,
  DropletInstalledPayload,
  DropletUninstalledPayload,
  GenericEventPayload,
  MemberEventPayload,
  OrderEventPayload,
  ProductEventPayload,
  SubscriptionEventPayload,
} from './payloads.js';

/**
 * Event names with a known payload type, mapped to that type; each names its source (fluid/API.md §4 and §8, and
 * Fluid's webhooks-v0 OpenAPI document). Other names get {@link GenericEventPayload}. There is no
 * `droplet_reinstalled`: Fluid delivers a reinstall as a fresh `droplet_installed`.
 */
export interface FluidWebhookEventMap {
  /** Fluid's Webhook::TopicRegistry (droplet: installed); payload shapes from the droplet guides. */
  droplet_installed: DropletInstalledPayload;
  /** Fluid's Webhook::TopicRegistry (droplet: uninstalled). */
  droplet_uninstalled: DropletUninstalledPayload;
  /** webhooks-v0: the envelope's `name` example and the member branch of the enriched payload. */
  member_sponsorships_reassigned: MemberEventPayload;
  /** droplet-template-shipstation's event handler; the mintlify-starter webhooks guide example. */
  order_created: OrderEventPayload;
  /** droplet-template-shipstation's event handler. */
  order_updated: OrderEventPayload;
  /** droplet-template-shipstation's event handler. */
  order_cancelled: OrderEventPayload;
  /** droplet-template-shipstation's event handler. */
  order_refunded: OrderEventPayload;
  /** droplet-template-shipstation's event handler. */
  order_shipped: OrderEventPayload;
  /** droplet-template-shipstation's event handler. */
  order_external_id_synced: OrderEventPayload;
  /** droplet-template docs, handling webhook events (example payload). */
  product_created: ProductEventPayload;
  /** The droplet subscription webhook guide (example payload). */
  subscription_started: SubscriptionEventPayload;
  /** The droplet subscription webhook guide, step 5. */
  subscription_paused: SubscriptionEventPayload;
  /** The droplet subscription webhook guide, step 5. */
  subscription_cancelled: SubscriptionEventPayload;
  /** The droplet subscription webhook guide, step 5. */
  subscription_billed: SubscriptionEventPayload;
  /** The droplet subscription webhook guide, step 5. */
  subscription_declined: SubscriptionEventPayload;
  /** The droplet subscription webhook guide, step 5. */
  subscription_resumed: SubscriptionEventPayload;
  /** The droplet subscription webhook guide, step 5. */
  subscription_resumed_after_payment_fix: SubscriptionEventPayload;
  /** The droplet subscription webhook guide, step 5. */
  subscription_reactivated: SubscriptionEventPayload;
  /** The droplet subscription webhook guide, step 5. */
  subscription_skipped: SubscriptionEventPayload;
  /** A Fluid droplet security review (§2.2) naming the registered topic. */
  subscription_updated: SubscriptionEventPayload;
  /** webhooks-v0: the `minimal` envelope example and the cart branch of the enriched payload. */
  cart_updated: CartEventPayload;
}

/** An event name with a known payload type. */
export type KnownWebhookEventName = keyof FluidWebhookEventMap;

/** The payload type of event `N`. */
export type WebhookPayload<N extends string> = N extends KnownWebhookEventName
  ? FluidWebhookEventMap[N]
  : GenericEventPayload;

/**
 * A delivered event after normalization: the envelope and the legacy flat shape both end up here.
 * `id` and `identifier` are null for flat deliveries, which carry neither.
 */
export interface WebhookEvent<N extends string = string> {
  /** The event name, e.g. `order_created` (the envelope's `name`, or `event_name`, or `{resource}_{event}`). */
  readonly name: N;
  /** The envelope's `id` (Fluid's event primary key). */
  readonly id: number | string | null;
  /** The envelope's opaque `identifier`. */
  readonly identifier: string | null;
  /** The envelope's ISO-8601 `timestamp`. */
  readonly timestamp: string | null;
  /** Which wire shape the delivery used. */
  readonly format: 'envelope' | 'flat';
  /** The enriched payload: metadata plus the resource under its lowercase key. */
  readonly payload: WebhookPayload<N>;
}
