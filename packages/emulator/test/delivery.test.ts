import { NoRegistrationError, UnknownDefinitionError, UnknownEventError } from '@fluid-droplet/emulator';
import { verifyFluidSignature } from '@fluid-droplet/sdk';
import { describe, expect, it } from 'vitest';
import { api, emulator, INSTALLATION } from './support/emulator.js';
import { deadUrl, startReceiver } from './support/receiver.js';

describe('trigger.webhook', () => {
  it('sends the envelope to every matching active webhook, signed with the installation wvt_ or the auth_token', async () => {
    const fluid = await emulator();
    const receiver = await startReceiver();
    const hook = (path: string, extra: Record<string, unknown> = {}, token?: string) =>
      api(fluid.url, 'POST', '/api/company/webhooks', {
        ...(token === undefined ? {} : { token }),
        body: { webhook: { url: `${receiver.url}${path}`, resource: 'order', event: 'created', ...extra } },
      });
    await hook('/owned', { auth_token: 'ignored-installation-wins' }, INSTALLATION);
    await hook('/company', { auth_token: 'company-secret' });
    await hook('/inactive', { active: false, auth_token: 'x' });
    await api(fluid.url, 'POST', '/api/company/webhooks', {
      body: {
        webhook: { url: `${receiver.url}/other`, resource: 'order', event: 'updated', auth_token: 'x' },
      },
    });

    const result = await fluid.trigger.webhook('order_created', { order: { id: 55210, total: '129.99' } });
    expect(result.deliveries.map((d) => [d.status, d.ok])).toEqual([
      [200, true],
      [200, true],
    ]);
    expect(receiver.requests.map((r) => r.path).sort()).toEqual(['/company', '/owned']);
    expect(result.envelope).toMatchObject({
      id: expect.any(Number),
      identifier: expect.stringMatching(/^order_\w+$/),
      name: 'order_created',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      payload: {
        event_name: 'order_created',
        company_id: 1,
        resource: 'order',
        event: 'created',
        resource_name: 'Order',
        order: { id: 55210, total: '129.99' },
      },
    });

    const wvt = fluid.state.installations()[0]?.webhook_verification_token ?? '';
    for (const [path, key] of [
      ['/owned', wvt],
      ['/company', 'company-secret'],
    ] as const) {
      const request = receiver.requests.find((r) => r.path === path);
      if (request === undefined) throw new Error(`no request to ${path}`);
      expect(JSON.parse(request.rawBody)).toEqual(result.envelope);
      expect(request.headers['x-fluid-shop']).toBe('emulated');
      expect(request.headers['content-type']).toBe('application/json');
      expect(
        await verifyFluidSignature({ rawBody: request.rawBody, headers: request.headers, keys: key }),
      ).toEqual({
        ok: true,
        timestamp: expect.any(Number),
      });
      expect(
        (await verifyFluidSignature({ rawBody: request.rawBody, headers: request.headers, keys: 'other' }))
          .ok,
      ).toBe(false);
    }

    const latest = await api(fluid.url, 'GET', '/api/company/webhooks/resources/order');
    expect(latest.status).toBe(200);
    expect(latest.body).toMatchObject({ id: result.envelope.id, name: 'order_created' });
  });

  it('uses the webhook http_method and does not retry a failing business webhook', async () => {
    const fluid = await emulator();
    const receiver = await startReceiver({ status: 500, json: { error: 'boom' } });
    await api(fluid.url, 'POST', '/api/company/webhooks', {
      body: {
        webhook: {
          url: receiver.url,
          resource: 'cart',
          event: 'updated',
          http_method: 'put',
          auth_token: 'k',
        },
      },
    });
    const { deliveries } = await fluid.trigger.webhook('cart_updated');
    expect(deliveries).toEqual([expect.objectContaining({ status: 500, ok: false, attempts: 1 })]);
    expect(receiver.requests.map((r) => r.method)).toEqual(['PUT']);
  });

  it('reports timeouts and refused connections instead of throwing', async () => {
    const fluid = await emulator({ delivery: { webhookTimeoutMs: 200 } });
    const slow = await startReceiver({ status: 200, json: {}, delayMs: 5_000 });
    for (const url of [slow.url, await deadUrl()]) {
      await api(fluid.url, 'POST', '/api/company/webhooks', {
        body: { webhook: { url, resource: 'product', event: 'created', auth_token: 'k' } },
      });
    }
    const { deliveries } = await fluid.trigger.webhook('product_created');
    expect(deliveries.map((d) => d.error).sort()).toEqual(['connection', 'timeout']);
    expect(fluid.state.deliveries()).toHaveLength(2);
  });

  it('signs subscribed droplet lifecycle events with the dws_ secret, and sends unsigned when no key exists', async () => {
    const fluid = await emulator();
    const receiver = await startReceiver();
    for (const [path, resource, event] of [
      ['/lifecycle', 'droplet', 'uninstalled'],
      ['/unsigned', 'product', 'created'],
    ] as const) {
      await api(fluid.url, 'POST', '/api/company/webhooks', {
        body: { webhook: { url: `${receiver.url}${path}`, resource, event } },
      });
    }
    await fluid.trigger.webhook('droplet_uninstalled');
    await fluid.trigger.webhook('product_created');
    const [lifecycle, unsigned] = receiver.requests;
    if (lifecycle === undefined || unsigned === undefined) throw new Error('deliveries missing');
    const keys = fluid.state.droplet.webhook_secret;
    expect(
      (await verifyFluidSignature({ rawBody: lifecycle.rawBody, headers: lifecycle.headers, keys })).ok,
    ).toBe(true);
    expect(unsigned.headers['x-fluid-signature']).toBeUndefined();
    expect(unsigned.headers['x-fluid-shop']).toBe('emulated');
  });

  it('rejects an event that is not in the catalog', async () => {
    const fluid = await emulator();
    await expect(fluid.trigger.webhook('inventory_updated')).rejects.toBeInstanceOf(UnknownEventError);
  });
});

describe('trigger.install and uninstall', () => {
  it('sends droplet_installed v2 signed with the dws_ secret; the exchange token trades once', async () => {
    const fluid = await emulator({ delivery: { retryDelayMs: 1 } });
    let failures = 1;
    const receiver = await startReceiver((response) => {
      // The first attempt fails with a 503 so the lifecycle retry is exercised.
      response.writeHead(failures-- > 0 ? 503 : 204).end();
    });
    const { installation, exchangeToken, delivery, envelope } = await fluid.trigger.install({
      url: receiver.url,
    });
    expect(delivery).toMatchObject({ status: 204, ok: true, attempts: 2 });
    const request = receiver.requests[1];
    if (request === undefined) throw new Error('no retry arrived');
    const verified = await verifyFluidSignature({
      rawBody: request.rawBody,
      headers: request.headers,
      keys: fluid.state.droplet.webhook_secret,
    });
    expect(verified.ok).toBe(true);
    expect(JSON.parse(request.rawBody)).toEqual(envelope);
    expect(envelope.payload).toMatchObject({
      event_name: 'droplet_installed',
      contract_version: 'v2',
      resource: 'droplet',
      event: 'installed',
      company: {
        droplet_installation_uuid: installation.uuid,
        fluid_shop: 'emulated',
        credentials: {
          exchange_token: exchangeToken,
          exchange_endpoint: `${fluid.url}/api/droplet_installations/exchange`,
        },
      },
    });
    expect(JSON.stringify(envelope)).not.toContain(installation.authentication_token);

    const exchanged = await api(fluid.url, 'POST', '/api/droplet_installations/exchange', {
      token: null,
      body: { exchange_token: exchangeToken },
    });
    expect(exchanged.status).toBe(200);

    const uninstalled = await fluid.trigger.uninstall({ url: receiver.url, installation: installation.uuid });
    expect(uninstalled.ok).toBe(true);
    const after = await api(fluid.url, 'GET', '/api/callback/registrations', {
      token: installation.authentication_token,
    });
    expect(after.status).toBe(401);
  });
});

describe('trigger.callback', () => {
  const registerTo = async (fluidUrl: string, url: string, name: string, timeout?: number) => {
    const created = await api(fluidUrl, 'POST', '/api/callback/registrations', {
      token: INSTALLATION,
      body: {
        callback_registration: {
          definition_name: name,
          url,
          ...(timeout === undefined ? {} : { timeout_in_seconds: timeout }),
        },
      },
    });
    return created.body.callback_registration as { verification_token: string; uuid: string };
  };

  it('signs with the cvt_ token, sends X-Fluid-Callback-Token, and validates a good reply', async () => {
    const fluid = await emulator();
    const receiver = await startReceiver({
      status: 200,
      json: { shipping_options: [{ shipping_title: 'Standard', shipping_total: 5.99 }] },
    });
    const registration = await registerTo(fluid.url, receiver.url, 'update_cart_shipping');
    const request = { cart: { cart_token: 'ct_1', items: [] } };
    const report = await fluid.trigger.callback('update_cart_shipping', request);
    expect(report).toMatchObject({ status: 200, ok: true, issues: [], request });
    expect(report.latencyMs).toEqual(expect.any(Number));
    const received = receiver.requests[0];
    if (received === undefined) throw new Error('no callback arrived');
    expect(received.method).toBe('POST');
    expect(received.headers['x-fluid-callback-token']).toBe(registration.verification_token);
    const verified = await verifyFluidSignature({
      rawBody: received.rawBody,
      headers: received.headers,
      keys: registration.verification_token,
    });
    expect(verified.ok).toBe(true);
    expect(JSON.parse(received.rawBody)).toEqual(request);
  });

  it('reports every response_schema violation with a JSON pointer', async () => {
    const fluid = await emulator();
    const receiver = await startReceiver({
      status: 200,
      json: { shipping_options: [{ shipping_title: 'Standard', shipping_delivery_time_estimate: 3 }] },
    });
    await registerTo(fluid.url, receiver.url, 'update_cart_shipping');
    const report = await fluid.trigger.callback('update_cart_shipping', {});
    expect(report.ok).toBe(false);
    const pointers = report.issues.map((issue) => issue.pointer);
    expect(pointers).toContain('/shipping_options/0/shipping_total');
    expect(pointers).toContain('/shipping_options/0/shipping_delivery_time_estimate');
    expect(fluid.state.deliveries()[0]).toMatchObject({ kind: 'callback', ok: false });
  });

  it('enforces the registration timeout and reports non-JSON and non-2xx replies', async () => {
    const fluid = await emulator();
    const receiver = await startReceiver({ status: 200, json: { message: 'late' }, delayMs: 3_000 });
    await registerTo(fluid.url, receiver.url, 'test_callback_system', 1);
    const late = await fluid.trigger.callback('test_callback_system', { message: 'hi' });
    expect(late).toMatchObject({ status: null, ok: false, error: 'timeout' });

    receiver.reply = { status: 200, text: '<html>oops</html>' };
    const html = await fluid.trigger.callback('test_callback_system', { message: 'hi' });
    expect(html).toMatchObject({ status: 200, ok: false, error: 'invalid_json' });

    receiver.reply = { status: 503, json: { message: 'down' } };
    const down = await fluid.trigger.callback('test_callback_system', { message: 'hi' });
    expect(down).toMatchObject({ status: 503, ok: false, issues: [] });
  });

  it('applies country_codes as Fluid does: a dispatch without a country only reaches unscoped registrations', async () => {
    const fluid = await emulator();
    const receiver = await startReceiver({ status: 200, json: {} });
    await api(fluid.url, 'POST', '/api/callback/registrations', {
      body: {
        callback_registration: {
          definition_name: 'update_cart_tax',
          url: `${receiver.url}/us`,
          country_codes: ['US'],
        },
      },
    });
    await expect(fluid.trigger.callback('update_cart_tax', {})).rejects.toMatchObject({
      name: 'NoRegistrationError',
      country: undefined,
    });
    await expect(fluid.trigger.callback('update_cart_tax', {}, { country: 'CA' })).rejects.toBeInstanceOf(
      NoRegistrationError,
    );
    await fluid.trigger.callback('update_cart_tax', {}, { country: 'us' });
    await api(fluid.url, 'POST', '/api/callback/registrations', {
      token: INSTALLATION,
      body: { callback_registration: { definition_name: 'update_cart_tax', url: `${receiver.url}/all` } },
    });
    await fluid.trigger.callback('update_cart_tax', {});
    await fluid.trigger.callback('update_cart_tax', {}, { country: 'CA' });
    expect(receiver.requests.map((request) => request.path)).toEqual(['/us', '/all', '/all']);
  });

  it('samples requests from request_schema when none is given: a reproducible series per seed', async () => {
    const series: unknown[][] = [];
    for (const seed of [21, 21, 22]) {
      const fluid = await emulator({ seed });
      const receiver = await startReceiver({ status: 200, json: { message: 'ok' } });
      await registerTo(fluid.url, receiver.url, 'test_callback_system');
      const requests: unknown[] = [];
      for (let i = 0; i < 4; i++) {
        const report = await fluid.trigger.callback('test_callback_system');
        expect(report.ok).toBe(true);
        expect(report.request).toEqual(JSON.parse(receiver.requests[i]?.rawBody ?? 'null'));
        expect(report.request).toMatchObject({ message: expect.any(String) });
        requests.push(report.request);
      }
      expect(new Set(requests.map((request) => JSON.stringify(request))).size).toBeGreaterThan(1);
      series.push(requests);
    }
    expect(series[0]).toEqual(series[1]);
    expect(series[0]).not.toEqual(series[2]);
  });

  it('reports a connection reset in the middle of a reply as a connection failure', async () => {
    const fluid = await emulator();
    const receiver = await startReceiver((response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"message":');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    await registerTo(fluid.url, receiver.url, 'test_callback_system');
    const report = await fluid.trigger.callback('test_callback_system', { message: 'hi' });
    expect(report).toMatchObject({ status: null, ok: false, error: 'connection' });
  });

  it('throws for an unknown definition or when no active registration exists', async () => {
    const fluid = await emulator();
    await expect(fluid.trigger.callback('nope')).rejects.toBeInstanceOf(UnknownDefinitionError);
    await expect(fluid.trigger.callback('update_cart_tax', {})).rejects.toBeInstanceOf(NoRegistrationError);
  });

  it('POST /api/callback/test forwards the body to test_callback_system and returns the reply, or 422 with the issues', async () => {
    const fluid = await emulator();
    expect((await api(fluid.url, 'POST', '/api/callback/test', { body: { message: 'x' } })).status).toBe(404);
    const receiver = await startReceiver((response, request) => {
      const { message } = JSON.parse(request.rawBody) as { message: string };
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ message: `echo ${message}` }));
    });
    await registerTo(fluid.url, receiver.url, 'test_callback_system');
    const tested = await api(fluid.url, 'POST', '/api/callback/test', {
      token: INSTALLATION,
      body: { message: 'Hello World' },
    });
    expect(tested.status).toBe(200);
    expect(tested.body).toEqual({ message: 'echo Hello World', meta: expect.any(Object) });

    receiver.reply = { status: 200, json: { text: 'no message' } };
    const invalid = await api(fluid.url, 'POST', '/api/callback/test', { body: { message: 'x' } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors).toEqual({ '/message': ['is required'] });

    receiver.reply = { status: 500, json: {} };
    const broken = await api(fluid.url, 'POST', '/api/callback/test', { body: { message: 'x' } });
    expect(broken.status).toBe(422);
    expect(broken.body.errors).toEqual({ callback: ['replied HTTP 500'] });
  });
});
