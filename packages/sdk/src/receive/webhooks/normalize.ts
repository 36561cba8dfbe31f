import { isRecord } from '../../is-record.js';
import type { FluidWebhookEventMap, WebhookEvent } from './event-map.js';

/** The outcome of normalizing a parsed body into a {@link WebhookEvent}. */
export type NormalizeResult =
  | { readonly ok: true; readonly event: WebhookEvent }
  | {
      readonly ok: false;
      readonly reason: 'not_an_object' | 'no_event_name' | 'missing_resource';
      readonly problem: string;
    };

const EVENT_NAME = /^[A-Za-z][A-Za-z0-9_]{0,127}$/;

// Where each known event keeps its resource data; the typed handlers rely on it being an object.
const resourceKeyOf: { readonly [N in keyof FluidWebhookEventMap]: string } = {
  droplet_installed: 'company',
  droplet_uninstalled: 'company',
  member_sponsorships_reassigned: 'member',
  order_created: 'order',
  order_updated: 'order',
  order_cancelled: 'order',
  order_refunded: 'order',
  order_shipped: 'order',
  order_external_id_synced: 'order',
  product_created: 'product',
  subscription_started: 'subscription',
  subscription_paused: 'subscription',
  subscription_cancelled: 'subscription',
  subscription_billed: 'subscription',
  subscription_declined: 'subscription',
  subscription_resumed: 'subscription',
  subscription_resumed_after_payment_fix: 'subscription',
  subscription_reactivated: 'subscription',
  subscription_skipped: 'subscription',
  subscription_updated: 'subscription',
  cart_updated: 'cart',
};

/** True when `name` has a typed payload in {@link FluidWebhookEventMap}. */
export function isKnownWebhookEvent(name: string): name is keyof FluidWebhookEventMap {
  return Object.hasOwn(resourceKeyOf, name);
}

/**
 * Turns a parsed webhook body into one shape. Fluid sends the envelope `{ id, identifier, name, timestamp, payload }`
 * and the flat `{ resource, event, company, ... }`, the latter also nested as `{ payload: { resource, event, ... } }`.
 * The event name and the resource data are read from the same object, so a body cannot name one event at the top
 * and carry another's data underneath.
 *
 * @example
 * const result = normalizeWebhookEvent(JSON.parse(text))
 * if (result.ok) console.log(result.event.name)
 */
export function normalizeWebhookEvent(body: unknown): NormalizeResult {
  if (!isRecord(body))
    return { ok: false, reason: 'not_an_object', problem: 'the body is not a JSON object' };
  const isEnvelope = isRecord(body.payload) && typeof body.name === 'string';
  // Flat: the body itself, or a `payload` object carrying `resource` and `event` when the top level names nothing.
  const nested = !isEnvelope && isRecord(body.payload) && eventNameOf(undefined, body) === undefined;
  const payload = isEnvelope || nested ? (body.payload as Record<string, unknown>) : body;
  const name = eventNameOf(isEnvelope ? body.name : undefined, payload);
  if (name === undefined)
    return {
      ok: false,
      reason: 'no_event_name',
      problem: 'no event name (name, event_name or resource and event)',
    };
  if (isKnownWebhookEvent(name) && !isRecord(payload[resourceKeyOf[name]])) {
    return {
      ok: false,
      reason: 'missing_resource',
      problem: `${name} has no "${resourceKeyOf[name]}" object`,
    };
  }
  const id = isEnvelope && (typeof body.id === 'number' || typeof body.id === 'string') ? body.id : null;
  return {
    ok: true,
    event: {
      name,
      id,
      identifier: isEnvelope && typeof body.identifier === 'string' ? body.identifier : null,
      timestamp: isEnvelope && typeof body.timestamp === 'string' ? body.timestamp : null,
      format: isEnvelope ? 'envelope' : 'flat',
      payload,
    },
  };
}

function eventNameOf(envelopeName: unknown, payload: Record<string, unknown>): string | undefined {
  const candidates = [
    envelopeName,
    payload.event_name,
    typeof payload.resource === 'string' && typeof payload.event === 'string'
      ? `${payload.resource}_${payload.event}`
      : undefined,
  ];
  for (const candidate of candidates) {
    if (typeof candidate === 'string' && EVENT_NAME.test(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The company's shop as the body states it (droplet lifecycle payloads carry `company.fluid_shop`), used to
 * check the `X-Fluid-Shop` header against. Null when the body does not say.
 */
export function shopInPayload(event: WebhookEvent): string | null {
  const company = event.payload.company;
  return isRecord(company) && typeof company.fluid_shop === 'string' ? company.fluid_shop : null;
}

/** Compares shops the way Fluid spells them in different places: `acme` and `acme.fluid.app` are the same shop. */
export function sameShop(a: string, b: string): boolean {
  const canonical = (shop: string) =>
    shop
      .trim()
      .toLowerCase()
      .replace(/\.fluid\.app$/, '');
  return canonical(a) === canonical(b);
}
