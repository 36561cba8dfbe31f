import type { FluidLogger } from '../../logger.js';
import { createMemoryIdempotency } from '../../stores/memory-idempotency.js';
import type { IdempotencyStore } from '../../stores/types.js';
import { runWithDeadline } from '../http/deadline.js';
import type { FetchHandler } from '../http/fetch-handler.js';
import { createFetchHandler, type Incoming } from '../http/incoming.js';
import { consoleLogger, describeError } from '../http/logger.js';
import {
  checkRequestLine,
  checkSignature,
  parseJsonObject,
  readRequestBody,
} from '../http/opening-checks.js';
import { defaultReply, type FailureReason, type Outcome } from '../http/outcome.js';
import { DEFAULT_BODY_TIMEOUT_MS, DEFAULT_MAX_BODY_BYTES } from '../http/read-body.js';
import { readSingleHeader } from '../signature/header-input.js';
import { FluidHeader } from '../signature/header-names.js';
import { usableKeys } from '../signature/keys.js';
import { matchingToken } from '../signature/legacy-token.js';
import type { SignatureHeaders } from '../signature/signature-headers.js';
import { DEFAULT_TOLERANCE_SECONDS, matchingKey } from '../signature/verify.js';
import { WebhookHandlerContext } from './context.js';
import type { WebhookEvent } from './event-map.js';
import { normalizeWebhookEvent, sameShop, shopInPayload } from './normalize.js';
import type { WebhookEventHandler, WebhookHandlerOptions, WebhookHandlers, WebhookKeyKind } from './types.js';

const refused = (reason: FailureReason, detail?: string): Outcome =>
  detail === undefined ? { kind: 'refused', reason } : { kind: 'refused', reason, detail };

/** Lifecycle events are the droplet's own: only the droplet secret may sign them. */
export function isLifecycleEvent(name: string): boolean {
  return name.startsWith('droplet_');
}

/**
 * Creates a Web-standard handler for Fluid webhooks. In order: method, content type and the signature headers
 * (syntax and timestamp tolerance) before the body is read; the raw bytes under a size and time limit; the HMAC
 * against the droplet secret and the keys `resolveKeys` gives for `X-Fluid-Shop`; only then `JSON.parse`. A
 * `droplet_*` event must have matched the droplet secret and any other event a company key. Then the envelope or
 * flat shape becomes one typed event, a duplicate (same shop and event id) is answered without running again, and
 * the handler runs under a deadline.
 *
 * @example
 * const handler = createWebhookHandler({
 *   dropletSecret: process.env.FLUID_DROPLET_SECRET,
 *   resolveKeys: async ({ shop }) => (await installations.byShop(shop))?.webhookKeys,
 *   on: {
 *     droplet_installed: async (event) => saveInstallation(normalizeInstallation(event)),
 *     order_created: async (event, { shop }) => ship(shop, event.payload.order.id),
 *   },
 * })
 */
export function createWebhookHandler<const H extends WebhookHandlers<H>>(
  options: WebhookHandlerOptions<H>,
): FetchHandler {
  const dropletKeys = usableKeys(options.dropletSecret);
  if (dropletKeys.length === 0)
    throw new TypeError(
      'createWebhookHandler: dropletSecret must be a non-empty key (or keys) without surrounding whitespace',
    );
  const store: IdempotencyStore | undefined =
    options.idempotencyStore === false ? undefined : (options.idempotencyStore ?? createMemoryIdempotency());
  const on = (options.on ?? {}) as Readonly<Record<string, WebhookEventHandler | undefined>>;
  // Own properties only: an event named `constructor` or `toString` must not reach Object.prototype.
  const handlerFor = (name: string): WebhookEventHandler | undefined =>
    (Object.hasOwn(on, name) ? on[name] : undefined) ?? options.onUnknown;
  const handlerTimeoutMs = options.handlerTimeoutMs ?? 10_000;
  const settings = {
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    bodyTimeoutMs: options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS,
    handlerTimeoutMs,
    leaseMs: options.idempotencyLeaseMs ?? handlerTimeoutMs + 60_000,
    toleranceSeconds: options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
    logger: options.logger ?? consoleLogger,
    now: options.now ?? (() => new Date()),
  };
  const { logger } = settings;

  /** The verified bytes and the kind of key that verified them. */
  async function authenticate(
    incoming: Incoming,
    shop: string | null,
  ): Promise<{ ok: true; kind: WebhookKeyKind; bytes: Uint8Array } | { ok: false; reason: FailureReason }> {
    let signature: SignatureHeaders | undefined;
    let legacy: string | undefined;
    const signed = readSingleHeader(incoming.headers, FluidHeader.signature).kind !== 'missing';
    if (!signed && options.legacyToken === true) {
      const token = readSingleHeader(incoming.headers, FluidHeader.legacyAuthToken);
      if (token.kind !== 'value')
        return { ok: false, reason: token.kind === 'missing' ? 'missing_header' : 'duplicate_header' };
      legacy = token.value;
    } else {
      const checked = checkSignature(incoming, settings.toleranceSeconds, settings.now().getTime());
      if (!checked.ok) return checked;
      signature = checked.value;
    }
    const body = await readRequestBody(incoming, settings.maxBodyBytes, settings.bodyTimeoutMs);
    if (!body.ok) return body;
    let companyKeys: string[] = [];
    let lookupFailed = false;
    if (shop !== null && options.resolveKeys !== undefined) {
      try {
        companyKeys = usableKeys(await options.resolveKeys({ shop }));
      } catch (error) {
        // A lifecycle event still verifies with the droplet secret; anything else fails as the store's outage.
        lookupFailed = true;
        logger.error('webhook key lookup failed', { shop, error: describeError(error) });
      }
    }
    const keys = companyKeys.length === 0 ? dropletKeys : [...dropletKeys, ...companyKeys];
    const matched =
      signature === undefined
        ? await matchingToken(legacy as string, keys)
        : await matchingKey(keys, signature, body.value);
    if (matched < 0) return { ok: false, reason: lookupFailed ? 'store_unavailable' : 'signature_mismatch' };
    return { ok: true, kind: matched < dropletKeys.length ? 'droplet' : 'company', bytes: body.value };
  }

  async function decide(incoming: Incoming): Promise<Outcome> {
    const line = checkRequestLine(incoming);
    if (line !== undefined) return refused(line);
    const shopHeader = readSingleHeader(incoming.headers, FluidHeader.shop);
    if (shopHeader.kind === 'duplicate') return refused('duplicate_header');
    const headerShop = shopHeader.kind === 'value' ? shopHeader.value : null;

    const verified = await authenticate(incoming, headerShop);
    if (!verified.ok) return refused(verified.reason);
    const parsed = parseJsonObject(verified.bytes);
    if (!parsed.ok) return refused(parsed.reason);
    const normalized = normalizeWebhookEvent(parsed.value);
    if (!normalized.ok) return refused(normalized.reason, normalized.problem);
    const { event } = normalized;

    // A company key never stands in for the droplet secret, nor the other way round: a company's key signing
    // `droplet_installed` for another shop would be a takeover of that shop's installation.
    if (isLifecycleEvent(event.name) !== (verified.kind === 'droplet')) return refused('key_kind_mismatch');
    const bodyShop = shopInPayload(event);
    if (headerShop !== null && bodyShop !== null && !sameShop(headerShop, bodyShop))
      return refused('shop_mismatch');
    const shop = verified.kind === 'company' ? headerShop : (bodyShop ?? headerShop);

    const handler = handlerFor(event.name);
    if (handler === undefined) return { kind: 'ignored' };
    return run(handler, event, shop, verified.kind, incoming);
  }

  async function run(
    handler: WebhookEventHandler,
    event: WebhookEvent,
    shop: string | null,
    keyKind: WebhookKeyKind,
    incoming: Incoming,
  ): Promise<Outcome> {
    const deliveryId = event.id ?? event.identifier;
    const key =
      store === undefined || deliveryId === null
        ? undefined
        : `fluid-webhook:${encodeURIComponent(shop ?? '')}:${encodeURIComponent(String(deliveryId))}`;
    if (store !== undefined && key !== undefined) {
      let claim: Awaited<ReturnType<IdempotencyStore['claim']>>;
      try {
        claim = await store.claim(key, settings.leaseMs);
      } catch (error) {
        logger.error('webhook idempotency store failed', { event: event.name, error: describeError(error) });
        return refused('handler_error');
      }
      if (claim === 'done') return { kind: 'duplicate' };
      if (claim === 'in-flight') return { kind: 'in_flight' };
    }
    const settleClaim = (succeeded: boolean) => {
      if (store === undefined || key === undefined) return Promise.resolve();
      return (succeeded ? store.complete(key) : store.release(key)).catch((error: unknown) => {
        logger.error('webhook idempotency store failed', { event: event.name, error: describeError(error) });
      });
    };
    const result = await runWithDeadline(
      (abort) => handler(event, new WebhookHandlerContext(shop, keyKind, abort, incoming)),
      settings.handlerTimeoutMs,
      () => incoming.signal,
      // A handler still running past its deadline keeps its claim, so a redelivery is not run beside it.
      (late) => void settleClaim(late.kind === 'value'),
    );
    if (result.kind === 'value') {
      await settleClaim(true);
      return { kind: 'handled' };
    }
    if (result.kind === 'error') {
      await settleClaim(false);
      report(logger, 'webhook handler failed', event, describeError(result.error));
      return refused('handler_error');
    }
    report(logger, 'webhook handler ran past its deadline; its claim holds until it ends', event);
    return refused('deadline');
  }

  return createFetchHandler(async (incoming) => {
    let outcome: Outcome;
    try {
      outcome = await decide(incoming);
    } catch (error) {
      logger.error('webhook processing failed', { error: describeError(error) });
      outcome = refused('handler_error');
    }
    if (outcome.kind === 'refused' && outcome.reason !== 'handler_error' && outcome.reason !== 'deadline')
      logger.warn('webhook refused', { reason: outcome.reason });
    return defaultReply(outcome);
  });
}

function report(logger: FluidLogger, message: string, event: WebhookEvent, error?: string): void {
  logger.error(message, {
    event: event.name,
    id: event.id,
    ...(error === undefined ? {} : { error }),
  });
}
