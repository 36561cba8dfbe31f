import { once } from 'node:events';
import { createServer } from 'node:http';
import {
  type CallbackName,
  createMemoryStore,
  type DesiredRegistration,
  type DropletStores,
  syncRegistrations,
  syncWebhooks,
  webhookKeysByShop,
} from '@fluid-droplet/sdk';
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
import { forwardOrder } from './fulfilment.js';
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
  /** Where registrations, installations and idempotency claims live. @default createMemoryStore() */
  readonly stores?: DropletStores;
  /** @default 0 (any free port) */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /**
   * The URL Fluid reaches this service at (the load balancer's, with several instances), used in callback
   * registrations and webhook subscriptions. @default the listening URL
   */
  readonly publicUrl?: string;
  /** The deadline for callback replies, in ms. @default 18_000 */
  readonly callbackTimeoutMs?: number;
  /** How long a webhook handler may run, in ms. @default 10_000 */
  readonly webhookTimeoutMs?: number;
  /**
   * How long a delivery's claim holds while its handler runs, in ms: a duplicate meanwhile is not run, and if this
   * instance dies mid-handler the redelivery runs elsewhere once it passes. Keep it above `webhookTimeoutMs`.
   * @default webhookTimeoutMs + 60_000
   */
  readonly webhookLeaseMs?: number;
  /** Where `order_created` orders are forwarded (POST, `Idempotency-Key` = event id). @default logged only */
  readonly fulfilmentUrl?: string;
  /** @default the console */
  readonly logger?: FluidLogger;
}

/** A running droplet service. */
export interface DropletService {
  /** The listening URL, e.g. `http://127.0.0.1:4100`. */
  readonly url: string;
  /** The webhook endpoint to configure as the droplet's install/uninstall and business webhook URL. */
  readonly webhookUrl: string;
  readonly stores: DropletStores;
  close(): Promise<void>;
}

/**
 * Starts the example droplet service. On `droplet_installed` it obtains the installation's credentials (v1 inline,
 * v2 by exchange), keeps them (encrypted at rest with a database), and brings its callback registrations and its
 * `order_created` subscription in step with `syncRegistrations` and `syncWebhooks`. It serves
 * `test_callback_system` and `update_cart_shipping`, verifying each call against the stored registration, forwards
 * orders to fulfilment exactly once across instances, and on `droplet_uninstalled` deactivates the installation.
 *
 * @example
 * const service = await startDropletService({ fluidBaseUrl: emulator.url, dropletSecret: 'dws_…' })
 */
export async function startDropletService(options: DropletServiceOptions): Promise<DropletService> {
  const logger = options.logger ?? consoleLogger;
  const baseUrl = options.fluidBaseUrl;
  const stores = options.stores ?? createMemoryStore();
  // The exchange is the one call Fluid takes without Authorization, so this client has no token.
  const exchangeClient = new FluidClient({ baseUrl });
  const server = createServer();
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the service is not on a TCP port');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  const publicUrl = (options.publicUrl ?? url).replace(/\/$/, '');
  const desiredRegistrations: DesiredRegistration[] = servedCallbacks.map((name) => ({
    definition_name: name,
    url: `${publicUrl}/callbacks/${name}`,
    timeout_in_seconds: 20,
  }));

  const webhooks = createWebhookHandler({
    logger,
    // Install and uninstall verify only against the droplet secret; business events only against the company's
    // keys, looked up by shop in the installation store.
    dropletSecret: options.dropletSecret,
    resolveKeys: webhookKeysByShop(stores.installations),
    // Claims are shared by every instance: a duplicate delivery elsewhere is not run while this one holds it.
    idempotencyStore: stores.idempotency,
    ...(options.webhookTimeoutMs === undefined ? {} : { handlerTimeoutMs: options.webhookTimeoutMs }),
    ...(options.webhookLeaseMs === undefined ? {} : { idempotencyLeaseMs: options.webhookLeaseMs }),
    on: {
      droplet_installed: async (event) => {
        const installation = normalizeInstallation(event);
        const installationUuid = installation.dropletInstallationUuid;
        if (installationUuid === null) {
          throw new Error('this example needs droplet_installation_uuid to key installs');
        }
        const credentials = await resolveInstallationCredentials(installation, {
          exchange: (token) => exchangeClient.dropletInstallations.exchange(token),
        });
        await stores.installations.save({
          installationUuid,
          shop: installation.shop,
          companyId: String(installation.companyId),
          dropletUuid: installation.dropletUuid,
          active: true,
          authenticationToken: credentials.authenticationToken,
          // A v1 install may come without a wvt_ key: business webhooks are then refused until a reinstall.
          webhookKeys:
            credentials.webhookVerificationToken === null ? [] : [credentials.webhookVerificationToken],
        });
        const client = new FluidClient({ baseUrl, token: credentials.authenticationToken });
        // A reinstall finds its registrations and subscriptions in place: their tokens are adopted, nothing is
        // deleted and recreated.
        const registrations = await syncRegistrations({
          client,
          store: stores.registrations,
          installationUuid,
          desired: desiredRegistrations,
          logger,
        }).apply();
        if (registrations.plan.tokenless.length > 0) {
          logger.warn('callback registrations without a token: re-register them', {
            uuids: registrations.plan.tokenless.map((ref) => ref.uuid),
          });
        }
        await syncWebhooks({
          client,
          installationUuid,
          desired: [{ resource: 'order', event: 'created', url: `${publicUrl}/webhooks` }],
          logger,
        }).apply();
      },
      droplet_uninstalled: async (event) => {
        const installationUuid = event.payload.company.droplet_installation_uuid;
        await stores.registrations.deleteForInstallation(installationUuid);
        await stores.installations.deactivate(installationUuid);
      },
      order_created: async (event, { shop, signal }) => {
        await forwardOrder(
          options.fulfilmentUrl,
          { eventId: String(event.id ?? event.identifier), shop, order: event.payload.order },
          signal,
          logger,
        );
      },
    },
  });

  const callbackOptions = {
    logger,
    // The token's digest finds the stored registration: it opens only the definition it was registered for, and
    // names the installation the call is for.
    registrations: stores.registrations,
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
    stores,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
