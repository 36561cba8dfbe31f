// Every resource method against a real loopback server: what goes on the wire, and what comes back.
import {
  AuthenticationError,
  ConflictError,
  FluidClient,
  type FluidLogger,
  GoneError,
  NotFoundError,
  validateResponses,
} from '@fluid-droplet/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meta, pageBody, registration, webhook } from '../support/client-fixtures.js';
import { type FaultServer, startFaultServer } from '../support/fault-server.js';

const TOKEN = 'dit_resources-secret';
let server: FaultServer;

beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(async () => {
  await server.close();
});

const client = (logger?: FluidLogger) =>
  new FluidClient({
    token: TOKEN,
    baseUrl: server.url,
    validateResponses,
    retryBackoff: { initialDelayMs: 1 },
    ...(logger === undefined ? {} : { logger }),
  });

function lastRequest() {
  const request = server.requests.at(-1);
  if (request === undefined) throw new Error('no request received');
  return {
    method: request.method,
    path: request.path,
    body: request.body === '' ? undefined : JSON.parse(request.body),
  };
}

describe('webhooks', () => {
  it('list sends flat filters and returns one page', async () => {
    server.script('GET /api/company/webhooks', { body: pageBody('webhooks', [webhook(1)], 1, 1) });
    const page = await client().webhooks.list({ active: true, resource: 'order', per_page: 50 });
    expect(page.items.map((item) => item.id)).toEqual([1]);
    expect(page.pagination).toEqual({ current_page: 1, total_pages: 1, total_count: 1, per_page: 1 });
    expect(page.hasNextPage).toBe(false);
    expect(lastRequest().path).toBe('/api/company/webhooks?active=true&resource=order&per_page=50');
  });

  it('get, create, update, delete, bulkDelete and resources', async () => {
    server.script('GET /api/company/webhooks/4', { body: { webhook: webhook(4), meta } });
    server.script('POST /api/company/webhooks', { status: 201, body: { webhook: webhook(5), meta } });
    server.script('PUT /api/company/webhooks/5', {
      body: { webhook: { ...webhook(5), active: false }, meta },
    });
    server.script('DELETE /api/company/webhooks/5', { body: { webhook: { id: 5 }, meta } });
    server.script('DELETE /api/company/webhooks/bulk_delete', {
      body: { webhooks: { webhook_ids: [1, 2], count: 2 }, meta },
    });
    server.script('GET /api/company/webhooks/resources', {
      body: { resources: { order: ['created'] }, deprecated_resources: ['member'], meta },
    });
    const fluid = client();
    expect((await fluid.webhooks.get(4)).id).toBe(4);
    const created = await fluid.webhooks.create({
      resource: 'order',
      event: 'created',
      url: 'https://h.example',
      active: false,
    });
    expect(created.id).toBe(5);
    expect(lastRequest()).toEqual({
      method: 'POST',
      path: '/api/company/webhooks',
      body: { webhook: { resource: 'order', event: 'created', url: 'https://h.example', active: false } },
    });
    expect((await fluid.webhooks.update(5, { active: false })).active).toBe(false);
    expect(lastRequest().body).toEqual({ webhook: { active: false } });
    expect(await fluid.webhooks.delete(5)).toEqual({ id: 5 });
    expect(await fluid.webhooks.bulkDelete([1, 2])).toEqual({ webhook_ids: [1, 2], count: 2 });
    expect(lastRequest()).toEqual({
      method: 'DELETE',
      path: '/api/company/webhooks/bulk_delete',
      body: { webhook_ids: [1, 2] },
    });
    expect(await fluid.webhooks.resources()).toEqual({
      resources: { order: ['created'] },
      deprecated_resources: ['member'],
    });
  });
});

describe('callback definitions, schemas and registrations', () => {
  it('lists definitions and schemas, gets a schema by encoded name', async () => {
    const definition = {
      name: 'update_cart_shipping',
      description: null,
      example_response: null,
      request_schema: null,
      response_schema: { type: 'object' },
    };
    const schema = {
      name: 'update_cart_shipping',
      version: '2',
      schema_hash: 'abc',
      description: null,
      request_schema: null,
      response_schema: null,
    };
    server.script('GET /api/callback/definitions', { body: { definitions: [definition], meta } });
    server.script('GET /api/callback/schemas', { body: { schemas: [schema], meta } });
    server.script('GET /api/callback/schemas/a%2Fb', { body: { schema, meta } });
    const fluid = client();
    expect((await fluid.callbackDefinitions.list()).items).toEqual([definition]);
    expect((await fluid.callbackSchemas.list()).items).toEqual([schema]);
    expect(await fluid.callbackSchemas.get('a/b')).toEqual(schema);
  });

  it('registrations: list filters, create returns the cvt_ token, update, delete', async () => {
    server.script('GET /api/callback/registrations', {
      body: pageBody('callback_registrations', [registration('cbr_1')], 1, 1),
    });
    server.script('POST /api/callback/registrations', {
      status: 201,
      body: { callback_registration: registration('cbr_2'), meta },
    });
    server.script('PUT /api/callback/registrations/cbr_2', {
      body: { callback_registration: registration('cbr_2'), meta },
    });
    server.script('DELETE /api/callback/registrations/cbr_2', {
      body: { callback_registration: { uuid: 'cbr_2' }, meta },
    });
    const fluid = client();
    await fluid.callbackRegistrations.list({ definition_name: 'update_cart_shipping', active: true });
    expect(lastRequest().path).toBe(
      '/api/callback/registrations?definition_name=update_cart_shipping&active=true',
    );
    const created = await fluid.callbackRegistrations.create({
      definition_name: 'update_cart_shipping',
      url: 'https://s.example/cb',
      timeout_in_seconds: 10,
      country_codes: ['US'],
    });
    expect(created.verification_token).toBe('cvt_secret');
    expect(lastRequest().body).toEqual({
      callback_registration: {
        definition_name: 'update_cart_shipping',
        url: 'https://s.example/cb',
        timeout_in_seconds: 10,
        country_codes: ['US'],
      },
    });
    await fluid.callbackRegistrations.update('cbr_2', { active: false });
    expect(lastRequest()).toMatchObject({
      method: 'PUT',
      body: { callback_registration: { active: false } },
    });
    expect(await fluid.callbackRegistrations.delete('cbr_2')).toEqual({ uuid: 'cbr_2' });
  });

  it('a duplicate registration is a ConflictError, not retried', async () => {
    server.script('POST /api/callback/registrations', {
      status: 409,
      body: { error_message: 'Registration already exists', errors: null, meta },
    });
    const error = await client()
      .callbackRegistrations.create({ definition_name: 'update_cart_shipping', url: 'https://s.example' })
      .then(
        () => undefined,
        (reason: unknown) => reason,
      );
    expect(error).toBeInstanceOf(ConflictError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('callbacks.test and the installation exchange', () => {
  it('callbacks.test forwards any JSON object and returns the reply as sent', async () => {
    server.script('POST /api/callback/test', { body: { echoed: 'Hello World' } });
    expect(await client().callbacks.test({ message: 'Hello World' })).toEqual({ echoed: 'Hello World' });
    expect(lastRequest().body).toEqual({ message: 'Hello World' });
  });

  it('exchange sends no Authorization and unwraps the installation and credentials', async () => {
    const result = {
      droplet_installation: {
        droplet_installation_uuid: 'dri_1',
        droplet_uuid: 'drp_1',
        fluid_company_id: 7,
        fluid_shop: 'acme',
      },
      credentials: {
        authentication_token: 'dit_x',
        webhook_verification_token: 'wvt_y',
        issued_at: '2026-01-01T00:00:00Z',
        token_type: 'bearer',
      },
    };
    server.script('POST /api/droplet_installations/exchange', { body: result });
    expect(await client().dropletInstallations.exchange('dex_1')).toEqual(result);
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
    expect(lastRequest().body).toEqual({ exchange_token: 'dex_1' });
  });

  it('a client without a token can exchange; other calls go out without Authorization and fail with 401', async () => {
    server.script('POST /api/droplet_installations/exchange', {
      body: {
        droplet_installation: { droplet_installation_uuid: 'dri_1' },
        credentials: { authentication_token: 'dit_x', webhook_verification_token: 'wvt_y' },
      },
    });
    server.script('GET /api/company/webhooks/1', { status: 401, body: { message: 'Unauthorized' } });
    const anonymous = new FluidClient({ baseUrl: server.url });
    await expect(anonymous.dropletInstallations.exchange('dex_1')).resolves.toMatchObject({
      credentials: { authentication_token: 'dit_x' },
    });
    await expect(anonymous.webhooks.get(1)).rejects.toBeInstanceOf(AuthenticationError);
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([undefined, undefined]);
  });

  it.each([
    [410, GoneError],
    [404, NotFoundError],
  ])('exchange %i -> %o', async (status, kind) => {
    server.script('POST /api/droplet_installations/exchange', {
      status,
      body: { error: 'Exchange token is invalid' },
    });
    await expect(client().dropletInstallations.exchange('dex_used')).rejects.toBeInstanceOf(kind);
  });
});

describe('withResponse, request ids and logging', () => {
  it('withResponse gives status, headers and the request id from meta', async () => {
    server.script('GET /api/company/webhooks/1', {
      body: { webhook: webhook(1), meta },
      headers: { 'x-extra': 'yes' },
    });
    const response = await client().webhooks.get(1).withResponse();
    expect(response.status).toBe(200);
    expect(response.requestId).toBe('req_123');
    expect(response.headers.get('x-extra')).toBe('yes');
    expect(response.data.id).toBe(1);
  });

  it('timeout: Infinity means no practical limit rather than an instant timeout', async () => {
    server.script('GET /api/company/webhooks/1', { body: { webhook: webhook(1), meta }, delayMs: 20 });
    const fluid = new FluidClient({ token: TOKEN, baseUrl: server.url, timeout: Number.POSITIVE_INFINITY });
    await expect(fluid.webhooks.get(1)).resolves.toMatchObject({ id: 1 });
  });

  it('the request id falls back to the x-request-id header', async () => {
    server.script('GET /api/company/webhooks/1', {
      status: 404,
      body: { message: 'nope' },
      headers: { 'x-request-id': 'hdr_9' },
    });
    await expect(client().webhooks.get(1)).rejects.toMatchObject({ requestId: 'hdr_9' });
  });

  it('logs retries through the injected logger, never with the token', async () => {
    const lines: string[] = [];
    const logger: FluidLogger = {
      debug: (message, fields) => lines.push(`debug ${message} ${JSON.stringify(fields)}`),
      warn: (message, fields) => lines.push(`warn ${message} ${JSON.stringify(fields)}`),
      error: (message, fields) => lines.push(`error ${message} ${JSON.stringify(fields)}`),
    };
    server.script('GET /api/company/webhooks/1', { status: 503 }, { body: { webhook: webhook(1), meta } });
    await client(logger).webhooks.get(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('retrying');
    expect(lines.join('\n')).not.toContain(TOKEN);
  });
});
