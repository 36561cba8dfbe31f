import type { CallbackRequest, CallbackResponse } from '@fluid-droplet/sdk';
import {
  type CallbackRegistrationRecord,
  createCallbackHandler,
  createMemoryRegistrations,
  createWebhookHandler,
  neutralReply,
  type WebhookEvent,
} from '@fluid-droplet/sdk/receive';
import { describe, expectTypeOf, it } from 'vitest';
import * as z from 'zod';

const registrations = createMemoryRegistrations();

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
      registrations,
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
      registrations,
      handlers: {
        // @ts-expect-error message must be a string
        test_callback_system: () => ({ message: 42 }),
      },
    });
    createCallbackHandler({
      registrations,
      handlers: {
        // @ts-expect-error the required message is missing
        test_callback_system: async () => ({ text: 'hi' }),
      },
    });
    createCallbackHandler.for(
      'test_callback_system',
      // @ts-expect-error a string is not the response object
      () => 'ok',
      { registrations },
    );
  });

  it('rejects a handler for a definition the registry does not have', () => {
    createCallbackHandler({
      registrations,
      handlers: {
        // @ts-expect-error not a known callback definition
        not_a_callback: () => ({}),
      },
    });
    // @ts-expect-error not a known callback definition
    createCallbackHandler.for('not_a_callback', () => ({}), { registrations });
  });

  it('types handlers by a service registry passed as `registry`', () => {
    createCallbackHandler({
      registrations,
      registry: ownRegistry,
      handlers: {
        quote_price: (request) => {
          expectTypeOf(request).toEqualTypeOf<{ sku: string; quantity: number }>();
          return { price_cents: request.quantity * 100 };
        },
      },
      onFailure: { quote_price: (failure) => (failure.stage === 'timeout' ? { price_cents: 0 } : undefined) },
    });
    createCallbackHandler({
      registrations,
      registry: ownRegistry,
      // @ts-expect-error price_cents must be a number
      handlers: { quote_price: () => ({ price_cents: 'free' }) },
    });
    createCallbackHandler.for('quote_price', (request) => ({ price_cents: request.quantity }), {
      registrations,
      registry: ownRegistry,
      // @ts-expect-error the neutral reply must match the response type too
      onFailure: neutralReply({ price: 1 }),
    });
  });

  it('types the failure policy of createCallbackHandler.for by the definition', () => {
    const neutral: CallbackResponse<'test_callback_system'> = { message: 'later' };
    createCallbackHandler.for('test_callback_system', (request) => ({ message: request.message }), {
      registrations,
      onFailure: neutralReply(neutral),
    });
    createCallbackHandler.for('update_cart_shipping', () => ({}), {
      registrations,
      onFailure: (failure) => (failure.stage === 'auth' ? new Response(null, { status: 401 }) : {}),
    });
  });

  it('gives the handler the verified registration, its installation and the schema stamp', () => {
    createCallbackHandler.for(
      'test_callback_system',
      (_request, context) => {
        expectTypeOf(context.registration).toEqualTypeOf<CallbackRegistrationRecord>();
        expectTypeOf(context.installationUuid).toEqualTypeOf<string>();
        expectTypeOf(context.schema).toEqualTypeOf<{
          readonly version: string | number | null;
          readonly hash: string | null;
        }>();
        return { message: 'ok' };
      },
      { registrations },
    );
  });
});

describe('createWebhookHandler types', () => {
  it('types each handler by its event name, and others as the generic envelope', () => {
    createWebhookHandler({
      dropletSecret: 'dws_x',
      resolveKeys: () => 'k',
      on: {
        order_created: (event) => {
          expectTypeOf(event).toEqualTypeOf<WebhookEvent<'order_created'>>();
          expectTypeOf(event.payload.order.id).toEqualTypeOf<number>();
        },
        subscription_started: (event) => {
          expectTypeOf(event.payload.subscription.status).toEqualTypeOf<string | undefined>();
        },
        droplet_installed: (event, context) => {
          // v1 installs may omit it (Fluid's fleet install schema).
          expectTypeOf(event.payload.company.droplet_installation_uuid).toEqualTypeOf<string | undefined>();
          expectTypeOf(event.payload.company.fluid_company_id).toEqualTypeOf<number | string>();
          expectTypeOf(context.keyKind).toEqualTypeOf<'droplet' | 'company'>();
        },
        member_sponsorships_reassigned: (event) => {
          expectTypeOf(event.payload.member.id).toEqualTypeOf<string>();
        },
        droplet_reinstalled: (event) => {
          // Not a Fluid topic: a reinstall is a fresh droplet_installed, so this name gets the generic payload.
          expectTypeOf(event.payload.company).toEqualTypeOf<unknown>();
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
      dropletSecret: 'dws_x',
      resolveKeys: () => 'k',
      on: {
        // @ts-expect-error an order event has no product
        order_created: (event: WebhookEvent<'product_created'>) => event.payload.product.id,
      },
    });
  });
});
