// syncWebhooks against the emulator's webhook API over loopback.
import { type Emulator, startEmulator } from '@fluid-droplet/emulator';
import { type DesiredWebhook, syncWebhooks } from '@fluid-droplet/sdk';
import { FluidClient } from '@fluid-droplet/sdk/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const hooks = 'https://droplet.example.com/webhooks';
const desired: DesiredWebhook[] = [
  { resource: 'order', event: 'created', url: hooks },
  { resource: 'order', event: 'updated', url: hooks },
];

let fluid: Emulator;
let client: FluidClient;
let company: FluidClient;
let installationUuid: string;

beforeEach(async () => {
  fluid = await startEmulator({ seed: 8 });
  const { installation } = fluid.state.createInstallation();
  installationUuid = installation.uuid;
  client = new FluidClient({ baseUrl: fluid.url, token: installation.authentication_token });
  company = new FluidClient({ baseUrl: fluid.url, token: fluid.tokens.company });
});
afterEach(async () => {
  await fluid.close();
});

const subscriptions = () =>
  fluid.state
    .listWebhooks()
    .map((webhook) => [webhook.resource, webhook.event, webhook.url, webhook.active])
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

describe('syncWebhooks', () => {
  it('refuses a URL that is relative, not http(s) or not canonical, before any call', () => {
    const sync = (url: string) =>
      syncWebhooks({ client, desired: [{ resource: 'order', event: 'created', url }], installationUuid });
    for (const url of [
      'droplet.example.com/hooks',
      'ftp://droplet.example.com/hooks',
      'HTTPS://droplet.example.com/hooks',
      'https://droplet.example.com',
    ]) {
      expect(() => sync(url), url).toThrow(
        /desired\[0\]: url must be an absolute http\(s\) URL in canonical form/,
      );
    }
    expect(fluid.state.listWebhooks()).toEqual([]);
  });

  it('creates what is missing; a second run changes nothing', async () => {
    const { plan } = await syncWebhooks({ client, desired, installationUuid }).apply();
    expect(plan.create).toHaveLength(2);
    expect(subscriptions()).toEqual([
      ['order', 'created', hooks, true],
      ['order', 'updated', hooks, true],
    ]);
    const again = await syncWebhooks({ client, desired, installationUuid }).plan();
    expect(again).toEqual({ create: [], update: [], delete: [], unchanged: 2, foreign: 0 });
  });

  it('updates in place, deletes ours not desired and duplicates, and leaves others alone', async () => {
    await client.webhooks.create({ resource: 'order', event: 'created', url: hooks, active: false });
    await client.webhooks.create({ resource: 'order', event: 'created', url: hooks });
    await client.webhooks.create({ resource: 'product', event: 'created', url: hooks });
    await client.webhooks.create({
      resource: 'order',
      event: 'created',
      url: 'https://old.example.com/hooks',
    });
    await company.webhooks.create({
      resource: 'order',
      event: 'created',
      url: 'https://erp.example.com/hooks',
    });
    await company.webhooks.create({ resource: 'order', event: 'created', url: `${hooks}.attacker.tld` });
    const { plan } = await syncWebhooks({ client, desired, installationUuid }).apply();
    expect(plan.update.map((entry) => entry.changes)).toEqual([{ active: true }]);
    expect(plan.delete.map((entry) => [entry.resource, entry.url])).toEqual([
      ['order', hooks],
      ['product', hooks],
      ['order', 'https://old.example.com/hooks'],
    ]);
    expect(plan.foreign).toBe(2);
    expect(subscriptions()).toEqual([
      ['order', 'created', hooks, true],
      ['order', 'created', `${hooks}.attacker.tld`, true],
      ['order', 'created', 'https://erp.example.com/hooks', true],
      ['order', 'updated', hooks, true],
    ]);
    expect(JSON.stringify(plan)).not.toContain('auth_token');
  });
});
