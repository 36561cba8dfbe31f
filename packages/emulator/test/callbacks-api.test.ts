import { startEmulator } from '@fluid-droplet/emulator';
import { callbackNames } from '@fluid-droplet/sdk';
import { describe, expect, it } from 'vitest';
import { api, COMPANY, emulator, INSTALLATION } from './support/emulator.js';

const register = (
  definition_name: string,
  url = 'https://svc.example/cb',
  extra: Record<string, unknown> = {},
) => ({
  callback_registration: { definition_name, url, ...extra },
});

describe('/api/callback/definitions and /schemas', () => {
  it('serves the definitions bundled with @fluid-droplet/sdk when none are given', async () => {
    const fluid = await startEmulator({ tokens: { company: COMPANY } });
    try {
      const listed = await api(fluid.url, 'GET', '/api/callback/definitions');
      const names = (listed.body.definitions as { name: string }[]).map((d) => d.name);
      expect(names).toEqual([...callbackNames]);
    } finally {
      await fluid.close();
    }
  });

  it('serves the loaded definitions under `definitions` and versioned schemas', async () => {
    const fluid = await emulator();
    const definitions = await api(fluid.url, 'GET', '/api/callback/definitions');
    const names = (definitions.body.definitions as { name: string }[]).map((d) => d.name);
    expect(names).toContain('update_cart_shipping');
    const schema = await api(fluid.url, 'GET', '/api/callback/schemas/test_callback_system');
    expect(schema.body.schema).toMatchObject({
      name: 'test_callback_system',
      version: '1',
      schema_hash: expect.stringMatching(/^[0-9a-f]{16}$/),
      response_schema: { required: ['message'] },
    });
    const list = await api(fluid.url, 'GET', '/api/callback/schemas');
    expect((list.body.schemas as unknown[]).length).toBe(names.length);
    expect((await api(fluid.url, 'GET', '/api/callback/schemas/nope')).status).toBe(404);
  });
});

describe('/api/callback/registrations', () => {
  it('creates with 201, a fresh cbr_ uuid and cvt_ token, owned by the installation', async () => {
    const fluid = await emulator();
    const created = await api(fluid.url, 'POST', '/api/callback/registrations', {
      token: INSTALLATION,
      body: register('update_cart_shipping', 'https://svc.example/shipping', { country_codes: ['us'] }),
    });
    expect(created.status).toBe(201);
    expect(created.body.callback_registration).toMatchObject({
      uuid: expect.stringMatching(/^cbr_[0-9a-f-]{36}$/),
      verification_token: expect.stringMatching(/^cvt_\w{32}$/),
      definition_name: 'update_cart_shipping',
      url: 'https://svc.example/shipping',
      active: true,
      country_codes: ['US'],
      company_id: 1,
      owner_type: 'DropletInstallation',
      owner_id: 1,
      timeout_in_seconds: 20,
    });
    const other = await api(fluid.url, 'POST', '/api/callback/registrations', {
      body: register('test_callback_system'),
    });
    const a = created.body.callback_registration as { uuid: string; verification_token: string };
    const b = other.body.callback_registration as {
      uuid: string;
      verification_token: string;
      owner_type: string;
    };
    expect(b.uuid).not.toBe(a.uuid);
    expect(b.verification_token).not.toBe(a.verification_token);
    expect(b.owner_type).toBe('Company');
  });

  it('answers 409 for a second registration of a definition by the same owner, not for another owner', async () => {
    const fluid = await emulator();
    const first = await api(fluid.url, 'POST', '/api/callback/registrations', {
      body: register('update_cart_tax'),
    });
    expect(first.status).toBe(201);
    const duplicate = await api(fluid.url, 'POST', '/api/callback/registrations', {
      body: register('update_cart_tax', 'https://elsewhere.example'),
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ error_message: expect.any(String), errors: expect.any(Object) });
    const byInstallation = await api(fluid.url, 'POST', '/api/callback/registrations', {
      token: INSTALLATION,
      body: register('update_cart_tax'),
    });
    expect(byInstallation.status).toBe(201);
  });

  it.each([
    ['an unknown definition', register('not_a_definition'), 'definition_name'],
    ['a bad URL', register('update_cart_tax', 'javascript:alert(1)'), 'url'],
    [
      'a timeout above 20 s',
      register('update_cart_tax', 'https://x.example', { timeout_in_seconds: 21 }),
      'timeout_in_seconds',
    ],
    [
      'bad country codes',
      register('update_cart_tax', 'https://x.example', { country_codes: 'US' }),
      'country_codes',
    ],
  ])('answers 422 for %s', async (_, body, field) => {
    const fluid = await emulator();
    const response = await api(fluid.url, 'POST', '/api/callback/registrations', { body });
    expect(response.status).toBe(422);
    expect(response.body.errors).toHaveProperty(field);
  });

  it('lists with filters and pagination; gets, updates (definition fixed) and deletes', async () => {
    const fluid = await emulator();
    const names = ['update_cart_tax', 'update_cart_shipping', 'cart_item_added'];
    for (const name of names) {
      await api(fluid.url, 'POST', '/api/callback/registrations', {
        body: register(name, undefined, { active: name !== 'cart_item_added' }),
      });
    }
    const page = await api(fluid.url, 'GET', '/api/callback/registrations?per_page=2&page=2');
    expect(
      (page.body.callback_registrations as { definition_name: string }[]).map((r) => r.definition_name),
    ).toEqual(['cart_item_added']);
    expect((page.body.meta as { pagination: object }).pagination).toEqual({
      current_page: 2,
      total_pages: 2,
      total_count: 3,
      per_page: 2,
    });
    const byName = await api(
      fluid.url,
      'GET',
      '/api/callback/registrations?filters[definition_name]=update_cart_tax',
    );
    expect(byName.body.callback_registrations).toHaveLength(1);
    const inactive = await api(fluid.url, 'GET', '/api/callback/registrations?active=false');
    expect((inactive.body.callback_registrations as { definition_name: string }[])[0]?.definition_name).toBe(
      'cart_item_added',
    );

    const uuid = (byName.body.callback_registrations as { uuid: string }[])[0]?.uuid ?? '';
    const shown = await api(fluid.url, 'GET', `/api/callback/registrations/${uuid}`);
    expect(shown.body.callback_registration).toMatchObject({ uuid, definition_name: 'update_cart_tax' });
    const updated = await api(fluid.url, 'PUT', `/api/callback/registrations/${uuid}`, {
      body: {
        callback_registration: { url: 'https://new.example/tax', active: false, timeout_in_seconds: 3 },
      },
    });
    expect(updated.body.callback_registration).toMatchObject({
      url: 'https://new.example/tax',
      active: false,
      timeout_in_seconds: 3,
    });
    const renamed = await api(fluid.url, 'PUT', `/api/callback/registrations/${uuid}`, {
      body: { callback_registration: { definition_name: 'update_cart_shipping' } },
    });
    expect(renamed.status).toBe(422);
    const deleted = await api(fluid.url, 'DELETE', `/api/callback/registrations/${uuid}`);
    expect(deleted.body.callback_registration).toEqual({ uuid });
    expect((await api(fluid.url, 'GET', `/api/callback/registrations/${uuid}`)).status).toBe(404);
    expect((await api(fluid.url, 'DELETE', `/api/callback/registrations/${uuid}`)).status).toBe(404);
  });
});

describe('POST /api/droplet_installations/exchange', () => {
  it('trades a dex_ token once for the installation credentials (no bearer needed), then 410', async () => {
    const fluid = await emulator();
    const { installation, exchangeToken } = fluid.state.createInstallation();
    const exchanged = await api(fluid.url, 'POST', '/api/droplet_installations/exchange', {
      token: null,
      body: { exchange_token: exchangeToken },
    });
    expect(exchanged.status).toBe(200);
    expect(exchanged.body).toMatchObject({
      droplet_installation: {
        droplet_installation_uuid: installation.uuid,
        droplet_uuid: fluid.state.droplet.uuid,
        fluid_company_id: 1,
        fluid_shop: 'emulated',
      },
      credentials: {
        authentication_token: installation.authentication_token,
        webhook_verification_token: installation.webhook_verification_token,
        token_type: 'bearer',
        issued_at: expect.any(String),
      },
    });
    const dit = (exchanged.body.credentials as { authentication_token: string }).authentication_token;
    expect((await api(fluid.url, 'GET', '/api/callback/registrations', { token: dit })).status).toBe(200);

    const reused = await api(fluid.url, 'POST', '/api/droplet_installations/exchange', {
      token: null,
      body: { exchange_token: exchangeToken },
    });
    expect(reused.status).toBe(410);
    expect(reused.body).toMatchObject({ error_message: expect.any(String), meta: expect.any(Object) });
  });

  it('answers 410 after ten minutes and 404 for an unknown token', async () => {
    let clock = new Date('2026-05-18T14:30:00Z');
    const fluid = await emulator({ now: () => clock });
    const { exchangeToken } = fluid.state.createInstallation();
    clock = new Date('2026-05-18T14:40:00Z');
    const expired = await api(fluid.url, 'POST', '/api/droplet_installations/exchange', {
      token: null,
      body: { exchange_token: exchangeToken },
    });
    expect(expired.status).toBe(410);
    const unknown = await api(fluid.url, 'POST', '/api/droplet_installations/exchange', {
      token: null,
      body: { exchange_token: 'dex_nope' },
    });
    expect(unknown.status).toBe(404);
    const missing = await api(fluid.url, 'POST', '/api/droplet_installations/exchange', {
      token: null,
      body: {},
    });
    expect(missing.status).toBe(422);
  });
});
