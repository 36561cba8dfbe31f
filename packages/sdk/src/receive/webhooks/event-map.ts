import type {
  CartEventPayload,
  DropletInstalledPayload,
  DropletUninstalledPayload,
  GenericEventPayload,
  OrderEventPayload,
  ProductEventPayload,
  SubscriptionEventPayload,
} from './payloads.js';

/** Event names with a known payload type, mapped to that type. Other names get {@link GenericEventPayload}. */
export interface FluidWebhookEventMap {
  droplet_installed: DropletInstalledPayload;
  droplet_uninstalled: DropletUninstalledPayload;
  droplet_reinstalled: DropletInstalledPayload;
  order_created: OrderEventPayload;
  order_updated: OrderEventPayload;
  order_cancelled: OrderEventPayload;
  order_refunded: OrderEventPayload;
  order_shipped: OrderEventPayload;
  order_external_id_synced: OrderEventPayload;
  product_created: ProductEventPayload;
  product_updated: ProductEventPayload;
  subscription_started: SubscriptionEventPayload;
  subscription_paused: SubscriptionEventPayload;
  subscription_cancelled: SubscriptionEventPayload;
  subscription_billed: SubscriptionEventPayload;
  subscription_declined: SubscriptionEventPayload;
  subscription_resumed: SubscriptionEventPayload;
  subscription_resumed_after_payment_fix: SubscriptionEventPayload;
  subscription_reactivated: SubscriptionEventPayload;
  subscription_skipped: SubscriptionEventPayload;
  subscription_updated: SubscriptionEventPayload;
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
