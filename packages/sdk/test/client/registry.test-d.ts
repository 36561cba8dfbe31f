// A FluidClient typed by a service's generated registry: definition names the service does not have fail to
// compile; without a registry, any name compiles (definitions newer than the SDK).
import {
  type CallbackDefinitionEntry,
  type CallbackRegistration,
  type CallbackRegistry,
  callbacks,
  FluidClient,
} from '@fluid-droplet/sdk';
import { describe, expectTypeOf, it } from 'vitest';
import * as z from 'zod';

// What `fluid-codegen generate` emits for a service with two definitions of its own.
const entry = (name: string): CallbackDefinitionEntry<{ cart_id: number }, { ok: boolean }> => ({
  name,
  description: null,
  request: z.object({ cart_id: z.number() }),
  response: z.object({ ok: z.boolean() }),
  example: null,
});
const serviceCallbacks = {
  update_cart_shipping: entry('update_cart_shipping'),
  verify_email_success: entry('verify_email_success'),
} satisfies CallbackRegistry;

describe('FluidClient typed by a registry', () => {
  it('the registry option narrows definition_name in create, list and callbackSchemas.get', () => {
    const client = new FluidClient({ token: 'dit_x', registry: serviceCallbacks });
    client.callbackRegistrations.create({ definition_name: 'update_cart_shipping', url: 'https://x' });
    // @ts-expect-error the service has no such definition
    client.callbackRegistrations.create({ definition_name: 'cart_item_added', url: 'https://x' });
    client.callbackRegistrations.list({ definition_name: 'verify_email_success' });
    // @ts-expect-error the service has no such definition
    client.callbackRegistrations.list({ definition_name: 'update_cart_shiping' });
    client.callbackSchemas.get('update_cart_shipping');
    // @ts-expect-error the service has no such definition
    client.callbackSchemas.get('cart_item_added');
    // update cannot change the definition, whatever the registry
    // @ts-expect-error definition_name is not part of an update
    client.callbackRegistrations.update('cbr_1', { definition_name: 'update_cart_shipping' });
    expectTypeOf(
      client.callbackRegistrations.update('cbr_1', { active: false }),
    ).resolves.toEqualTypeOf<CallbackRegistration>();
  });

  it('the type argument alone does the same, without shipping the registry', () => {
    const client = new FluidClient<typeof serviceCallbacks>({ token: 'dit_x' });
    client.callbackRegistrations.create({ definition_name: 'verify_email_success', url: 'https://x' });
    const url = 'https://x';
    // @ts-expect-error the service has no such definition
    client.callbackRegistrations.create({ definition_name: 'cart_item_added', url });
    expectTypeOf(client.callbackSchemas.get)
      .parameter(0)
      .toEqualTypeOf<'update_cart_shipping' | 'verify_email_success'>();
  });

  it("the SDK's own registry allows exactly Fluid's known definitions", () => {
    const client = new FluidClient({ token: 'dit_x', registry: callbacks });
    client.callbackRegistrations.create({ definition_name: 'cart_item_added', url: 'https://x' });
    // @ts-expect-error not a definition Fluid documents
    client.callbackRegistrations.create({ definition_name: 'cart_item_adde', url: 'https://x' });
  });

  it('a typed client is not a plain FluidClient: code holding one could send names the registry lacks', () => {
    const typed = new FluidClient({ token: 'dit_x', registry: serviceCallbacks });
    // @ts-expect-error FluidClient accepts any definition name; the typed client does not
    const plain: FluidClient = typed;
    expectTypeOf(plain).not.toBeAny();
  });

  it('without a registry, any name compiles and known names are suggested', () => {
    const client = new FluidClient({ token: 'dit_x' });
    client.callbackRegistrations.create({ definition_name: 'a_definition_from_next_year', url: 'https://x' });
    client.callbackSchemas.get('anything');
  });
});
