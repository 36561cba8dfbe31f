import { once } from 'node:events';
import { createServer } from 'node:http';
import type { CallbackName } from '@fluid-droplet/sdk';
import { FluidClient } from '@fluid-droplet/sdk/client';
import { toNodeHandler } from '@fluid-droplet/sdk/node';
import {
  consoleLogger,
  createCallbackHandler,
  createWebhookHandler,
  type FetchHandler,
  type FluidLogger,
  normalizeInstallation,
  resolveInstallationCredentials,
} from '@fluid-droplet/sdk/receive';
import { InstallationStore } from './installations.js';
import { registerCallback } from './register-callback.js';
import { quoteShipping } from './shipping.js';

/** The callbacks this droplet serves, each at `/callbacks/{name}`. */
export const servedCallbacks = [
  'test_callback_system',
  'update_cart_shipping',
] as const satisfies readonly CallbackName[];

/** Options for {@link startDropletService}. */
export interface DropletServiceOptions {
  /** Fluid's base URL (or the emulator's), e.g. `https://api.fluid.app`. */
  readonly fluidBaseUrl: string;
  /** The droplet's `dws_` webhook secret: install and uninstall events are signed with it. */
  readonly dropletSecret: string;
  /** @default 0 (any free port) */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** The URL Fluid reaches this service at, used in callback registrations. @default the listening URL */
  readonly publicUrl?: string;
  /** The deadline for callback replies, in ms. @default 18_000 */
  readonly callbackTimeoutMs?: number;
  /** @default the console */
  readonly logger?: FluidLogger;
}

/** A running droplet service. */
export interface DropletService {
  /** The listening URL, e.g. `http://127.0.0.1:4100`. */
  readonly url: string;
  /** The webhook endpoint to configure as the droplet's install/uninstall and business webhook URL. */
  readonly webhookUrl: string;
  readonly installations: InstallationStore;
  close(): Promise<void>;
}

/**
 * Starts the example droplet service: on `droplet_installed` it obtains the installation's credentials (v1 inline,
 * v2 by exchange), registers its callbacks with a `FluidClient` and keeps their `cvt_` tokens; it serves
 * `test_callback_system` and `update_cart_shipping`, and forgets the installation on `droplet_uninstalled`.
 *
 * @example
 * const service = await startDropletService({ fluidBaseUrl: emulator.url, dropletSecret: 'dws_…' })
 */
export async function startDropletService(options: DropletServiceOptions): Promise<DropletService> {
  const logger = options.logger ?? consoleLogger;
  const baseUrl = options.fluidBaseUrl;
  // The exchange is the one call Fluid takes without Authorization, so this client has no token.
  const exchangeClient = new FluidClient({ baseUrl });
  const installations = new InstallationStore();
  const server = createServer();
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the service is not on a TCP port');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  const publicUrl = (options.publicUrl ?? url).replace(/\/$/, '');

  const webhooks = createWebhookHandler({
    logger,
    // Install and uninstall verify only against the droplet secret; business events only against the company key.
    dropletSecret: options.dropletSecret,
    resolveKeys: ({ shop }) => installations.byShop(shop)?.webhookVerificationToken ?? null,
    on: {
      droplet_installed: async (event) => {
        const installation = normalizeInstallation(event);
        const installationUuid = installation.dropletInstallationUuid;
        if (installationUuid === null)
          throw new Error('this example needs droplet_installation_uuid to key installs');
        const credentials = await resolveInstallationCredentials(installation, {
          exchange: (token) => exchangeClient.dropletInstallations.exchange(token),
        });
        const client = new FluidClient({ baseUrl, token: credentials.authenticationToken });
        const registrations = [];
        for (const name of servedCallbacks) {
          registrations.push(
            await registerCallback(client, {
              definition_name: name,
              url: `${publicUrl}/callbacks/${name}`,
              timeout_in_seconds: 20,
            }),
          );
        }
        installations.save({
          installationUuid,
          shop: installation.shop,
          companyId: installation.companyId,
          authenticationToken: credentials.authenticationToken,
          webhookVerificationToken: credentials.webhookVerificationToken,
          registrations,
        });
      },
      droplet_uninstalled: (event) => {
        installations.remove(event.payload.company.droplet_installation_uuid);
      },
    },
  });

  const callbackOptions = {
    logger,
    // A token only opens the definition it was registered for, and names the installation it was registered by.
    registrations: installations,
    ...(options.callbackTimeoutMs === undefined ? {} : { timeoutMs: options.callbackTimeoutMs }),
  };
  const routes = new Map<string, FetchHandler>([
    ['/webhooks', webhooks],
    [
      '/callbacks/test_callback_system',
      createCallbackHandler.for(
        'test_callback_system',
        (request) => ({ message: `received: ${request.message}` }),
        callbackOptions,
      ),
    ],
    [
      '/callbacks/update_cart_shipping',
      createCallbackHandler.for('update_cart_shipping', quoteShipping, {
        ...callbackOptions,
        // Checkout shows no shipping at all on a failed call, so a slow quote falls back to a flat rate.
        onFailure: (failure) =>
          failure.stage === 'timeout'
            ? { shipping_options: [{ shipping_title: 'Standard', shipping_total: 9.99 }] }
            : undefined,
      }),
    ],
  ]);
  const notFound: FetchHandler = async () => Response.json({ error: 'not_found' }, { status: 404 });
  const nodeHandlers = new Map(
    [...routes].map(([path, handler]) => [path, toNodeHandler(handler, { logger })]),
  );
  const fallback = toNodeHandler(notFound, { logger });
  server.on('request', (request, response) => {
    const path = new URL(request.url ?? '/', 'http://service').pathname;
    (nodeHandlers.get(path) ?? fallback)(request, response);
  });

  return {
    url,
    webhookUrl: `${url}/webhooks`,
    installations,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
