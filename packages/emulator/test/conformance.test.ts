// Every response body the emulator produces for an endpoint in Fluid's published OpenAPI document
// (webhooks-v0) validates against that document's schema for the same path, method and status.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { api, emulator, INSTALLATION } from './support/emulator.js';
import { startReceiver } from './support/receiver.js';

const documentPath = resolve(import.meta.dirname, '../../../../shared/fluid/data/openapi/webhooks-v0.yaml');
const available = existsSync(documentPath);

const addFormats = ('default' in addFormatsModule
  ? addFormatsModule.default
  : addFormatsModule) as unknown as (ajv: Ajv2020) => void;

interface Exchange {
  readonly method: string;
  readonly template: string;
  readonly status: number;
  readonly body: unknown;
}

describe.skipIf(!available)('conformance with Fluid webhooks-v0 OpenAPI', () => {
  it('validates every response of a scenario touching each shared endpoint and status', async () => {
    const fluid = await emulator();
    const receiver = await startReceiver({ status: 200, json: {} });
    const seen: Exchange[] = [];
    const call = async (
      method: string,
      template: string,
      path: string,
      options: Parameters<typeof api>[3] = {},
    ) => {
      const response = await api(fluid.url, method, path, options);
      seen.push({ method: method.toLowerCase(), template, status: response.status, body: response.body });
      return response;
    };

    const webhook = {
      webhook: { url: `${receiver.url}/hook`, resource: 'order', event: 'created', auth_token: 's' },
    };
    await call('POST', '/api/company/webhooks', '/api/company/webhooks', { body: webhook });
    await call('POST', '/api/company/webhooks', '/api/company/webhooks', {
      token: INSTALLATION,
      body: webhook,
    });
    await call('POST', '/api/company/webhooks', '/api/company/webhooks', { body: { webhook: { url: 'x' } } });
    await call('GET', '/api/company/webhooks', '/api/company/webhooks?per_page=1&page=2');
    await call('GET', '/api/company/webhooks', '/api/company/webhooks', { token: 'C-wrong' });
    await call('GET', '/api/company/webhooks/{id}', '/api/company/webhooks/1');
    await call('GET', '/api/company/webhooks/{id}', '/api/company/webhooks/999');
    await call('PUT', '/api/company/webhooks/{id}', '/api/company/webhooks/1', {
      body: { webhook: { active: false } },
    });
    await call('PUT', '/api/company/webhooks/{id}', '/api/company/webhooks/1', {
      body: { webhook: { url: 'nope' } },
    });
    await call('PUT', '/api/company/webhooks/{id}', '/api/company/webhooks/999', { body: { webhook: {} } });
    await call('GET', '/api/company/webhooks/resources', '/api/company/webhooks/resources');
    await call(
      'GET',
      '/api/company/webhooks/resources/{resource_name}',
      '/api/company/webhooks/resources/order',
    );
    await fluid.trigger.webhook('order_created');
    await call(
      'GET',
      '/api/company/webhooks/resources/{resource_name}',
      '/api/company/webhooks/resources/order',
    );
    await call('DELETE', '/api/company/webhooks/{id}', '/api/company/webhooks/2');
    await call('DELETE', '/api/company/webhooks/{id}', '/api/company/webhooks/2');
    await call('DELETE', '/api/company/webhooks/bulk_delete', '/api/company/webhooks/bulk_delete', {
      body: { webhook_ids: [1, 2] },
    });

    await call('GET', '/api/callback/definitions', '/api/callback/definitions');
    await call('GET', '/api/callback/schemas', '/api/callback/schemas');
    await call(
      'GET',
      '/api/callback/schemas/{definition_name}',
      '/api/callback/schemas/update_cart_shipping',
    );
    await call('GET', '/api/callback/schemas/{definition_name}', '/api/callback/schemas/unknown');

    const registration = {
      callback_registration: { definition_name: 'update_cart_shipping', url: receiver.url },
    };
    const created = await call('POST', '/api/callback/registrations', '/api/callback/registrations', {
      token: INSTALLATION,
      body: registration,
    });
    await call('POST', '/api/callback/registrations', '/api/callback/registrations', {
      token: INSTALLATION,
      body: registration,
    });
    await call('POST', '/api/callback/registrations', '/api/callback/registrations', {
      body: { callback_registration: { definition_name: 'no_such', url: receiver.url } },
    });
    await call(
      'GET',
      '/api/callback/registrations',
      '/api/callback/registrations?definition_name=update_cart_shipping',
    );
    const uuid = (created.body.callback_registration as { uuid: string }).uuid;
    await call('GET', '/api/callback/registrations/{uuid}', `/api/callback/registrations/${uuid}`);
    await call('GET', '/api/callback/registrations/{uuid}', '/api/callback/registrations/cbr_missing');
    await call('PUT', '/api/callback/registrations/{uuid}', `/api/callback/registrations/${uuid}`, {
      body: { callback_registration: { country_codes: ['US', 'CA'] } },
    });
    await call('PUT', '/api/callback/registrations/{uuid}', `/api/callback/registrations/${uuid}`, {
      body: { callback_registration: { url: '' } },
    });
    await call('DELETE', '/api/callback/registrations/{uuid}', `/api/callback/registrations/${uuid}`);
    await call('DELETE', '/api/callback/registrations/{uuid}', `/api/callback/registrations/${uuid}`);

    const document = parse(readFileSync(documentPath, 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(document, 'openapi');

    // The oracle must be able to say no: a webhook with a string id is not a WebhookSummary.
    const showWebhook = ajv.getSchema(
      'openapi#/paths/~1api~1company~1webhooks~1{id}/get/responses/200/content/application~1json/schema',
    );
    expect(showWebhook?.({ webhook: { id: '1' } })).toBe(false);

    const statuses = new Set(seen.map((exchange) => exchange.status));
    expect([...statuses].sort()).toEqual([200, 201, 401, 404, 409, 422]);
    for (const exchange of seen) {
      const pointer = ['paths', exchange.template, exchange.method, 'responses', String(exchange.status)]
        .map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1'))
        .join('/');
      const validate = ajv.getSchema(`openapi#/${pointer}/content/application~1json/schema`);
      if (validate === undefined) {
        throw new Error(
          `the document has no schema for ${exchange.method} ${exchange.template} ${exchange.status}`,
        );
      }
      const valid = validate(exchange.body);
      expect(
        {
          call: `${exchange.method} ${exchange.template} ${exchange.status}`,
          errors: valid ? null : validate.errors,
        },
        JSON.stringify(exchange.body),
      ).toEqual({ call: `${exchange.method} ${exchange.template} ${exchange.status}`, errors: null });
    }
  });
});
