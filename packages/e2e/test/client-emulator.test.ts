// The SDK client's main flows against the emulator: real HTTP on loopback, Fluid's envelopes and error bodies,
// response validation switched on so any drift between the emulator and the client's document fails here.
import { type Emulator, loadDefinitionsDir, startEmulator } from '@fluid-droplet/emulator';
import {
  AuthenticationError,
  ConflictError,
  FluidClient,
  GoneError,
  NotFoundError,
  UnprocessableEntityError,
} from '@fluid-droplet/sdk/client';
import { validateResponses } from '@fluid-droplet/sdk/client/validation';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoDefinitionsDir } from '../src/definitions.js';

const COMPANY = 'C-client-e2e';
const INSTALLATION = 'dit_client-e2e';

let fluid: Emulator;
const client = (token: string) => new FluidClient({ token, baseUrl: fluid.url, validateResponses });

beforeEach(async () => {
  fluid = await startEmulator({
    definitions: await loadDefinitionsDir(repoDefinitionsDir),
    tokens: { company: COMPANY, installation: INSTALLATION },
    seed: 5,
  });
});

afterEach(async () => {
  await fluid.close();
});

describe('FluidClient against the emulator', () => {
  it('manages webhooks: create, get, update, paginate every page, resources, delete, bulk delete', async () => {
    const company = client(COMPANY);
    const created = await company.webhooks.create({
      resource: 'order',
      event: 'created',
      url: 'https://hooks.example.com/orders',
      active: true,
      auth_token: 'secret',
    });
    expect(created).toMatchObject({
      id: 1,
      event_identifier: 'order_created',
      active: true,
      http_method: 'post',
    });
    expect(await company.webhooks.get(created.id)).toEqual(created);
    const updated = await company.webhooks.update(created.id, {
      active: false,
      url: 'https://hooks.example.com/v2',
    });
    expect(updated).toMatchObject({ active: false, url: 'https://hooks.example.com/v2' });

    for (let i = 0; i < 4; i++) {
      await company.webhooks.create({
        resource: 'cart',
        event: 'updated',
        url: `https://hooks.example.com/${i}`,
        active: true,
      });
    }
    const firstPage = await company.webhooks.list({ per_page: 2 });
    expect(firstPage.items).toHaveLength(2);
    expect(firstPage.hasNextPage).toBe(true);
    const ids: number[] = [];
    for await (const webhook of company.webhooks.list({ per_page: 2 })) ids.push(webhook.id);
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    const carts = await company.webhooks.list({ resource: 'cart', active: true });
    expect(carts.items.map((webhook) => webhook.id)).toEqual([2, 3, 4, 5]);

    const resources = await company.webhooks.resources();
    expect(resources.resources).toMatchObject({ order: expect.arrayContaining(['created']) });

    expect(await company.webhooks.delete(created.id)).toEqual({ id: created.id });
    const missing = await company.webhooks.get(created.id).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as NotFoundError).requestId).toEqual(expect.any(String));
    expect(await company.webhooks.bulkDelete([2, 3, 99])).toEqual({ webhook_ids: [2, 3], count: 2 });
  });

  it('surfaces 422 field errors and 401 without the token', async () => {
    const invalid = await client(COMPANY)
      .webhooks.create({ resource: 'order', event: 'teleported', url: 'https://x.example', active: true })
      .catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(UnprocessableEntityError);
    expect((invalid as UnprocessableEntityError).status).toBe(422);
    expect(JSON.stringify((invalid as UnprocessableEntityError).body)).toContain('event');

    const unauthorized = await client('C-not-the-token')
      .callbackDefinitions.list()
      .catch((error: unknown) => error);
    expect(unauthorized).toBeInstanceOf(AuthenticationError);
    expect(String(unauthorized)).not.toContain('C-not-the-token');
  });

  it('reads definitions and schemas, and manages callback registrations with the installation token', async () => {
    const installation = client(INSTALLATION);
    const definitions = await installation.callbackDefinitions.list();
    expect(definitions.items.map((definition) => definition.name)).toContain('update_cart_shipping');
    const schema = await installation.callbackSchemas.get('update_cart_shipping');
    expect(schema.name).toBe('update_cart_shipping');
    expect((await installation.callbackSchemas.list()).items.length).toBe(definitions.items.length);

    const registration = await installation.callbackRegistrations.create({
      definition_name: 'update_cart_shipping',
      url: 'https://svc.example/shipping',
      timeout_in_seconds: 10,
    });
    expect(registration.verification_token).toMatch(/^cvt_/);
    expect(registration.uuid).toMatch(/^cbr_/);
    const duplicate = await installation.callbackRegistrations
      .create({ definition_name: 'update_cart_shipping', url: 'https://svc.example/again' })
      .catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(ConflictError);

    const listed = await installation.callbackRegistrations.list({ definition_name: 'update_cart_shipping' });
    expect(listed.items.map((item) => item.uuid)).toEqual([registration.uuid]);
    expect(await installation.callbackRegistrations.get(registration.uuid)).toMatchObject({
      uuid: registration.uuid,
      owner_type: 'DropletInstallation',
    });
    const updated = await installation.callbackRegistrations.update(registration.uuid, {
      active: false,
      country_codes: ['US'],
    });
    expect(updated).toMatchObject({ active: false, country_codes: ['US'] });
    expect(await installation.callbackRegistrations.delete(registration.uuid)).toEqual({
      uuid: registration.uuid,
    });
    await expect(installation.callbackRegistrations.get(registration.uuid)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('exchanges a one-time token once (then GoneError), and rejects an unknown one (NotFoundError)', async () => {
    const { installation, exchangeToken } = fluid.state.createInstallation();
    const anonymous = client('C-unused');
    const exchanged = await anonymous.dropletInstallations.exchange(exchangeToken);
    expect(exchanged).toMatchObject({
      droplet_installation: { droplet_installation_uuid: installation.uuid },
      credentials: { authentication_token: installation.authentication_token, token_type: 'bearer' },
    });
    await expect(anonymous.dropletInstallations.exchange(exchangeToken)).rejects.toBeInstanceOf(GoneError);
    await expect(anonymous.dropletInstallations.exchange('dex_unknown')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const fresh = client(exchanged.credentials.authentication_token);
    expect(await fresh.callbackRegistrations.list()).toMatchObject({ items: [] });
  });
});
