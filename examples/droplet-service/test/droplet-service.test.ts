import { type DropletService, startDropletService } from '@fluid-droplet/example-droplet-service';
import { type ReceiveLogger, signFluidRequest } from '@fluid-droplet/sdk/receive';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeFluid } from './fake-fluid.js';

const DWS = 'dws_example_secret';
const GRANT = { dit: 'dit_example_token', wvt: 'wvt_example_token', shop: 'acme' };
const quiet: ReceiveLogger = { warn: () => undefined, error: () => undefined };

let fluid: Awaited<ReturnType<typeof startFakeFluid>>;
let service: DropletService;

beforeEach(async () => {
  fluid = await startFakeFluid({ exchangeTokens: { dex_once: GRANT } });
  service = await startDropletService({
    fluidBaseUrl: fluid.url,
    dropletSecret: DWS,
    logger: quiet,
    callbackTimeoutMs: 2000,
  });
});
afterEach(async () => {
  await service.close();
  await fluid.close();
});

const company = {
  droplet_installation_uuid: 'dri_1',
  droplet_uuid: 'drp_1',
  fluid_company_id: 42,
  fluid_shop: 'acme',
  name: 'Acme',
};
const installedV2 = {
  id: 100,
  identifier: 'dropletinstallation_1',
  name: 'droplet_installed',
  timestamp: '2026-05-18T14:30:45Z',
  payload: {
    event_name: 'droplet_installed',
    contract_version: 'v2',
    resource: 'droplet',
    event: 'installed',
    company: {
      ...company,
      credentials: { exchange_token: 'dex_once', exchange_endpoint: '/api/droplet_installations/exchange' },
    },
  },
};

async function deliver(url: string, payload: unknown, key: string, kind: 'webhook' | 'callback' = 'webhook') {
  const body = JSON.stringify(payload);
  const headers = await signFluidRequest({
    body,
    key,
    kind,
    ...(kind === 'webhook' ? { shop: 'acme' } : {}),
  });
  return fetch(url, { method: 'POST', headers, body });
}

function tokenFor(definition: string): string {
  const registration = fluid.registrations.find((r) => r.definition_name === definition);
  if (registration === undefined) throw new Error(`no registration for ${definition}`);
  return registration.verification_token;
}

describe('example droplet service', () => {
  it('installs (v2 exchange), registers its callbacks, serves them signed, and uninstalls', async () => {
    const installed = await deliver(service.webhookUrl, installedV2, DWS);
    expect(installed.status).toBe(200);
    expect(fluid.registrations.map((r) => [r.definition_name, r.url, r.owner])).toEqual([
      ['test_callback_system', `${service.url}/callbacks/test_callback_system`, GRANT.dit],
      ['update_cart_shipping', `${service.url}/callbacks/update_cart_shipping`, GRANT.dit],
    ]);
    expect(fluid.calls[0]).toMatchObject({
      path: '/api/droplet_installations/exchange',
      authorization: undefined,
    });

    const echo = await deliver(
      `${service.url}/callbacks/test_callback_system`,
      { callback_name: 'test_callback_system', message: 'ping' },
      tokenFor('test_callback_system'),
      'callback',
    );
    expect(await echo.json()).toEqual({ message: 'received: ping' });

    const cart = {
      callback_name: 'update_cart_shipping',
      cart: { cart_token: 'ct_1', items: [{ quantity: 2 }, { quantity: 1 }] },
    };
    const shipping = await deliver(
      `${service.url}/callbacks/update_cart_shipping`,
      cart,
      tokenFor('update_cart_shipping'),
      'callback',
    );
    expect(shipping.status).toBe(200);
    expect(await shipping.json()).toEqual({
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
      cart,
      tokenFor('test_callback_system'),
      'callback',
    );
    expect(crossed.status).toBe(401);

    // Business webhooks are verified with the exchanged wvt_ token.
    const order = {
      id: 7,
      identifier: 'o',
      name: 'order_created',
      timestamp: 't',
      payload: { order: { id: 1 } },
    };
    expect((await deliver(service.webhookUrl, order, GRANT.wvt)).status).toBe(202);
    expect((await deliver(service.webhookUrl, order, 'wvt_wrong')).status).toBe(401);

    const uninstalled = await deliver(
      service.webhookUrl,
      { resource: 'droplet', event: 'uninstalled', company },
      DWS,
    );
    expect(uninstalled.status).toBe(200);
    expect(service.installations.size).toBe(0);
    const after = await deliver(
      `${service.url}/callbacks/update_cart_shipping`,
      cart,
      tokenFor('update_cart_shipping'),
      'callback',
    );
    expect(after.status).toBe(401);
  });

  it('accepts a v1 install with inline tokens and reuses registrations on reinstall (409)', async () => {
    const v1 = {
      event_name: 'droplet_installed',
      resource: 'droplet',
      event: 'installed',
      company: { ...company, authentication_token: GRANT.dit, webhook_verification_token: GRANT.wvt },
    };
    expect((await deliver(service.webhookUrl, v1, DWS)).status).toBe(200);
    const first = tokenFor('update_cart_shipping');
    // A flat delivery has no id, so it is not deduplicated: the reinstall runs again and meets 409.
    expect((await deliver(service.webhookUrl, v1, DWS)).status).toBe(200);
    expect(fluid.registrations).toHaveLength(2);
    expect(service.installations.get('dri_1')?.registrations.map((r) => r.verificationToken)).toContain(
      first,
    );
    expect(fluid.calls.some((call) => call.path.includes('exchange'))).toBe(false);
  });

  it('refuses an install signed with anything but the droplet secret, and reports a failed exchange as 500', async () => {
    expect((await deliver(service.webhookUrl, installedV2, 'dws_forged')).status).toBe(401);
    expect(fluid.calls).toHaveLength(0);
    const reused = {
      ...installedV2,
      id: 101,
      payload: {
        ...installedV2.payload,
        company: { ...installedV2.payload.company, credentials: { exchange_token: 'dex_unknown' } },
      },
    };
    expect((await deliver(service.webhookUrl, reused, DWS)).status).toBe(500);
    expect(service.installations.size).toBe(0);
  });
});
