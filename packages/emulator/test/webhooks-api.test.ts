import { FluidClient } from '@fluid-droplet/sdk/client';
import { validateResponses } from '@fluid-droplet/sdk/client/validation';
import { describe, expect, it } from 'vitest';
import { api, COMPANY, emulator, INSTALLATION } from './support/emulator.js';
import { startReceiver } from './support/receiver.js';

const create = (url: string, resource = 'order', event = 'created', extra: Record<string, unknown> = {}) => ({
  webhook: { url, resource, event, ...extra },
});

describe('/api/company/webhooks', () => {
  it('creates with 201, fills defaults and the event identifier, and shows it', async () => {
    const fluid = await emulator();
    const created = await api(fluid.url, 'POST', '/api/company/webhooks', {
      body: create('https://hooks.example.com/orders', 'order', 'created', { auth_token: 'secret-1' }),
    });
    expect(created.status).toBe(201);
    const webhook = created.body.webhook as Record<string, unknown>;
    expect(webhook).toMatchObject({
      id: 1,
      company_id: 1,
      droplet_installation_uuid: null,
      url: 'https://hooks.example.com/orders',
      active: true,
      resource: 'order',
      event: 'created',
      event_identifier: 'order_created',
      http_method: 'post',
      auth_token: 'secret-1',
    });
    expect(created.body.meta).toEqual({ request_id: expect.any(String), timestamp: expect.any(String) });
    expect(created.headers.get('x-request-id')).toBe(
      (created.body.meta as { request_id: string }).request_id,
    );

    const shown = await api(fluid.url, 'GET', '/api/company/webhooks/1');
    expect(shown.status).toBe(200);
    expect(shown.body.webhook).toEqual(webhook);
  });

  it('defaults active to true when FluidClient creates a webhook without it, and delivers to it', async () => {
    const fluid = await emulator();
    const receiver = await startReceiver({ status: 200, json: {} });
    const client = new FluidClient({ baseUrl: fluid.url, token: COMPANY, validateResponses });
    const defaulted = await client.webhooks.create({
      url: `${receiver.url}/defaulted`,
      resource: 'order',
      event: 'created',
    });
    const paused = await client.webhooks.create({
      url: `${receiver.url}/paused`,
      resource: 'order',
      event: 'created',
      active: false,
    });
    expect([defaulted.active, paused.active]).toEqual([true, false]);
    expect((await client.webhooks.get(defaulted.id)).active).toBe(true);
    const { deliveries } = await fluid.trigger.webhook('order_created');
    expect(deliveries.map((delivery) => delivery.url)).toEqual([`${receiver.url}/defaulted`]);
    expect(receiver.requests.map((request) => request.path)).toEqual(['/defaulted']);
  });

  it('records the installation as owner when created with a dit_ token', async () => {
    const fluid = await emulator();
    const created = await api(fluid.url, 'POST', '/api/company/webhooks', {
      token: INSTALLATION,
      body: create('https://hooks.example.com/x'),
    });
    expect((created.body.webhook as { droplet_installation_uuid: unknown }).droplet_installation_uuid).toBe(
      fluid.state.installations()[0]?.uuid,
    );
  });

  it.each([
    ['a URL that is not a URL', create('not a url'), 'url'],
    ['a non-HTTP URL', create('ftp://example.com/x'), 'url'],
    ['a missing URL', { webhook: { resource: 'order', event: 'created' } }, 'url'],
    ['an unknown resource', create('https://x.example', 'inventory', 'updated'), 'resource'],
    ['an unknown event of a known resource', create('https://x.example', 'subscription', 'created'), 'event'],
    [
      'a bad http_method',
      create('https://x.example', 'order', 'created', { http_method: 'patch' }),
      'http_method',
    ],
    ['a non-boolean active', create('https://x.example', 'order', 'created', { active: 'yes' }), 'active'],
    ['no webhook key', { url: 'https://x.example' }, 'webhook'],
  ])('answers 422 with ErrorResponse for %s', async (_, body, field) => {
    const fluid = await emulator();
    const response = await api(fluid.url, 'POST', '/api/company/webhooks', { body });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      error_message: expect.any(String),
      meta: { request_id: expect.any(String) },
    });
    expect(Object.keys(response.body.errors as object)).toContain(field);
    expect(fluid.state.listWebhooks()).toEqual([]);
  });

  it('lists with page/per_page/active/resource filters, flat or nested under query[...]', async () => {
    const fluid = await emulator();
    for (let i = 0; i < 5; i++) {
      await api(fluid.url, 'POST', '/api/company/webhooks', {
        body: create(
          `https://h.example/${i}`,
          i % 2 === 0 ? 'order' : 'cart',
          i % 2 === 0 ? 'created' : 'updated',
          {
            active: i !== 4,
          },
        ),
      });
    }
    const page2 = await api(fluid.url, 'GET', '/api/company/webhooks?page=2&per_page=2');
    expect((page2.body.webhooks as { id: number }[]).map((w) => w.id)).toEqual([3, 4]);
    expect((page2.body.meta as { pagination: unknown }).pagination).toEqual({
      current_page: 2,
      total_pages: 3,
      total_count: 5,
      per_page: 2,
    });
    const orders = await api(
      fluid.url,
      'GET',
      '/api/company/webhooks?query[resource]=order&query[active]=true',
    );
    expect((orders.body.webhooks as { id: number }[]).map((w) => w.id)).toEqual([1, 3]);
    const inactive = await api(fluid.url, 'GET', '/api/company/webhooks?active=false');
    expect((inactive.body.webhooks as { id: number }[]).map((w) => w.id)).toEqual([5]);
    const beyond = await api(fluid.url, 'GET', '/api/company/webhooks?page=9');
    expect(beyond.body.webhooks).toEqual([]);
    expect((await api(fluid.url, 'GET', '/api/company/webhooks?per_page=101')).status).toBe(422);
    expect((await api(fluid.url, 'GET', '/api/company/webhooks?page=0')).status).toBe(422);
  });

  it('updates mutable fields and refuses to retarget resource or event', async () => {
    const fluid = await emulator();
    await api(fluid.url, 'POST', '/api/company/webhooks', { body: create('https://h.example/a') });
    const updated = await api(fluid.url, 'PUT', '/api/company/webhooks/1', {
      body: {
        webhook: { url: 'https://h.example/b', active: false, http_method: 'put', auth_token: 'rotated' },
      },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.webhook).toMatchObject({
      url: 'https://h.example/b',
      active: false,
      http_method: 'put',
      auth_token: 'rotated',
    });
    const retarget = await api(fluid.url, 'PUT', '/api/company/webhooks/1', {
      body: { webhook: { event: 'updated' } },
    });
    expect(retarget.status).toBe(422);
    expect(retarget.body.errors).toHaveProperty('event');
    expect(fluid.state.getWebhook(1)?.event).toBe('created');
    expect((await api(fluid.url, 'PUT', '/api/company/webhooks/99', { body: { webhook: {} } })).status).toBe(
      404,
    );
  });

  it('deletes one (echoing its id), then 404s; bulk deletes and reports the ids that existed', async () => {
    const fluid = await emulator();
    for (let i = 0; i < 3; i++) {
      await api(fluid.url, 'POST', '/api/company/webhooks', { body: create(`https://h.example/${i}`) });
    }
    const deleted = await api(fluid.url, 'DELETE', '/api/company/webhooks/2');
    expect(deleted.status).toBe(200);
    expect(deleted.body.webhook).toEqual({ id: 2 });
    const again = await api(fluid.url, 'DELETE', '/api/company/webhooks/2');
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ error_message: expect.any(String), errors: null });
    const bulk = await api(fluid.url, 'DELETE', '/api/company/webhooks/bulk_delete', {
      body: { webhook_ids: [1, 2, 3] },
    });
    expect(bulk.body.webhooks).toEqual({ webhook_ids: [1, 3], count: 2 });
    expect(fluid.state.listWebhooks()).toEqual([]);
  });

  it('lists resources, and 404s with {message, status} for a resource with no delivered event', async () => {
    const fluid = await emulator();
    const resources = await api(fluid.url, 'GET', '/api/company/webhooks/resources');
    expect(resources.body.resources).toMatchObject({ order: expect.arrayContaining(['created']) });
    expect(resources.body.deprecated_resources).toEqual([]);
    const none = await api(fluid.url, 'GET', '/api/company/webhooks/resources/order');
    expect(none.status).toBe(404);
    expect(none.body).toMatchObject({ message: expect.any(String), status: 404 });
  });
});

describe('authentication', () => {
  it.each([
    ['no token', null],
    ['a wrong token', 'C-wrong'],
    ['an empty bearer', ''],
  ])('answers 401 with the bare {message} body for %s', async (_, token) => {
    const fluid = await emulator();
    const response = await api(fluid.url, 'GET', '/api/company/webhooks', { token });
    expect(response.status).toBe(401);
    expect(Object.keys(response.body)).toEqual(['message']);
  });

  it('answers 404 with ErrorResponse for an unknown route, 400 for malformed JSON', async () => {
    const fluid = await emulator();
    expect((await api(fluid.url, 'GET', '/api/nothing')).status).toBe(404);
    const response = await fetch(`${fluid.url}/api/company/webhooks`, {
      method: 'POST',
      headers: { authorization: 'Bearer C-test-company-token', 'content-type': 'application/json' },
      body: '{"webhook":',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error_message: expect.any(String) });
  });

  it('answers 413 for a body over 1 MB without crashing, and keeps serving', async () => {
    const fluid = await emulator();
    const response = await fetch(`${fluid.url}/api/company/webhooks`, {
      method: 'POST',
      headers: { authorization: 'Bearer C-test-company-token', 'content-type': 'application/json' },
      body: JSON.stringify({ webhook: { url: `https://x.example/${'a'.repeat(1_100_000)}` } }),
    }).catch((error: unknown) => error);
    // The server may answer 413 or cut the upload short; either way nothing is created and it keeps serving.
    if (response instanceof Response) expect(response.status).toBe(413);
    expect(fluid.state.listWebhooks()).toEqual([]);
    expect((await api(fluid.url, 'GET', '/api/company/webhooks')).status).toBe(200);
  });
});
