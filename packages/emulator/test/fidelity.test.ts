// The emulator's deliveries against the SDK's own receiving side, and the listings Fluid defines.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '@fluid-droplet/emulator';
import { resolveInstallationCredentials } from '@fluid-droplet/sdk';
import { FluidClient } from '@fluid-droplet/sdk/client';
import { afterEach, describe, expect, it } from 'vitest';
import { api, emulator, INSTALLATION } from './support/emulator.js';
import { startReceiver } from './support/receiver.js';
import { startSdkService } from './support/sdk-service.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A temporary `--definitions` directory holding `files` (name → JSON), removed after the test. */
async function definitionsDir(files: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fluid-defs-'));
  closers.push(() => rm(dir, { recursive: true, force: true }));
  for (const [name, definition] of Object.entries(files)) {
    await writeFile(join(dir, name), JSON.stringify(definition));
  }
  return dir;
}

describe('droplet_installed against the SDK handler', () => {
  it.each(['v1', 'v2'] as const)(
    '%s is accepted by createWebhookHandler and normalizeInstallation',
    async (version) => {
      const fluid = await emulator();
      const service = await startSdkService(fluid.state.droplet.webhook_secret);
      const result = await fluid.trigger.install({ url: service.url, version, shop: 'acme' });
      expect(result.delivery).toMatchObject({ status: 200, ok: true });
      expect(service.installs).toHaveLength(1);
      const [installation] = service.installs;
      if (installation === undefined) throw new Error('not installed');
      expect(installation).toMatchObject({
        contractVersion: version,
        dropletInstallationUuid: result.installation.uuid,
        dropletUuid: fluid.state.droplet.uuid,
        companyId: result.company.id,
        shop: 'acme',
      });
      // Either way the service ends up with the installation's credentials; v2 through the emulator's exchange.
      const client = new FluidClient({ baseUrl: fluid.url });
      const credentials = await resolveInstallationCredentials(installation, {
        exchange: (token) => client.dropletInstallations.exchange(token),
      });
      expect(credentials).toEqual({
        authenticationToken: result.installation.authentication_token,
        webhookVerificationToken: result.installation.webhook_verification_token,
      });
    },
  );

  it('a droplet_installed triggered as a webhook event is accepted too; no other key than dws_ signs it', async () => {
    const fluid = await emulator();
    const service = await startSdkService(fluid.state.droplet.webhook_secret);
    await api(fluid.url, 'POST', '/api/company/webhooks', {
      token: INSTALLATION,
      body: { webhook: { url: service.url, resource: 'droplet', event: 'installed' } },
    });
    const { deliveries } = await fluid.trigger.webhook('droplet_installed');
    expect(deliveries).toMatchObject([{ status: 200, ok: true }]);
    expect(service.installs[0]).toMatchObject({ contractVersion: 'v2', shop: 'emulated' });

    // A service that (wrongly) only knows the company's wvt_ key refuses it: lifecycle events are not signed with it.
    const wrong = await startSdkService(fluid.state.installations()[0]?.webhook_verification_token ?? '');
    const refused = await fluid.trigger.install({ url: wrong.url });
    expect(refused.delivery.status).toBe(401);
  });
});

describe('what Fluid defines', () => {
  it('has no droplet_reinstalled topic', async () => {
    const fluid = await emulator();
    const resources = await api(fluid.url, 'GET', '/api/company/webhooks/resources');
    expect(resources.body.resources).toMatchObject({ droplet: ['installed', 'uninstalled'] });
    const created = await api(fluid.url, 'POST', '/api/company/webhooks', {
      body: { webhook: { url: 'http://127.0.0.1:9/x', resource: 'droplet', event: 'reinstalled' } },
    });
    expect(created.status).toBe(422);
  });

  it('lists callback registrations 10 to a page by default, as Fluid does', async () => {
    const fluid = await emulator();
    for (const name of [...fluid.state.definitions.keys()].slice(0, 12)) {
      await api(fluid.url, 'POST', '/api/callback/registrations', {
        body: { callback_registration: { definition_name: name, url: 'http://127.0.0.1:9/cb' } },
      });
    }
    const first = await api(fluid.url, 'GET', '/api/callback/registrations');
    expect(first.body.callback_registrations).toHaveLength(10);
    expect((first.body.meta as { pagination: unknown }).pagination).toEqual({
      current_page: 1,
      total_pages: 2,
      total_count: 12,
      per_page: 10,
    });
  });
});

describe('--definitions adds to the built-in definitions', () => {
  it('keeps test_callback_system working, adds new names, and overrides a built-in by name', async () => {
    const dir = await definitionsDir({
      'loyalty.json': {
        name: 'loyalty_points',
        description: 'ours',
        request_schema: { type: 'object' },
        response_schema: { type: 'object' },
      },
      'update_cart_tax.json': {
        name: 'update_cart_tax',
        description: 'overridden',
        request_schema: { type: 'object' },
        response_schema: { type: 'object' },
      },
    });
    const fluid = await startEmulator({ definitions: dir, tokens: { installation: INSTALLATION } });
    closers.push(() => fluid.close());
    const listed = await api(fluid.url, 'GET', '/api/callback/definitions', { token: INSTALLATION });
    const definitions = listed.body.definitions as { name: string; description: string | null }[];
    expect(definitions.find((d) => d.name === 'loyalty_points')?.description).toBe('ours');
    expect(definitions.find((d) => d.name === 'update_cart_tax')?.description).toBe('overridden');
    expect(definitions.some((d) => d.name === 'update_cart_shipping')).toBe(true);

    const receiver = await startReceiver({ status: 200, json: { message: 'pong' } });
    await api(fluid.url, 'POST', '/api/callback/registrations', {
      token: INSTALLATION,
      body: { callback_registration: { definition_name: 'test_callback_system', url: receiver.url } },
    });
    const tested = await api(fluid.url, 'POST', '/api/callback/test', {
      token: INSTALLATION,
      body: { message: 'ping' },
    });
    expect(tested.status).toBe(200);
    expect(tested.body).toMatchObject({ message: 'pong' });
  });

  it('rejects at start-up a definition the generator rejects', async () => {
    const dir = await definitionsDir({
      'bad.json': {
        name: 'bad',
        request_schema: { $ref: 'https://example.com/x.json' },
        response_schema: {},
      },
    });
    await expect(startEmulator({ definitions: dir })).rejects.toThrow(
      /bad\.json: bad: \/request_schema.*error\[/,
    );
  });
});
