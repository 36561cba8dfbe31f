// The whole loop on loopback: the emulator installs the example droplet service (droplet_installed v2, signed with
// the droplet's dws_ secret), the service exchanges the one-time token and registers its callbacks through the
// emulator's REST API, and the emulator then calls those callbacks signed with their cvt_ tokens and checks every
// reply against the definition's response_schema.
import { type Emulator, loadDefinitionsDir, startEmulator } from '@fluid-droplet/emulator';
import { type DropletService, startDropletService } from '@fluid-droplet/example-droplet-service';
import { FluidClient } from '@fluid-droplet/sdk/client';
import { validateResponses } from '@fluid-droplet/sdk/client/validation';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoDefinitionsDir } from '../src/definitions.js';
import { type LoggedLine, recordingLoggers } from '../src/quiet-loggers.js';

let fluid: Emulator;
let service: DropletService;
let lines: LoggedLine[];

beforeEach(async () => {
  const loggers = recordingLoggers();
  lines = loggers.lines;
  fluid = await startEmulator({
    definitions: await loadDefinitionsDir(repoDefinitionsDir),
    seed: 11,
    logger: loggers.emulator,
  });
  service = await startDropletService({
    fluidBaseUrl: fluid.url,
    dropletSecret: fluid.state.droplet.webhook_secret,
    logger: loggers.service,
    callbackTimeoutMs: 5_000,
  });
});

afterEach(async () => {
  await service.close();
  await fluid.close();
});

const problems = () => lines.filter((line) => line.level !== 'info');

describe('example droplet service against the emulator', () => {
  it('installs, registers its callbacks, and answers update_cart_shipping and test_callback_system validly', async () => {
    const installed = await fluid.trigger.install({ url: service.webhookUrl });
    expect(installed.delivery).toMatchObject({ ok: true, attempts: 1 });

    const registrations = fluid.state.listRegistrations();
    expect(registrations.map((registration) => registration.definition_name).sort()).toEqual([
      'test_callback_system',
      'update_cart_shipping',
    ]);
    for (const registration of registrations) {
      expect(registration).toMatchObject({
        owner_type: 'DropletInstallation',
        owner_id: installed.installation.id,
        active: true,
      });
    }
    const installation = await service.stores.installations.byShop(fluid.state.company.fluid_shop);
    expect(installation?.authenticationToken).toBe(installed.installation.authentication_token);

    const shipping = await fluid.trigger.callback('update_cart_shipping', {
      callback_name: 'update_cart_shipping',
      cart: { cart_token: 'ct_e2e', items: [{ quantity: 2 }, { quantity: 1 }] },
    });
    expect(shipping).toMatchObject({ status: 200, ok: true, issues: [] });
    expect(shipping.body).toMatchObject({
      shipping_options: [
        { shipping_title: 'Ground', shipping_total: 5.99 },
        { shipping_title: 'Express', shipping_total: 15.99 },
      ],
    });

    for (let i = 0; i < 5; i++) {
      // Requests sampled from the definition's request_schema, edge values included.
      const sampled = await fluid.trigger.callback('update_cart_shipping');
      expect({ ok: sampled.ok, issues: sampled.issues }, JSON.stringify(sampled.request)).toEqual({
        ok: true,
        issues: [],
      });
    }

    const client = new FluidClient({
      baseUrl: fluid.url,
      token: installed.installation.authentication_token,
      validateResponses,
    });
    expect(await client.callbacks.test({ message: 'Hello World' })).toMatchObject({
      message: 'received: Hello World',
    });
    expect(fluid.state.deliveries()[0]).toMatchObject({
      kind: 'callback',
      name: 'test_callback_system',
      ok: true,
    });
    expect(problems()).toEqual([]);
  });

  it('the service rejects a callback signed with a token it does not hold, and the report says so', async () => {
    await fluid.trigger.install({ url: service.webhookUrl });
    const registration = fluid.state.activeRegistration('test_callback_system');
    if (registration === undefined) throw new Error('the service did not register test_callback_system');
    // A registration made behind the service's back points at it with a cvt_ token the service never saw.
    await fetch(`${fluid.url}/api/callback/registrations/${registration.uuid}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${fluid.tokens.company}` },
    });
    await fetch(`${fluid.url}/api/callback/registrations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fluid.tokens.company}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        callback_registration: { definition_name: 'test_callback_system', url: registration.url },
      }),
    });
    const report = await fluid.trigger.callback('test_callback_system', { message: 'forged' });
    expect(report.ok).toBe(false);
    expect(report.status).toBe(401);
  });

  it('after droplet_uninstalled the service forgets the installation and its dit_ token stops working', async () => {
    const { installation } = await fluid.trigger.install({ url: service.webhookUrl });
    const delivery = await fluid.trigger.uninstall({
      url: service.webhookUrl,
      installation: installation.uuid,
    });
    expect(delivery.ok).toBe(true);
    expect(await service.stores.installations.byShop(fluid.state.company.fluid_shop)).toBeNull();
    const response = await fetch(`${fluid.url}/api/callback/registrations`, {
      headers: { authorization: `Bearer ${installation.authentication_token}` },
    });
    expect(response.status).toBe(401);
  });
});
