// Payload types written from the documented examples in ../shared/fluid/data/webhook-payloads/. Every object is
// open (Fluid adds fields) and fields not present in every example are optional.

/** The metadata fields Fluid merges into every enriched payload. */
export interface WebhookPayloadMetadata {
  readonly event_name?: string;
  /** A string in the published contract, an integer in some examples. */
  readonly schema_version?: string | number;
  readonly schema_hash?: string;
  readonly company_id?: number;
  /** Internal, possibly namespaced class name: do not index by it. */
  readonly resource_name?: string;
  readonly resource?: string;
  readonly event?: string;
  /** `"v2"` on v2 lifecycle payloads. */
  readonly contract_version?: string;
  readonly [key: string]: unknown;
}

/** The company block every droplet lifecycle payload carries. */
export interface DropletCompanyBase {
  readonly droplet_installation_uuid: string;
  readonly droplet_uuid: string;
  /** A number in Fluid's examples; Fluid's fleet install schema also accepts a numeric string. */
  readonly fluid_company_id: number | string;
  readonly fluid_shop: string;
  readonly name?: string;
  readonly [key: string]: unknown;
}

/**
 * A v1 install's company block: credentials inline. Fluid's fleet install schema treats the installation uuid and
 * the `wvt_` key as optional in v1 payloads.
 */
export interface DropletInstalledV1Company {
  readonly droplet_installation_uuid?: string;
  readonly droplet_uuid: string;
  readonly fluid_company_id: number | string;
  readonly fluid_shop: string;
  readonly name?: string;
  readonly authentication_token: string;
  readonly webhook_verification_token?: string;
  readonly [key: string]: unknown;
}

/** A v2 install's company block: a one-time exchange token instead of credentials. */
export interface DropletInstalledV2Company extends DropletCompanyBase {
  readonly credentials: {
    readonly exchange_token: string;
    readonly exchange_token_expires_at?: string;
    readonly exchange_endpoint?: string;
    readonly [key: string]: unknown;
  };
}

/** Payload of `droplet_installed`, v1 (tokens inline) or v2 (exchange token). */
export interface DropletInstalledPayload extends WebhookPayloadMetadata {
  readonly company: DropletInstalledV1Company | DropletInstalledV2Company;
}

/** Payload of `droplet_uninstalled`. */
export interface DropletUninstalledPayload extends WebhookPayloadMetadata {
  readonly company: DropletCompanyBase;
}

/** A member as webhooks carry it (webhooks-v0 documents a subset; the object is open). */
export interface WebhookMember {
  /** The member's UUID. */
  readonly id: string;
  readonly email?: string;
  readonly name?: string;
  readonly member_type?: {
    readonly id?: string;
    readonly name?: string;
    readonly slug?: string;
    readonly [key: string]: unknown;
  };
  readonly [key: string]: unknown;
}

/** Payload of `member_*` events: the member object under `member` (webhooks-v0, `WebhookMemberResourceData`). */
export interface MemberEventPayload extends WebhookPayloadMetadata {
  readonly member: WebhookMember;
}

/** An order as webhooks carry it (only `id` is documented in every example). */
export interface WebhookOrder {
  readonly id: number;
  readonly status?: string;
  readonly total?: string | number;
  readonly [key: string]: unknown;
}

/** Payload of `order_*` events. */
export interface OrderEventPayload extends WebhookPayloadMetadata {
  readonly order: WebhookOrder;
}

/** A product variant. */
export interface WebhookProductVariant {
  readonly id: number;
  readonly title?: string;
  readonly sku?: string;
  readonly price?: number | string;
  readonly [key: string]: unknown;
}

/** A product as webhooks carry it. */
export interface WebhookProduct {
  readonly id: number;
  readonly title?: string;
  readonly description?: string | null;
  readonly sku?: string | null;
  readonly status?: string;
  readonly price?: number | string;
  readonly currency_code?: string;
  readonly metadata?: Readonly<Record<string, unknown>>;
  readonly variants?: readonly WebhookProductVariant[];
  readonly [key: string]: unknown;
}

/** Payload of `product_*` events. */
export interface ProductEventPayload extends WebhookPayloadMetadata {
  readonly product: WebhookProduct;
}

/** A subscription as webhooks carry it. */
export interface WebhookSubscription {
  readonly id: number;
  readonly subscription_token?: string;
  readonly status?: string;
  readonly next_bill_date?: string | null;
  readonly customer?: { readonly id: number; readonly email?: string; readonly [key: string]: unknown };
  readonly subscription_plan?: {
    readonly id: number;
    readonly name?: string;
    readonly billing_interval_unit?: string;
    readonly [key: string]: unknown;
  };
  readonly [key: string]: unknown;
}

/** Payload of `subscription_*` events. */
export interface SubscriptionEventPayload extends WebhookPayloadMetadata {
  readonly subscription: WebhookSubscription;
}

/** Payload of `cart_*` events: the cart object is open in Fluid's contract. */
export interface CartEventPayload extends WebhookPayloadMetadata {
  readonly cart: { readonly [key: string]: unknown };
}

/** Payload of any event without a specific type. */
export type GenericEventPayload = WebhookPayloadMetadata;
