import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createWebhookHandler,
  type DropletInstallation,
  normalizeInstallation,
  silentLogger,
  toNodeHandler,
  type WebhookEvent,
} from '@fluid-droplet/sdk';
import { afterEach } from 'vitest';

const open: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((close) => close()));
});

/** A droplet service built on the SDK's own webhook handler, and the installs it has normalized. */
export interface SdkService {
  readonly url: string;
  readonly installs: DropletInstallation[];
}

/**
 * Starts a service on the SDK's `createWebhookHandler` that trusts only `dropletSecret` for lifecycle events and
 * normalizes each `droplet_installed` with `normalizeInstallation`; it is closed after the test.
 */
export async function startSdkService(dropletSecret: string): Promise<SdkService> {
  const installs: DropletInstallation[] = [];
  // Written for both forms of the handler's options: `resolveKeys` asked for every key by event (lifecycle ones
  // included), and the form that takes the droplet secret as `dropletSecret` and asks `resolveKeys` only for a
  // shop's company keys. An options variable, not a literal, so the form that lacks `dropletSecret` accepts it.
  const options = {
    dropletSecret,
    resolveKeys: (lookup: { readonly shop?: string | null; readonly event?: { readonly name: string } }) =>
      lookup.event?.name.startsWith('droplet_') === true ? dropletSecret : null,
    logger: silentLogger,
    on: {
      droplet_installed: (event: WebhookEvent<'droplet_installed'>) => {
        installs.push(normalizeInstallation(event));
      },
    },
  };
  const server = createServer(toNodeHandler(createWebhookHandler(options)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`, installs };
}
