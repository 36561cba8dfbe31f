import { once } from 'node:events';
import { createServer } from 'node:http';
import {
  type CallbackName,
  createMemoryStore,
  type DesiredRegistration,
  type DropletStores,
  syncRegistrations,
  syncWebhooks,
  tokenDigest,
  webhookKeysByShop,
} from '@fluid-droplet/sdk';
import { FluidClient } from '@fluid-droplet/sdk/client';
import {
  consoleLogger,
  createCallbackHandler,
  createWebhookHandler,
  type FetchHandler,
  type IdempotencyStore as LegacyIdempotencyStore,
  normalizeInstallation,
  type ReceiveLogger,
  resolveInstallationCredentials,
  toNodeHandler,
} from '@fluid-droplet/sdk/receive';
import type { IdempotencyStore } from '@fluid-droplet/sdk/stores';
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
  readonly logger?: ReceiveLogger;
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

// The receiving side in this release claims deliveries through setIfAbsent/set/delete; the lease-based store
// answers the same questions (a claim with a lease, completion, release).
function legacyIdempotency(store: IdempotencyStore, leaseMs: number | undefined): LegacyIdempotencyStore {
  return {
    setIfAbsent: async (key, ttlMs) => (await store.claim(key, leaseMs ?? ttlMs)) === 'claimed',
    set: (key) => store.complete(key),
    delete: (key) => store.release(key),
  };
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

  const companyKeys = webhookKeysByShop(stores.installations);
  const webhooks = createWebhookHandler({
    logger,
    idempotencyStore: legacyIdempotency(stores.idempotency, options.webhookLeaseMs),
    ...(options.webhookTimeoutMs === undefined ? {} : { handlerTimeoutMs: options.webhookTimeoutMs }),
    resolveKeys: async ({ shop, event }) =>
      event.name.startsWith('droplet_') ? options.dropletSecret : companyKeys({ shop }),
    on: {
      droplet_installed: async (event) => {
        const installation = normalizeInstallation(event);
        const credentials = await resolveInstallationCredentials(installation, {
          exchange: (token) => exchangeClient.dropletInstallations.exchange(token),
        });
        const installationUuid = installation.dropletInstallationUuid;
        await stores.installations.save({
          installationUuid,
          shop: installation.shop,
          companyId: String(installation.companyId),
          dropletUuid: installation.dropletUuid,
          active: true,
          authenticationToken: credentials.authenticationToken,
          webhookKeys: [credentials.webhookVerificationToken],
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

  const callbackOptions = (name: (typeof servedCallbacks)[number]) => ({
    logger,
    // The token's digest finds the stored registration; it only opens the definition it was registered for.
    resolveKey: async (token: string) => {
      const registration = await stores.registrations.findByTokenDigest(tokenDigest(token));
      return registration?.definitionName === name ? token : null;
    },
    ...(options.callbackTimeoutMs === undefined ? {} : { timeoutMs: options.callbackTimeoutMs }),
  });
  const routes = new Map<string, FetchHandler>([
    ['/webhooks', webhooks],
    [
      '/callbacks/test_callback_system',
      createCallbackHandler.for(
        'test_callback_system',
        (request) => ({ message: `received: ${request.message}` }),
        callbackOptions('test_callback_system'),
      ),
    ],
    [
      '/callbacks/update_cart_shipping',
      createCallbackHandler.for('update_cart_shipping', quoteShipping, {
        ...callbackOptions('update_cart_shipping'),
        // Checkout shows no shipping at all on a failed call, so a slow quote falls back to a flat rate.
        fallback: { shipping_options: [{ shipping_title: 'Standard', shipping_total: 9.99 }] },
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
