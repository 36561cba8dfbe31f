import { runWithDeadline } from '../http/deadline.js';
import { createFetchHandler, type Incoming } from '../http/incoming.js';
import { consoleLogger, describeError, type ReceiveLogger } from '../http/logger.js';
import { isJsonContentType, parseJsonBody } from '../http/parse-json.js';
import { DEFAULT_MAX_BODY_BYTES } from '../http/read-body.js';
import { readSingleHeader } from '../signature/header-input.js';
import { FluidHeader } from '../signature/header-names.js';
import type { SigningKeys } from '../signature/keys.js';
import { verifyLegacyToken } from '../signature/legacy-token.js';
import { DEFAULT_TOLERANCE_SECONDS, verifyFluidSignature } from '../signature/verify.js';
import { HandlerContext } from './context.js';
import type { WebhookEvent } from './event-map.js';
import { createMemoryIdempotencyStore, type IdempotencyStore } from './idempotency-store.js';
import { normalizeWebhookEvent, sameShop, shopInPayload } from './normalize.js';
import { type WebhookOutcome, webhookReply } from './outcome.js';

/** What a webhook handler receives beside the event. */
export interface WebhookContext {
  /** The `X-Fluid-Shop` header, when sent. */
  readonly shop: string | null;
  /** Aborts when the handler's deadline passes. */
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

/** What `resolveKeys` is told about a delivery before it is verified. Treat the event as untrusted input. */
export interface KeyLookup {
  /** The `X-Fluid-Shop` header, when sent. */
  readonly shop: string | null;
  /** The parsed, not yet verified, event. Use its name to pick `dws_` (lifecycle) or `wvt_` keys. */
  readonly event: WebhookEvent;
}

/** Options for {@link createWebhookHandler}. */
export interface WebhookHandlerOptions<H> {
  /**
   * Returns the key or keys (during rotation) to verify this delivery with: the company's `wvt_` token, or the
   * droplet's `dws_` secret for `droplet_installed`/`droplet_uninstalled`. Null or no usable key means 401.
   */
  readonly resolveKeys: (
    lookup: KeyLookup,
  ) => SigningKeys | null | undefined | Promise<SigningKeys | null | undefined>;
  /** Handlers by event name. */
  readonly on?: H;
  /** Handles events with no entry in `on`. Without it they are acknowledged with 202. */
  readonly onUnknown?: WebhookEventHandler;
  /**
   * Duplicate suppression by event id; `false` turns it off.
   * @default an in-memory store
   */
  readonly idempotencyStore?: IdempotencyStore | false;
  /**
   * How long a processed event id is remembered, in ms.
   * @default 86_400_000 (24 h)
   */
  readonly idempotencyTtlMs?: number;
  /**
   * The largest body accepted, in bytes; larger ones get 413 without being buffered.
   * @default 1_048_576
   */
  readonly maxBodyBytes?: number;
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
   * Also accept unsigned deliveries that carry the key in the legacy `AUTH_TOKEN` header. Weaker: no body
   * integrity and no replay protection. Signed deliveries are always verified by signature.
   * @default false
   */
  readonly legacyToken?: boolean;
  /** Where failures are reported. @default the console */
  readonly logger?: ReceiveLogger;
  /** The clock, for tests. @default () => new Date() */
  readonly now?: () => Date;
}

/** A Web-standard request handler. */
export type FetchHandler = (request: Request) => Promise<Response>;

/**
 * Creates a Web-standard handler for Fluid webhooks: reads the body under a size limit, verifies the signature,
 * normalizes envelope and legacy flat payloads, drops duplicates and dispatches to a typed handler by event name.
 *
 * @example
 * const handler = createWebhookHandler({
 *   resolveKeys: async ({ shop, event }) =>
 *     event.name.startsWith('droplet_') ? process.env.DROPLET_SECRET : await db.webhookKeyFor(shop),
 *   on: {
 *     order_created: async (event) => { await ship(event.payload.order.id) },
 *   },
 * })
 */
export function createWebhookHandler<const H extends WebhookHandlers<H>>(
  options: WebhookHandlerOptions<H>,
): FetchHandler {
  const store =
    options.idempotencyStore === false
      ? undefined
      : (options.idempotencyStore ?? createMemoryIdempotencyStore());
  const handlers: Partial<Record<string, WebhookEventHandler>> = {
    ...(options.on as Record<string, WebhookEventHandler> | undefined),
  };
  const settings = {
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    handlerTimeoutMs: options.handlerTimeoutMs ?? 10_000,
    idempotencyTtlMs: options.idempotencyTtlMs ?? 86_400_000,
    toleranceSeconds: options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
    logger: options.logger ?? consoleLogger,
    now: options.now ?? (() => new Date()),
  };

  async function decide(incoming: Incoming): Promise<WebhookOutcome> {
    if (incoming.method !== 'POST') return { kind: 'method_not_allowed' };
    if (!isJsonContentType(incoming.contentType)) return { kind: 'unsupported_media_type' };
    const signed = readSingleHeader(incoming.headers, FluidHeader.signature).kind !== 'missing';
    if (!signed && options.legacyToken !== true) return unauthorized('missing_header');

    const body = await incoming.readBody(settings.maxBodyBytes);
    if (!body.ok)
      return body.reason === 'too_large'
        ? { kind: 'too_large' }
        : { kind: 'malformed', problem: 'unreadable body' };
    if (body.bytes.byteLength === 0) return { kind: 'malformed', problem: 'empty body' };
    const parsed = parseJsonBody(body.bytes);
    if (!parsed.ok) return { kind: 'malformed', problem: 'the body is not valid UTF-8 JSON' };
    const normalized = normalizeWebhookEvent(parsed.value);
    if (!normalized.ok) return { kind: 'malformed', problem: normalized.problem };
    const { event } = normalized;

    const shopHeader = readSingleHeader(incoming.headers, FluidHeader.shop);
    if (shopHeader.kind === 'duplicate') return unauthorized('duplicate_header');
    const shop = shopHeader.kind === 'value' ? shopHeader.value : null;
    const bodyShop = shopInPayload(event);
    if (shop !== null && bodyShop !== null && !sameShop(shop, bodyShop)) return unauthorized('shop_mismatch');

    let keys: SigningKeys | null | undefined;
    try {
      keys = await options.resolveKeys({ shop, event });
    } catch (error) {
      settings.logger.error('webhook key lookup failed', { event: event.name, error: describeError(error) });
      return { kind: 'failed' };
    }
    const verified = signed
      ? await verifyFluidSignature({
          rawBody: body.bytes,
          headers: incoming.headers,
          keys: keys ?? [],
          toleranceSeconds: settings.toleranceSeconds,
          now: settings.now(),
        })
      : await verifyLegacyToken({ headers: incoming.headers, tokens: keys ?? [] });
    if (!verified.ok) return unauthorized(verified.reason);

    const handler = handlers[event.name] ?? options.onUnknown;
    if (handler === undefined) return { kind: 'ignored' };

    const deliveryKey = event.id ?? event.identifier;
    const storeKey = deliveryKey === null ? undefined : `fluid-webhook:${deliveryKey}`;
    if (store !== undefined && storeKey !== undefined) {
      // The claim outlives the handler's deadline, so a crashed process frees the event soon after.
      const claimed = await store.setIfAbsent(storeKey, settings.handlerTimeoutMs + 60_000);
      if (!claimed) return { kind: 'duplicate' };
    }
    const result = await runWithDeadline(
      (abort) => handler(event, new HandlerContext(shop, abort, incoming)),
      settings.handlerTimeoutMs,
      () => incoming.signal,
    );
    if (result.kind === 'value') {
      if (store !== undefined && storeKey !== undefined) await store.set(storeKey, settings.idempotencyTtlMs);
      return { kind: 'handled' };
    }
    if (store !== undefined && storeKey !== undefined) await store.delete(storeKey);
    settings.logger.error(
      result.kind === 'timeout' ? 'webhook handler timed out' : 'webhook handler failed',
      {
        event: event.name,
        id: event.id,
        ...(result.kind === 'error' ? { error: describeError(result.error) } : {}),
      },
    );
    return { kind: 'failed' };
  }

  function unauthorized(reason: string): WebhookOutcome {
    settings.logger.warn('webhook rejected', { reason });
    return { kind: 'unauthorized' };
  }

  return createFetchHandler(async (incoming) => {
    try {
      return webhookReply(await decide(incoming));
    } catch (error) {
      settings.logger.error('webhook processing failed', { error: describeError(error) });
      return webhookReply({ kind: 'failed' });
    }
  });
}
