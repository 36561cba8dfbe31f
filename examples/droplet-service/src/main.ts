// Runs the example service. Environment: FLUID_BASE_URL and DROPLET_SECRET (required); PORT, HOST, PUBLIC_URL;
// DATABASE_URL (PostgreSQL; memory without it) with STORE_ENCRYPTION_KEYS (`id:base64,…`, newest first);
// FULFILMENT_URL (where orders go); WEBHOOK_TIMEOUT_MS and WEBHOOK_LEASE_MS.
import { consoleLogger } from '@fluid-droplet/sdk/receive';
import { openStores, parseEncryptionKeys } from './open-stores.js';
import { startDropletService } from './service.js';

const env = process.env;
if (env.FLUID_BASE_URL === undefined || env.DROPLET_SECRET === undefined) {
  console.error('set FLUID_BASE_URL and DROPLET_SECRET');
  process.exit(1);
}
const encryptionKeys = parseEncryptionKeys(env.STORE_ENCRYPTION_KEYS);
const opened = await openStores({
  ...(env.DATABASE_URL === undefined ? {} : { databaseUrl: env.DATABASE_URL }),
  ...(encryptionKeys === undefined ? {} : { encryptionKeys }),
  logger: consoleLogger,
});
const service = await startDropletService({
  fluidBaseUrl: env.FLUID_BASE_URL,
  dropletSecret: env.DROPLET_SECRET,
  stores: opened.stores,
  port: Number(env.PORT ?? 4100),
  host: env.HOST ?? '127.0.0.1',
  ...(env.PUBLIC_URL === undefined ? {} : { publicUrl: env.PUBLIC_URL }),
  ...(env.FULFILMENT_URL === undefined ? {} : { fulfilmentUrl: env.FULFILMENT_URL }),
  ...(env.WEBHOOK_TIMEOUT_MS === undefined ? {} : { webhookTimeoutMs: Number(env.WEBHOOK_TIMEOUT_MS) }),
  ...(env.WEBHOOK_LEASE_MS === undefined ? {} : { webhookLeaseMs: Number(env.WEBHOOK_LEASE_MS) }),
});
console.info(`droplet service listening on ${service.url} (webhooks at ${service.webhookUrl})`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void service
      .close()
      .then(() => opened.close())
      .then(() => process.exit(0));
  });
}
