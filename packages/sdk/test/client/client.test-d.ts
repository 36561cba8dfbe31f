import {
  type CallbackDefinitionName,
  type CallbackName,
  type CallbackRegistration,
  type CallbackSchema,
  type FluidApiError,
  FluidClient,
  type FluidError,
  type FluidPromise,
  type Page,
  type RateLimitError,
  type Webhook,
  type WithResponse,
} from '@fluid-droplet/sdk';
import { describe, expectTypeOf, it } from 'vitest';

const client = new FluidClient({ token: 'C-x' });

describe('FluidClient types', () => {
  it('create says plainly that verification_token is a cvt_ string', () => {
    const created = client.callbackRegistrations.create({
      definition_name: 'update_cart_shipping',
      url: 'https://x',
    });
    expectTypeOf(created).resolves.toHaveProperty('verification_token').toEqualTypeOf<`cvt_${string}`>();
    // get cannot promise it: the token may be null there.
    expectTypeOf(client.callbackRegistrations.get('cbr_1')).resolves.toEqualTypeOf<CallbackRegistration>();
  });

  it('definition_name suggests known names and accepts newer ones', () => {
    expectTypeOf<CallbackName>().toExtend<CallbackDefinitionName>();
    expectTypeOf<'a_definition_from_next_year'>().toExtend<CallbackDefinitionName>();
    // @ts-expect-error definition_name is required on create
    client.callbackRegistrations.create({ url: 'https://x' });
    // @ts-expect-error definition_name cannot change on update
    client.callbackRegistrations.update('cbr_1', { definition_name: 'x' });
  });

  it('list is awaitable for a page and iterable for items', () => {
    const list = client.webhooks.list();
    expectTypeOf(list).resolves.toEqualTypeOf<Page<Webhook>>();
    expectTypeOf(list).toExtend<AsyncIterable<Webhook>>();
    expectTypeOf(client.webhooks.get(1).withResponse()).resolves.toEqualTypeOf<WithResponse<Webhook>>();
  });

  it('webhook resource and event are fixed at create', () => {
    // @ts-expect-error resource is immutable
    client.webhooks.update(1, { resource: 'cart' });
  });

  it('errors share one hierarchy', () => {
    expectTypeOf<RateLimitError>().toExtend<FluidApiError>();
    expectTypeOf<FluidApiError>().toExtend<FluidError>();
    expectTypeOf<RateLimitError['retryAfterMs']>().toEqualTypeOf<number | undefined>();
  });
});

describe('FluidClientOptions.token', () => {
  it('is optional and takes an environment variable as it is', () => {
    expectTypeOf<FluidClient>().toEqualTypeOf(new FluidClient());
    expectTypeOf<FluidClient>().toEqualTypeOf(new FluidClient({ token: process.env.FLUID_API_TOKEN }));
  });
});

describe('FluidPromise', () => {
  it('is assignable to Promise and awaits to the resource', () => {
    const client = new FluidClient({ token: 'C-x' });
    const promise: Promise<Webhook> = client.webhooks.get(1);
    expectTypeOf(promise).toEqualTypeOf<Promise<Webhook>>();
    expectTypeOf<FluidPromise<Webhook>>().toExtend<Promise<Webhook>>();
    expectTypeOf(client.callbackSchemas.get('x')).toExtend<Promise<CallbackSchema>>();
    expectTypeOf(Promise.all([client.webhooks.get(1)])).resolves.toEqualTypeOf<[Webhook]>();
  });
});
