// The example service against the emulator over loopback HTTP: installs, the exchange, callback registrations and
// webhook subscriptions all go through FluidClient to the emulator's REST API, and the emulator calls back signed.
import { type Emulator, startEmulator } from '@fluid-droplet/emulator';
import { type DropletService, startDropletService } from '@fluid-droplet/example-droplet-service';
import { type FluidLogger, signFluidRequest } from '@fluid-droplet/sdk/receive';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const quiet: FluidLogger = { warn: () => undefined, error: () => undefined };

let fluid: Emulator;
let service: DropletService;

beforeEach(async () => {
  fluid = await startEmulator({ seed: 5 });
  service = await startDropletService({
    fluidBaseUrl: fluid.url,
    dropletSecret: fluid.state.droplet.webhook_secret,
    logger: quiet,
    callbackTimeoutMs: 2000,
  });
});
afterEach(async () => {
  await service.close();
  await fluid.close();
});

/** POSTs `payload` to the service signed with `key`, as Fluid would (or as a forger would, with the wrong key). */
async function deliver(url: string, payload: unknown, key: string, kind: 'webhook' | 'callback' = 'webhook') {
  const body = JSON.stringify(payload);
  const shop = fluid.state.company.fluid_shop;
  const headers = await signFluidRequest({ body, key, kind, ...(kind === 'webhook' ? { shop } : {}) });
  return fetch(url, { method: 'POST', headers, body });
}

function tokenFor(definition: string): string {
  const registration = fluid.state.activeRegistration(definition);
  if (registration === undefined) throw new Error(`no registration for ${definition}`);
  return registration.verification_token;
}

const cart = { cart_token: 'ct_1', items: [{ quantity: 2 }, { quantity: 1 }] };

describe('example droplet service against the emulator', () => {
  it('installs (v2 exchange), registers its callbacks, answers them, verifies business webhooks, and uninstalls', async () => {
    const installed = await fluid.trigger.install({ url: service.webhookUrl });
    expect(installed.delivery).toMatchObject({ ok: true, status: 200 });
    expect(
      fluid.state
        .listRegistrations()
        .map((r) => [r.definition_name, r.url, r.owner_id, r.timeout_in_seconds]),
    ).toEqual([
      [
        'test_callback_system',
        `${service.url}/callbacks/test_callback_system`,
        installed.installation.id,
        20,
      ],
      [
        'update_cart_shipping',
        `${service.url}/callbacks/update_cart_shipping`,
        installed.installation.id,
        20,
      ],
    ]);
    const record = await service.stores.installations.get(installed.installation.uuid);
    expect(record?.authenticationToken).toBe(installed.installation.authentication_token);
    expect(record?.webhookKeys).toEqual([installed.installation.webhook_verification_token]);
    expect(await service.stores.registrations.count()).toBe(2);

    const echo = await fluid.trigger.callback('test_callback_system', { message: 'ping' });
    expect(echo).toMatchObject({ status: 200, ok: true, issues: [], body: { message: 'received: ping' } });
    const shipping = await fluid.trigger.callback('update_cart_shipping', {
      callback_name: 'update_cart_shipping',
      cart,
    });
    expect(shipping).toMatchObject({ status: 200, ok: true, issues: [] });
    expect(shipping.body).toEqual({
      shipping_options: [
        {
          shipping_title: 'Ground',
          shipping_total: 5.99,
          shipping_delivery_time_estimate: '3-5 business days',
        },
        {
          shipping_title: 'Express',
          shipping_total: 15.99,
          shipping_delivery_time_estimate: '1-2 business days',
        },
      ],
    });
    // A token registered for one definition does not open another.
    const crossed = await deliver(
      `${service.url}/callbacks/update_cart_shipping`,
      { cart },
      tokenFor('test_callback_system'),
      'callback',
    );
    expect(crossed.status).toBe(401);

    // Business webhooks are signed with the exchanged wvt_ token; the install synced the subscription.
    expect(
      fluid.state.listWebhooks().map((webhook) => [webhook.resource, webhook.event, webhook.url]),
    ).toEqual([['order', 'created', service.webhookUrl]]);
    const order = await fluid.trigger.webhook('order_created', { order: { id: 1 } });
    expect(order.deliveries.map((delivery) => delivery.status)).toEqual([200]);
    const forged = { ...order.envelope, id: order.envelope.id + 1 };
    expect((await deliver(service.webhookUrl, forged, 'wvt_forged')).status).toBe(401);

    const uninstalled = await fluid.trigger.uninstall({
      url: service.webhookUrl,
      installation: installed.installation.uuid,
    });
    expect(uninstalled).toMatchObject({ ok: true, status: 200 });
    expect(await service.stores.installations.get(installed.installation.uuid)).toMatchObject({
      active: false,
      authenticationToken: '',
      webhookKeys: [],
    });
    expect(await service.stores.registrations.count()).toBe(0);
    const after = await fluid.trigger.callback('update_cart_shipping', { cart });
    expect(after.status).toBe(401);
  });

  it('accepts a v1 install with inline tokens; a reinstall adopts its registrations in place', async () => {
    const { installation } = fluid.state.createInstallation();
    const v1 = {
      event_name: 'droplet_installed',
      resource: 'droplet',
      event: 'installed',
      company: {
        droplet_installation_uuid: installation.uuid,
        droplet_uuid: installation.droplet_uuid,
        fluid_company_id: installation.company_id,
        fluid_shop: fluid.state.company.fluid_shop,
        authentication_token: installation.authentication_token,
        webhook_verification_token: installation.webhook_verification_token,
      },
    };
    const secret = fluid.state.droplet.webhook_secret;
    expect((await deliver(service.webhookUrl, v1, secret)).status).toBe(200);
    const first = fluid.state.listRegistrations().map((registration) => ({ ...registration }));
    // A flat delivery has no id, so it is not deduplicated: the reinstall runs again, finds its registrations in
    // place and keeps them (same uuids, same tokens), with no delete and recreate.
    expect((await deliver(service.webhookUrl, v1, secret)).status).toBe(200);
    expect(fluid.state.listRegistrations()).toEqual(first);
    expect(fluid.state.listWebhooks()).toHaveLength(1);
    expect(await fluid.trigger.callback('update_cart_shipping', { cart })).toMatchObject({
      status: 200,
      ok: true,
    });
    expect(fluid.state.installations().every((item) => item.active)).toBe(true);
  });

  it('refuses an install signed with anything but the droplet secret, and answers 500 when the exchange fails', async () => {
    const installed = await fluid.trigger.install({ url: service.webhookUrl });
    const replayed = { ...installed.envelope, id: installed.envelope.id + 1 };
    expect((await deliver(service.webhookUrl, replayed, 'dws_forged')).status).toBe(401);
    // The exchange token was used by the first delivery: the emulator answers 410 and nothing is saved twice.
    await service.stores.installations.deactivate(installed.installation.uuid);
    const reused = await deliver(service.webhookUrl, replayed, fluid.state.droplet.webhook_secret);
    expect(reused.status).toBe(500);
    expect((await service.stores.installations.get(installed.installation.uuid))?.active).toBe(false);
  });
});
