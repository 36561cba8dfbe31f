import type { CallbackRequest, CallbackResponse } from '@fluid-droplet/sdk';
import { createCallbackHandler, createWebhookHandler, type WebhookEvent } from '@fluid-droplet/sdk/receive';
import { describe, expectTypeOf, it } from 'vitest';
import * as z from 'zod';

const resolveKey = () => 'cvt_x';

// A service's own generated registry, passed as `registry`.
const ownRegistry = {
  quote_price: {
    name: 'quote_price',
    description: null,
    request: z.object({ sku: z.string(), quantity: z.number() }),
    response: z.object({ price_cents: z.number() }),
    example: null,
  },
} as const;

describe('createCallbackHandler types', () => {
  it('types request and context from the SDK registry by default', () => {
    createCallbackHandler({
      resolveKey,
      handlers: {
        test_callback_system: (request, context) => {
          expectTypeOf(request).toEqualTypeOf<CallbackRequest<'test_callback_system'>>();
          expectTypeOf(context.name).toEqualTypeOf<'test_callback_system'>();
          expectTypeOf(context.signal).toEqualTypeOf<AbortSignal>();
          return { message: request.message };
        },
        update_cart_shipping: async () => ({
          shipping_options: [{ shipping_total: 5, shipping_title: 'Ground' }],
        }),
      },
    });
  });

  it('rejects a wrong return shape at compile time', () => {
    createCallbackHandler({
      resolveKey,
      handlers: {
        // @ts-expect-error message must be a string
        test_callback_system: () => ({ message: 42 }),
      },
    });
    createCallbackHandler({
      resolveKey,
      handlers: {
        // @ts-expect-error the required message is missing
        test_callback_system: async () => ({ text: 'hi' }),
      },
    });
    createCallbackHandler.for(
      'test_callback_system',
      // @ts-expect-error a string is not the response object
      () => 'ok',
      { resolveKey },
    );
  });

  it('rejects a handler for a definition the registry does not have', () => {
    createCallbackHandler({
      resolveKey,
      handlers: {
        // @ts-expect-error not a known callback definition
        not_a_callback: () => ({}),
      },
    });
    // @ts-expect-error not a known callback definition
    createCallbackHandler.for('not_a_callback', () => ({}), { resolveKey });
  });

  it('types handlers by a service registry passed as `registry`', () => {
    createCallbackHandler({
      resolveKey,
      registry: ownRegistry,
      handlers: {
        quote_price: (request) => {
          expectTypeOf(request).toEqualTypeOf<{ sku: string; quantity: number }>();
          return { price_cents: request.quantity * 100 };
        },
      },
      fallback: { quote_price: { price_cents: 0 } },
    });
    createCallbackHandler({
      resolveKey,
      registry: ownRegistry,
      // @ts-expect-error price_cents must be a number
      handlers: { quote_price: () => ({ price_cents: 'free' }) },
    });
    createCallbackHandler.for('quote_price', (request) => ({ price_cents: request.quantity }), {
      resolveKey,
      registry: ownRegistry,
      // @ts-expect-error the fallback must match the response type too
      fallback: { price: 1 },
    });
  });

  it('types the fallback of createCallbackHandler.for', () => {
    const fallback: CallbackResponse<'test_callback_system'> = { message: 'later' };
    createCallbackHandler.for('test_callback_system', (request) => ({ message: request.message }), {
      resolveKey,
      fallback,
    });
  });
});

describe('createWebhookHandler types', () => {
  it('types each handler by its event name, and others as the generic envelope', () => {
    createWebhookHandler({
      resolveKeys: () => 'k',
      on: {
        order_created: (event) => {
          expectTypeOf(event).toEqualTypeOf<WebhookEvent<'order_created'>>();
          expectTypeOf(event.payload.order.id).toEqualTypeOf<number>();
        },
        subscription_started: (event) => {
          expectTypeOf(event.payload.subscription.status).toEqualTypeOf<string | undefined>();
        },
        droplet_installed: (event) => {
          expectTypeOf(event.payload.company.droplet_installation_uuid).toEqualTypeOf<string>();
        },
        member_updated: (event) => {
          expectTypeOf(event.name).toEqualTypeOf<'member_updated'>();
          expectTypeOf(event.payload.member).toEqualTypeOf<unknown>();
        },
      },
    });
  });

  it('rejects a handler that assumes the wrong payload', () => {
    createWebhookHandler({
      resolveKeys: () => 'k',
      on: {
        // @ts-expect-error an order event has no product
        order_created: (event: WebhookEvent<'product_created'>) => event.payload.product.id,
      },
    });
  });
});
