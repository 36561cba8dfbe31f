// syncRegistrations against the emulator's REST API over loopback (company-wide listing, 409 per owner and
// definition, verification tokens in the listing), plus a loopback server for listing shapes the emulator never
// produces (a page that ignores `page`, a registration without a token).
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Emulator, startEmulator } from '@fluid-droplet/emulator';
import { type DesiredRegistration, syncRegistrations } from '@fluid-droplet/sdk';
import { FluidClient } from '@fluid-droplet/sdk/client';
import {
  createMemoryRegistrations,
  type RegistrationStore,
  StoreError,
  tokenDigest,
} from '@fluid-droplet/sdk/stores';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const base = 'https://droplet.example.com';
const desired: DesiredRegistration[] = [
  {
    definition_name: 'test_callback_system',
    url: `${base}/callbacks/test_callback_system`,
    timeout_in_seconds: 5,
  },
  {
    definition_name: 'update_cart_shipping',
    url: `${base}/callbacks/update_cart_shipping`,
    timeout_in_seconds: 10,
  },
];

let fluid: Emulator;
let installation: { uuid: string; token: string };
let company: FluidClient;
let client: FluidClient;
let store: RegistrationStore;

beforeEach(async () => {
  fluid = await startEmulator({ seed: 3 });
  const created = fluid.state.createInstallation().installation;
  installation = { uuid: created.uuid, token: created.authentication_token };
  company = new FluidClient({ baseUrl: fluid.url, token: fluid.tokens.company });
  client = new FluidClient({ baseUrl: fluid.url, token: installation.token });
  store = createMemoryRegistrations();
});
afterEach(async () => {
  await fluid.close();
});

const sync = (wanted = desired) =>
  syncRegistrations({ client, store, installationUuid: installation.uuid, desired: wanted });

async function storedFor(definition: string) {
  const registration = fluid.state.listRegistrations({ definition_name: definition })[0];
  if (registration === undefined) throw new Error(`no ${definition} registration`);
  return store.findByTokenDigest(tokenDigest(registration.verification_token));
}

describe('syncRegistrations', () => {
  it('creates what is missing and keeps the store in step; a second run changes nothing', async () => {
    const first = await sync().apply();
    expect(first.plan.create.map((entry) => entry.definition_name)).toEqual([
      'test_callback_system',
      'update_cart_shipping',
    ]);
    expect(
      fluid.state.listRegistrations().map((r) => [r.definition_name, r.url, r.timeout_in_seconds]),
    ).toEqual([
      ['test_callback_system', `${base}/callbacks/test_callback_system`, 5],
      ['update_cart_shipping', `${base}/callbacks/update_cart_shipping`, 10],
    ]);
    expect(await storedFor('update_cart_shipping')).toMatchObject({
      installationUuid: installation.uuid,
      definitionName: 'update_cart_shipping',
      url: `${base}/callbacks/update_cart_shipping`,
    });
    const again = await sync().plan();
    expect(again).toMatchObject({ create: [], update: [], adopt: [], delete: [], forget: [], unchanged: 2 });
    // Plans carry digests at most, never a token.
    expect(JSON.stringify(first)).not.toContain('cvt_');
  });

  it('adopts the token of a registration at exactly our URL, with no delete and recreate', async () => {
    const existing = await client.callbackRegistrations.create({
      definition_name: 'update_cart_shipping',
      url: `${base}/callbacks/update_cart_shipping`,
      timeout_in_seconds: 10,
    });
    const { plan } = await sync().apply();
    expect(plan.adopt.map((record) => record.uuid)).toEqual([existing.uuid]);
    expect(plan.create.map((entry) => entry.definition_name)).toEqual(['test_callback_system']);
    expect(fluid.state.getRegistration(existing.uuid)?.verification_token).toBe(existing.verification_token);
    expect(await store.findByTokenDigest(tokenDigest(existing.verification_token))).toMatchObject({
      uuid: existing.uuid,
      installationUuid: installation.uuid,
    });
  });

  it('never adopts by origin or prefix, and never touches others’ registrations', async () => {
    const lookalikes = [
      'https://droplet.example.com.attacker.tld/callbacks/update_cart_shipping',
      'https://droplet.example.com/callbacks/update_cart_shipping/evil',
      'https://droplet.example.com/callbacks/update_cart_shipping?x=1',
      'https://DROPLET.example.com/callbacks/update_cart_shipping',
    ];
    // Company-owned (another owner than the installation), so Fluid does not count them against ours.
    await company.callbackRegistrations.create({
      definition_name: 'update_cart_shipping',
      url: lookalikes[0] ?? '',
    });
    const others = new FluidClient({
      baseUrl: fluid.url,
      token: fluid.state.createInstallation().installation.authentication_token,
    });
    for (const [index, url] of lookalikes.slice(1).entries()) {
      const owner =
        index === 0
          ? others
          : new FluidClient({
              baseUrl: fluid.url,
              token: fluid.state.createInstallation().installation.authentication_token,
            });
      await owner.callbackRegistrations.create({ definition_name: 'update_cart_shipping', url });
    }
    const before = fluid.state.listRegistrations().map((r) => ({ ...r }));
    const { plan } = await sync().apply();
    expect(plan.foreign).toBe(4);
    expect(plan.adopt).toEqual([]);
    expect(plan.create).toHaveLength(2);
    for (const registration of before) {
      expect(fluid.state.getRegistration(registration.uuid)).toEqual(registration);
      expect(await store.findByTokenDigest(tokenDigest(registration.verification_token))).toBeNull();
    }
  });

  it('updates what differs in place, deletes ours no longer desired, and forgets what Fluid dropped', async () => {
    await sync().apply();
    const moved: DesiredRegistration[] = [
      {
        definition_name: 'update_cart_shipping',
        url: 'https://new-host.example.com/callbacks/update_cart_shipping',
        timeout_in_seconds: 12,
        country_codes: ['us', 'CA'],
      },
    ];
    const shipping = fluid.state.listRegistrations({ definition_name: 'update_cart_shipping' })[0];
    const { plan } = await sync(moved).apply();
    expect(plan.update).toEqual([
      {
        uuid: shipping?.uuid,
        definitionName: 'update_cart_shipping',
        url: `${base}/callbacks/update_cart_shipping`,
        changes: {
          url: 'https://new-host.example.com/callbacks/update_cart_shipping',
          timeout_in_seconds: 12,
          country_codes: ['us', 'CA'],
        },
      },
    ]);
    expect(plan.delete.map((ref) => ref.definitionName)).toEqual(['test_callback_system']);
    expect(fluid.state.listRegistrations().map((r) => [r.uuid, r.url, r.country_codes])).toEqual([
      [shipping?.uuid, 'https://new-host.example.com/callbacks/update_cart_shipping', ['US', 'CA']],
    ]);
    expect((await store.list()).map((record) => [record.uuid, record.url])).toEqual([
      [shipping?.uuid, 'https://new-host.example.com/callbacks/update_cart_shipping'],
    ]);
    // The token survived the move.
    expect(await storedFor('update_cart_shipping')).not.toBeNull();

    fluid.state.deleteRegistration(shipping?.uuid ?? '');
    const next = await sync([]).apply();
    expect(next.plan.forget.map((ref) => ref.uuid)).toEqual([shipping?.uuid]);
    expect(await store.count()).toBe(0);
  });

  it('replans once on a 409 (another instance created it first) and adopts instead', async () => {
    const stale = await sync().plan();
    await syncRegistrations({
      client,
      store: createMemoryRegistrations(),
      installationUuid: installation.uuid,
      desired: desired.slice(1),
    }).apply();
    const result = await sync().apply(stale);
    expect(result.replanned).toBe(true);
    expect(result.plan.adopt.map((record) => record.definitionName)).toEqual(['update_cart_shipping']);
    expect(fluid.state.listRegistrations()).toHaveLength(2);
    expect(await store.count()).toBe(2);
    // Applying the same stale plan again is harmless.
    expect((await sync().apply(stale)).plan.create).toEqual([]);
    expect(fluid.state.listRegistrations()).toHaveLength(2);
  });

  it('reads every page of 100', async () => {
    const many = Array.from({ length: 130 }, (_, index) => ({
      name: `synthetic_${String(index).padStart(3, '0')}`,
      description: null,
      example_response: {},
      request_schema: { type: 'object' },
      response_schema: { type: 'object' },
    }));
    await fluid.close();
    fluid = await startEmulator({ seed: 4, definitions: many });
    const created = fluid.state.createInstallation().installation;
    installation = { uuid: created.uuid, token: created.authentication_token };
    client = new FluidClient({ baseUrl: fluid.url, token: installation.token });
    company = new FluidClient({ baseUrl: fluid.url, token: fluid.tokens.company });
    for (const definition of many) {
      await company.callbackRegistrations.create({
        definition_name: definition.name,
        url: `https://others.example/${definition.name}`,
      });
    }
    const last = many.at(-1)?.name ?? '';
    const ours = await client.callbackRegistrations.create({ definition_name: last, url: `${base}/${last}` });
    const plan = await sync([{ definition_name: last, url: `${base}/${last}` }]).plan();
    expect(plan.foreign).toBe(130);
    expect(plan.adopt.map((record) => record.uuid)).toEqual([ours.uuid]);
  });

  it('refuses duplicate definitions and non-canonical URLs before any call', () => {
    const twice = [desired[0], desired[0]] as DesiredRegistration[];
    expect(() => sync(twice)).toThrow(/desired\[1\]: test_callback_system is listed twice/);
    expect(() => sync([{ definition_name: 'x', url: 'droplet.example.com/cb' }])).toThrow(StoreError);
    expect(() => sync([{ definition_name: 'x', url: 'HTTPS://droplet.example.com/cb' }])).toThrow(
      /canonical form/,
    );
  });
});

describe('syncRegistrations against listings the emulator does not produce', () => {
  let server: Server;
  let url: string;
  let requests: string[];
  let listing: unknown[];

  beforeEach(async () => {
    requests = [];
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.setHeader('content-type', 'application/json');
      // Ignores `page`: every page is the first, as a misbehaving index might.
      response.end(
        JSON.stringify({
          callback_registrations: listing,
          meta: { request_id: 'r', timestamp: new Date(0).toISOString() },
        }),
      );
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    server.close();
    await once(server, 'close');
  });

  it('stops on a page with nothing new, and reports ours without a token as needing re-registration', async () => {
    listing = [
      {
        uuid: 'cbr_tokenless',
        company_id: 1,
        company_name: null,
        definition_name: 'update_cart_shipping',
        url: `${base}/callbacks/update_cart_shipping`,
        verification_token: null,
        active: true,
        country_codes: [],
        timeout_in_seconds: 10,
        created_at: new Date(0).toISOString(),
        owner_type: 'DropletInstallation',
        owner_id: 1,
        owner_name: null,
      },
    ];
    const plan = await syncRegistrations({
      client: new FluidClient({ baseUrl: url, token: 'dit_test' }),
      store,
      installationUuid: 'dri_1',
      desired: desired.slice(1),
    }).plan();
    expect(requests.map((path) => new URL(path, url).searchParams.get('page'))).toEqual(['1', '2']);
    expect(requests.every((path) => new URL(path, url).searchParams.get('per_page') === '100')).toBe(true);
    expect(plan.tokenless).toEqual([
      {
        uuid: 'cbr_tokenless',
        definitionName: 'update_cart_shipping',
        url: `${base}/callbacks/update_cart_shipping`,
      },
    ]);
    expect(plan.create).toEqual([]);
    expect(plan.adopt).toEqual([]);
  });
});
