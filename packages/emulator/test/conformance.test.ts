// Every response body the emulator produces validates against the response schema for the same path, method and
// status in (a) Fluid's published OpenAPI document (webhooks-v0, read from ../shared when present) and (b) our own
// document that the SDK client is generated from (definitions/openapi/fluid-api.yaml).
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, emulator, INSTALLATION } from './support/emulator.js';
import { loadOracle } from './support/openapi-oracle.js';
import { startReceiver } from './support/receiver.js';

const repo = resolve(import.meta.dirname, '../../..');
const fluidDocument = loadOracle(resolve(repo, '../shared/fluid/data/openapi/webhooks-v0.yaml'));
const ourDocument = loadOracle(resolve(repo, 'definitions/openapi/fluid-api.yaml'));

interface Exchange {
  readonly method: string;
  readonly template: string;
  readonly status: number;
  readonly body: unknown;
}

/** Drives every endpoint through its success and error statuses and records what the emulator answered. */
async function scenario(): Promise<Exchange[]> {
  const fluid = await emulator();
  const receiver = await startReceiver((response, request) => {
    const body = request.path.startsWith('/test') ? { message: 'pong' } : {};
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
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
  await call('GET', '/api/callback/schemas/{definition_name}', '/api/callback/schemas/update_cart_shipping');
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

  await call('POST', '/api/callback/test', '/api/callback/test', { body: { message: 'ping' } });
  await call('POST', '/api/callback/registrations', '/api/callback/registrations', {
    body: { callback_registration: { definition_name: 'test_callback_system', url: `${receiver.url}/test` } },
  });
  await call('POST', '/api/callback/test', '/api/callback/test', { body: { message: 'ping' } });
  receiver.reply = { status: 200, json: { unexpected: true } };
  await call('POST', '/api/callback/test', '/api/callback/test', { body: { message: 'ping' } });

  const { exchangeToken } = fluid.state.createInstallation();
  const exchange = (token: string) =>
    call('POST', '/api/droplet_installations/exchange', '/api/droplet_installations/exchange', {
      token: null,
      body: { exchange_token: token },
    });
  await exchange(exchangeToken);
  await exchange(exchangeToken);
  await exchange('dex_unknown');
  return seen;
}

let seen: Exchange[] = [];

describe('conformance of every response body', () => {
  beforeAll(async () => {
    if (fluidDocument !== undefined || ourDocument !== undefined) seen = await scenario();
  });

  it('covers every status the emulator produces', () => {
    if (seen.length === 0) return;
    expect([...new Set(seen.map((exchange) => exchange.status))].sort()).toEqual([
      200, 201, 401, 404, 409, 410, 422,
    ]);
  });

  it.skipIf(fluidDocument === undefined)("matches Fluid's published webhooks-v0 document", () => {
    checkAgainst(fluidDocument, 'webhooks-v0');
  });

  it.skipIf(ourDocument === undefined)('matches the document the SDK client is generated from', () => {
    checkAgainst(ourDocument, 'fluid-api');
  });
});

function checkAgainst(oracle: ReturnType<typeof loadOracle>, name: string): void {
  if (oracle === undefined) return;
  // The oracle must be able to say no: a webhook with a string id is not a webhook.
  const show = oracle.lookup('get', '/api/company/webhooks/{id}', 200);
  expect(show.kind === 'schema' && show.validate({ webhook: { id: '1' } })).toBe(false);

  let checked = 0;
  for (const exchange of seen) {
    const call = `${exchange.method.toUpperCase()} ${exchange.template} ${exchange.status}`;
    const found = oracle.lookup(exchange.method, exchange.template, exchange.status);
    if (found.kind === 'undocumented-path') continue;
    expect({ call, documented: found.kind === 'schema' }, `${name} has no ${call}`).toEqual({
      call,
      documented: true,
    });
    if (found.kind !== 'schema') continue;
    const valid = found.validate(exchange.body);
    expect({ call, errors: valid ? null : found.validate.errors }, JSON.stringify(exchange.body)).toEqual({
      call,
      errors: null,
    });
    checked++;
  }
  expect(checked).toBeGreaterThan(25);
}
