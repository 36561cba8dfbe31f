import type { FluidLogger } from '../../logger.js';
import type { IdempotencyStore } from '../../stores/types.js';
import type { SigningKeys } from '../signature/keys.js';
import type { WebhookEvent } from './event-map.js';

/** Which kind of key verified a delivery. */
export type WebhookKeyKind = 'droplet' | 'company';

/** What a webhook handler receives beside the event. */
export interface WebhookContext {
  /**
   * The company's shop: `X-Fluid-Shop` for business events (its key verified the delivery), or the body's
   * `company.fluid_shop` for lifecycle events (verified with the droplet secret). Null when neither says.
   */
  readonly shop: string | null;
  /** `droplet` when the droplet secret verified the delivery (lifecycle events), `company` for a company key. */
  readonly keyKind: WebhookKeyKind;
  /** Aborts when the handler's deadline passes or the client goes away. */
  readonly signal: AbortSignal;
  /** The original request (its body is already consumed). */
  readonly request: Request;
}

/** A handler for event `N`; its return value is ignored. */
export type WebhookEventHandler<N extends string = string> = (
  event: WebhookEvent<N>,
  context: WebhookContext,
) => unknown;

/** The `on` map: each key's handler gets that event's payload type. */
export type WebhookHandlers<H> = {
  readonly [K in keyof H]: K extends string ? WebhookEventHandler<K> : never;
};

/** What `resolveKeys` is told about a delivery: only its `X-Fluid-Shop` header, before anything is parsed. */
export interface KeyLookup {
  /** The `X-Fluid-Shop` header. */
  readonly shop: string;
}

/** Finds a company's `wvt_` key (several during a rotation) by its shop; null or no usable key means 401. */
export type ResolveWebhookKeys = (
  lookup: KeyLookup,
) => SigningKeys | null | undefined | Promise<SigningKeys | null | undefined>;

/** Options for {@link createWebhookHandler}. */
export interface WebhookHandlerOptions<H> {
  /**
   * The droplet's `dws_` webhook secret, or several during a rotation. Lifecycle events (`droplet_*`) verify only
   * against it, and nothing else does.
   */
  readonly dropletSecret: SigningKeys;
  /**
   * The company keys for a delivery's `X-Fluid-Shop`. Business events verify only against them; a delivery without
   * `X-Fluid-Shop` is checked against the droplet secret alone. Without it, business events are refused.
   */
  readonly resolveKeys?: ResolveWebhookKeys;
  /** Handlers by event name. */
  readonly on?: H;
  /** Handles events with no entry in `on`. Without it they are acknowledged with 202. */
  readonly onUnknown?: WebhookEventHandler;
  /**
   * Duplicate suppression by shop and event id through claims with a lease; `false` turns it off.
   * @default an in-memory store (`createMemoryIdempotency()`)
   */
  readonly idempotencyStore?: IdempotencyStore | false;
  /**
   * How long a claim holds while its handler runs, in ms; a redelivery meanwhile gets 503 and is not run.
   * @default handlerTimeoutMs + 60_000
   */
  readonly idempotencyLeaseMs?: number;
  /**
   * The largest body accepted, in bytes; larger ones get 413 without being buffered.
   * @default 1_048_576
   */
  readonly maxBodyBytes?: number;
  /**
   * How long the body may take to arrive, in ms; a slower one gets 408.
   * @default 10_000
   */
  readonly bodyTimeoutMs?: number;
  /**
   * How long a handler may run before it is aborted and the delivery fails, in ms. Fluid gives up after 15 s.
   * @default 10_000
   */
  readonly handlerTimeoutMs?: number;
  /**
   * Signature timestamp tolerance, in seconds, past and future.
   * @default 300
   */
  readonly toleranceSeconds?: number;
  /**
   * Also accept unsigned deliveries that carry the key in the legacy `AUTH_TOKEN` header, checked against the same
   * keys by the same rules. Weaker: no body integrity and no replay protection. Signed deliveries are always
   * verified by signature.
   * @default false
   */
  readonly legacyToken?: boolean;
  /** Where failures are reported; never given a token, a key or a body. @default the console */
  readonly logger?: FluidLogger;
  /** The clock, for tests. @default () => new Date() */
  readonly now?: () => Date;
}
